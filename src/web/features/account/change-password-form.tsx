import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody, PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useChangePassword } from './account.api.ts';

const isWrongPassword = (error: unknown) => error instanceof ApiError && error.code === 'INVALID_CREDENTIALS';

/** `email` fills a hidden username field, so password managers know which account to update. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useApiForm({
    initialValues: { currentPassword: '', newPassword: '' },
    schema: ChangePasswordBody,
    mutation: change,
    onSuccess: () => form.reset(),
    // A wrong current password belongs next to that field.
    errorsOf: (error) => (isWrongPassword(error) ? { currentPassword: t('account.wrongCurrentPassword') } : fieldErrorsOf(error)),
    onEdit: () => change.reset(),
  });
  const passwordProps = { required: true, visibilityToggleButtonProps: { 'aria-label': t('fields.showPassword') } };

  return (
    <form {...form.formProps} aria-label={t('account.changePassword')}>
      {!isWrongPassword(change.error) && <ProblemAlert error={form.requestError} />}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Stack gap="md" maw={460}>
        <PasswordInput label={t('fields.currentPassword')} autoComplete="current-password" {...passwordProps} {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
          {...passwordProps}
          {...form.getInputProps('newPassword')}
        />
        <Group>
          <Button {...form.submitProps}>{t('account.changePasswordSubmit')}</Button>
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
