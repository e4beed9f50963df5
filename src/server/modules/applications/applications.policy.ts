import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { hasRole, representedCityIds, representsCity } from '../../../shared/role-predicates.ts';

// Who may do what with a city's application. The service loads the facts
// (the application's city, whether the viewer evaluates it) and asks here.

/**
 * Whether reading an application turns on the viewer's evaluator
 * assignment: only for an evaluator who is neither a programme manager nor
 * one of the city's representatives. Only then does the service look it up.
 */
export function readingNeedsAssignment(user: CurrentUser, cityId: string): boolean {
  return hasRole(user, 'evaluator') && !hasRole(user, 'programme_manager') && !representsCity(user, cityId);
}

/** Programme managers, the city's representatives and the evaluators assigned to it read an application. */
export function mayReadApplication(user: CurrentUser, application: { cityId: string; viewerIsAssignedEvaluator: boolean }): boolean {
  return hasRole(user, 'programme_manager') || representsCity(user, application.cityId) || (hasRole(user, 'evaluator') && application.viewerIsAssignedEvaluator);
}

/** Only the city's own representatives start, change, submit or withdraw its application; managers do not act in its name. */
export function mayChangeApplication(user: CurrentUser, cityId: string): boolean {
  return representsCity(user, cityId);
}

/** The outcome and its reason reach the city once decisions are published; programme managers see them all along. */
export function maySeeDecision(viewer: CurrentUser | null, decisionsPublished: boolean): boolean {
  return decisionsPublished || hasRole(viewer, 'programme_manager');
}

/** Which applications of a call a person is shown: all (managers), else their cities' and, for evaluators, those assigned to them. */
export function listingScope(user: CurrentUser): { all: true } | { all: false; cityIds: string[]; assignedToViewer: boolean } {
  if (hasRole(user, 'programme_manager')) return { all: true };
  return { all: false, cityIds: representedCityIds(user), assignedToViewer: hasRole(user, 'evaluator') };
}
