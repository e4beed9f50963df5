import { Button, Group as Row, Paper, Radio, Table } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AttendanceStatus, RecordAttendanceBody, type Attendance, type Meeting } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { useAttendance, useRecordAttendance } from './groups.api.ts';
import { QueryState } from './query-state.tsx';
import { SuccessNotice } from './success-notice.tsx';

type Participant = z.infer<typeof Attendance>['participants'][number];
type Status = z.infer<typeof AttendanceStatus>;

/** Present / excused / absent per participant of one meeting, or everyone present at once. */
export function AttendanceSheet({ groupId, meeting, onClose }: { groupId: string; meeting: Meeting; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const sheet = useAttendance(meeting.id);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opened from a button further up: bring keyboard and screen-reader users here.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <PageSection id="attendance-heading" headingRef={headingRef} title={t('groups.attendance.title', { title: meeting.title, when: formatDateTime(meeting.startsAt, i18n.language) })}>
      <Paper withBorder p="lg" radius="md">
        <QueryState query={sheet} />
        {sheet.isSuccess && sheet.data.participants.length > 0 ? (
          <AttendanceForm groupId={groupId} meetingId={meeting.id} participants={sheet.data.participants} onClose={onClose} />
        ) : (
          <>
            {sheet.isSuccess && <EmptyState title={t('groups.attendance.none')} description={t('groups.attendance.noneHint')} />}
            <Row mt="md">
              <CloseButton onClose={onClose} />
            </Row>
          </>
        )}
      </Paper>
    </PageSection>
  );
}

/** The sheet of a meeting with participants, from the statuses recorded so far; it saves every participant who has one. */
function AttendanceForm({ groupId, meetingId, participants, onClose }: { groupId: string; meetingId: string; participants: Participant[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useApiForm({
    initialValues: { statuses: participants.map((p) => p.status) },
    schema: RecordAttendanceBody,
    toBody: (v) => ({ records: participants.flatMap((p, i) => (v.statuses[i] ? [{ personId: p.personId, status: v.statuses[i] }] : [])) }),
    mutation: useRecordAttendance(groupId, meetingId),
    onSuccess: () => setSaved(true),
  });
  // The radios are wired by hand (their own radiogroup, below), so their change clears the notice here.
  const change = (statuses: typeof form.values.statuses) => {
    setSaved(false);
    form.setFieldValue('statuses', statuses);
  };
  const statuses = form.values.statuses;

  return (
    <form {...form.formProps} aria-labelledby="attendance-heading">
      <ProblemAlert error={form.requestError} />
      {saved && <SuccessNotice>{t('groups.attendance.saved')}</SuccessNotice>}
      <CaptionedTable caption={t('groups.attendance.caption')} minWidth={640} striped={false} columns={[t('groups.attendance.participant'), t('groups.attendance.city'), t('groups.attendance.status')]}>
          {participants.map((p, i) => (
            <Table.Tr key={p.personId}>
              <Table.Th scope="row">{p.name}</Table.Th>
              <Table.Td>{p.cityName}</Table.Td>
              <Table.Td>
                {/* Plain radios in our own radiogroup: Mantine's Radio.Group puts an aria-label on its wrapper, not on the group. */}
                <Row gap="md" wrap="nowrap" role="radiogroup" aria-label={t('groups.attendance.statusOf', { name: p.name, city: p.cityName })}>
                  {AttendanceStatus.options.map((status) => (
                    <Radio
                      key={status}
                      name={`attendance-${p.personId}`}
                      value={status}
                      checked={statuses[i] === status}
                      onChange={() => change(statuses.map((s, j) => (j === i ? status : s)))}
                      label={t(`groups.attendance.statuses.${status}`)}
                    />
                  ))}
                </Row>
              </Table.Td>
            </Table.Tr>
          ))}
      </CaptionedTable>
      <Row mt="md" gap="sm">
        <Button variant="default" onClick={() => change(participants.map((): Status => 'present'))}>
          {t('groups.attendance.markAllPresent')}
        </Button>
        <Button {...form.submitProps} disabled={statuses.every((s) => s === null)}>
          {t('groups.attendance.save')}
        </Button>
        <CloseButton onClose={onClose} />
      </Row>
    </form>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" onClick={onClose}>
      {t('groups.attendance.close')}
    </Button>
  );
}
