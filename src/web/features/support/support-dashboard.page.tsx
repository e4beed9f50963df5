import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LocalDate } from '../../../shared/text.ts';
import type { SupportDashboard } from '../../../shared/support-dashboard.schemas.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { sortByDisplayedName, useCountryName } from '../../lib/format.ts';
import { dayInWords } from './support-format.tsx';
import { supportExportUrl, useSupportDashboard, type DashboardPeriod } from './support-dashboard.api.ts';
import '../../locales/lazy/support.strings.ts';

const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);
const formatNumber = (value: number, language: string, digits = 0) => new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: digits }).format(value);

/** One headline number with what it counts (as the programmes' dashboard shows them). */
function KeyFigure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

const dateParam = (value: string | null) => (value && LocalDate.safeParse(value).success ? value : null);

/** /support/dashboard (programme managers): the requests of a period by state, sector and country, times to a first answer, overdue, experts' load, satisfaction; exportable. */
export function SupportDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period: DashboardPeriod = { from: dateParam(params.get('from')), to: dateParam(params.get('to')) };
  const dashboard = useSupportDashboard(period);
  const setPeriod = (key: 'from' | 'to', value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (dateParam(value)) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('support.dashboard.title')}</PageTitle>
        <Text mb="sm">{t('support.dashboard.intro')}</Text>
        <Group gap="lg">
          <RouterAnchor to="/support?scope=all">{t('support.dashboard.back')}</RouterAnchor>
          <Anchor href={supportExportUrl(period, 'csv')} download>
            {t('support.dashboard.csv')}
          </Anchor>
          <Anchor href={supportExportUrl(period, 'xlsx')} download>
            {t('support.dashboard.xlsx')}
          </Anchor>
        </Group>
      </div>
      <Group align="flex-end" gap="sm" role="group" aria-label={t('support.dashboard.period')}>
        <TextInput type="date" label={t('support.dashboard.from')} value={period.from ?? ''} onChange={(e) => setPeriod('from', e.currentTarget.value)} w={180} />
        <TextInput type="date" label={t('support.dashboard.to')} value={period.to ?? ''} onChange={(e) => setPeriod('to', e.currentTarget.value)} w={180} />
        {(period.from || period.to) && (
          <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('support.dashboard.clear')}
          </Button>
        )}
      </Group>
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <PageProblem title={t('support.dashboard.title')} error={dashboard.error} />}
      {dashboard.data &&
        (dashboard.data.total === 0 ? (
          <EmptyState title={t('support.dashboard.empty')} description={t('support.dashboard.emptyHint')} />
        ) : (
          <Figures d={dashboard.data} />
        ))}
    </Stack>
  );
}

function Figures({ d }: { d: SupportDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number, digits = 0) => formatNumber(v, lang, digits);
  const days = (v: number | null) => (v === null ? t('support.dashboard.none') : t('support.dashboard.workingDays', { value: n(v, 1), count: v }));
  const hours = (v: number | null) => (v === null ? t('support.dashboard.none') : t('support.dashboard.hours', { value: n(v, 1), count: v }));
  const requests = (v: number) => t('support.dashboard.requests', { count: v });
  const country = useCountryName();
  const sectorName = (code: string) => t(`sectors.${code}` as never);
  const byCountry = sortByDisplayedName(d.byCountry, (c) => country(c.country), lang);
  const c = (key: string) => t(`support.dashboard.columns.${key}` as never);

  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <KeyFigure label={t('support.dashboard.figures.total')} value={n(d.total)} />
        <KeyFigure label={t('support.dashboard.figures.answered')} value={n(d.firstAnswer.answered)} />
        <KeyFigure label={t('support.dashboard.figures.overdue')} value={n(d.overdue.length)} />
        <KeyFigure label={t('support.dashboard.figures.medianDays')} value={days(d.firstAnswer.medianWorkingDays)} />
        <KeyFigure label={t('support.dashboard.figures.p90Days')} value={days(d.firstAnswer.p90WorkingDays)} />
        <KeyFigure label={t('support.dashboard.figures.meanRating')} value={d.satisfaction.mean === null ? t('support.dashboard.none') : t('support.dashboard.score', { score: n(d.satisfaction.mean, 2) })} />
        <KeyFigure label={t('support.dashboard.figures.published')} value={n(d.publishedAnswers)} />
        <KeyFigure label={t('support.dashboard.figures.takeaways')} value={n(d.takeaways)} />
      </SimpleGrid>

      <PageSection id="support-overdue-heading" title={t('support.dashboard.overdueHeading')}>
        {d.overdue.length === 0 ? (
          <Text>{t('support.dashboard.overdueEmpty')}</Text>
        ) : (
          <ScrollRegion label={t('support.dashboard.overdueTable')}>
            <Table striped withTableBorder fz="sm" miw={620} data-testid="overdue-table">
              <Table.Caption>{t('support.dashboard.overdueTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {['request', 'city', 'expert', 'due', 'daysOverdue'].map((k) => (
                    <Table.Th scope="col" key={k}>
                      {c(k)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.overdue.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor to={`/support/${o.id}`} style={{ overflowWrap: 'anywhere' }}>
                        {o.title}
                      </RouterAnchor>
                    </Table.Th>
                    <Table.Td>{o.city.name}</Table.Td>
                    <Table.Td>{o.expert?.name ?? t('support.dashboard.noExpert')}</Table.Td>
                    <Table.Td>{dayInWords(o.dueAt, lang)}</Table.Td>
                    <Table.Td>{n(o.daysOverdue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </PageSection>

      <PageSection id="support-times-heading" title={t('support.dashboard.timesHeading')}>
        <Text size="sm" mb="sm">
          {t('support.dashboard.timesIntro', { count: d.firstAnswer.answered })}
        </Text>
        <ScrollRegion label={t('support.dashboard.timesTable')}>
          <Table striped withTableBorder fz="sm" maw={560}>
            <Table.Caption>{t('support.dashboard.timesTable')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c('measure')}</Table.Th>
                <Table.Th scope="col">{c('workingDays')}</Table.Th>
                <Table.Th scope="col">{c('hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {c('median')}
                </Table.Th>
                <Table.Td>{days(d.firstAnswer.medianWorkingDays)}</Table.Td>
                <Table.Td>{hours(d.firstAnswer.medianHours)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {c('p90')}
                </Table.Th>
                <Table.Td>{days(d.firstAnswer.p90WorkingDays)}</Table.Td>
                <Table.Td>{hours(d.firstAnswer.p90Hours)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </PageSection>

      <PageSection id="support-state-heading" title={t('support.dashboard.stateHeading')}>
        <BarChart
          title={t('support.dashboard.stateChart')}
          bars={d.byState.map((s) => ({ label: t(`support.states.${s.state}`), value: s.count }))}
          format={requests}
          labelHeading={c('state')}
          valueHeading={c('requests')}
          emptyText={t('support.dashboard.noData')}
        />
      </PageSection>
      <PageSection id="support-sector-heading" title={t('support.dashboard.sectorHeading')}>
        <BarChart
          title={t('support.dashboard.sectorChart')}
          bars={d.bySector.map((s) => ({ label: sectorName(s.sector), value: s.count }))}
          format={requests}
          labelHeading={c('sector')}
          valueHeading={c('requests')}
          emptyText={t('support.dashboard.noData')}
        />
      </PageSection>
      <PageSection id="support-country-heading" title={t('support.dashboard.countryHeading')}>
        <BarChart
          title={t('support.dashboard.countryChart')}
          bars={byCountry.map((s) => ({ label: country(s.country), value: s.count }))}
          format={requests}
          labelHeading={c('country')}
          valueHeading={c('requests')}
          emptyText={t('support.dashboard.noData')}
        />
      </PageSection>

      <PageSection id="support-experts-heading" title={t('support.dashboard.expertsHeading')}>
        {d.experts.length === 0 ? (
          <Text>{t('support.dashboard.expertsEmpty')}</Text>
        ) : (
          <ScrollRegion label={t('support.dashboard.expertsTable')}>
            <Table striped withTableBorder fz="sm" miw={620} data-testid="experts-table">
              <Table.Caption>{t('support.dashboard.expertsTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {['expert', 'open', 'capacity', 'answered', 'medianDays', 'medianHours'].map((k) => (
                    <Table.Th scope="col" key={k}>
                      {c(k)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.experts.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={400}>
                      {e.name}
                    </Table.Th>
                    <Table.Td>{n(e.openLoad)}</Table.Td>
                    <Table.Td>{n(e.weeklyCapacity)}</Table.Td>
                    <Table.Td>{n(e.answeredInPeriod)}</Table.Td>
                    <Table.Td>{e.medianWorkingDays === null ? t('support.dashboard.none') : n(e.medianWorkingDays, 1)}</Table.Td>
                    <Table.Td>{e.medianHours === null ? t('support.dashboard.none') : n(e.medianHours, 1)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </PageSection>

      <PageSection id="support-satisfaction-heading" title={t('support.dashboard.satisfactionHeading')}>
        <Text size="sm" mb="sm">
          {t('support.dashboard.ratings', { count: d.satisfaction.ratings })}
          {d.satisfaction.mean !== null && ` · ${t('support.dashboard.figures.meanRating')}: ${t('support.dashboard.score', { score: n(d.satisfaction.mean, 2) })}`} ·{' '}
          {t('support.dashboard.comments', { count: d.satisfaction.comments })}
        </Text>
        <BarChart
          title={t('support.dashboard.satisfactionChart')}
          bars={d.satisfaction.ratings === 0 ? [] : [...d.satisfaction.byScore].reverse().map((s) => ({ label: t('support.dashboard.score', { score: s.score }), value: s.count }))}
          format={(v) => t('support.dashboard.ratings', { count: v })}
          labelHeading={c('score')}
          valueHeading={c('ratings')}
          emptyText={t('support.dashboard.noData')}
        />
      </PageSection>
    </>
  );
}
