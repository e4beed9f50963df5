import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageReport } from '../../../shared/exchange.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PaginationBar } from '../../components/pagination-bar.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { listOf } from './exchange-format.ts';
import { useDecideReport, useReports } from './exchange.api.ts';
import '../../locales/lazy/exchange.strings.ts';

/** Messages reported to the programme team: hide each with a reason the parties see, or keep it. */
export function MessageReportsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const reports = useReports(page);
  return (
    <Stack>
      <PageTitle>{t('exchange.reports.title')}</PageTitle>
      <Text>{t('exchange.reports.intro')}</Text>
      {reports.isPending && <LoadingState />}
      {reports.isError && <ProblemAlert error={reports.error} />}
      {reports.data && reports.data.items.length === 0 && <EmptyState title={t('exchange.reports.empty')} />}
      {reports.data?.items.map((r) => <ReportCard key={r.id} r={r} />)}
      {reports.data && <PaginationBar page={page} pageSize={reports.data.pageSize} total={reports.data.total} onChange={setPage} label={t('exchange.reports.pages')} />}
    </Stack>
  );
}

function ReportCard({ r }: { r: MessageReport }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideReport();
  const [hiding, setHiding] = useState(false);
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const headingId = `report-${r.id}`;
  return (
    <Paper component="article" withBorder p="lg" radius="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {r.conversation.subject}
        </Title>
        <Text size="sm" c="dark.6">
          {t('exchange.between', { parties: listOf(r.conversation.parties, i18n.language) })}
        </Text>
        <Text size="sm">{t('exchange.reports.reportedBy', { name: r.reportedBy ?? t('exchange.formerParticipant'), date: formatDateTime(r.reportedAt, i18n.language) })}</Text>
        <Text size="sm" fw={600}>
          {t('exchange.reports.reason', { reason: r.reason })}
        </Text>
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {[r.message.author ?? t('exchange.formerParticipant'), r.message.authorCity].filter(Boolean).join(', ')} · {formatDateTime(r.message.createdAt, i18n.language)}
          </Text>
          {/* Sanitised by the server as every message is. */}
          <div style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: r.message.bodyHtml }} />
        </Paper>
        <ProblemAlert error={decide.error} />
        <Group gap="sm">
          <Button color="red" onClick={() => setHiding(true)}>
            {t('exchange.reports.hide')}
          </Button>
          <Button variant="default" onClick={() => setKeeping(true)}>
            {t('exchange.reports.keep')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={hiding}
        title={t('exchange.reports.hideTitle')}
        message={t('exchange.reports.hideMessage')}
        confirmLabel={t('exchange.reports.hide')}
        busy={decide.isPending}
        confirmDisabled={reason.trim().length < 3}
        onCancel={() => setHiding(false)}
        onConfirm={() => decide.mutate({ reportId: r.id, outcome: 'hidden', reason }, { onSettled: () => setHiding(false) })}
      >
        <Textarea label={t('exchange.reports.hideReason')} description={t('exchange.reports.hideReasonHint')} required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </ConfirmDialog>
      <ConfirmDialog
        opened={keeping}
        title={t('exchange.reports.keepTitle')}
        message={t('exchange.reports.keepMessage')}
        confirmLabel={t('exchange.reports.keep')}
        busy={decide.isPending}
        onCancel={() => setKeeping(false)}
        onConfirm={() => decide.mutate({ reportId: r.id, outcome: 'kept', reason: '' }, { onSettled: () => setKeeping(false) })}
      />
    </Paper>
  );
}
