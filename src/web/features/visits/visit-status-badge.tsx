import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '../../../shared/visit.schemas.ts';
import '../../locales/lazy/visits.strings.ts';

/** Where a visit's dates stand; the words carry the meaning, the colour only repeats it. */
export function VisitStatusBadge({ visit, today }: { visit: Pick<VisitSummary, 'startsOn' | 'endsOn' | 'confirmed'>; today: string }) {
  const { t } = useTranslation();
  const status = !visit.startsOn ? 'toSchedule' : !visit.confirmed ? 'proposed' : (visit.endsOn ?? visit.startsOn) < today ? 'completed' : 'confirmed';
  const color = { toSchedule: 'gray.8', proposed: 'violet.9', confirmed: 'blue.9', completed: 'green.9' }[status];
  return (
    <Badge color={color} variant="outline" radius="sm">
      {t(`visits.status.${status}`)}
    </Badge>
  );
}
