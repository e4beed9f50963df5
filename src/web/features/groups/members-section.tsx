import { Button, Group as Row, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useDecideMember } from './groups.api.ts';
import { MembershipBadge } from './membership-badge.tsx';

/** The cities that asked to join, with their status; facilitators admit or decline them. */
export function MembersSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const decide = useDecideMember(group.id);
  const members = group.members ?? [];
  const canManage = group.viewer.canManage;
  return (
    <section aria-labelledby="members-heading">
      <Title order={2} size="h3" id="members-heading" mb="sm">
        {t('groups.members.title')}
      </Title>
      <ProblemAlert error={decide.error} />
      {members.length === 0 ? (
        <EmptyState title={t('groups.members.none')} description={canManage ? t('groups.members.noneHint') : undefined} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('groups.members.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('groups.members.city')}</Table.Th>
                <Table.Th scope="col">{t('groups.members.status')}</Table.Th>
                <Table.Th scope="col">{t('groups.members.sectors')}</Table.Th>
                <Table.Th scope="col">{t('groups.members.message')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('groups.members.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                  <Table.Td>{m.sectors.map((s) => (isSector(s) ? t(`sectors.${s}`) : s)).join(', ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{m.message}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Row gap="xs" wrap="nowrap">
                        {m.status !== 'admitted' && (
                          <Button
                            size="xs"
                            onClick={() => decide.mutate({ cityId: m.cityId, status: 'admitted' })}
                            loading={decide.isPending && decide.variables.cityId === m.cityId && decide.variables.status === 'admitted'}
                            aria-label={t('groups.members.admitCity', { city: m.cityName })}
                          >
                            {t('groups.members.admit')}
                          </Button>
                        )}
                        {m.status !== 'declined' && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            onClick={() => decide.mutate({ cityId: m.cityId, status: 'declined' })}
                            loading={decide.isPending && decide.variables.cityId === m.cityId && decide.variables.status === 'declined'}
                            aria-label={t('groups.members.declineCity', { city: m.cityName })}
                          >
                            {t('groups.members.decline')}
                          </Button>
                        )}
                      </Row>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

const SECTOR_CODES = new Set(['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions'] as const);
function isSector(s: string): s is 'energy' | 'buildings' | 'mobility' | 'circular-economy' | 'industry' | 'nature-based-solutions' {
  return (SECTOR_CODES as Set<string>).has(s);
}
