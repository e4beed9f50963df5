import { Alert, Badge, Button, Group, List, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallKind } from '../../../shared/programme.schemas.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { reasonText } from '../../lib/reason-text.ts';
import { EvaluationStatusBadge } from './evaluation-status-badge.tsx';
import { ApplicationsExportLinks, CallRoute } from './call-route.tsx';
import { callKindKey, LARGE_SPREAD, ReviewProblem, warningAlertProps } from './review-problem.tsx';
import { useAutoAssign, useCall, useChangeAssignment, useEvaluationOverview, type EvaluationOverview } from './review.api.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/review.strings.ts';

/** /programmes/:slug/calls/:kind/evaluation: assignments, progress, scores, spread and ranking. */
export function EvaluationOverviewPage() {
  const { t } = useTranslation();
  return <CallRoute fallbackTitle={t('review.overview.titleFallback')}>{(slug, kind) => <Overview slug={slug} kind={kind} />}</CallRoute>;
}

const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-GB', { maximumFractionDigits: 2 }));

function Overview({ slug, kind }: { slug: string; kind: CallKind }) {
  const { t } = useTranslation();
  const call = useCall(slug, kind);
  const overview = useEvaluationOverview(slug, kind);
  if (call.isPending || overview.isPending) return <LoadingState />;
  if (call.isError || overview.isError) {
    return (
      <PageProblem title={t('review.overview.titleFallback')} error={call.error ?? overview.error} />
    );
  }
  const callName = t(callKindKey(kind));
  const data = overview.data;
  return (
    <Stack gap="lg">
      <PageTitle>{t('review.overview.title', { programme: call.data.programmeTitle, call: callName })}</PageTitle>
      <Group gap="lg">
        <RouterAnchor to={`/programmes/${slug}/calls/${kind}/selection`}>{t('review.overview.toSelection')}</RouterAnchor>
        <ApplicationsExportLinks slug={slug} kind={kind} />
      </Group>
      {call.data.state !== 'closed' && (
        <Alert color="blue" variant="light">
          {t('review.overview.callNotClosed')}
        </Alert>
      )}
      <AutoAssignSection slug={slug} kind={kind} />
      <ProgressSection data={data} />
      <RankingSection slug={slug} kind={kind} data={data} editable={call.data.state === 'closed' && !call.data.decisionsPublishedAt} />
    </Stack>
  );
}

function AutoAssignSection({ slug, kind }: { slug: string; kind: CallKind }) {
  const { t } = useTranslation();
  const assign = useAutoAssign(slug, kind);
  const result = assign.data;
  return (
    <PageSection id="assign-heading" title={t('review.overview.assignHeading')} spacing="xs">
      <Text mb="sm">{t('review.overview.assignIntro')}</Text>
      <Button onClick={() => assign.mutate()} loading={assign.isPending}>
        {t('review.overview.assignAuto')}
      </Button>
      <div aria-live="polite">
        {assign.isError && (
          <div style={{ marginTop: 12 }}>
            <ReviewProblem error={assign.error} />
          </div>
        )}
        {result && result.complete && (
          <Alert color="green" variant="light" mt="sm">
            {t('review.overview.assignDone', { count: result.added, maxLoad: result.maxLoad })}
          </Alert>
        )}
        {result && !result.complete && (
          <Alert {...warningAlertProps} mt="sm" title={t('review.overview.assignIncomplete', { count: result.added })}>
            <List size="sm">
              {result.shortfalls.map((s) => (
                <List.Item key={s.applicationId}>{t('review.overview.shortfall', { city: s.cityName, count: s.missing, reason: reasonText(s.reason) })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </div>
    </PageSection>
  );
}

function ProgressSection({ data }: { data: EvaluationOverview }) {
  const { t } = useTranslation();
  return (
    <PageSection id="progress-heading" title={t('review.overview.progressHeading')} spacing="xs">
      {data.evaluators.length === 0 ? (
        <EmptyState title={t('review.overview.noEvaluators')} description={t('review.overview.noEvaluatorsBody')} />
      ) : (
        <Table striped withTableBorder>
          <ColumnHeads labels={[t('review.overview.evaluator'), t('review.overview.assigned'), t('review.overview.submitted'), t('review.overview.conflicts')]} />
          <Table.Tbody>
            {data.evaluators.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Th scope="row" fw={400}>
                  {e.name}
                </Table.Th>
                <Table.Td>{e.assigned}</Table.Td>
                <Table.Td>{t('review.overview.submittedOf', { submitted: e.submitted, assigned: e.assigned })}</Table.Td>
                <Table.Td>{e.conflicts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </PageSection>
  );
}

function RankingSection({ slug, kind, data, editable }: { slug: string; kind: CallKind; data: EvaluationOverview; editable: boolean }) {
  const { t } = useTranslation();
  const change = useChangeAssignment(slug, kind);
  const [choice, setChoice] = useState<Record<string, string>>({});
  return (
    <PageSection id="ranking-heading" title={t('review.overview.rankingHeading')} spacing="xs">
      <Text mb="sm">{t('review.overview.rankingIntro', { points: LARGE_SPREAD })}</Text>
      <div aria-live="polite">{change.isError && <ReviewProblem error={change.error} />}</div>
      {data.applications.length === 0 ? (
        <EmptyState title={t('review.overview.noApplications')} description={t('review.overview.noApplicationsBody')} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review.rank')}</Table.Th>
                <Table.Th scope="col">{t('review.city')}</Table.Th>
                <Table.Th scope="col">{t('review.score')}</Table.Th>
                <Table.Th scope="col">{t('review.overview.spread')}</Table.Th>
                {data.criteria.map((c) => (
                  <Table.Th scope="col" key={c.id}>
                    {t('review.overview.criterionMean', { name: c.name, max: c.scaleMax })}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('review.overview.evaluators')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.applications.map((a) => {
                const large = a.spread !== null && a.spread >= LARGE_SPREAD;
                const active = a.evaluators.filter((e) => e.status !== 'conflict');
                const candidates = data.evaluators.filter((e) => !a.evaluators.some((x) => x.id === e.id));
                const selectId = `add-${a.applicationId}`;
                return (
                  <Table.Tr key={a.applicationId} style={large ? { background: 'var(--mantine-color-orange-0)' } : undefined}>
                    <Table.Td>
                      {a.rank ?? '—'}
                      {a.tiedWith.length > 0 && (
                        <Text size="xs">{t('review.overview.tiedWith', { cities: a.tiedWith.join(', ') })}</Text>
                      )}
                    </Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {a.cityName} <Text span size="xs">({a.cityCountry})</Text>
                    </Table.Th>
                    <Table.Td>{fmt(a.score)}</Table.Td>
                    <Table.Td>
                      {fmt(a.spread)}
                      {large && (
                        <Badge color="orange" variant="light" c="dark.8" ml={4}>
                          {t('review.overview.largeSpread')}
                        </Badge>
                      )}
                    </Table.Td>
                    {data.criteria.map((c) => (
                      <Table.Td key={c.id}>{fmt(a.byCriterion[c.id] ?? null)}</Table.Td>
                    ))}
                    <Table.Td>
                      <Stack gap={4}>
                        {a.evaluators.length === 0 && <Text size="sm">{t('review.overview.nobodyAssigned')}</Text>}
                        {a.evaluators.map((e) => (
                          <Group key={e.id} gap={6} wrap="nowrap">
                            <Text size="sm">{e.name}</Text>
                            <EvaluationStatusBadge status={e.status} />
                            {e.total !== null && <Text size="sm">{fmt(e.total)}</Text>}
                            {editable && e.status !== 'submitted' && e.status !== 'conflict' && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                aria-label={t('review.overview.unassignLabel', { name: e.name, city: a.cityName })}
                                onClick={() => change.mutate({ applicationId: a.applicationId, evaluatorId: e.id, add: false })}
                              >
                                {t('review.overview.unassign')}
                              </Button>
                            )}
                          </Group>
                        ))}
                        {a.evaluators.map(
                          (e) =>
                            // Arose after the assignment: the evaluator now represents the city (or one in its country); the server refuses their saves.
                            e.conflictOfInterest && (
                              <Stack key={`coi-${e.id}`} gap={2} align="flex-start">
                                <Badge color="red" variant="light" c="dark.8">
                                  {t('review.overview.conflictOfInterest')}
                                </Badge>
                                <Text size="xs" c="red.9">
                                  {e.name}: {reasonText(e.conflictOfInterest)}
                                </Text>
                              </Stack>
                            ),
                        )}
                        {editable && candidates.length > 0 && (
                          <Group gap={6} align="flex-end" wrap="nowrap">
                            <NativeSelect
                              id={selectId}
                              size="xs"
                              label={t('review.overview.addLabel', { city: a.cityName })}
                              value={choice[a.applicationId] ?? ''}
                              onChange={(e) => {
                                const value = e.currentTarget.value;
                                setChoice((c) => ({ ...c, [a.applicationId]: value }));
                              }}
                              data={[{ value: '', label: t('review.overview.choose') }, ...candidates.map((e) => ({ value: e.id, label: e.name }))]}
                            />
                            <Button
                              size="xs"
                              variant="default"
                              disabled={!choice[a.applicationId]}
                              onClick={() => {
                                const evaluatorId = choice[a.applicationId];
                                if (evaluatorId) change.mutate({ applicationId: a.applicationId, evaluatorId, add: true }, { onSuccess: () => setChoice((c) => ({ ...c, [a.applicationId]: '' })) });
                              }}
                            >
                              {t('review.overview.assign')}
                            </Button>
                          </Group>
                        )}
                        <Text size="xs">{t('review.overview.activeCount', { count: active.length })}</Text>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper mt="sm" p="xs">
        <Text size="xs">{t('review.overview.legend')}</Text>
      </Paper>
    </PageSection>
  );
}
