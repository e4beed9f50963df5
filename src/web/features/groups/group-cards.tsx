import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/group.schemas.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PLAIN_LIST } from '../../components/plain-list.ts';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { SectorBadges } from './sector-badges.tsx';

/** The groups of one programme as cards; each names its sectors, language, places and facilitators. */
export function GroupCards({ groups, headingOrder }: { groups: GroupSummary[]; headingOrder: 2 | 3 }) {
  const { t } = useTranslation();
  if (groups.length === 0) return <EmptyState title={t('groups.noGroups')} description={t('groups.noGroupsHint')} />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={PLAIN_LIST}>
      {groups.map((group) => (
        <Paper component="li" withBorder p="md" radius="md" key={group.id}>
          <Stack gap={6}>
            <Title order={headingOrder} size="h4">
              <RouterAnchor to={`/groups/${group.id}`}>{group.name}</RouterAnchor>
            </Title>
            <SectorBadges sectors={group.sectors} />
            <Text size="sm">{t('groups.languageAndPlaces', { language: group.language.toUpperCase(), admitted: group.admitted, capacity: group.capacity })}</Text>
            {group.facilitators.length > 0 && (
              <Text size="sm">{t('groups.facilitatedBy', { names: group.facilitators.map((f) => f.name).join(', ') })}</Text>
            )}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
