import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestPasswordResetBody } from '../../../shared/account.schemas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RouterAnchor } from '../../components/router-anchor.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useRequestPasswordReset } from './auth.api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [email, setEmail] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(RequestPasswordResetBody, { email }, t);
    if (!checked.ok) return setErrors(checked.errors);
    request.mutate(checked.data.email, { onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <Stack maw={460}>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      {request.isSuccess ? (
        // The same answer whether or not an account exists, so this page
        // cannot be used to find out who has an account.
        <Alert color="green" variant="light" role="status" title={t('forgotPassword.sentTitle')}>
          {t('forgotPassword.sent', { email })}
        </Alert>
      ) : (
        <>
          <Text>{t('forgotPassword.intro')}</Text>
          <Paper withBorder p="lg" radius="md">
            <form ref={formRef} onSubmit={submit} noValidate aria-label={t('forgotPassword.title')}>
              <ProblemAlert error={request.error} />
              <Stack gap="md">
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(event) => {
                    setEmail(event.currentTarget.value);
                    clearError('email');
                  }}
                  error={errors.email}
                />
                <Button type="submit" loading={request.isPending}>
                  {t('forgotPassword.submit')}
                </Button>
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
