import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole, representsCity } from '../../../shared/role-predicates.ts';

/**
 * Who may act for a city: edit its profile, see and replace its contact
 * persons (personal data), read its history, add or change its solutions,
 * check its eligibility for a call. Programme managers act for every city;
 * a representative only for their own.
 */
export function mayActForCity(user: CurrentUser | null, cityId: string): boolean {
  return hasRole(user, 'programme_manager') || representsCity(user, cityId);
}
