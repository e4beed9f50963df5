import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

export type Outcome = 'selected' | 'waitlisted' | 'rejected';

export interface Decision {
  applicationId: string;
  outcome: Outcome;
  /** Order on the waiting list (1 = first to be promoted); only for waitlisted. */
  waitlistPosition: number | null;
}

export interface SelectionSummary {
  selected: number;
  waitlisted: number;
  rejected: number;
  undecided: number;
  limit: number;
  /** Problems that block publishing. */
  problems: Reason[];
}

/**
 * The effect of a set of decisions before they are confirmed: counts against
 * the programme's number (3 hosts, 9 visitors by default) and what is wrong.
 */
export function summariseSelection(applicationIds: readonly string[], decisions: readonly Decision[], limit: number, kind: 'host' | 'visitor'): SelectionSummary {
  const byApp = new Map(decisions.map((d) => [d.applicationId, d]));
  const count = (o: Outcome) => decisions.filter((d) => d.outcome === o).length;
  const selected = count('selected');
  const problems: Reason[] = [];
  if (selected > limit) problems.push(reason(kind === 'host' ? 'SELECTION_TOO_MANY_HOSTS' : 'SELECTION_TOO_MANY_VISITORS', { selected, limit, excess: selected - limit }));
  const undecided = applicationIds.filter((id) => !byApp.has(id)).length;
  if (undecided > 0) problems.push(reason('SELECTION_UNDECIDED', { undecided }));
  const positions = decisions.filter((d) => d.outcome === 'waitlisted').map((d) => d.waitlistPosition);
  if (positions.some((p) => p === null) || new Set(positions).size !== positions.length) {
    problems.push(reason('SELECTION_WAITLIST_PLACES'));
  }
  return { selected, waitlisted: count('waitlisted'), rejected: count('rejected'), undecided, limit, problems };
}

/** The waitlisted application to promote when a selected one withdraws: the first in line, or null. */
export function nextInLine(decisions: readonly Decision[]): Decision | null {
  const waiting = decisions
    .filter((d) => d.outcome === 'waitlisted' && d.waitlistPosition !== null)
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return waiting[0] ?? null;
}
