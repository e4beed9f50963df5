import { Anchor, Button, Code, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addDays, zonedToUtc } from '../../../domain/time/zoned-time.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { auditExportUrl, useAudit, type AuditFilter } from './review.api.ts';

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
  'city.updated',
  'cities.imported',
  'solution.created',
  'solution.updated',
  'solution.deleted',
];
const RECORD_TYPES = ['application', 'call', 'programme', 'city', 'person', 'invitation', 'solution', 'group', 'meeting', 'post', 'thread', 'visit', 'matching_run'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filter = filterOf(params);
  const audit = useAudit(filter, page, PAGE_SIZE);
  const [form, setForm] = useState({
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  });
  const actorName = params.get('actorName');

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('review.audit.title')}</PageTitle>
      <Text>{t('review.audit.intro')}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters">
        <Text id="audit-filters" fw={600} mb="sm">
          {t('review.audit.filters')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update({ ...form });
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('review.audit.action')}
              value={form.action}
              onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}
              data={[{ value: '', label: t('review.audit.anyAction') }, ...ACTIONS.map((a) => ({ value: a, label: a }))]}
            />
            <NativeSelect
              label={t('review.audit.recordType')}
              value={form.entityType}
              onChange={(e) => setForm({ ...form, entityType: e.currentTarget.value })}
              data={[{ value: '', label: t('review.audit.anyRecord') }, ...RECORD_TYPES.map((r) => ({ value: r, label: r }))]}
            />
            <TextInput label={t('review.audit.recordId')} value={form.entityId} onChange={(e) => setForm({ ...form, entityId: e.currentTarget.value })} />
            <TextInput type="date" label={t('review.audit.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
            <TextInput type="date" label={t('review.audit.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit">{t('review.audit.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setForm({ action: '', entityType: '', entityId: '', from: '', to: '' });
                setParams(new URLSearchParams());
              }}
            >
              {t('review.audit.clear')}
            </Button>
          </Group>
        </form>
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
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('review.audit.when')}</Table.Th>
                  <Table.Th scope="col">{t('review.audit.who')}</Table.Th>
                  <Table.Th scope="col">{t('review.audit.what')}</Table.Th>
                  <Table.Th scope="col">{t('review.audit.record')}</Table.Th>
                  <Table.Th scope="col">{t('review.audit.before')}</Table.Th>
                  <Table.Th scope="col">{t('review.audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
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
                            aria-label={t('review.audit.onlyRecordLabel', { id: event.entityId })}
                            onClick={() => {
                              setForm({ ...form, entityId: event.entityId ?? '', entityType: event.entityType });
                              update({ entityId: event.entityId, entityType: event.entityType });
                            }}
                          >
                            {event.entityId}
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
