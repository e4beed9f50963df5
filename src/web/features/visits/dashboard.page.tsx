import '../../locales/lazy/meetings.strings.ts';
import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { KeyFigure } from './key-figure.tsx';
import { VisitLinksMap } from './visit-links-map.tsx';
import { sortByDisplayedName, useCountryName } from '../../lib/format.ts';
import { formatNumber, useSectorName } from './visit-format.ts';
import { dashboardExportUrl, useDashboard, useProgramme, useProgrammeVisits } from './visits.api.ts';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/visits.strings.ts';

/** /programmes/:slug/dashboard: the programme's funnel, travel CO2 and impact, as charts with tables, exportable. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const dashboard = useDashboard(slug);
  const visits = useProgrammeVisits(slug);
  const country = useCountryName();
  const sectorName = useSectorName();
  const n = (v: number, digits = 0) => formatNumber(v, i18n.language, digits);

  if (programme.isPending || dashboard.isPending) return <LoadingState />;
  if (programme.isError || dashboard.isError) {
    return (
      <PageProblem title={t('visits.dashboard.fallbackTitle')} error={programme.error ?? dashboard.error} />
    );
  }
  const d = dashboard.data;
  // The server lists countries by code; people look for them by the name they read.
  const byCountry = sortByDisplayedName(d.impact.byCountry, (s) => country(s.name), i18n.language);
  const meetingCountries = sortByDisplayedName(d.missionMeetings.byCountry, (s) => country(s.name), i18n.language);
  const tallyExtras = (rows: typeof d.impact.bySector) => [
    { heading: t('visits.dashboard.columns.plans'), values: rows.map((r) => n(r.plans)) },
    { heading: t('visits.dashboard.columns.replicated'), values: rows.map((r) => n(r.replicated)) },
    { heading: t('visits.dashboard.columns.inProgress'), values: rows.map((r) => n(r.inProgress)) },
    { heading: t('visits.dashboard.columns.tco2e'), values: rows.map((r) => n(r.tco2e)) },
  ];

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('visits.dashboard.title', { programme: programme.data.title })}</PageTitle>
        <Group gap="lg">
          <RouterAnchor to={`/programmes/${slug}/visits`}>{t('visits.dashboard.visitsLink')}</RouterAnchor>
          <RouterAnchor to={`/programmes/${slug}/outcomes`}>{t('visits.outcomesLink')}</RouterAnchor>
          <Anchor href={dashboardExportUrl(slug, 'csv')} download>
            {t('visits.dashboard.csv')}
          </Anchor>
          <Anchor href={dashboardExportUrl(slug, 'xlsx')} download>
            {t('visits.dashboard.xlsx')}
          </Anchor>
        </Group>
      </div>
      <PageSection id="impact-heading" title={t('visits.dashboard.impactHeading')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <KeyFigure label={t('visits.dashboard.figures.plans')} value={n(d.impact.plans)} />
          <KeyFigure label={t('visits.dashboard.figures.replicated')} value={n(d.impact.replicated)} />
          <KeyFigure label={t('visits.dashboard.figures.inProgress')} value={n(d.impact.inProgress)} />
          <KeyFigure label={t('visits.dashboard.figures.tco2e')} value={n(d.impact.expectedTco2ePerYear)} />
          <KeyFigure label={t('visits.dashboard.figures.travel')} value={t('visits.tonnes', { value: n(d.travelCo2Kg / 1000, 1) })} />
        </SimpleGrid>
      </PageSection>
      <PageSection id="funnel-heading" title={t('visits.dashboard.funnelHeading')}>
        <Text size="sm" mb="sm">
          {t('visits.dashboard.funnelIntro')}
        </Text>
        <BarChart
          title={t('visits.dashboard.funnelChart')}
          bars={d.funnel.map((f) => ({ label: t(`visits.dashboard.funnel.${f.step}`), value: f.cities }))}
          format={(v) => t('visits.dashboard.cities', { count: v })}
          labelHeading={t('visits.dashboard.columns.step')}
          valueHeading={t('visits.dashboard.columns.cities')}
          emptyText={t('visits.dashboard.noData')}
        />
      </PageSection>
      <Stack gap="xl">
        <PageSection id="sector-heading" title={t('visits.dashboard.sectorHeading')}>
          <BarChart
            title={t('visits.dashboard.sectorChart')}
            bars={d.impact.bySector.map((s) => ({ label: sectorName(s.name), value: s.replicated + s.inProgress }))}
            format={(v) => t('visits.dashboard.solutions', { count: v })}
            labelHeading={t('visits.dashboard.columns.sector')}
            valueHeading={t('visits.dashboard.columns.active')}
            extraColumns={tallyExtras(d.impact.bySector)}
            emptyText={t('visits.dashboard.noData')}
          />
        </PageSection>
        <PageSection id="country-heading" title={t('visits.dashboard.countryHeading')}>
          <BarChart
            title={t('visits.dashboard.countryChart')}
            bars={byCountry.map((s) => ({ label: country(s.name), value: s.replicated + s.inProgress }))}
            format={(v) => t('visits.dashboard.solutions', { count: v })}
            labelHeading={t('visits.dashboard.columns.country')}
            valueHeading={t('visits.dashboard.columns.active')}
            extraColumns={tallyExtras(byCountry)}
            emptyText={t('visits.dashboard.noData')}
          />
        </PageSection>
      </Stack>
      <PageSection id="mission-meetings-heading" title={t('meetings.dashboard.heading')}>
        <Text size="sm" mb="sm">
          {t('meetings.dashboard.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
          <KeyFigure label={t('meetings.dashboard.requests')} value={n(d.missionMeetings.requests)} />
          <KeyFigure label={t('meetings.dashboard.accepted')} value={n(d.missionMeetings.accepted)} />
        </SimpleGrid>
        <Stack gap="lg">
          <BarChart
            title={t('meetings.dashboard.sectorChart')}
            bars={d.missionMeetings.bySector.map((s) => ({ label: sectorName(s.name), value: s.requests }))}
            format={(v) => t('meetings.dashboard.meetings', { count: v })}
            labelHeading={t('meetings.dashboard.columns.sector')}
            valueHeading={t('meetings.dashboard.columns.requests')}
            extraColumns={[{ heading: t('meetings.dashboard.columns.accepted'), values: d.missionMeetings.bySector.map((s) => n(s.accepted)) }]}
            emptyText={t('meetings.dashboard.noData')}
          />
          <BarChart
            title={t('meetings.dashboard.countryChart')}
            bars={meetingCountries.map((s) => ({ label: country(s.name), value: s.requests }))}
            format={(v) => t('meetings.dashboard.meetings', { count: v })}
            labelHeading={t('meetings.dashboard.columns.country')}
            valueHeading={t('meetings.dashboard.columns.requests')}
            extraColumns={[{ heading: t('meetings.dashboard.columns.accepted'), values: meetingCountries.map((s) => n(s.accepted)) }]}
            emptyText={t('meetings.dashboard.noData')}
          />
        </Stack>
      </PageSection>
      {visits.isSuccess && visits.data.items.length > 0 && (
        <PageSection id="map-heading" title={t('visits.map.heading')}>
          <VisitLinksMap visits={visits.data.items} />
        </PageSection>
      )}
      <PageSection id="travel-heading" title={t('visits.dashboard.travelHeading')}>
        <Text size="sm" mb="sm">
          {t('visits.dashboard.travelIntro', { total: n(d.travelCo2Kg) })}
        </Text>
        {visits.isPending && <LoadingState />}
        {visits.isError && <ProblemAlert error={visits.error} />}
        {visits.isSuccess && (
          <BarChart
            title={t('visits.dashboard.travelChart')}
            bars={visits.data.items.map((v) => ({ label: v.host.name, value: v.co2Kg }))}
            format={(v) => t('visits.kg', { value: n(v) })}
            labelHeading={t('visits.dashboard.columns.visit')}
            valueHeading={t('visits.dashboard.columns.co2')}
            emptyText={t('visits.dashboard.noData')}
          />
        )}
      </PageSection>
    </Stack>
  );
}
