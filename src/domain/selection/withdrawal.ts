import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

/**
 * What a withdrawal after the published decisions does:
 * - `promote`: the matching is not published yet, so a selected city's place
 *   goes to the first city on the waiting list (who is emailed);
 * - `programme_team`: the matching is published (the visits exist), so nobody
 *   moves up — a waitlisted city could never be placed — and the city is taken
 *   out of its visit; the host and the programme managers are told;
 * - `refused`: the city's visit is over, there is nothing left to withdraw from.
 */
export type WithdrawalCase = { kind: 'promote' } | { kind: 'programme_team'; visitId: string | null } | { kind: 'refused'; reason: Reason };

export interface WithdrawalFacts {
  cityName: string;
  matchingPublished: boolean;
  /** The visit the city takes part in (as visitor or host), once the matching is published. */
  visit: { id: string; endsOn: string | null } | null;
  /** Today in the programme's time zone (YYYY-MM-DD). */
  today: string;
}

export function withdrawalCase(f: WithdrawalFacts): WithdrawalCase {
  if (!f.matchingPublished) return { kind: 'promote' };
  if (f.visit?.endsOn && f.visit.endsOn < f.today) return { kind: 'refused', reason: reason('WITHDRAWAL_VISIT_OVER', { city: f.cityName, date: f.visit.endsOn }) };
  return { kind: 'programme_team', visitId: f.visit?.id ?? null };
}
