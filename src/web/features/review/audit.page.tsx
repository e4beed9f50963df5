import { Anchor, Button, Code, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useFiltersInAddress } from '../../lib/filters-in-address.ts';
import { addDays, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { auditExportUrl, useAudit, type AuditFilter } from './review.api.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import '../../locales/lazy/review.strings.ts';

const PAGE_SIZE = 25;
const TIME_ZONE = 'Europe/Brussels';

// The actions the platform records, grouped by what they touch; the filter offers these.
const ACTIONS = [
  'selection.decide',
  'selection.publish',
  'selection.promote',
  'evaluation.save',
  'evaluation.submit',
  'evaluation.declare_conflict',
  'evaluation.assign',
  'evaluation.unassign',
  'evaluation.auto_assign',
  'application.create',
  'application.update',
  'application.submit',
  'application.withdraw',
  'call.update_form',
  'programme.create',
  'programme.update',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'session.sign_in',
  'session.sign_in_failed',
  'session.lock_out',
  'session.sign_out',
  'session.end',
  'session.end_others',
  'person.change_password',
  'password_reset.complete',
  'city.updated',
  'cities.imported',
  'solution.created',
  'solution.updated',
  'solution.deleted',
];
const RECORD_TYPES = ['application', 'call', 'programme', 'city', 'person', 'invitation', 'solution', 'group', 'meeting', 'post', 'thread', 'visit', 'matching_run'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = ['action', 'entityType', 'entityId', 'from', 'to'] as const;
const Day = z.union([z.literal(''), z.string().regex(DATE)]);
// The filters as typed: whole days, which filterOf turns into instants.
const AuditFilterForm = z.object({ action: z.string().max(80), entityType: z.string().max(40), entityId: z.string().trim().max(80), from: Day, to: Day });

/** The filter in the address, so that a filtered view can be shared and survives a reload. */
function filterOf(params: URLSearchParams): AuditFilter {
  const value = (key: string) => params.get(key) || undefined;
  const from = value('from');
  const to = value('to');
  return {
    action: value('action'),
    entityType: value('entityType'),
    entityId: value('entityId'),
    actorId: value('actorId'),
    // Whole days in the programme's time zone; "until" includes its day.
    from: from && DATE.test(from) ? zonedToUtc(from, '00:00', TIME_ZONE).toISOString() : undefined,
    to: to && DATE.test(to) ? zonedToUtc(addDays(to, 1), '00:00', TIME_ZONE).toISOString() : undefined,
  };
}

/** /admin/audit: who did what to which record, when, with the values before and after. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { params, page, update, clear } = useFiltersInAddress();
  const filter = filterOf(params);
  const audit = useAudit(filter, page, PAGE_SIZE);
  const filterValues = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? '']));
  const actorName = params.get('actorName');

  return (
    <Stack gap="lg">
      <PageTitle>{t('review.audit.title')}</PageTitle>
      <Text>{t('review.audit.intro')}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters">
        <Text id="audit-filters" fw={600} mb="sm">
          {t('review.audit.filters')}
        </Text>
        {/* Filled from the address; a new filter there (a record picked below, Clear) starts it afresh. */}
        <AuditFilters key={JSON.stringify(filterValues)} values={filterValues} onApply={update} onClear={clear} />
        {filter.actorId && (
          <Group mt="sm" gap="xs">
            <Text size="sm">{t('review.audit.onlyActor', { name: actorName ?? filter.actorId })}</Text>
            <Button size="compact-sm" variant="subtle" onClick={() => update({ actorId: null, actorName: null })}>
              {t('review.audit.everyone')}
            </Button>
          </Group>
        )}
      </Paper>
      <Group gap="lg">
        <Anchor href={auditExportUrl(filter, 'csv')} download>
          {t('review.audit.exportCsv')}
        </Anchor>
        <Anchor href={auditExportUrl(filter, 'xlsx')} download>
          {t('review.audit.exportXlsx')}
        </Anchor>
      </Group>
      {audit.isPending && <LoadingState />}
      {audit.isError && <ProblemAlert error={audit.error} />}
      {audit.isSuccess && audit.data.total === 0 && <EmptyState title={t('review.audit.emptyTitle')} description={t('review.audit.emptyBody')} />}
      {audit.isSuccess && audit.data.total > 0 && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder verticalSpacing="sm">
              <ColumnHeads labels={[t('review.audit.when'), t('review.audit.who'), t('review.audit.what'), t('review.audit.record'), t('review.audit.before'), t('review.audit.after')]} />
              <Table.Tbody>
                {audit.data.items.map((event) => {
                  const { before, after, ...rest } = event.details;
                  return (
                    <Table.Tr key={event.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, i18n.language)}</Table.Td>
                      <Table.Td>
                        {event.actorId ? (
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            aria-label={t('review.audit.onlyActorLabel', { name: event.actorName ?? event.actorId })}
                            onClick={() => update({ actorId: event.actorId, actorName: event.actorName })}
                          >
                            {event.actorName ?? event.actorId}
                          </Anchor>
                        ) : (
                          <Text size="sm">{t('review.audit.platform')}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{event.entityType}</Text>
                        {event.entityId && (
                          <Anchor
                            component="button"
                            type="button"
                            size="xs"
                            style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                            // The name the server resolved; the id stays in the tooltip and the filter it sets.
                            title={event.entityId}
                            aria-label={
                              event.entityName
                                ? t('review.audit.onlyNamedRecordLabel', { name: event.entityName })
                                : t('review.audit.onlyRecordLabel', { id: event.entityId })
                            }
                            onClick={() => update({ entityId: event.entityId, entityType: event.entityType })}
                          >
                            {event.entityName ?? event.entityId}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Details value={before} />
                      </Table.Td>
                      <Table.Td>
                        <Details value={after} />
                        {Object.keys(rest).length > 0 && <Details value={rest} />}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={audit.data.total} onChange={(p) => update({ page: String(p) })} label={t('review.audit.pages')} />
        </>
      )}
    </Stack>
  );
}

/** A recorded value as readable JSON (wrapped, never scrolled, so keyboard users can read it all). */
function Details({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <Text size="sm">—</Text>;
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: 360 }}>
      {JSON.stringify(value, null, 1)}
    </Code>
  );
}

function AuditFilters({ values, onApply, onClear }: { values: Record<string, string>; onApply: (filter: Record<string, string | null>) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { action: values.action ?? '', entityType: values.entityType ?? '', entityId: values.entityId ?? '', from: values.from ?? '', to: values.to ?? '' },
    schema: AuditFilterForm,
    onValid: (filter) => onApply({ ...filter }),
  });
  return (
    <form {...form.formProps}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('review.audit.action')} {...form.getInputProps('action')} data={[{ value: '', label: t('review.audit.anyAction') }, ...ACTIONS.map((a) => ({ value: a, label: a }))]} />
        <NativeSelect
          label={t('review.audit.recordType')}
          {...form.getInputProps('entityType')}
          data={[{ value: '', label: t('review.audit.anyRecord') }, ...RECORD_TYPES.map((r) => ({ value: r, label: r }))]}
        />
        <TextInput label={t('review.audit.recordId')} {...form.getInputProps('entityId')} />
        <TextInput type="date" label={t('review.audit.from')} {...form.getInputProps('from')} />
        <TextInput type="date" label={t('review.audit.to')} {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit">{t('review.audit.apply')}</Button>
        <Button variant="default" onClick={onClear}>
          {t('review.audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
