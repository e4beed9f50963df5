import { Button, Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AcceptPrivacyNoticeBody } from '../../../shared/privacy.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useAcceptNotice } from './privacy.api.ts';

/** "I have read the privacy notice" and Accept: records the acceptance of `version`, the one in force. */
export function AcceptNoticeForm({ version }: { version: string }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { privacyNoticeRead: false },
    schema: AcceptPrivacyNoticeBody,
    toBody: (values) => ({ ...values, privacyNoticeVersion: version }),
    // A version replaced meanwhile is refused on the version: show it by the box.
    fieldOf: (path) => (path === 'privacyNoticeVersion' ? 'privacyNoticeRead' : path),
    mutation: useAcceptNotice(),
  });
  return (
    <form {...form.formProps} aria-label={t('privacy.acceptForm')}>
      <ProblemAlert error={form.requestError} />
      <Group gap="md" align="center" mt="sm">
        <Checkbox label={t('privacy.haveRead')} {...form.getInputProps('privacyNoticeRead', { type: 'checkbox' })} />
        <Button {...form.submitProps}>{t('privacy.accept')}</Button>
      </Group>
    </form>
  );
}
