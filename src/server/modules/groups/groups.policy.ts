import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole, representsCity } from '../../../shared/role-predicates.ts';

/**
 * Who may do what in a discussion group, in one place. Pure: the user's roles
 * and the facts the service loaded about the group (the person's standing in
 * it). The route's `access` admits roles; these rules decide within a group.
 */

/** A person's place in one group, as the service loaded it. */
export interface GroupStanding {
  /** One of the group's facilitators. */
  facilitates: boolean;
  /** A representative of one of the group's admitted cities. */
  member: boolean;
}

/** The standing of someone with no place in the group (or signed out). */
export const NO_STANDING: GroupStanding = { facilitates: false, member: false };

/** Members are the representatives of the group's admitted cities. */
export function isMember(user: CurrentUser | null, admittedCityIds: readonly string[]): boolean {
  return admittedCityIds.some((cityId) => representsCity(user, cityId));
}

/**
 * Runs the group: admits and declines cities, schedules meetings and changes
 * their materials, sees every city's progress and the attendance by meeting.
 * Its facilitators and every programme manager.
 */
export function mayManage(user: CurrentUser | null, standing: GroupStanding): boolean {
  return user !== null && (hasRole(user, 'programme_manager') || standing.facilitates);
}

/** Records attendance at the group's meetings: those who run it. */
export function mayRecordAttendance(user: CurrentUser | null, standing: GroupStanding): boolean {
  return mayManage(user, standing);
}

/** Pins, closes and reopens discussions and hides posts: those who run the group. */
export function mayModerate(user: CurrentUser | null, standing: GroupStanding): boolean {
  return mayManage(user, standing);
}

/**
 * Takes part in the group: sees its cities, join links, materials and .ics
 * files, reads its discussions. Those who run it and its members.
 */
export function mayTakePart(user: CurrentUser | null, standing: GroupStanding): boolean {
  return mayManage(user, standing) || (user !== null && standing.member);
}

/**
 * Starts a discussion or replies in one (whether the discussion is still
 * open is the thread's state, checked apart). threads.repository's addPost
 * applies the same rule inside its statement, so keep the two alike.
 */
export function mayPost(user: CurrentUser | null, standing: GroupStanding): boolean {
  return mayTakePart(user, standing);
}

/** Asks for a city to join a group: its representatives. */
export function mayExpressInterest(user: CurrentUser | null, cityId: string): boolean {
  return representsCity(user, cityId);
}

/**
 * The group's cities a viewer sees: every one for those who take part; a
 * representative only their own cities' requests; signed out, none (null).
 */
export function visibleMemberships<M extends { city_id: string }>(user: CurrentUser | null, standing: GroupStanding, memberships: readonly M[]): M[] | null {
  if (!user) return null;
  return mayTakePart(user, standing) ? [...memberships] : memberships.filter((m) => representsCity(user, m.city_id));
}

/**
 * The admitted cities whose learning progress a viewer sees: every one for
 * those who run the group, a representative their own; none for anyone else.
 */
export function visibleProgress<M extends { city_id: string }>(user: CurrentUser | null, standing: GroupStanding, admitted: readonly M[]): M[] {
  return mayManage(user, standing) ? [...admitted] : admitted.filter((m) => representsCity(user, m.city_id));
}

/** A facilitator who creates a group facilitates it, first among those named. */
export function facilitatorsOfNewGroup(creator: CurrentUser, named: readonly string[]): string[] {
  return hasRole(creator, 'facilitator') && !named.includes(creator.id) ? [creator.id, ...named] : [...named];
}
