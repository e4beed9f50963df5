import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MatchingOverview, RunDetail } from '../../../shared/matching.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useMatching, usePairRule, usePublishRun, useRun, useStartRun } from './matching.api.ts';
import { RunView, useNumber } from './run-view.tsx';
import { SettingsForm } from './settings-form.tsx';
import { reason } from '../../../shared/reason-texts.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { PageSection } from '../../components/page-section.tsx';
import './matching.css';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import '../../locales/lazy/matching.strings.ts';

function useDate(timeZone: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : i18n.language;
  return (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The selected hosts and visiting cities, or why there are none yet. */
function Candidates({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const { selection } = overview;
  if (!selection.hostsPublished || !selection.visitorsPublished || selection.hosts.length === 0 || selection.visitors.length === 0) {
    const description = !selection.hostsPublished
      ? t('matching.empty.hostsNotPublished')
      : !selection.visitorsPublished
        ? t('matching.empty.visitorsNotPublished')
        : selection.hosts.length === 0
          ? t('matching.empty.noHosts')
          : t('matching.empty.noVisitors');
    return <EmptyState title={t('matching.empty.title')} description={description} />;
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('matching.candidates.hosts', { count: selection.hosts.length })}
        </Title>
        <List size="sm">
          {selection.hosts.map((h) => (
            <List.Item key={h.id}>
              {h.name} ({h.country})
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('matching.candidates.visitors', { count: selection.visitors.length })}
        </Title>
        <List size="sm">
          {selection.visitors.map((v) => (
            <List.Item key={v.id}>
              {v.name} ({v.country}){v.evaluationScore !== null ? ` · ${t('matching.candidates.score', { score: v.evaluationScore })}` : ''}
            </List.Item>
          ))}
        </List>
      </Paper>
    </SimpleGrid>
  );
}

/** Locked and forbidden pairs, each with its undo. */
function PairRules({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const pair = usePairRule(overview.programme.slug);
  const name = new Map([...overview.selection.hosts, ...overview.selection.visitors].map((c) => [c.id, c.name]));
  const rules = overview.settings.pairRules;
  return (
    <PageSection id="pair-rules-title" title={t('matching.pairs.title')} spacing="xs">
      <ProblemAlert error={pair.error} />
      {rules.length === 0 ? (
        <Text size="sm">{t('matching.pairs.none')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {rules.map((r) => {
            const visitor = name.get(r.visitorCityId) ?? r.visitorCityId;
            const host = name.get(r.hostCityId) ?? r.hostCityId;
            return (
              <List.Item key={`${r.hostCityId}-${r.visitorCityId}`}>
                {t(r.rule === 'locked' ? 'matching.pairs.locked' : 'matching.pairs.forbidden', { visitor, host })}{' '}
                {!overview.published && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-label={t('matching.pairs.removeLabel', { visitor, host })}
                    loading={pair.isPending && pair.variables.visitorCityId === r.visitorCityId && pair.variables.hostCityId === r.hostCityId}
                    onClick={() => pair.mutate({ hostCityId: r.hostCityId, visitorCityId: r.visitorCityId, rule: 'none' })}
                  >
                    {t('matching.pairs.remove')}
                  </Button>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </PageSection>
  );
}

function PublishButton({ run, onPublished }: { run: RunDetail; onPublished: () => void }) {
  const { t } = useTranslation();
  const publish = usePublishRun();
  const [open, setOpen] = useState(false);
  const hosts = run.hosts.filter((h) => h.visitors.length > 0);
  const visitors = hosts.reduce((n, h) => n + h.visitors.length, 0);
  const facilitators = hosts.filter((h) => h.facilitator).length;
  const blocked = run.status === 'infeasible' || run.stale !== null;
  return (
    <>
      <ProblemAlert error={publish.error} />
      <Group>
        <Button color="green" disabled={blocked} onClick={() => setOpen(true)}>
          {t('matching.publish.button', { number: run.number })}
        </Button>
        {blocked && <Text size="sm">{run.status === 'infeasible' ? t('matching.publish.infeasible') : t('matching.publish.stale')}</Text>}
      </Group>
      <ConfirmDialog
        opened={open}
        title={t('matching.publish.title', { number: run.number })}
        message={t('matching.publish.message', { visits: hosts.length, hosts: hosts.length, visitors, facilitators })}
        confirmLabel={t('matching.publish.confirm')}
        busy={publish.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          publish.mutate(run.id, {
            onSuccess: () => {
              setOpen(false);
              onPublished();
            },
            onError: () => setOpen(false),
          })
        }
      >
        <Text size="sm">{t('matching.publish.emails')}</Text>
      </ConfirmDialog>
    </>
  );
}

/** The matching page of a programme: settings, runs, the result with its explanations, publication. */
export function MatchingPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [page, setPage] = useState(1);
  const [chosenRun, setChosenRun] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const overview = useMatching(slug, page);
  const start = useStartRun(slug);
  const format = useNumber();
  const data = overview.data;
  const runId = chosenRun ?? data?.runs.items[0]?.id ?? data?.published?.runId ?? null;
  const run = useRun(runId);
  const formatDate = useDate(data?.programme.timeZone ?? 'Europe/Brussels');

  if (overview.isPending) return <LoadingState />;
  if (overview.isError || !data) return <ProblemAlert error={overview.error} />;
  const canRun = data.selection.blocker === null && !data.published;

  return (
    <>
      <PageTitle>{t('matching.title', { programme: data.programme.title })}</PageTitle>
      <Text mb="md">{t('matching.intro')}</Text>
      {notice && (
        <Alert color="green" variant="light" mb="md" role="status">
          {notice}
        </Alert>
      )}
      {data.published && (
        <Alert color="blue" variant="light" mb="md" title={t('matching.published.title')}>
          <Text size="sm">
            {t('matching.published.body', { number: data.published.number, date: formatDate(data.published.publishedAt), name: data.published.publishedBy ?? t('matching.someone') })}
          </Text>
          {/* Why runs, settings and pair rules are gone from the page: the server refuses them with this reason. */}
          <Text size="sm">{reasonText(reason('MATCHING_PUBLISHED_FINAL', { number: data.published.number }))}</Text>
        </Alert>
      )}
      {data.published && (
        <Text mb="md">
          <RouterAnchor to={`/programmes/${encodeURIComponent(slug)}/visits`}>{t('matching.published.visits')}</RouterAnchor>
        </Text>
      )}
      <Stack gap="xl">
        <Candidates overview={data} />
        {canRun && (
          <Paper withBorder p="md" radius="md">
            <SettingsForm overview={data} onSaved={() => setNotice(t('matching.settings.saved'))} />
          </Paper>
        )}
        {data.selection.blocker === null && <PairRules overview={data} />}

        <PageSection id="runs-title" title={t('matching.runs.title')} spacing="xs">
          {canRun && (
            <>
              <ProblemAlert error={start.error} />
              <Group mb="md">
                <Button
                  loading={start.isPending}
                  disabled={start.isPending}
                  onClick={() =>
                    start.mutate(data.settings.version, {
                      onSuccess: (r) => {
                        setPage(1);
                        setChosenRun(r.id);
                        setNotice(t('matching.runs.done', { number: r.number }));
                      },
                    })
                  }
                >
                  {data.runs.total === 0 ? t('matching.runs.run') : t('matching.runs.rerun')}
                </Button>
                {start.isPending && (
                  <Text size="sm" role="status">
                    {t('matching.runs.running')}
                  </Text>
                )}
              </Group>
            </>
          )}
          {data.runs.total === 0 ? (
            <Text size="sm">{data.selection.blocker === null ? t('matching.runs.none') : t('matching.runs.noneYet')}</Text>
          ) : (
            <>
              <ScrollRegion label={t('matching.runs.caption')}>
                <Table striped withTableBorder miw={700}>
                  <Table.Caption>{t('matching.runs.caption')}</Table.Caption>
                  <ColumnHeads labels={[t('matching.runs.number'), t('matching.runs.when'), t('matching.runs.by'), t('matching.runs.status'), t('matching.runs.objective'), t('matching.runs.placed'), t('matching.runs.co2'), t('matching.runs.show')]} />
                  <Table.Tbody>
                    {data.runs.items.map((r) => (
                      <Table.Tr key={r.id} aria-current={r.id === runId ? 'true' : undefined}>
                        <Table.Th scope="row">
                          {r.number}{' '}
                          {r.published && (
                            <Badge size="sm" color="blue" variant="outline">
                              {t('matching.runs.publishedBadge')}
                            </Badge>
                          )}
                        </Table.Th>
                        <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                        <Table.Td>{r.createdBy ?? t('matching.someone')}</Table.Td>
                        <Table.Td>{t(`matching.status.${r.status}`)}</Table.Td>
                        <Table.Td>{r.objective === null ? '–' : format(r.objective, 2)}</Table.Td>
                        <Table.Td>{t('matching.runs.placedOf', { placed: r.placed, total: r.placed + r.unplaced })}</Table.Td>
                        <Table.Td>{r.totalCo2Kg === null ? '–' : `${format(r.totalCo2Kg, 0)} kg`}</Table.Td>
                        <Table.Td>
                          <Button size="compact-sm" variant={r.id === runId ? 'filled' : 'default'} aria-label={t('matching.runs.showLabel', { number: r.number })} onClick={() => setChosenRun(r.id)}>
                            {r.id === runId ? t('matching.runs.shown') : t('matching.runs.show')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
              <PaginationBar page={page} pageSize={data.runs.pageSize} total={data.runs.total} onChange={setPage} label={t('matching.runs.pages')} />
            </>
          )}
        </PageSection>

        {runId && (
          <section aria-labelledby="run-title">
            <Title order={2} size="h3" id="run-title" mb="md">
              {run.data ? t('matching.run.title', { number: run.data.number, date: formatDate(run.data.createdAt) }) : t('matching.run.titleLoading')}
            </Title>
            {run.isPending ? (
              <LoadingState />
            ) : run.isError ? (
              <ProblemAlert error={run.error} />
            ) : (
              <Stack gap="lg">
                {!data.published && <PublishButton run={run.data} onPublished={() => setNotice(t('matching.publish.done'))} />}
                <RunView slug={slug} run={run.data} pairRules={data.settings.pairRules} editable={!data.published} />
              </Stack>
            )}
          </section>
        )}
      </Stack>
    </>
  );
}
