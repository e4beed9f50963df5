import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/group.schemas.ts';

type Status = NonNullable<Group['members']>[number]['status'];
// Dark shades: Mantine's light badge colours fail WCAG AA contrast.
const COLOURS: Record<Status, string> = { interested: 'blue.9', admitted: 'green.9', declined: 'gray.8' };

export function MembershipBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLOURS[status]}>
      {t(`groups.status.${status}`)}
    </Badge>
  );
}
