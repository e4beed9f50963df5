import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../shared/account.schemas.ts';

// Dark shades on the light badge background keep AA contrast; the word, not the colour, carries the meaning.
const COLOURS: Record<Invitation['status'], string> = {
  pending: 'blue.9',
  accepted: 'green.9',
  expired: 'gray.8',
  revoked: 'red.9',
};

export function InvitationStatusBadge({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLOURS[status]}>
      {t(`invitationStatus.${status}`)}
    </Badge>
  );
}
