import { Button, Group as Row, Paper, Radio, Table } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendanceStatus, type Meeting } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { useAttendance, useRecordAttendance } from './groups.api.ts';
import { QueryState } from './query-state.tsx';
import { SuccessNotice } from './success-notice.tsx';
import { TitledSection } from './titled-section.tsx';

type Status = (typeof AttendanceStatus.options)[number];

/** Present / excused / absent per participant of one meeting, or everyone present at once. */
export function AttendanceSheet({ groupId, meeting, onClose }: { groupId: string; meeting: Meeting; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const sheet = useAttendance(meeting.id);
  const record = useRecordAttendance(groupId, meeting.id);
  const [statuses, setStatuses] = useState<Record<string, Status>>({});
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opened from a button further up: bring keyboard and screen-reader users here.
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    if (!sheet.data) return;
    setStatuses(Object.fromEntries(sheet.data.participants.flatMap((p) => (p.status ? [[p.personId, p.status]] : []))));
  }, [sheet.data]);

  const participants = sheet.data?.participants ?? [];
  const change = (personId: string, value: string) => {
    const parsed = AttendanceStatus.safeParse(value);
    if (!parsed.success) return;
    setSaved(false);
    setStatuses((current) => ({ ...current, [personId]: parsed.data }));
  };
  const markAllPresent = () => {
    setSaved(false);
    setStatuses(Object.fromEntries(participants.map((p) => [p.personId, 'present' as const])));
  };
  const records = Object.entries(statuses).map(([personId, status]) => ({ personId, status }));
  const save = () => record.mutate({ records }, { onSuccess: () => setSaved(true) });

  return (
    <TitledSection id="attendance-heading" headingRef={headingRef} title={t('groups.attendance.title', { title: meeting.title, when: formatDateTime(meeting.startsAt, i18n.language) })}>
      <Paper withBorder p="lg" radius="md">
        <QueryState query={sheet} />
        <ProblemAlert error={record.error} />
        {saved && <SuccessNotice>{t('groups.attendance.saved')}</SuccessNotice>}
        {sheet.isSuccess && participants.length === 0 && <EmptyState title={t('groups.attendance.none')} description={t('groups.attendance.noneHint')} />}
        {sheet.isSuccess && participants.length > 0 && (
          <CaptionedTable
            caption={t('groups.attendance.caption')}
            minWidth={640}
            striped={false}
            columns={[t('groups.attendance.participant'), t('groups.attendance.city'), t('groups.attendance.status')]}
          >
            {participants.map((p) => (
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
                        checked={statuses[p.personId] === status}
                        onChange={(e) => change(p.personId, e.currentTarget.value)}
                        label={t(`groups.attendance.statuses.${status}`)}
                      />
                    ))}
                  </Row>
                </Table.Td>
              </Table.Tr>
            ))}
          </CaptionedTable>
        )}
        <Row mt="md" gap="sm">
          {participants.length > 0 && (
            <>
              <Button variant="default" onClick={markAllPresent}>
                {t('groups.attendance.markAllPresent')}
              </Button>
              <Button onClick={save} loading={record.isPending} disabled={records.length === 0}>
                {t('groups.attendance.save')}
              </Button>
            </>
          )}
          <Button variant="subtle" onClick={onClose}>
            {t('groups.attendance.close')}
          </Button>
        </Row>
      </Paper>
    </TitledSection>
  );
}
