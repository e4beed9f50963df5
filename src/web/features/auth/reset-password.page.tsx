import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PASSWORD_MAX, PASSWORD_MIN, ResetPasswordBody } from '../../../shared/account.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useResetPassword } from './auth.api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const reset = useResetPassword(token);
  const form = useApiForm({ initialValues: { password: '' }, schema: ResetPasswordBody, mutation: reset });
  const linkUnusable = reset.error instanceof ApiError && reset.error.code === 'TOKEN_INVALID';

  if (reset.isSuccess) {
    return (
      <Stack maw={460}>
        <PageTitle>{t('resetPassword.title')}</PageTitle>
        <Alert color="green" variant="light" role="status" title={t('resetPassword.doneTitle')}>
          {t('resetPassword.done')}
        </Alert>
        <RouterAnchor to="/sign-in">{t('resetPassword.signIn')}</RouterAnchor>
      </Stack>
    );
  }

  return (
    <Stack maw={460}>
      <PageTitle>{t('resetPassword.title')}</PageTitle>
      {linkUnusable ? (
        <>
          <Alert color="red" variant="light" role="alert" title={t('resetPassword.linkUnusableTitle')}>
            {t('resetPassword.linkUnusable')}
          </Alert>
          <RouterAnchor to="/forgot-password">{t('resetPassword.requestAgain')}</RouterAnchor>
        </>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <form {...form.formProps} aria-label={t('resetPassword.title')}>
            <ProblemAlert error={form.requestError} />
            <Stack gap="md">
              <PasswordInput
                label={t('fields.newPassword')}
                description={t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
                visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
              />
              <Button {...form.submitProps}>{t('resetPassword.submit')}</Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Text size="sm" c="dimmed">
        {t('resetPassword.note')}
      </Text>
    </Stack>
  );
}
