import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInBody } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useSignIn } from './auth.api.ts';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(SignInBody, { email, password }, t);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    signIn.mutate(checked.data, {
      onSuccess: onSignedIn,
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('signIn.title')}>
      <ProblemAlert error={signIn.error} messages={{ INVALID_CREDENTIALS: t('signIn.invalidCredentials') }} />
      <Stack gap="md">
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            clearError('email');
          }}
          error={errors.email}
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            clearError('password');
          }}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Button type="submit" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
