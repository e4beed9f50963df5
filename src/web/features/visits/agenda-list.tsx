import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/visit.schemas.ts';
import { addDays, formatDay } from './visit-format.ts';
import '../../locales/lazy/visits.strings.ts';

/** The agenda grouped by day, each day a table of times, items and places (also used by the printable page). */
export function AgendaList({ visit, headingOrder }: { visit: Visit; headingOrder: 3 | 2 }) {
  const { t, i18n } = useTranslation();
  const days = [...new Set(visit.agenda.map((a) => a.day))].sort((a, b) => a - b);
  if (days.length === 0) return <Text>{t('visits.agenda.empty')}</Text>;
  return (
    <>
      {days.map((day) => (
        <div key={day} className="agenda-day">
          <Title order={headingOrder} size="h4" mt="md" mb="xs">
            {visit.startsOn ? t('visits.agenda.dayWithDate', { day, date: formatDay(addDays(visit.startsOn, day - 1), i18n.language, 'full') }) : t('visits.agenda.day', { day })}
          </Title>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={120}>
                  {t('visits.agenda.time')}
                </Table.Th>
                <Table.Th scope="col">{t('visits.agenda.what')}</Table.Th>
                <Table.Th scope="col">{t('visits.agenda.place')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visit.agenda
                .filter((a) => a.day === day)
                .map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{t('visits.agenda.timeRange', { start: a.startsAt, end: a.endsAt })}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {a.title}
                      </Text>
                      <Text size="sm">{t(`visits.kinds.${a.kind}`)}</Text>
                    </Table.Td>
                    <Table.Td>{a.place || t('visits.agenda.placeTbc')}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </>
  );
}
