import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleGrant } from '../../../shared/roles.ts';

export function MyRoles({ roles }: { roles: RoleGrant[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Text c="dimmed">{t('account.noRoles')}</Text>;
  return (
    <List spacing="xs" aria-label={t('account.roles')}>
      {roles.map((grant) => (
        <List.Item key={`${grant.role}:${grant.cityId ?? ''}`}>
          {grant.cityName
            ? t('account.roleForCity', { role: t(`roles.${grant.role}`), city: grant.cityName })
            : t(`roles.${grant.role}`)}
          {grant.primaryContact && (
            <Badge ml="sm" variant="outline" color="blue.9">
              {t('account.primaryContact')}
            </Badge>
          )}
        </List.Item>
      ))}
    </List>
  );
}
