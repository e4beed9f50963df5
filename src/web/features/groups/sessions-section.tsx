import { Anchor, Button, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Session, SessionMaterial } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AttendanceSheet } from './attendance-sheet.tsx';
import { sessionCalendarUrl, useMaterials, useSessions } from './groups.api.ts';
import { SessionMaterials } from './session-materials.tsx';
import { SessionForm } from './session-form.tsx';

/** The group's online sessions; participants get join links and .ics files, facilitators schedule and take attendance. */
export function SessionsSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const sessions = useSessions(group.id);
  const [attendanceOf, setAttendanceOf] = useState<Session | null>(null);
  const { canManage, isMember } = group.viewer;
  const materials = useMaterials(group.id, canManage || isMember);
  const materialsOf = (sessionId: string) => (materials.data?.items ?? []).filter((m) => m.sessionId === sessionId);

  return (
    <>
      <section aria-labelledby="sessions-heading">
        <Title order={2} size="h3" id="sessions-heading" mb="sm">
          {t('groups.sessions.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('groups.sessions.timeZoneNote')}
        </Text>
        {sessions.isPending && <LoadingState />}
        {sessions.isError && <ProblemAlert error={sessions.error} />}
        {materials.isError && <ProblemAlert error={materials.error} />}
        {sessions.isSuccess && sessions.data.items.length === 0 && <EmptyState title={t('groups.sessions.none')} description={canManage ? t('groups.sessions.noneHint') : undefined} />}
        {sessions.isSuccess && sessions.data.items.length > 0 && (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sessions.data.items.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                groupId={group.id}
                materials={materials.isSuccess ? materialsOf(session.id) : null}
                mayDownload={canManage || isMember}
                canManage={canManage}
                onAttendance={() => setAttendanceOf(session)}
              />
            ))}
          </Stack>
        )}
      </section>
      {canManage && attendanceOf && (
        <AttendanceSheet key={attendanceOf.id} groupId={group.id} session={attendanceOf} onClose={() => setAttendanceOf(null)} />
      )}
      {canManage && (
        <section aria-labelledby="schedule-heading">
          <Title order={2} size="h3" id="schedule-heading" mb="sm">
            {t('groups.sessions.scheduleTitle')}
          </Title>
          <Paper withBorder p="lg" radius="md">
            <SessionForm groupId={group.id} phases={group.phases} />
          </Paper>
        </section>
      )}
    </>
  );
}

function SessionItem({
  session,
  groupId,
  materials,
  mayDownload,
  canManage,
  onAttendance,
}: {
  session: Session;
  groupId: string;
  /** null until loaded, or for people outside the group. */
  materials: SessionMaterial[] | null;
  mayDownload: boolean;
  canManage: boolean;
  onAttendance: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `session-${session.id}-title`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {session.title}
      </Title>
      <Text size="sm">
        {t('groups.sessions.when', { phase: session.phaseNumber, when: formatDateTime(session.startsAt, i18n.language), minutes: session.durationMinutes })}
      </Text>
      {session.agenda && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
          {session.agenda}
        </Text>
      )}
      <Row gap="md" mt="xs">
        {session.joinUrl && (
          <Anchor href={session.joinUrl} target="_blank" rel="noopener noreferrer" size="sm" aria-label={t('groups.sessions.joinFor', { title: session.title })}>
            {t('groups.sessions.join')}
          </Anchor>
        )}
        {mayDownload && (
          <Anchor href={sessionCalendarUrl(session.id)} download="session.ics" size="sm" aria-label={t('groups.sessions.downloadFor', { title: session.title })}>
            {t('groups.sessions.download')}
          </Anchor>
        )}
        {canManage && (
          <Button size="xs" variant="default" onClick={onAttendance} aria-label={t('groups.sessions.attendanceFor', { title: session.title })}>
            {t('groups.sessions.attendance')}
          </Button>
        )}
      </Row>
      {materials && <SessionMaterials groupId={groupId} sessionId={session.id} sessionTitle={session.title} materials={materials} canManage={canManage} />}
    </Paper>
  );
}
