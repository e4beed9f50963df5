import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/group.schemas.ts';

/** A group's sectors, the same on its card and its page. */
export function SectorBadges({ sectors }: { sectors: GroupSummary['sectors'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {sectors.map((s) => (
        <Badge key={s} variant="outline" color="blue.9">
          {t(`sectors.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}
