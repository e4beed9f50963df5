import { Alert, Button, Group as Row, Paper, Radio, Table, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendanceStatus, type Meeting } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAttendance, useRecordAttendance } from './groups.api.ts';

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
    <section aria-labelledby="attendance-heading">
      <Title order={2} size="h3" id="attendance-heading" ref={headingRef} tabIndex={-1} mb="sm">
        {t('groups.attendance.title', { title: meeting.title, when: formatDateTime(meeting.startsAt, i18n.language) })}
      </Title>
      <Paper withBorder p="lg" radius="md">
        {sheet.isPending && <LoadingState />}
        {sheet.isError && <ProblemAlert error={sheet.error} />}
        <ProblemAlert error={record.error} />
        {saved && (
          <Alert color="green" variant="light" role="status" mb="md">
            {t('groups.attendance.saved')}
          </Alert>
        )}
        {sheet.isSuccess && participants.length === 0 && <EmptyState title={t('groups.attendance.none')} description={t('groups.attendance.noneHint')} />}
        {sheet.isSuccess && participants.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Caption>{t('groups.attendance.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('groups.attendance.participant')}</Table.Th>
                  <Table.Th scope="col">{t('groups.attendance.city')}</Table.Th>
                  <Table.Th scope="col">{t('groups.attendance.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
    </section>
  );
}
