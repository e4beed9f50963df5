import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { SchedulePanel } from './schedule-panel.tsx';
import { VisitStatusBadge } from './visit-status-badge.tsx';
import { formatDay, formatNumber, todayInProgramme } from './visit-format.ts';
import { useProgramme, useProgrammeVisits } from './visits.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { ColumnHeads } from '../../components/column-heads.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/visits.strings.ts';

/** Every visit confirmed and over: rescheduling would only rewrite history (and email everyone). */
const finished = (visits: { confirmed: boolean; startsOn: string | null; endsOn: string | null }[], today: string) =>
  visits.every((v) => v.confirmed && v.startsOn !== null && (v.endsOn ?? v.startsOn) < today);

/** /programmes/:slug/visits: the study visits of an edition; managers schedule them here. */
export function ProgrammeVisitsPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const programme = useProgramme(slug);
  const visits = useProgrammeVisits(slug);
  const user = useCurrentUser();
  const manager = hasRole(user, 'programme_manager');

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <PageProblem title={t('visits.listTitleFallback')} error={programme.error} />
    );
  }
  const today = todayInProgramme(programme.data.settings.timeZone);
  const window = programme.data.milestones.find((m) => m.kind === 'visits') ?? null;
  const windowText = window ? t('visits.window', { start: formatDay(window.startsOn, i18n.language), end: formatDay(window.endsOn, i18n.language) }) : t('visits.noDates');

  return (
    <Stack gap="lg">
      <PageTitle>{t('visits.listTitle', { programme: programme.data.title })}</PageTitle>
      <Group gap="lg">
        <RouterAnchor to={`/programmes/${slug}/outcomes`}>{t('visits.outcomesLink')}</RouterAnchor>
        {manager && <RouterAnchor to={`/programmes/${slug}/dashboard`}>{t('visits.dashboardLink')}</RouterAnchor>}
      </Group>
      <Text>{t('visits.listIntro', { days: programme.data.settings.visitLengthDays, window: windowText })}</Text>
      <PageSection id="visits-heading" title={t('visits.visitsHeading')}>
        {visits.isPending && <LoadingState />}
        {visits.isError && <ProblemAlert error={visits.error} />}
        {visits.isSuccess && visits.data.items.length === 0 && <EmptyState title={t('visits.emptyTitle')} description={t('visits.emptyBody')} />}
        {visits.isSuccess && visits.data.items.length > 0 && (
          <ScrollRegion label={t('visits.tableCaption')}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>{t('visits.tableCaption')}</Table.Caption>
              <ColumnHeads labels={[t('visits.columns.host'), t('visits.columns.visitors'), t('visits.columns.facilitator'), t('visits.columns.dates'), t('visits.columns.status'), t('visits.columns.co2')]} />
              <Table.Tbody>
                {visits.data.items.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor to={`/visits/${v.id}`}>{t('visits.visitTo', { host: v.host.name })}</RouterAnchor>
                    </Table.Th>
                    <Table.Td>{v.visitors.map((c) => c.name).join(', ')}</Table.Td>
                    <Table.Td>{v.facilitator ?? t('visits.toBeConfirmed')}</Table.Td>
                    <Table.Td>{v.startsOn ? t('visits.range', { start: formatDay(v.startsOn, i18n.language), end: formatDay(v.endsOn ?? v.startsOn, i18n.language) }) : windowText}</Table.Td>
                    <Table.Td>
                      <VisitStatusBadge visit={v} today={today} />
                    </Table.Td>
                    <Table.Td>{t('visits.kg', { value: formatNumber(v.co2Kg, i18n.language) })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </PageSection>
      {manager && visits.isSuccess && visits.data.items.length > 0 && (finished(visits.data.items, today) ? <Text>{t('visits.schedule.finished')}</Text> : <SchedulePanel slug={slug} visits={visits.data.items} window={window} />)}
    </Stack>
  );
}
