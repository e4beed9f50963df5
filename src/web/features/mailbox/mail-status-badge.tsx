import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailboxMessage } from '../../../shared/mailbox.schemas.ts';

const COLOURS: Record<MailboxMessage['status'], string> = { pending: 'blue.9', sent: 'green.9', failed: 'red.9' };

export function MailStatusBadge({ status }: { status: MailboxMessage['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLOURS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`mailStatus.${status}`)}
    </Badge>
  );
}
