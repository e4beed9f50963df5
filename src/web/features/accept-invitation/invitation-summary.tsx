import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '../../../shared/account.schemas.ts';
import { formatDateTime } from '../../lib/format.ts';
import { invitedRoles, useRoleText } from '../../lib/role-text.ts';

/** What the person is invited to, so they can check it before choosing a password. */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  const roleText = useRoleText();
  const role = t(`roles.${preview.role}`);
  return (
    <Paper withBorder p="lg" radius="md">
      <Text fw={600} mb="xs">
        {preview.otherRoles.length > 0
          ? t('acceptInvitation.invitedAs', { role: roleText.list(invitedRoles(preview)) })
          : preview.cityName
            ? t('acceptInvitation.invitedAsForCity', { role, city: preview.cityName })
            : t('acceptInvitation.invitedAs', { role })}
      </Text>
      <Text size="sm">{t('acceptInvitation.forEmail', { email: preview.email })}</Text>
      <Text size="sm" c="dimmed">
        {t('acceptInvitation.expires', { date: formatDateTime(preview.expiresAt, i18n.language) })}
      </Text>
    </Paper>
  );
}
