import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { CaptionedTable } from './captioned-table.tsx';
import { useEligibility, useProgress } from './groups.api.ts';
import { QueryState } from './query-state.tsx';

/**
 * Phases completed per city. Facilitators and managers see every city and
 * attendance by meeting; a city representative sees their own city and,
 * once every phase is done, whether the city may now apply to visit.
 */
export function ProgressSection({ group, representedCityIds }: { group: Group; representedCityIds: string[] }) {
  const { t } = useTranslation();
  const progress = useProgress(group.id, true);
  const canManage = group.viewer.canManage;

  return (
    <PageSection id="progress-heading" title={canManage ? t('groups.progress.title') : t('groups.progress.ownTitle')}>
      <Text size="sm" mb="sm">
        {t('groups.progress.rule')}
      </Text>
      <QueryState query={progress} />
      {progress.isSuccess && (
        <Stack gap="lg">
          {progress.data.cities.length === 0 ? (
            <EmptyState title={t('groups.progress.noCities')} />
          ) : (
            <CaptionedTable
              caption={t('groups.progress.citiesCaption')}
              minWidth={560}
              columns={[
                t('groups.progress.city'),
                ...progress.data.phases.map((p) => t('groups.progress.phaseColumn', { number: p.number })),
                t('groups.progress.meetingsAttended'),
                t('groups.progress.complete'),
              ]}
            >
              {progress.data.cities.map((c) => (
                <Table.Tr key={c.cityId}>
                  <Table.Th scope="row">{c.cityName}</Table.Th>
                  {progress.data.phases.map((p) => (
                    <Table.Td key={p.number}>{c.phasesCompleted.includes(p.number) ? t('groups.progress.done') : t('groups.progress.notYet')}</Table.Td>
                  ))}
                  <Table.Td>{c.meetingsAttended}</Table.Td>
                  <Table.Td fw={c.complete ? 700 : undefined}>{c.complete ? t('groups.progress.yes') : t('groups.progress.no')}</Table.Td>
                </Table.Tr>
              ))}
            </CaptionedTable>
          )}
          {progress.data.cities
            .filter((c) => representedCityIds.includes(c.cityId))
            .map((c) =>
              c.complete ? (
                <VisitorCallNotice key={c.cityId} slug={group.programmeSlug} cityId={c.cityId} cityName={c.cityName} />
              ) : (
                <Text key={c.cityId}>
                  {t('groups.progress.ownMissing', {
                    city: c.cityName,
                    phases: progress.data.phases
                      .filter((p) => !c.phasesCompleted.includes(p.number))
                      .map((p) => p.number)
                      .join(', '),
                  })}
                </Text>
              ),
            )}
          {canManage && progress.data.meetings.length > 0 && (
            <CaptionedTable
              caption={t('groups.progress.meetingsCaption')}
              minWidth={560}
              columns={[
                t('groups.progress.meeting'),
                t('groups.progress.phase'),
                t('groups.attendance.statuses.present'),
                t('groups.attendance.statuses.excused'),
                t('groups.attendance.statuses.absent'),
              ]}
            >
              {progress.data.meetings.map((s) => (
                <MeetingRow key={s.meetingId} meeting={s} />
              ))}
            </CaptionedTable>
          )}
        </Stack>
      )}
    </PageSection>
  );
}

function MeetingRow({ meeting }: { meeting: { title: string; phaseNumber: number; startsAt: string; present: number; excused: number; absent: number } }) {
  const { i18n } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row">
        {meeting.title}
        <Text size="sm" fw={400}>
          {formatDateTime(meeting.startsAt, i18n.language)}
        </Text>
      </Table.Th>
      <Table.Td>{meeting.phaseNumber}</Table.Td>
      <Table.Td>{meeting.present}</Table.Td>
      <Table.Td>{meeting.excused}</Table.Td>
      <Table.Td>{meeting.absent}</Table.Td>
    </Table.Tr>
  );
}

/** Completing the phases is one condition of the visitor call; the server says whether the others hold. */
function VisitorCallNotice({ slug, cityId, cityName }: { slug: string; cityId: string; cityName: string }) {
  const { t } = useTranslation();
  const eligibility = useEligibility(slug, cityId, true);
  if (!eligibility.isSuccess) return <QueryState query={eligibility} />;
  if (eligibility.data.eligible) {
    return (
      <Alert color="green" variant="light" title={t('groups.progress.mayApplyTitle', { city: cityName })}>
        <Text size="sm">{t('groups.progress.mayApply', { city: cityName })}</Text>
        <Anchor component={Link} to={`/programmes/${slug}/calls/visitor`} size="sm" fw={600} c="blue.9" underline="always">
          {t('groups.progress.openVisitorCall')}
        </Anchor>
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light" title={t('groups.progress.phasesDoneTitle', { city: cityName })}>
      <Text size="sm">{t('groups.progress.otherConditions')}</Text>
      <ul>
        {eligibility.data.reasons.map((r) => (
          <li key={r}>
            <Text size="sm">{r}</Text>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
