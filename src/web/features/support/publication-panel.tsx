import { Alert, Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublishAnswer, type SupportPublication } from '../../../shared/published-answers.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { usePublication, usePublish, useSetConsent, useUnpublish } from './knowledge.api.ts';
import '../../locales/lazy/support.strings.ts';

/**
 * The request's way into the library (docs/support.md, "Knowledge"): the
 * city gives or withdraws its consent; a programme manager edits the entry
 * (pre-filled without personal data) and publishes or unpublishes it. Shown
 * only to those who may do something, or once the entry is published.
 */
export function PublicationPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const publication = usePublication(requestId);
  const p = publication.data;
  if (!p) return null;
  const { can } = p;
  if (!can.consent && !can.withdrawConsent && !can.publish && !can.unpublish && !p.publishedId && !p.consent) return null;
  return (
    <PageSection id="support-knowledge" title={t('support.knowledge.title')}>
      <Stack gap="md">
        <Status p={p} />
        {(can.consent || can.withdrawConsent) && <ConsentControl requestId={requestId} p={p} />}
        {(can.publish || can.unpublish) && <PublishForm key={p.version} requestId={requestId} p={p} />}
      </Stack>
    </PageSection>
  );
}

function Status({ p }: { p: SupportPublication }) {
  const { t, i18n } = useTranslation();
  if (p.publishedId && p.publishedAt) {
    return (
      <Alert color="green" variant="light" title={t('support.knowledge.published')}>
        <Text size="sm">
          {t('support.knowledge.publishedOn', { date: formatDateTime(p.publishedAt, i18n.language) })}{' '}
          <Anchor component={Link} to={`/library/answers/${p.publishedId}`}>
            {t('support.knowledge.openEntry')}
          </Anchor>
        </Text>
      </Alert>
    );
  }
  return (
    <Text size="sm" data-testid="consent-status">
      {p.consent
        ? t('support.knowledge.consentGiven', { name: p.consent.by ?? t('support.detail.formerAuthor'), date: formatDateTime(p.consent.at, i18n.language) })
        : t('support.knowledge.noConsent')}
    </Text>
  );
}

function ConsentControl({ requestId, p }: { requestId: string; p: SupportPublication }) {
  const { t } = useTranslation();
  const consent = useSetConsent(requestId);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('support.knowledge.consentExplained')}</Text>
      <Group>
        {p.can.consent ? (
          <Button onClick={() => consent.mutate({ consent: true, version: p.version })} loading={consent.isPending}>
            {t('support.knowledge.consent')}
          </Button>
        ) : (
          <Button variant="default" onClick={() => consent.mutate({ consent: false, version: p.version })} loading={consent.isPending}>
            {t('support.knowledge.withdraw')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={consent.error} />
    </Stack>
  );
}

function PublishForm({ requestId, p }: { requestId: string; p: SupportPublication }) {
  const { t } = useTranslation();
  const [confirmUnpublish, setConfirmUnpublish] = useState(false);
  const unpublish = useUnpublish(requestId);
  const form = useApiForm({
    initialValues: { title: p.draft.title, question: p.draft.question, answer: p.draft.answer },
    schema: PublishAnswer,
    toBody: (v) => ({ title: v.title.trim(), question: v.question.trim(), answer: v.answer.trim(), version: p.version }),
    mutation: usePublish(requestId),
  });
  return (
    <form {...form.formProps} aria-label={t('support.knowledge.formLabel')}>
      <Stack gap="sm">
        <Text size="sm">{t('support.knowledge.redactedHint')}</Text>
        <TextInput label={t('support.knowledge.entryTitle')} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea label={t('support.knowledge.entryQuestion')} required autosize minRows={3} maxRows={12} {...form.getInputProps('question')} />
        <Textarea label={t('support.knowledge.entryAnswer')} required autosize minRows={4} maxRows={16} {...form.getInputProps('answer')} />
        <ProblemAlert error={form.requestError} />
        <Group>
          {p.can.publish && <Button {...form.submitProps}>{p.publishedId ? t('support.knowledge.update') : t('support.knowledge.publish')}</Button>}
          {p.can.unpublish && (
            <Button variant="default" color="red" onClick={() => setConfirmUnpublish(true)}>
              {t('support.knowledge.unpublish')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmUnpublish}
        title={t('support.knowledge.unpublishTitle')}
        message={t('support.knowledge.unpublishMessage')}
        confirmLabel={t('support.knowledge.unpublish')}
        busy={unpublish.isPending}
        onConfirm={() => unpublish.mutate({ version: p.version }, { onSuccess: () => setConfirmUnpublish(false) })}
        onCancel={() => setConfirmUnpublish(false)}
      >
        <ProblemAlert error={unpublish.error} />
      </ConfirmDialog>
    </form>
  );
}
