import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequestPasswordResetBody } from '../../../shared/account.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useRequestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useApiForm({ initialValues: { email: '' }, schema: RequestPasswordResetBody, mutation: request });

  return (
    <Stack maw={460}>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      {request.isSuccess ? (
        // The same answer whether or not an account exists, so this page
        // cannot be used to find out who has an account.
        <Alert color="green" variant="light" role="status" title={t('forgotPassword.sentTitle')}>
          {t('forgotPassword.sent', { email: form.values.email })}
        </Alert>
      ) : (
        <>
          <Text>{t('forgotPassword.intro')}</Text>
          <Paper withBorder p="lg" radius="md">
            <form {...form.formProps} aria-label={t('forgotPassword.title')}>
              <ProblemAlert error={form.requestError} />
              <Stack gap="md">
                <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
                <Button {...form.submitProps}>{t('forgotPassword.submit')}</Button>
              </Stack>
            </form>
          </Paper>
        </>
      )}
      <Text size="sm">
        <RouterAnchor to="/sign-in">{t('forgotPassword.backToSignIn')}</RouterAnchor>
      </Text>
    </Stack>
  );
}
