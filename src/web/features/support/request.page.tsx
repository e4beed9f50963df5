import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MarkSessionHeld, NewSupportAnswer, ReassignSupportRequest, ReopenSupportRequest, type SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { Fact } from '../../components/fact.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { displayName, formatDateTime } from '../../lib/format.ts';
import { reasonText } from '../../lib/reason-text.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { CloseRequestDialog } from './close-request-dialog.tsx';
import { PublicationPanel } from './publication-panel.tsx';
import { RequestAttachments } from './request-attachments.tsx';
import { RequestProblem } from './request-problem.tsx';
import { RouteAgainButton } from './route-again-button.tsx';
import { SessionPanel } from './peer-session-panel.tsx';
import { dayInWords, OverdueBadge, reasonsLine, StateBadge } from './support-format.tsx';
import { useAnswerRequest, useExperts, useMarkSessionHeld, useReassignRequest, useReopenRequest, useSupportRequest } from './support.api.ts';
import '../../locales/lazy/support.strings.ts';

/** /support/:id: the request, who answers it and why, what happened, the answers, and what the person may do now. */
export function SupportRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const request = useSupportRequest(id);
  if (request.isPending) return <LoadingState />;
  if (request.isError) {
    return (
      <Stack>
        <PageTitle>{t('support.title')}</PageTitle>
        <ProblemAlert error={request.error} />
      </Stack>
    );
  }
  return <RequestView r={request.data} reload={() => void request.refetch()} />;
}

function RequestView({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const anyAction = r.can.answer || r.can.markSessionHeld || r.can.close || r.can.reopen || r.can.reassign;
  return (
    <Stack gap="lg" maw={860}>
      <Text size="sm">
        <RouterAnchor to="/support">{t('support.detail.back')}</RouterAnchor>
      </Text>
      <div>
        <PageTitle>{r.title}</PageTitle>
        <Group gap="xs" mt={-8}>
          <StateBadge state={r.state} />
          {r.overdue && <OverdueBadge />}
          {r.urgency === 'urgent' && (
            <Text size="sm" fw={700}>
              {t('support.urgentBadge')}
            </Text>
          )}
        </Group>
      </div>
      {r.overdue && (
        <Alert color="red" variant="light">
          {t('support.detail.overdue', { date: dayInWords(r.firstAnswerDueAt, lang) })}
        </Alert>
      )}
      <Stack gap={4} component="dl" m={0}>
        <Fact term={t('fields.city')} value={r.city.name} />
        <Fact term={t('support.detail.kind')} value={t(`support.kinds.${r.kind}`)} />
        <Fact term={t('support.detail.asked')} value={formatDateTime(r.createdAt, lang)} />
        <Fact term={t('support.detail.dueLabel')} value={dayInWords(r.firstAnswerDueAt, lang)} />
        <Fact
          term={t('support.detail.about')}
          value={[...r.sectors.map((s) => t(`sectors.${s}`)), ...r.levers.map((l) => t(`library.levers.${l}`))].join(', ') || '—'}
        />
        <Fact term={t('support.detail.languages')} value={r.languages.map((code) => displayName(code, 'language', lang)).join(', ')} />
      </Stack>
      <PageSection id="support-question" title={t('support.detail.question')}>
        <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{r.question}</Text>
      </PageSection>
      <RequestAttachments requestId={r.id} />
      <AssignmentCard r={r} reload={reload} />
      {r.kind !== 'answer' && <SessionPanel r={r} reload={reload} />}
      {r.rating && (
        <PageSection id="support-rating" title={t('support.detail.ratingTitle')}>
          <Text fw={600}>{t('support.detail.ratingLine', { score: r.rating.score })}</Text>
          {r.rating.comment && <Text style={{ whiteSpace: 'pre-line' }}>{r.rating.comment}</Text>}
        </PageSection>
      )}
      <PageSection id="support-answers" title={t('support.detail.answersTitle')}>
        {r.answers.length === 0 ? (
          <Text c="dimmed">{t('support.detail.noAnswers')}</Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {r.answers.map((a) => (
              <Paper component="li" key={a.id} withBorder p="md" radius="md" data-testid="support-answer">
                <Text size="sm" c="dark.6">
                  {t('support.detail.answerBy', { name: a.author ?? t('support.detail.formerAuthor'), date: formatDateTime(a.createdAt, lang) })}
                </Text>
                {/* bodyHtml is sanitised by the server, as messages are (src/server/lib/rich-text.ts). */}
                <div style={{ marginTop: 8, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
              </Paper>
            ))}
          </Stack>
        )}
      </PageSection>
      {anyAction && (
        <PageSection id="support-actions" title={t('support.actions.title')}>
          <Stack gap="xl">
            {r.can.answer && <AnswerForm r={r} reload={reload} />}
            {r.can.markSessionHeld && <SessionHeldForm r={r} reload={reload} />}
            {r.can.close && <CloseRequestDialog r={r} reload={reload} />}
            {r.can.reopen && <ReopenForm r={r} reload={reload} />}
            {r.can.reassign && <ReassignForm r={r} reload={reload} />}
          </Stack>
        </PageSection>
      )}
      {r.can.seePublication && <PublicationPanel requestId={r.id} />}
      <PageSection id="support-timeline" title={t('support.detail.timelineTitle')}>
        <Stack component="ol" gap={6} style={{ margin: 0, paddingLeft: 20 }}>
          {r.events.map((e, index) => (
            <li key={`${e.at}-${index}`}>
              <Text size="sm">
                <Text span fw={600}>
                  {formatDateTime(e.at, lang)}
                </Text>{' '}
                {t('support.detail.eventLine', { event: t(`support.detail.events.${e.kind}`), actor: e.actor ?? t('support.detail.platform') })}
                {e.note ? ` — ${e.note}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      </PageSection>
    </Stack>
  );
}

/** Who the request went to and why ("shares buildings and finance, speaks Polish, 2 of 5 weekly slots free"), or why nobody yet. */
function AssignmentCard({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="assignment-card" component="section" aria-labelledby="support-assignment-heading">
      <Title order={2} size="h4" id="support-assignment-heading" mb="xs">
        {t('support.detail.assignmentTitle')}
      </Title>
      {r.assignment ? (
        <Stack gap={4}>
          <Text fw={700}>{t('support.detail.assignedTo', { name: r.assignment.expert.name })}</Text>
          {r.assignment.reasons.length > 0 && <Text>{t('support.detail.why', { reasons: reasonsLine(r.assignment.reasons, i18n.language) })}</Text>}
          <Text size="sm" c="dark.6">
            {t(r.assignment.by === 'manager' ? 'support.detail.byManager' : 'support.detail.byRouting', { date: formatDateTime(r.assignment.at, i18n.language) })}
          </Text>
        </Stack>
      ) : (
        <Stack gap={4}>
          <Text fw={700}>{t('support.detail.unassigned')}</Text>
          {r.unassignedReason && <Text>{reasonText(r.unassignedReason)}</Text>}
          <Text size="sm" c="dark.6">
            {t('support.detail.unassignedHint')}
          </Text>
          {r.can.reassign && r.state === 'submitted' && <RouteAgainButton r={r} reload={reload} />}
        </Stack>
      )}
    </Paper>
  );
}

function AnswerForm({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { body: '' },
    schema: NewSupportAnswer,
    toBody: (v) => ({ body: v.body.trim(), version: r.version }),
    mutation: useAnswerRequest(r.id),
    onSuccess: () => form.setValues({ body: '' }),
  });
  return (
    <form {...form.formProps} aria-label={t('support.actions.answerForm')}>
      <Stack gap="sm">
        <Textarea label={t('support.actions.answer')} description={t('support.actions.answerHint')} required autosize minRows={6} {...form.getInputProps('body')} />
        <RequestProblem error={form.requestError} onReload={reload} />
        <Group>
          <Button {...form.submitProps}>{t('support.actions.sendAnswer')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function SessionHeldForm({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { note: '' },
    schema: MarkSessionHeld,
    toBody: (v) => ({ note: v.note.trim(), version: r.version }),
    mutation: useMarkSessionHeld(r.id),
  });
  return (
    <form {...form.formProps} aria-label={t('support.actions.markHeld')}>
      <Stack gap="sm">
        <Textarea label={t('support.actions.sessionNote')} autosize minRows={2} {...form.getInputProps('note')} />
        <RequestProblem error={form.requestError} onReload={reload} />
        <Group>
          <Button variant="default" {...form.submitProps}>
            {t('support.actions.markHeld')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReopenForm({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useApiForm({
    initialValues: { reason: '' },
    schema: ReopenSupportRequest,
    toBody: (v) => ({ reason: v.reason.trim(), version: r.version }),
    mutation: useReopenRequest(r.id),
    onSuccess: () => setOpen(false),
  });
  if (!open) {
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          {t('support.actions.reopen')}
        </Button>
      </Group>
    );
  }
  return (
    <form {...form.formProps} aria-label={t('support.actions.reopen')}>
      <Stack gap="sm">
        <Textarea label={t('support.actions.reopenReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
        <RequestProblem error={form.requestError} onReload={reload} />
        <Group>
          <Button {...form.submitProps}>{t('support.actions.reopenSend')}</Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReassignForm({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const experts = useExperts(true);
  const form = useApiForm({
    initialValues: { expertId: '', reason: '' },
    schema: ReassignSupportRequest,
    toBody: (v) => ({ expertId: v.expertId, reason: v.reason.trim(), version: r.version }),
    mutation: useReassignRequest(r.id),
    onSuccess: () => form.setValues({ expertId: '', reason: '' }),
  });
  const options = (experts.data?.items ?? [])
    .filter((e) => e.id !== r.assignment?.expert.id)
    .map((e) => ({ value: e.id, label: t('support.actions.expertOption', { name: e.name, load: e.openLoad, capacity: e.weeklyCapacity }) }));
  return (
    <form {...form.formProps} aria-label={t('support.actions.reassign')}>
      <Stack gap="sm">
        <ProblemAlert error={experts.error} />
        {experts.data && options.length === 0 && <Text c="dimmed">{t('support.actions.noExperts')}</Text>}
        <NativeSelect label={t('support.actions.expert')} required data={[{ value: '', label: t('support.actions.chooseExpert') }, ...options]} {...form.getInputProps('expertId')} />
        <Textarea label={t('support.actions.reassignReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
        <RequestProblem error={form.requestError} onReload={reload} />
        <Group>
          <Button variant="default" {...form.submitProps}>
            {t('support.actions.reassignSend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
