import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PASSWORD_MAX, PASSWORD_MIN, ResetPasswordBody } from '../../../shared/account.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useResetPassword } from './auth.api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const reset = useResetPassword(token);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [password, setPassword] = useState('');
  const linkUnusable = reset.error instanceof ApiError && reset.error.code === 'TOKEN_INVALID';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(ResetPasswordBody, { password }, t);
    if (!checked.ok) return setErrors(checked.errors);
    reset.mutate(checked.data.password, { onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

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
          <form ref={formRef} onSubmit={submit} noValidate aria-label={t('resetPassword.title')}>
            <ProblemAlert error={reset.error} />
            <Stack gap="md">
              <PasswordInput
                label={t('fields.newPassword')}
                description={t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
                autoComplete="new-password"
                required
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  clearError('password');
                }}
                error={errors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
              />
              <Button type="submit" loading={reset.isPending}>
                {t('resetPassword.submit')}
              </Button>
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
