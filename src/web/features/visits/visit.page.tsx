import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { WriteToButton } from '../../components/write-to-button.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { AgendaForm } from './agenda-form.tsx';
import { AgendaList } from './agenda-list.tsx';
import { DelegationsSection } from './delegations-section.tsx';
import { FeedbackForm, FeedbackSummaryView } from './feedback-section.tsx';
import { HostUnavailable } from './host-unavailable.tsx';
import { ReplicationSection } from './replication-section.tsx';
import { VisitStatusBadge } from './visit-status-badge.tsx';
import { useCountryName } from '../../lib/format.ts';
import { formatDay, todayInProgramme } from './visit-format.ts';
import { agendaClosedReason } from '../../../domain/visits/agenda-rules.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useProgramme, useVisit, visitCalendarUrl } from './visits.api.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import { PageProblem } from '../../components/page-problem.tsx';
import '../../locales/lazy/visits.strings.ts';

/** /visits/:id: one study visit — who, when, the agenda, delegations, and the follow-up. */
export function VisitPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const visit = useVisit(id);
  const programme = useProgramme(visit.data?.programmeSlug ?? '');
  const user = useCurrentUser();
  const country = useCountryName();

  if (visit.isPending) return <LoadingState />;
  if (visit.isError) {
    return (
      <PageProblem title={t('visits.visitTitleFallback')} error={visit.error} />
    );
  }
  const v = visit.data;
  const settings = programme.data?.settings;
  // Today in the programme's time zone, as the server counts it (Europe/Brussels until the programme is loaded).
  const today = todayInProgramme(settings?.timeZone ?? 'Europe/Brussels');
  const participant = v.viewer.canPlan || v.viewer.isHost || v.viewer.visitingCityIds.length > 0;
  const started = settings !== undefined && v.startsOn !== null && v.startsOn <= today;
  // The server refuses changes to the agenda of a visit that is over; the page says so instead of offering the form.
  const agendaClosed = agendaClosedReason(v, today);
  // The feedback summary: programme managers and this visit's facilitator (the server answers 404 to anyone else).
  const team = v.viewer.canPlan;
  const section = (key: string, title: string, children: React.ReactNode) => (
    <section aria-labelledby={`${key}-heading`}>
      <Title order={2} size="h3" id={`${key}-heading`} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('visits.visitTo', { host: v.host.name })}</PageTitle>
        <Group gap="lg">
          <RouterAnchor to={`/programmes/${v.programmeSlug}/visits`}>{t('visits.backToProgramme', { programme: programme.data?.title ?? v.programmeSlug })}</RouterAnchor>
          <RouterAnchor to={`/visits/${v.id}/programme`}>{t('visits.printable')}</RouterAnchor>
          {participant && v.startsOn && (
            <Anchor href={visitCalendarUrl(v.id)} download>
              {t('visits.ics')}
            </Anchor>
          )}
        </Group>
        {/* The host writes to the visitors, a visitor to the host (only those taking part: the server checks). */}
        {(v.viewer.isHost || v.viewer.visitingCityIds.length > 0) && (
          <Group mt="sm">
            <WriteToButton
              to={`/messages/new?about=visit:${v.id}`}
              label={v.viewer.isHost ? t('visits.writeToVisitors') : t('cities.writeTo', { city: v.host.name })}
              cityIds={v.viewer.isHost ? v.visitors.map((c) => c.id) : [v.host.id]}
            />
          </Group>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm">{t('visits.facts.host')}</Text>
          <RouterAnchor to={`/cities/${v.host.slug}`} fw={600}>
            {v.host.name}
          </RouterAnchor>
          <Text size="sm">{country(v.host.country)}</Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm">{t('visits.facts.visitors')}</Text>
          <Text fw={600}>{v.visitors.map((c) => c.name).join(', ') || '—'}</Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm">{t('visits.facts.facilitator')}</Text>
          <Text fw={600}>{v.facilitator ?? t('visits.toBeConfirmed')}</Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm">{t('visits.facts.dates')}</Text>
          <Text fw={600}>{v.startsOn ? t('visits.range', { start: formatDay(v.startsOn, i18n.language), end: formatDay(v.endsOn ?? v.startsOn, i18n.language) }) : t('visits.noDates')}</Text>
          <VisitStatusBadge visit={v} today={today} />
        </Paper>
      </SimpleGrid>

      {section(
        'agenda',
        t('visits.agenda.title'),
        <Stack gap="md">
          <AgendaList visit={v} headingOrder={3} />
          {(v.viewer.canPlan || v.viewer.isHost) &&
            settings &&
            (agendaClosed ? (
              <Text>{reasonText(agendaClosed)}</Text>
            ) : (
              <Paper withBorder p="md" radius="md">
                <Title order={3} size="h4" mb="sm">
                  {t('visits.agenda.form.title')}
                </Title>
                <AgendaForm visit={v} days={settings.visitLengthDays} />
              </Paper>
            ))}
        </Stack>,
      )}

      {v.hostUnavailable !== null && section('unavailable', t('visits.unavailable.title'), <HostUnavailable visitId={v.id} hostName={v.host.name} dates={v.hostUnavailable} />)}

      {section('delegations', t('visits.delegations.title'), <DelegationsSection visit={v} maxDelegates={settings?.maxDelegatesPerCity ?? 3} />)}

      {(team || ((v.viewer.isHost || v.viewer.visitingCityIds.length > 0) && hasRole(user, 'city_representative'))) &&
        section(
          'feedback',
          t('visits.feedback.title'),
          <Stack gap="md">
            {(v.viewer.isHost || v.viewer.visitingCityIds.length > 0) &&
              hasRole(user, 'city_representative') &&
              (started ? <FeedbackForm visit={v} /> : <Text>{t('visits.feedback.notYet')}</Text>)}
            {team && <FeedbackSummaryView visitId={v.id} />}
          </Stack>,
        )}

      {section('replication', t('visits.replication.title'), <ReplicationSection visit={v} />)}
    </Stack>
  );
}
