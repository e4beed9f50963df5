import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody, PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useChangePassword } from './account.api.ts';

/** `email` fills a hidden username field, so password managers know which account to update. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(ChangePasswordBody, { currentPassword, newPassword }, t);
    if (!checked.ok) return setErrors(checked.errors);
    change.mutate(checked.data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
      },
      onError: (error) => {
        // A wrong current password belongs next to that field.
        if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
          setErrors({ currentPassword: t('account.wrongCurrentPassword') });
        } else {
          setErrors(fieldErrorsOf(error));
        }
      },
    });
  };

  const wrongCurrent = change.error instanceof ApiError && change.error.code === 'INVALID_CREDENTIALS';
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('account.changePassword')}>
      {!wrongCurrent && <ProblemAlert error={change.error} />}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Stack gap="md" maw={460}>
        <PasswordInput
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => {
            setCurrentPassword(event.currentTarget.value);
            clearError('currentPassword');
            change.reset();
          }}
          error={errors.currentPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => {
            setNewPassword(event.currentTarget.value);
            clearError('newPassword');
            change.reset();
          }}
          error={errors.newPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.changePasswordSubmit')}
          </Button>
          {change.isSuccess && (
            <Text role="status" size="sm" c="green.9">
              {t('account.passwordChanged')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
