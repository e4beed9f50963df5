import { Button, Group as Row, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GroupSummary, type Group } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { CaptionedTable } from './captioned-table.tsx';
import { useDecideMember } from './groups.api.ts';
import { MembershipBadge } from './membership-badge.tsx';

type Member = NonNullable<Group['members']>[number];
type Decision = 'admitted' | 'declined';
const SectorCode = GroupSummary.shape.sectors.element;

/** The cities that asked to join, with their status; facilitators admit or decline them. */
export function MembersSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const decide = useDecideMember(group.id);
  const members = group.members ?? [];
  const canManage = group.viewer.canManage;
  // A request's sectors are stored as given; a code this version does not know is shown as it is.
  const sectorName = (sector: string) => {
    const code = SectorCode.safeParse(sector);
    return code.success ? t(`sectors.${code.data}`) : sector;
  };
  const columns = [t('groups.members.city'), t('groups.members.status'), t('groups.members.sectors'), t('groups.members.message')];
  // A button for each decision the city does not have yet.
  const decisionButton = (m: Member, status: Decision) =>
    m.status !== status && (
      <Button
        size="xs"
        {...(status === 'declined' ? { variant: 'outline', color: 'red.9' } : {})}
        onClick={() => decide.mutate({ cityId: m.cityId, status })}
        loading={decide.isPending && decide.variables.cityId === m.cityId && decide.variables.status === status}
        aria-label={t(status === 'admitted' ? 'groups.members.admitCity' : 'groups.members.declineCity', { city: m.cityName })}
      >
        {t(status === 'admitted' ? 'groups.members.admit' : 'groups.members.decline')}
      </Button>
    );
  return (
    <PageSection id="members-heading" title={t('groups.members.title')}>
      <ProblemAlert error={decide.error} />
      {members.length === 0 ? (
        <EmptyState title={t('groups.members.none')} description={canManage ? t('groups.members.noneHint') : undefined} />
      ) : (
        <CaptionedTable caption={t('groups.members.caption')} minWidth={640} columns={canManage ? [...columns, t('groups.members.actions')] : columns}>
          {members.map((m) => (
            <Table.Tr key={m.cityId}>
              <Table.Th scope="row" fw={600}>
                {m.cityName}
                <Text size="sm" c="dimmed" fw={400}>
                  {m.country}
                </Text>
              </Table.Th>
              <Table.Td>
                <MembershipBadge status={m.status} />
              </Table.Td>
              <Table.Td>{m.sectors.map(sectorName).join(', ')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{m.message}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Row gap="xs" wrap="nowrap">
                    {decisionButton(m, 'admitted')}
                    {decisionButton(m, 'declined')}
                  </Row>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
    </PageSection>
  );
}
