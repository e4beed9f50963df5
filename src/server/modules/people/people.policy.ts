import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { hasRole, isPrimaryContactOf, representsCity } from '../../../shared/role-predicates.ts';

/**
 * Who may do what with people and their roles. The directory, roles and
 * accounts are the programme managers' (the routes say so); a city's
 * representatives are also its primary contact's to manage.
 */

/** A person as these rules see them. */
export interface Member {
  id: string;
  name: string;
  /** Not deactivated. */
  active: boolean;
}

/** A representative of a city. */
export interface Seat extends Member {
  primaryContact: boolean;
}

/** A city with all its representatives. */
export interface CitySeats {
  name: string;
  representatives: readonly Seat[];
}

/** Who may see a city's representatives and pending invitations: its representatives and programme managers. */
export const maySeeRepresentatives = (user: CurrentUser | null, cityId: string): boolean => hasRole(user, 'programme_manager') || representsCity(user, cityId);

/** Who may invite, remove and name the primary contact: the city's primary contact and programme managers. */
export const mayManageRepresentatives = (user: CurrentUser | null, cityId: string): boolean => hasRole(user, 'programme_manager') || isPrimaryContactOf(user, cityId);

/**
 * Why the programme manager role may not be withdrawn from this person (or
 * their account deactivated), or null: the platform keeps at least one
 * active programme manager, or nobody could manage people any more.
 */
export function lastManagerRefusal(person: Member, activeManagerIds: readonly string[]): Reason | null {
  if (!person.active || activeManagerIds.some((id) => id !== person.id)) return null;
  return reason('LAST_PROGRAMME_MANAGER', { name: person.name });
}

/**
 * Why this representative may not be removed from the city, or null. A city
 * keeps an active representative (someone answers for it) and a primary
 * contact while it has representatives: the last one needs a replacement
 * first, the primary contact hands over first.
 */
export function representativeRemovalRefusal(personId: string, city: CitySeats): Reason | null {
  const seat = city.representatives.find((r) => r.id === personId);
  if (!seat) return null;
  const others = city.representatives.filter((r) => r.id !== personId);
  if (seat.active && !others.some((r) => r.active)) return reason('LAST_REPRESENTATIVE', { name: seat.name, city: city.name });
  if (seat.primaryContact && others.length > 0) return reason('HAND_OVER_PRIMARY_CONTACT_FIRST', { name: seat.name, city: city.name });
  return null;
}

/** Why this person may not become the city's primary contact, or null: it takes an active representative. */
export function primaryContactRefusal(person: { id: string; name: string }, city: CitySeats): Reason | null {
  const seat = city.representatives.find((r) => r.id === person.id);
  if (!seat) return reason('NOT_A_REPRESENTATIVE', { name: person.name, city: city.name });
  if (!seat.active) return reason('PERSON_DEACTIVATED', { name: seat.name });
  return null;
}

/**
 * Why the actor may not deactivate this account, or null. Nobody deactivates
 * themselves (another manager does), and the last active programme manager stays.
 */
export function deactivationRefusal(actorId: string, person: Member & { manager: boolean }, activeManagerIds: readonly string[]): Reason | null {
  if (person.id === actorId) return reason('CANNOT_DEACTIVATE_YOURSELF');
  return person.manager ? lastManagerRefusal(person, activeManagerIds) : null;
}
