import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole, representsCity } from '../../../shared/role-predicates.ts';
import { mayActForCity } from '../cities/cities.policy.ts';

// Who may do what on a study visit and its follow-up. The facts (host,
// facilitator, visiting cities) come from the rows the service has loaded.

export interface VisitParties {
  hostCityId: string;
  facilitatorId: string | null;
  visitorCityIds: readonly string[];
}

/** Programme managers and the visit's facilitator plan it: dates, agenda, any city's delegation. */
export function mayPlanVisit(user: CurrentUser | null, visit: Pick<VisitParties, 'facilitatorId'>): boolean {
  return hasRole(user, 'programme_manager') || (user !== null && user.id === visit.facilitatorId);
}

/** Whether the person represents the host city. */
export const isHostOf = (user: CurrentUser | null, visit: Pick<VisitParties, 'hostCityId'>): boolean => representsCity(user, visit.hostCityId);

/** The visiting cities this person represents. */
export const visitingCitiesOf = (user: CurrentUser | null, visit: Pick<VisitParties, 'visitorCityIds'>): string[] =>
  visit.visitorCityIds.filter((cityId) => representsCity(user, cityId));

/** The agenda and the host's unavailable dates: the planners and the host city. */
export function mayArrangeVisit(user: CurrentUser | null, visit: Pick<VisitParties, 'facilitatorId' | 'hostCityId'>): boolean {
  return mayPlanVisit(user, visit) || isHostOf(user, visit);
}

/** Whether the person takes part (plans, hosts or visits): the calendar file, and whether any delegates are shown at all. */
export function takesPartIn(user: CurrentUser | null, visit: VisitParties): boolean {
  return mayArrangeVisit(user, visit) || visitingCitiesOf(user, visit).length > 0;
}

/**
 * Delegates' names, contacts, diets and access needs are personal data:
 * the planners and the host see every delegation, a visiting city only its own.
 */
export function maySeeDelegatesOf(user: CurrentUser | null, visit: VisitParties, cityId: string): boolean {
  return mayArrangeVisit(user, visit) || visitingCitiesOf(user, visit).includes(cityId);
}

/** A city's delegates and travel: its own representatives, or the planners. */
export function mayNameDelegates(user: CurrentUser | null, visit: Pick<VisitParties, 'facilitatorId'>, cityId: string): boolean {
  return mayPlanVisit(user, visit) || representsCity(user, cityId);
}

/** Feedback on a visit: the representatives of a city that took part (the service checks it did), nobody in its name. */
export const mayGiveFeedback = (user: CurrentUser | null, cityId: string): boolean => representsCity(user, cityId);

/**
 * Feedback is read by the visit's planners (programme managers, and the
 * facilitator who accompanies this visit); a city's representatives read only
 * their own city's feedback — never another city's comments.
 */
export function mayReadFeedbackOf(user: CurrentUser | null, visit: Pick<VisitParties, 'facilitatorId'>, cityId: string): boolean {
  return mayPlanVisit(user, visit) || representsCity(user, cityId);
}

/** A visiting city's replication plan and its updates: whoever acts for that city. */
export const mayWriteReplicationPlan = (user: CurrentUser | null, cityId: string): boolean => mayActForCity(user, cityId);
