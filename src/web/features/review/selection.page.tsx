import { Alert, Badge, Button, Group, List, Modal, NumberInput, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionBody, type CallKind } from '../../../shared/programme.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { ApplicationsExportLinks, CallRoute } from './call-route.tsx';
import { callKindKey, ReviewProblem, warningAlertProps } from './review-problem.tsx';
import { useCall, useDecide, usePublish, useSelection, type Outcome, type SelectionOverview } from './review.api.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/review.strings.ts';

type Row = SelectionOverview['applications'][number];
const OUTCOME_COLOURS = { selected: 'green', waitlisted: 'yellow', rejected: 'gray' } as const;

/** /programmes/:slug/calls/:kind/selection: decide, check the numbers, publish, then follow withdrawals. */
export function SelectionPage() {
  const { t } = useTranslation();
  return <CallRoute fallbackTitle={t('review.selection.titleFallback')}>{(slug, kind) => <Selection slug={slug} kind={kind} />}</CallRoute>;
}

function OutcomeBadge({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (row.withdrawn) return <Badge color="red" variant="light" c="dark.8">{t('review.selection.withdrawn')}</Badge>;
  if (!row.outcome) return <Badge color="gray" variant="outline" c="dark.8">{t('review.selection.undecided')}</Badge>;
  return (
    <Badge color={OUTCOME_COLOURS[row.outcome]} variant="light" c="dark.8">
      {row.outcome === 'waitlisted' && row.waitlistPosition ? t('review.selection.waitlistedAt', { position: row.waitlistPosition }) : t(`review.outcome.${row.outcome}`)}
    </Badge>
  );
}

function Selection({ slug, kind }: { slug: string; kind: CallKind }) {
  const { t, i18n } = useTranslation();
  const call = useCall(slug, kind);
  const selection = useSelection(slug, kind);
  const publish = usePublish(slug, kind);
  const [deciding, setDeciding] = useState<Row | null>(null);
  const [confirmPublish, setConfirmPublish] = useState(false);

  if (call.isPending || selection.isPending) return <LoadingState />;
  if (call.isError || selection.isError) {
    return (
      <PageProblem title={t('review.selection.titleFallback')} error={call.error ?? selection.error} />
    );
  }
  const data = selection.data;
  const what = t(kind === 'host' ? 'review.selection.hosts' : 'review.selection.visitors');
  const published = data.publishedAt !== null;
  const open = call.data.state === 'closed' && !published;
  const notified = data.applications.filter((a) => a.outcome && !a.withdrawn);
  const changes = data.applications.filter((a) => a.withdrawn || a.promoted);

  return (
    <Stack gap="lg">
      <PageTitle>{t('review.selection.title', { programme: call.data.programmeTitle, call: t(callKindKey(kind)) })}</PageTitle>
      <Group gap="lg">
        <RouterAnchor to={`/programmes/${slug}/calls/${kind}/evaluation`}>{t('review.selection.toEvaluation')}</RouterAnchor>
        <ApplicationsExportLinks slug={slug} kind={kind} />
      </Group>

      <PageSection id="numbers-heading" title={t('review.selection.numbersHeading')} spacing="xs">
        <Text fw={600} data-testid="selection-count">
          {t('review.selection.count', { selected: data.selected, limit: data.limit, what })}
        </Text>
        <Text size="sm">{t('review.selection.others', { waitlisted: data.waitlisted, rejected: data.rejected, undecided: data.undecided })}</Text>
        {published ? (
          <Alert color="green" variant="light" mt="sm">
            {t('review.selection.publishedOn', { date: formatDateTime(data.publishedAt ?? '', i18n.language) })}
          </Alert>
        ) : (
          data.problems.length > 0 && (
            <Alert {...warningAlertProps} mt="sm" title={t('review.selection.problemsTitle')}>
              <List size="sm">
                {data.problems.map((p) => (
                  <List.Item key={p.code}>{reasonText(p)}</List.Item>
                ))}
              </List>
            </Alert>
          )
        )}
        {call.data.state !== 'closed' && (
          <Alert color="blue" variant="light" mt="sm">
            {t('review.selection.callNotClosed')}
          </Alert>
        )}
      </PageSection>

      <PageSection id="decisions-heading" title={t('review.selection.decisionsHeading')} spacing="xs">
        {data.applications.length === 0 ? (
          <EmptyState title={t('review.overview.noApplications')} description={t('review.overview.noApplicationsBody')} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('review.rank')}</Table.Th>
                  <Table.Th scope="col">{t('review.city')}</Table.Th>
                  <Table.Th scope="col">{t('review.score')}</Table.Th>
                  <Table.Th scope="col">{t('review.selection.decision')}</Table.Th>
                  <Table.Th scope="col">{t('review.selection.reason')}</Table.Th>
                  {open && <Table.Th scope="col">{t('review.selection.change')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.applications.map((a) => (
                  <Table.Tr key={a.applicationId}>
                    <Table.Td>{a.rank ?? '—'}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {a.cityName}
                    </Table.Th>
                    <Table.Td>{a.score === null ? '—' : a.score.toLocaleString('en-GB', { maximumFractionDigits: 2 })}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <OutcomeBadge row={a} />
                        {a.promoted && (
                          <Badge color="blue" variant="light" c="dark.8">
                            {t('review.selection.promoted')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.reason ?? '—'}</Text>
                    </Table.Td>
                    {open && (
                      <Table.Td>
                        {!a.withdrawn && (
                          <Button size="xs" variant="default" onClick={() => setDeciding(a)} aria-label={t('review.selection.decideFor', { city: a.cityName })}>
                            {t('review.selection.decide')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PageSection>

      {open && data.applications.length > 0 && (
        <PageSection id="publish-heading" title={t('review.selection.publishHeading')} spacing="xs">
          <Text mb="sm">{t('review.selection.publishIntro')}</Text>
          <div aria-live="polite">{publish.isError && <ReviewProblem error={publish.error} />}</div>
          <Button onClick={() => setConfirmPublish(true)}>{t('review.selection.publish')}</Button>
        </PageSection>
      )}

      {published && (
        <PageSection id="changes-heading" title={t('review.selection.changesHeading')} spacing="xs">
          {changes.length === 0 ? (
            <Text>{t('review.selection.noChanges')}</Text>
          ) : (
            <List>
              {changes.map((a) => (
                <List.Item key={a.applicationId}>
                  {a.withdrawn ? t('review.selection.withdrewLine', { city: a.cityName }) : t('review.selection.promotedLine', { city: a.cityName })}
                </List.Item>
              ))}
            </List>
          )}
        </PageSection>
      )}

      {deciding && <DecisionDialog key={deciding.applicationId} slug={slug} kind={kind} row={deciding} data={data} what={what} onClose={() => setDeciding(null)} />}

      <ConfirmDialog
        opened={confirmPublish}
        title={t('review.selection.publishTitle')}
        message={t('review.selection.publishMessage', { count: notified.length, selected: data.selected, waitlisted: data.waitlisted, rejected: data.rejected })}
        confirmLabel={t('review.selection.publishConfirm')}
        busy={publish.isPending}
        onConfirm={() => publish.mutate(undefined, { onSettled: () => setConfirmPublish(false) })}
        onCancel={() => setConfirmPublish(false)}
      >
        <List size="sm">
          {notified.map((a) => (
            <List.Item key={a.applicationId}>
              {t('review.selection.emailLine', { city: a.cityName, outcome: a.outcome ? t(`review.outcome.${a.outcome}`) : '' })}
            </List.Item>
          ))}
        </List>
      </ConfirmDialog>
    </Stack>
  );
}

const outcomeOf = (value: string) => DecisionBody.shape.outcome.safeParse(value).data;

/** Counts after a change of one application's decision: the effect shown before confirming. */
function effectOf(data: SelectionOverview, row: Row, outcome: Outcome) {
  const count = (o: Outcome) => data.applications.filter((a) => !a.withdrawn && (a.applicationId === row.applicationId ? outcome : a.outcome) === o).length;
  return { selected: count('selected'), waitlisted: count('waitlisted'), rejected: count('rejected') };
}

function DecisionDialog({ slug, kind, row, data, what, onClose }: { slug: string; kind: CallKind; row: Row; data: SelectionOverview; what: string; onClose: () => void }) {
  const { t } = useTranslation();
  const nextPlace = Math.max(0, ...data.applications.filter((a) => a.applicationId !== row.applicationId).map((a) => a.waitlistPosition ?? 0)) + 1;
  const form = useApiForm({
    initialValues: { outcome: row.outcome ?? '', reason: row.reason ?? '', waitlistPosition: row.waitlistPosition ?? nextPlace },
    schema: DecisionBody,
    toBody: (v) => ({
      outcome: outcomeOf(v.outcome),
      reason: v.reason,
      waitlistPosition: v.outcome === 'waitlisted' && typeof v.waitlistPosition === 'number' ? v.waitlistPosition : null,
    }),
    mutation: useDecide(slug, kind, row.applicationId),
    onSuccess: onClose,
  });
  const outcome = outcomeOf(form.values.outcome);
  const effect = outcome ? effectOf(data, row, outcome) : null;

  return (
    <Modal opened onClose={onClose} title={t('review.selection.decideTitle', { city: row.cityName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form {...form.formProps}>
        <Stack gap="md">
          <Radio.Group
            label={t('review.selection.decision')}
            required
            {...form.getInputProps('outcome')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="selected" label={t('review.outcome.selected')} data-autofocus={outcome === null ? true : undefined} />
              <Radio value="waitlisted" label={t('review.outcome.waitlisted')} />
              <Radio value="rejected" label={t('review.outcome.rejected')} />
            </Stack>
          </Radio.Group>
          {outcome === 'waitlisted' && (
            <NumberInput
              label={t('review.selection.waitlistPlace')}
              description={t('review.selection.waitlistPlaceHint')}
              min={1}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('waitlistPosition')}
            />
          )}
          <Textarea
            label={t('review.selection.reason')}
            description={t('review.selection.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reason')}
          />
          {effect && (
            <Alert {...warningAlertProps} color={effect.selected > data.limit ? 'orange' : 'blue'} role="status" title={t('review.selection.effectTitle')}>
              <Text size="sm" fw={600}>
                {t('review.selection.count', { selected: effect.selected, limit: data.limit, what })}
              </Text>
              <Text size="sm">{t('review.selection.effectOthers', { waitlisted: effect.waitlisted, rejected: effect.rejected })}</Text>
              {effect.selected > data.limit && <Text size="sm">{t('review.selection.overLimit', { count: effect.selected - data.limit })}</Text>}
            </Alert>
          )}
          {form.requestError && <ReviewProblem error={form.requestError} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button {...form.submitProps}>
              {t('review.selection.confirmDecision')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
