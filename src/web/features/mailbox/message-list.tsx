import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailboxMessage } from '../../../shared/mailbox.schemas.ts';
import { formatDateTime } from '../../lib/format.ts';
import { MailStatusBadge } from './mail-status-badge.tsx';
import { ColumnHeads } from '../../components/column-heads.tsx';

interface MessageListProps {
  messages: MailboxMessage[];
  openId: string | null;
  onOpen: (id: string) => void;
}

/** The outgoing email, newest first; each subject opens the message. */
export function MessageList({ messages, openId, onOpen }: MessageListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t('mailbox.caption')}</Table.Caption>
        <ColumnHeads labels={[t('mailbox.columns.subject'), t('mailbox.columns.to'), t('mailbox.columns.status'), t('mailbox.columns.created')]} />
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id} bg={message.id === openId ? 'blue.0' : undefined}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  ta="left"
                  fw={message.id === openId ? 700 : 400}
                  aria-current={message.id === openId ? 'true' : undefined}
                  onClick={() => onOpen(message.id)}
                >
                  {message.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {message.to}
                </Text>
              </Table.Td>
              <Table.Td>
                <MailStatusBadge status={message.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(message.createdAt, i18n.language)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
