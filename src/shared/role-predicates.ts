import type { CurrentUser } from './account.schemas.ts';
import type { Role } from './roles.ts';

/** Who holds roles: a signed-in person, or nobody (null) on public pages. */
type RoleHolder = Pick<CurrentUser, 'roles'> | null | undefined;

/** Whether the person holds the role (for any city). Used by the server's checks and the web app's menus alike. */
export const hasRole = (user: RoleHolder, role: Role): boolean => user?.roles.some((grant) => grant.role === role) ?? false;

/** Whether the person acts for this city (as one of its representatives). */
export const representsCity = (user: RoleHolder, cityId: string): boolean =>
  user?.roles.some((grant) => grant.role === 'city_representative' && grant.cityId === cityId) ?? false;

/** Whether the person is the primary contact of this city (who manages its representatives). */
export const isPrimaryContactOf = (user: RoleHolder, cityId: string): boolean =>
  user?.roles.some((grant) => grant.role === 'city_representative' && grant.cityId === cityId && grant.primaryContact) ?? false;

/** The cities the person represents, in the order of their roles. */
export function representedCities(user: RoleHolder): { id: string; name: string }[] {
  const cities: { id: string; name: string }[] = [];
  for (const grant of user?.roles ?? []) {
    if (grant.role === 'city_representative' && grant.cityId) cities.push({ id: grant.cityId, name: grant.cityName ?? '' });
  }
  return cities;
}

/** The ids of the cities the person represents. */
export const representedCityIds = (user: RoleHolder): string[] => representedCities(user).map((city) => city.id);
