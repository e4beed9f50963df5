import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcceptInvitationBody, PASSWORD_MAX, PASSWORD_MIN, type InvitationPreview } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useAcceptInvitation } from './accept-invitation.api.ts';

interface AcceptInvitationFormProps {
  token: string;
  preview: InvitationPreview;
  onAccepted: () => void;
}

/**
 * A new person gives their name and chooses a password; a person who already
 * has an account proves it with their current password (the server checks).
 */
export function AcceptInvitationForm({ token, preview, onAccepted }: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [name, setName] = useState(preview.name);
  const [password, setPassword] = useState('');
  const existing = preview.existingAccount;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(AcceptInvitationBody, { name, password }, t);
    if (!checked.ok) return setErrors(checked.errors);
    accept.mutate(checked.data, { onSuccess: onAccepted, onError: (error) => setErrors(fieldErrorsOf(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('acceptInvitation.formLabel')}>
      <ProblemAlert error={accept.error} messages={{ INVALID_CREDENTIALS: t('acceptInvitation.wrongCurrentPassword') }} />
      <Stack gap="md">
        {existing ? (
          <Text>{t('acceptInvitation.existingAccount', { email: preview.email })}</Text>
        ) : (
          <TextInput
            label={t('fields.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearError('name');
            }}
            error={errors.name}
          />
        )}
        <PasswordInput
          label={existing ? t('fields.currentPassword') : t('fields.choosePassword')}
          description={existing ? undefined : t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete={existing ? 'current-password' : 'new-password'}
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            clearError('password');
          }}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('acceptInvitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
