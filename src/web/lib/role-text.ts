import { useTranslation } from 'react-i18next';
import type { OtherRole } from '../../shared/account.schemas.ts';
import type { Role } from '../../shared/roles.ts';

/** A role in words, with its city when it has one ("city representative for Tartu"), and several in one phrase. */
export function useRoleText() {
  const { t, i18n } = useTranslation();
  const one = (role: Role, cityName: string | null) => (cityName ? t('account.roleForCity', { role: t(`roles.${role}`), city: cityName }) : t(`roles.${role}`));
  const list = (roles: readonly { role: Role; cityName: string | null }[]) =>
    new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : i18n.language, { type: 'conjunction' }).format(roles.map((r) => one(r.role, r.cityName)));
  return { one, list };
}

/** Every role an invitation grants, the one with a city first (for `list`). */
export const invitedRoles = (invitation: { role: Role; cityName: string | null; otherRoles: readonly OtherRole[] }) => [
  { role: invitation.role, cityName: invitation.cityName },
  ...invitation.otherRoles.map((role) => ({ role, cityName: null })),
];
