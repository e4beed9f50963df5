import { Anchor, Button, Checkbox, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AcceptInvitationBody, PASSWORD_MAX, PASSWORD_MIN, type InvitationPreview } from '../../../shared/account.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useAcceptInvitation } from './accept-invitation.api.ts';

interface AcceptInvitationFormProps {
  token: string;
  preview: InvitationPreview;
  /** `secondStep`: the account uses two-step sign-in, so a code comes before the session. */
  onAccepted: (secondStep: boolean) => void;
}

/**
 * A new person gives their name and chooses a password; a person who already
 * has an account proves it with their current password (the server checks).
 */
export function AcceptInvitationForm({ token, preview, onAccepted }: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const form = useApiForm({
    initialValues: { name: preview.name, password: '', privacyNoticeRead: false },
    schema: AcceptInvitationBody,
    // The version the preview named: if a newer one is published meanwhile, the server refuses and says so on the box.
    toBody: (values) => ({ ...values, privacyNoticeVersion: preview.privacyNoticeVersion }),
    fieldOf: (path) => (path === 'privacyNoticeVersion' ? 'privacyNoticeRead' : path),
    mutation: useAcceptInvitation(token),
    onSuccess: (state) => onAccepted(state.secondStep === true),
  });
  const existing = preview.existingAccount;

  return (
    <form {...form.formProps} aria-label={t('acceptInvitation.formLabel')}>
      <ProblemAlert error={form.requestError} messages={{ INVALID_CREDENTIALS: t('acceptInvitation.wrongCurrentPassword') }} />
      <Stack gap="md">
        {existing ? (
          <Text>{t('acceptInvitation.existingAccount', { email: preview.email })}</Text>
        ) : (
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        )}
        <PasswordInput
          label={existing ? t('fields.currentPassword') : t('fields.choosePassword')}
          description={existing ? undefined : t('fields.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete={existing ? 'current-password' : 'new-password'}
          required
          {...form.getInputProps('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
        />
        <Stack gap={4}>
          <Checkbox
            label={t('privacy.haveRead')}
            description={t('acceptInvitation.privacyNoticeHint', { version: preview.privacyNoticeVersion })}
            {...form.getInputProps('privacyNoticeRead', { type: 'checkbox' })}
          />
          <Anchor href="/privacy" target="_blank" rel="noopener" size="sm" ml={32}>
            {t('privacy.readNotice')} {t('acceptInvitation.opensInNewTab')}
          </Anchor>
        </Stack>
        <Button {...form.submitProps}>{t('acceptInvitation.submit')}</Button>
      </Stack>
    </form>
  );
}
