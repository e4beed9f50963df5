import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { KeyFigure } from './key-figure.tsx';
import { ReplicationStatusBadge } from './replication-section.tsx';
import { useCountryName } from '../../lib/format.ts';
import { formatDay, formatNumber, useSectorName } from './visit-format.ts';
import { useOutcomes } from './visits.api.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/visits.strings.ts';

/** /programmes/:slug/outcomes: what an edition achieved, for everyone — cities, visits, replication; no personal data. */
export function OutcomesPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const outcomes = useOutcomes(slug);
  const country = useCountryName();
  const sectorName = useSectorName();
  const n = (v: number, digits = 0) => formatNumber(v, i18n.language, digits);

  if (outcomes.isPending) return <LoadingState />;
  if (outcomes.isError) {
    return (
      <PageProblem title={t('visits.outcomes.fallbackTitle')} error={outcomes.error} />
    );
  }
  const o = outcomes.data;
  const cityList = (cities: typeof o.hosts, label: string) => (
    <List aria-label={label} spacing={4}>
      {cities.map((c) => (
        <List.Item key={c.slug}>
          <RouterAnchor to={`/cities/${c.slug}`}>{c.name}</RouterAnchor> ({country(c.country)})
        </List.Item>
      ))}
    </List>
  );

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('visits.outcomes.title', { programme: o.programme.title })}</PageTitle>
        <RouterAnchor to={`/programmes/${slug}/visits`}>{t('visits.dashboard.visitsLink')}</RouterAnchor>
      </div>
      {o.visits.length === 0 ? (
        <EmptyState title={t('visits.outcomes.emptyTitle')} description={t('visits.outcomes.emptyBody')} />
      ) : (
        <>
          <Text>{t('visits.outcomes.intro', { hosts: o.hosts.length, visitors: o.visitingCities.length, visits: o.visits.length })}</Text>
          <PageSection id="outcome-figures" title={t('visits.outcomes.figuresHeading')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
              <KeyFigure label={t('visits.dashboard.figures.plans')} value={n(o.impact.plans)} />
              <KeyFigure label={t('visits.dashboard.figures.replicated')} value={n(o.impact.replicated)} />
              <KeyFigure label={t('visits.dashboard.figures.inProgress')} value={n(o.impact.inProgress)} />
              <KeyFigure label={t('visits.dashboard.figures.tco2e')} value={n(o.impact.expectedTco2ePerYear)} />
              <KeyFigure label={t('visits.dashboard.figures.travel')} value={t('visits.tonnes', { value: n(o.travelCo2Kg / 1000, 1) })} />
            </SimpleGrid>
          </PageSection>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PageSection id="outcome-hosts" title={t('visits.outcomes.hostsHeading')}>
              {cityList(o.hosts, t('visits.outcomes.hostsHeading'))}
            </PageSection>
            <PageSection id="outcome-visitors" title={t('visits.outcomes.visitorsHeading')}>
              {cityList(o.visitingCities, t('visits.outcomes.visitorsHeading'))}
            </PageSection>
          </SimpleGrid>
          <PageSection id="outcome-visits" title={t('visits.outcomes.visitsHeading')}>
            <Stack gap="md">
              {o.visits.map((v) => (
                <Paper key={v.id} withBorder p="md" radius="md" component="article" aria-labelledby={`outcome-visit-${v.id}`}>
                  <Title order={3} size="h4" id={`outcome-visit-${v.id}`}>
                    <RouterAnchor to={`/visits/${v.id}`}>{t('visits.visitTo', { host: v.host.name })}</RouterAnchor>
                  </Title>
                  <Text size="sm">
                    {v.startsOn ? t('visits.range', { start: formatDay(v.startsOn, i18n.language), end: formatDay(v.endsOn ?? v.startsOn, i18n.language) }) : t('visits.noDates')}
                    {' · '}
                    {t('visits.outcomes.visitors', { cities: v.visitors.map((c) => c.name).join(', ') })}
                  </Text>
                  <Text size="sm" mt={4}>
                    {t('visits.outcomes.counts', { plans: v.plans, replicated: v.replicated, inProgress: v.inProgress })}
                  </Text>
                  {v.replications.length > 0 && (
                    <List size="sm" mt="xs" spacing={4}>
                      {v.replications.map((r, i) => (
                        <List.Item key={i}>
                          <Group gap="xs" wrap="wrap">
                            <Text size="sm">
                              {t('visits.outcomes.replication', { city: r.city, title: r.title })}
                              {r.solutionId && r.solutionTitle && (
                                <>
                                  {' '}
                                  ({t('visits.replication.basedOn')} <RouterAnchor to={`/solutions/${r.solutionId}`}>{r.solutionTitle}</RouterAnchor>)
                                </>
                              )}
                            </Text>
                            <ReplicationStatusBadge status={r.status} />
                          </Group>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Paper>
              ))}
            </Stack>
          </PageSection>
          <Stack gap="xl">
            <PageSection id="outcome-sector" title={t('visits.dashboard.sectorHeading')}>
              <BarChart
                title={t('visits.dashboard.sectorChart')}
                bars={o.impact.bySector.map((s) => ({ label: sectorName(s.name), value: s.replicated + s.inProgress }))}
                format={(v) => t('visits.dashboard.solutions', { count: v })}
                labelHeading={t('visits.dashboard.columns.sector')}
                valueHeading={t('visits.dashboard.columns.active')}
                emptyText={t('visits.dashboard.noData')}
              />
            </PageSection>
            <PageSection id="outcome-country" title={t('visits.dashboard.countryHeading')}>
              <BarChart
                title={t('visits.dashboard.countryChart')}
                bars={o.impact.byCountry.map((s) => ({ label: country(s.name), value: s.replicated + s.inProgress }))}
                format={(v) => t('visits.dashboard.solutions', { count: v })}
                labelHeading={t('visits.dashboard.columns.country')}
                valueHeading={t('visits.dashboard.columns.active')}
                emptyText={t('visits.dashboard.noData')}
              />
            </PageSection>
          </Stack>
        </>
      )}
    </Stack>
  );
}
