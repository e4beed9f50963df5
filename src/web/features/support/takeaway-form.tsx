import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TAKEAWAY_LENGTH, WriteTakeaway, type SupportSession } from '../../../shared/support-sessions.schemas.ts';
import type { SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { RequestProblem } from './request-problem.tsx';
import { useWriteTakeaway } from './session.api.ts';
import '../../locales/lazy/support.strings.ts';

/** After the session: what the city takes away (shown to everyone who sees the request; the asking city writes it). */
export function TakeawayForm({ r, s, reload }: { r: SupportRequestDetail; s: SupportSession; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useApiForm({
    initialValues: { text: s.takeaway?.text ?? '' },
    schema: WriteTakeaway,
    toBody: (v) => ({ text: v.text.trim(), version: s.version }),
    validate: (v) => ({ text: v.text.trim().length < TAKEAWAY_LENGTH.min || v.text.trim().length > TAKEAWAY_LENGTH.max ? t('support.sessions.takeawayLength') : undefined }),
    mutation: useWriteTakeaway(r.id),
  });
  if (!s.takeaway && !s.can.writeTakeaway) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('support.sessions.takeawayTitle')}
      </Title>
      {s.takeaway && (
        <Paper withBorder p="md" radius="md" data-testid="takeaway">
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{s.takeaway.text}</Text>
          <Text size="sm" c="dark.6" mt="xs">
            {t('support.sessions.takeawayBy', { name: s.takeaway.by ?? t('support.detail.formerAuthor'), date: formatDateTime(s.takeaway.at, i18n.language) })}
          </Text>
        </Paper>
      )}
      {s.can.writeTakeaway && (
        <form {...form.formProps} aria-label={t('support.sessions.takeawayTitle')}>
          <Stack gap="sm">
            <Textarea label={t('support.sessions.takeawayLabel', { city: r.city.name })} description={t('support.sessions.takeawayHint')} required autosize minRows={4} {...form.getInputProps('text')} />
            <RequestProblem error={form.requestError} onReload={reload} />
            <Group>
              <Button {...form.submitProps}>{t('support.sessions.takeawaySave')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
