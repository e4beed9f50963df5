import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SignInBody } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useSignIn } from './auth.api.ts';

/** `onSecondStep`: the password was right and the account asks for a code next (two-step sign-in). */
export function SignInForm({ onSignedIn, onSecondStep }: { onSignedIn: () => void; onSecondStep?: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({ initialValues: { email: '', password: '' }, schema: SignInBody, mutation: useSignIn(), onSuccess: (state) => (state.secondStep ? onSecondStep?.() : onSignedIn()) });

  return (
    <form {...form.formProps} aria-label={t('signIn.title')}>
      <ProblemAlert error={form.requestError} messages={{ INVALID_CREDENTIALS: t('signIn.invalidCredentials') }} />
      <Stack gap="md">
        <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Button {...form.submitProps}>{t('signIn.submit')}</Button>
      </Stack>
    </form>
  );
}
