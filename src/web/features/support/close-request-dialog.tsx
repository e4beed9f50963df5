import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseSupportRequest, type SupportRequestDetail } from '../../../shared/support.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useCloseRequest } from './support.api.ts';
import { RequestProblem } from './request-problem.tsx';
import '../../locales/lazy/support.strings.ts';

const SCORES = ['1', '2', '3', '4', '5'] as const;

/**
 * The city closes its request with a rating from 1 to 5 (a radio group: one
 * tab stop, arrows move between the scores) and an optional comment, after a
 * confirmation; the request's version goes with it.
 */
export function CloseRequestDialog({ r, reload }: { r: SupportRequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = useCloseRequest(r.id);
  const form = useApiForm({
    initialValues: { score: '', comment: '' },
    schema: CloseSupportRequest,
    toBody: (v) => ({ score: Number(v.score), comment: v.comment.trim(), version: r.version }),
    validate: (v) => ({ score: v.score === '' ? t('support.close.scoreMissing') : undefined }),
    mutation: close,
  });
  const confirm = () => {
    const body = form.check();
    if (body === null) return;
    form.send(body, { onSuccess: () => setOpened(false) });
  };
  return (
    <>
      <Group>
        <Button onClick={() => setOpened(true)}>{t('support.actions.close')}</Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        title={t('support.close.dialogTitle')}
        message={t('support.close.message')}
        confirmLabel={t('support.close.confirm')}
        busy={close.isPending}
        onConfirm={confirm}
        onCancel={() => setOpened(false)}
      >
        <form {...form.formProps} aria-label={t('support.close.dialogTitle')}>
          <Stack gap="md">
            <Radio.Group label={t('support.close.score')} required {...form.getInputProps('score')}>
              <Stack gap={6} mt={4}>
                {SCORES.map((score) => (
                  <Radio key={score} value={score} label={t(`support.close.scores.${score}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label={t('support.close.comment')} autosize minRows={2} maxLength={2000} {...form.getInputProps('comment')} />
            <RequestProblem error={form.requestError} onReload={reload} />
          </Stack>
        </form>
      </ConfirmDialog>
    </>
  );
}
