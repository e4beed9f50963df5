import type { Urgency } from '../../shared/work.schemas.ts';
import { addDays, addMonths, zonedToUtc } from '../time/zoned-time.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The rules of the work queues, in one place (docs/decisions/0016-work-queues.md):
 * how soon "soon" is, how long a facilitator has to answer, and when
 * follow-up after a visit opens, falls due and leaves the queue.
 */
export const WORK_RULES = {
  /** A deadline within this many days is "soon". */
  soonDays: 7,
  /** A visit whose dates or agenda are not confirmed is "soon" this many days before it starts. */
  visitSoonDays: 30,
  /** A thread waits for a facilitator's answer, and a past meeting for its attendance, this long before it is overdue. */
  answerDays: 2,
  /** Feedback opens the day after the visit and is due this many days after its last day. */
  feedbackDays: 14,
  /** A replication update opens 3, 6 and 12 months after the visit and is due this many days later. */
  updateDays: 30,
  /** Follow-up still missing this long after it fell due leaves the queues (and the reminders). */
  listedDays: 90,
} as const;

export const REPLICATION_CHECKPOINTS = [3, 6, 12] as const;
export type ReplicationCheckpoint = (typeof REPLICATION_CHECKPOINTS)[number];

/** How urgent something due at `due` is at `now`: overdue once past, soon within `soonDays`. */
export function urgencyOf(due: Date, now: Date, soonDays: number = WORK_RULES.soonDays): Urgency {
  if (now > due) return 'overdue';
  return due.getTime() - now.getTime() <= soonDays * DAY_MS ? 'soon' : 'later';
}

/** How urgent something waiting since `since` is (an unanswered post, an unrecorded meeting). */
export function waitingUrgency(since: Date, now: Date): Urgency {
  return now.getTime() - since.getTime() > WORK_RULES.answerDays * DAY_MS ? 'overdue' : 'soon';
}

const RANK: Record<Urgency, number> = { overdue: 0, soon: 1, later: 2 };

interface Ranked {
  urgency: Urgency;
  /** ISO instant, or null for undated items (after dated ones of the same urgency). */
  date: string | null;
}

/** Most urgent first; within an urgency, the earliest date first. */
export function byUrgency(a: Ranked, b: Ranked): number {
  if (RANK[a.urgency] !== RANK[b.urgency]) return RANK[a.urgency] - RANK[b.urgency];
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/**
 * Sorts each section's items by urgency, then the sections by their most
 * urgent item; sections with nothing in them keep their order, last.
 */
export function orderByUrgency<S extends { items: T[] }, T extends Ranked>(sections: readonly S[]): S[] {
  const sorted = sections.map((s) => ({ ...s, items: [...s.items].sort(byUrgency) }));
  const full = sorted.filter((s) => s.items.length > 0);
  const empty = sorted.filter((s) => s.items.length === 0);
  full.sort((a, b) => {
    const [x, y] = [a.items[0], b.items[0]];
    return x && y ? byUrgency(x, y) : 0;
  });
  return [...full, ...empty];
}

/** When a piece of follow-up opens, falls due and leaves the queues. */
export interface FollowUpWindow {
  opensAt: Date;
  dueAt: Date;
  listedUntil: Date;
}

function windowFrom(opensOn: string, dueOn: string, timeZone: string): FollowUpWindow {
  return {
    opensAt: zonedToUtc(opensOn, '00:00:00', timeZone),
    dueAt: zonedToUtc(dueOn, '23:59:59', timeZone),
    listedUntil: zonedToUtc(addDays(dueOn, WORK_RULES.listedDays), '23:59:59', timeZone),
  };
}

/** Feedback on a visit whose last day is `endsOn` (a local date in the programme's time zone). */
export function feedbackWindow(endsOn: string, timeZone: string): FollowUpWindow {
  return windowFrom(addDays(endsOn, 1), addDays(endsOn, WORK_RULES.feedbackDays), timeZone);
}

/** The 3-, 6- or 12-month replication update of a plan made on a visit whose last day is `endsOn`. */
export function replicationUpdateWindow(endsOn: string, checkpoint: ReplicationCheckpoint, timeZone: string): FollowUpWindow {
  const opensOn = addMonths(endsOn, checkpoint);
  return windowFrom(opensOn, addDays(opensOn, WORK_RULES.updateDays), timeZone);
}

/** Whether the follow-up is on the queues at `now`: open, and not so long overdue that it was let go. */
export const isListed = (w: FollowUpWindow, now: Date): boolean => now >= w.opensAt && now <= w.listedUntil;

/**
 * The earliest last day of a visit whose follow-up can still be listed on
 * `today`: a bound for the database, before the exact check in each time zone.
 */
export function followUpHorizon(today: string): string {
  const longest = Math.max(...REPLICATION_CHECKPOINTS);
  return addDays(addMonths(today, -longest), -(WORK_RULES.updateDays + WORK_RULES.listedDays + 2));
}
