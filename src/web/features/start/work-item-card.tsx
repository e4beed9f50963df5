import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkItem } from '../../../shared/work.schemas.ts';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { reasonText } from '../../lib/reason-text.ts';

// Outline badges in dark shades pass WCAG AA contrast; the words carry the meaning, the colour repeats it.
const URGENCY_COLOURS = { overdue: 'red.9', soon: 'blue.9' } as const;

/** What an item's count counts, by queue. */
export type CountUnit = 'applications' | 'evaluations' | 'cities';

/** One thing to do: what it is (a link to where it is done), its date, how many, and how urgent. */
export function WorkItemCard({ item, unit }: { item: WorkItem; unit: CountUnit | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" style={item.urgency === 'overdue' ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <RouterAnchor to={item.link} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {reasonText(item.label)}
          </RouterAnchor>
          {item.date && item.dateMeaning && (
            <Text size="sm" c="dimmed">
              {t(`start.date.${item.dateMeaning}`, { date: formatDateTime(item.date, i18n.language) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {item.count !== null && (
            <Badge variant="outline" color="dark.6" radius="sm">
              {unit ? t(`start.count.${unit}`, { count: item.count }) : item.count}
            </Badge>
          )}
          {item.status && (
            <Badge variant="outline" color="gray.8" radius="sm">
              {t(`programmes.applicationStatus.${item.status}`)}
            </Badge>
          )}
          {item.urgency !== 'later' && (
            <Badge variant="outline" color={URGENCY_COLOURS[item.urgency]} radius="sm">
              {t(`start.urgency.${item.urgency}`)}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
