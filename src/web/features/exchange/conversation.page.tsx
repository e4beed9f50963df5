import { Anchor, Badge, Button, FileInput, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MESSAGE_ATTACHMENTS_MAX, type ConversationPage as Page, type Message, type Party } from '../../../shared/exchange.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageProblem } from '../../components/page-problem.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { aboutLine, listOf, partyName } from './exchange-format.ts';
import { MeetingRequests } from './meeting-requests.tsx';
import { attachmentUrl, useArchive, useBlock, useConversation, useOlderMessages, useReportMessage, useSendMessage } from './exchange.api.ts';
import '../../locales/lazy/exchange.strings.ts';

/** One conversation: what it is about, who takes part, its messages, the answer box. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  if (conversation.isPending) return <LoadingState />;
  if (conversation.isError) return <PageProblem error={conversation.error} title={t('exchange.title')} notFoundTitle={t('exchange.notFound')} back={{ to: '/messages', label: t('exchange.backToInbox') }} />;
  return <ConversationView page={conversation.data} />;
}

function ConversationView({ page }: { page: Page }) {
  const { t, i18n } = useTranslation();
  const c = page.conversation;
  const mine = c.parties.find((p) => p.id === c.myPartyId);
  const others = c.parties.filter((p) => p.id !== c.myPartyId);
  return (
    <Stack>
      <RouterAnchor to="/messages" size="sm">
        {t('exchange.backToInbox')}
      </RouterAnchor>
      <PageTitle>{c.subject}</PageTitle>
      <Text>{t('exchange.between', { parties: listOf(c.parties.map((p) => partyName(t, p)), i18n.language) })}</Text>
      <AboutCardView page={page} />
      <ConversationActions page={page} mine={mine} others={others} />
      <MeetingRequests conversationId={c.id} />
      <section aria-labelledby="messages-heading">
        <Title order={2} size="h3" id="messages-heading" mb="sm">
          {t('exchange.messages')}
        </Title>
        <OlderMessages conversationId={c.id} cursor={page.olderCursor} />
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {page.messages.map((m) => (
            <MessageItem key={m.id} m={m} />
          ))}
        </Stack>
      </section>
      <ReplyForm conversationId={c.id} />
    </Stack>
  );
}

function AboutCardView({ page }: { page: Page }) {
  const { t } = useTranslation();
  const about = page.conversation.about;
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="about-card">
      <Text size="xs" tt="uppercase" fw={700} c="dark.6">
        {t(`exchange.aboutKind.${about.kind}`)}
      </Text>
      {about.link ? (
        <RouterAnchor to={about.link} fw={600}>
          {aboutLine(t, about)}
        </RouterAnchor>
      ) : (
        <Text fw={600}>{aboutLine(t, about)}</Text>
      )}
    </Paper>
  );
}

function ConversationActions({ page, mine, others }: { page: Page; mine: Party | undefined; others: Party[] }) {
  const { t } = useTranslation();
  const archive = useArchive(page.conversation.id);
  const block = useBlock(mine?.cityId ?? '');
  const [confirming, setConfirming] = useState<Party | null>(null);
  const otherCities = mine?.kind === 'city' ? others.filter((p) => p.kind === 'city' && p.cityId) : [];
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <Button variant="default" onClick={() => archive.mutate(!page.conversation.archived)} loading={archive.isPending}>
          {page.conversation.archived ? t('exchange.unarchiveAction') : t('exchange.archiveAction')}
        </Button>
        {otherCities.map((p) =>
          page.blockedCityIds.includes(p.cityId ?? '') ? (
            <Button key={p.id} variant="default" onClick={() => block.mutate({ blockedCityId: p.cityId ?? '', blocked: false })} loading={block.isPending}>
              {t('exchange.unblock', { city: p.cityName })}
            </Button>
          ) : (
            <Button key={p.id} variant="default" color="red" onClick={() => setConfirming(p)}>
              {t('exchange.block', { city: p.cityName })}
            </Button>
          ),
        )}
      </Group>
      <ProblemAlert error={archive.error ?? block.error} />
      <ConfirmDialog
        opened={confirming !== null}
        title={t('exchange.blockTitle', { city: confirming?.cityName ?? '' })}
        message={t('exchange.blockMessage', { city: confirming?.cityName ?? '' })}
        confirmLabel={t('exchange.blockConfirm')}
        busy={block.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && block.mutate({ blockedCityId: confirming.cityId ?? '', blocked: true }, { onSuccess: () => setConfirming(null) })}
      />
    </>
  );
}

function OlderMessages({ conversationId, cursor }: { conversationId: string; cursor: string | null }) {
  const { t } = useTranslation();
  const [before, setBefore] = useState<string | null>(null);
  const older = useOlderMessages(conversationId, before);
  if (!cursor) return null;
  if (!before)
    return (
      <Button variant="subtle" mb="sm" onClick={() => setBefore(cursor)}>
        {t('exchange.showOlder')}
      </Button>
    );
  if (older.isPending) return <LoadingState />;
  if (older.isError) return <ProblemAlert error={older.error} />;
  return (
    <>
      <OlderMessages conversationId={conversationId} cursor={older.data.olderCursor} />
      <Stack component="ol" gap="sm" mb="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {older.data.messages.map((m) => (
          <MessageItem key={m.id} m={m} />
        ))}
      </Stack>
    </>
  );
}

function MessageItem({ m }: { m: Message }) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const author = m.authorStatus === 'former' ? t('exchange.formerParticipant') : (m.author ?? t('exchange.formerParticipant'));
  return (
    <Paper component="li" withBorder p="md" radius="md" bg={m.mine ? 'blue.0' : undefined} data-testid="message">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{author}</Text>
          {m.authorCity && <Text c="dark.6">{m.authorCity}</Text>}
          {m.authorStatus === 'deactivated' && (
            <Badge color="gray.8" variant="outline">
              {t('exchange.deactivated')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dark.6">
          {formatDateTime(m.createdAt, i18n.language)}
        </Text>
      </Group>
      {m.hidden && (
        <Text fs="italic" mt={8} c="dark.6" data-testid="hidden-message">
          {m.hidden.reason ? t('exchange.hiddenWithReason', { reason: m.hidden.reason }) : t('exchange.hidden')}
        </Text>
      )}
      {m.bodyHtml !== null && (
        // bodyHtml is sanitised by the server (src/server/lib/rich-text.ts: no
        // scripts, no event handlers, no images, only http(s)/mailto links).
        <div className="message-body" style={{ marginTop: 8, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
      )}
      {m.attachments.length > 0 && (
        <Stack component="ul" gap={2} mt="xs" style={{ listStyle: 'none', padding: 0 }} aria-label={t('exchange.attachments')}>
          {m.attachments.map((a) => (
            <li key={a.id}>
              <Anchor href={attachmentUrl(a.id)} download={a.filename} size="sm">
                {t('exchange.attachment', { name: a.filename, size: a.sizeBytes < 1024 * 1024 ? `${Math.max(1, Math.round(a.sizeBytes / 1024))} KB` : `${(a.sizeBytes / (1024 * 1024)).toFixed(1)} MB` })}
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
      {!m.mine && !m.hidden && (
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" c="dark.6" onClick={() => setReporting(true)}>
            {t('exchange.report')}
          </Button>
        </Group>
      )}
      <ReportDialog messageId={m.id} opened={reporting} onClose={() => setReporting(false)} />
    </Paper>
  );
}

function ReportDialog({ messageId, opened, onClose }: { messageId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportMessage();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const close = () => {
    setDone(false);
    setReason('');
    report.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('exchange.reportTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {done ? (
        <Stack>
          <Text role="status">{t('exchange.reported')}</Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            report.mutate({ messageId, reason }, { onSuccess: () => setDone(true) });
          }}
        >
          <Stack>
            <Text size="sm">{t('exchange.reportIntro')}</Text>
            <Textarea label={t('exchange.reportReason')} required minLength={3} maxLength={2000} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
            <ProblemAlert error={report.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={report.isPending}>
                {t('exchange.reportSend')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ReplyForm({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const send = useSendMessage(conversationId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  return (
    <form
      aria-labelledby="reply-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return;
        send.mutate(
          { body, files },
          {
            onSuccess: () => {
              setBody('');
              setFiles([]);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="reply-heading">
          {t('exchange.answer')}
        </Title>
        <Textarea label={t('exchange.yourMessage')} description={t('exchange.messageHint')} required autosize minRows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        <FileInput
          label={t('exchange.attachFiles')}
          description={t('exchange.attachHint', { max: MESSAGE_ATTACHMENTS_MAX })}
          accept="application/pdf"
          multiple
          clearable
          value={files}
          onChange={(f) => setFiles(f.slice(0, MESSAGE_ATTACHMENTS_MAX))}
        />
        <ProblemAlert error={send.error} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('exchange.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
