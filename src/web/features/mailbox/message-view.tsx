import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxMessage } from '../../../shared/mailbox.schemas.ts';
import { LinkifiedText } from '../../components/linkified-text.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { MailStatusBadge } from './mail-status-badge.tsx';

interface MessageViewProps {
  message: MailboxMessage;
  onClose: () => void;
}

/** One email as it was (or will be) sent; links in the text can be followed. */
export function MessageView({ message, onClose }: MessageViewProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a message moves focus to it, so a screen reader reads it next.
  useEffect(() => {
    headingRef.current?.focus();
  }, [message.id]);

  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-labelledby="message-subject">
      <Stack gap="xs">
        <Title order={2} size="h3" id="message-subject" ref={headingRef} tabIndex={-1}>
          {message.subject}
        </Title>
        <dl style={{ margin: 0 }}>
          <MetaRow label={t('mailbox.columns.to')} value={message.to} />
          <MetaRow label={t('mailbox.columns.created')} value={formatDateTime(message.createdAt, i18n.language)} />
          {message.sentAt && <MetaRow label={t('mailbox.sentAt')} value={formatDateTime(message.sentAt, i18n.language)} />}
        </dl>
        <Group gap="xs">
          <MailStatusBadge status={message.status} />
          {message.attempts > 1 && (
            <Text size="sm" c="dimmed">
              {t('mailbox.attempts', { count: message.attempts })}
            </Text>
          )}
        </Group>
        <Paper bg="gray.0" p="md" radius="sm" mt="sm">
          <div className="email-body">
            <LinkifiedText text={message.text} />
          </div>
        </Paper>
        <Group>
          <Button variant="default" onClick={onClose}>
            {t('mailbox.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MetaRow({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}
