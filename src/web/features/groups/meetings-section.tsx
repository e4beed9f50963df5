import { Anchor, Button, Group as Row, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Meeting, MeetingMaterial } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PLAIN_LIST } from '../../components/plain-list.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AttendanceSheet } from './attendance-sheet.tsx';
import { meetingCalendarUrl, useMaterials, useMeetings } from './groups.api.ts';
import { MeetingForm } from './meeting-form.tsx';
import { MeetingMaterials } from './meeting-materials.tsx';
import { QueryState } from './query-state.tsx';

/** The group's online meetings; participants get join links and .ics files, facilitators schedule and take attendance. */
export function MeetingsSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const meetings = useMeetings(group.id);
  const [attendanceOf, setAttendanceOf] = useState<Meeting | null>(null);
  const { canManage, isMember } = group.viewer;
  const materials = useMaterials(group.id, canManage || isMember);
  const materialsOf = (meetingId: string) => (materials.data?.items ?? []).filter((m) => m.meetingId === meetingId);

  return (
    <>
      <PageSection id="meetings-heading" title={t('groups.meetings.title')}>
        <Text size="sm" mb="sm">
          {t('groups.meetings.timeZoneNote')}
        </Text>
        <QueryState query={meetings} />
        <ProblemAlert error={materials.error} />
        {meetings.isSuccess && meetings.data.items.length === 0 && <EmptyState title={t('groups.meetings.none')} description={canManage ? t('groups.meetings.noneHint') : undefined} />}
        {meetings.isSuccess && meetings.data.items.length > 0 && (
          <Stack gap="sm" component="ul" style={PLAIN_LIST}>
            {meetings.data.items.map((meeting) => (
              <MeetingItem
                key={meeting.id}
                meeting={meeting}
                groupId={group.id}
                materials={materials.isSuccess ? materialsOf(meeting.id) : null}
                mayDownload={canManage || isMember}
                canManage={canManage}
                onAttendance={() => setAttendanceOf(meeting)}
              />
            ))}
          </Stack>
        )}
      </PageSection>
      {canManage && attendanceOf && <AttendanceSheet key={attendanceOf.id} groupId={group.id} meeting={attendanceOf} onClose={() => setAttendanceOf(null)} />}
      {canManage && (
        <PageSection id="schedule-heading" title={t('groups.meetings.scheduleTitle')}>
          <Paper withBorder p="lg" radius="md">
            <MeetingForm groupId={group.id} phases={group.phases} />
          </Paper>
        </PageSection>
      )}
    </>
  );
}

function MeetingItem({
  meeting,
  groupId,
  materials,
  mayDownload,
  canManage,
  onAttendance,
}: {
  meeting: Meeting;
  groupId: string;
  /** null until loaded, or for people outside the group. */
  materials: MeetingMaterial[] | null;
  mayDownload: boolean;
  canManage: boolean;
  onAttendance: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `meeting-${meeting.id}-title`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {meeting.title}
      </Title>
      <Text size="sm">
        {t('groups.meetings.when', { phase: meeting.phaseNumber, when: formatDateTime(meeting.startsAt, i18n.language), minutes: meeting.durationMinutes })}
      </Text>
      {meeting.agenda && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
          {meeting.agenda}
        </Text>
      )}
      <Row gap="md" mt="xs">
        {meeting.joinUrl && (
          <Anchor href={meeting.joinUrl} target="_blank" rel="noopener noreferrer" size="sm" aria-label={t('groups.meetings.joinFor', { title: meeting.title })}>
            {t('groups.meetings.join')}
          </Anchor>
        )}
        {mayDownload && (
          <Anchor href={meetingCalendarUrl(meeting.id)} download="meeting.ics" size="sm" aria-label={t('groups.meetings.downloadFor', { title: meeting.title })}>
            {t('groups.meetings.download')}
          </Anchor>
        )}
        {canManage && (
          <Button size="xs" variant="default" onClick={onAttendance} aria-label={t('groups.meetings.attendanceFor', { title: meeting.title })}>
            {t('groups.meetings.attendance')}
          </Button>
        )}
      </Row>
      {materials && <MeetingMaterials groupId={groupId} meetingId={meeting.id} meetingTitle={meeting.title} materials={materials} canManage={canManage} />}
    </Paper>
  );
}
