import type { CurrentUser } from '../../shared/account.schemas.ts';
import type { Role } from '../../shared/roles.ts';

/** A signed-in person holding these roles (city id or null), for policy tables. */
export function personWith(...grants: [Role, string | null][]): CurrentUser {
  return personWithId('00000000-0000-4000-8000-000000000001', ...grants);
}

/** The same, with a given id (rules that name a person, such as a visit's facilitator). */
export function personWithId(id: string, ...grants: [Role, string | null][]): CurrentUser {
  return { id, email: 'someone@example.org', name: 'Someone', locale: 'en', roles: grants.map(([role, cityId]) => ({ role, cityId, cityName: null, primaryContact: false })) };
}
