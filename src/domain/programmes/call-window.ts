import type { CallKind } from '../../shared/programme.schemas.ts';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { localDateAt, wallClockAt, zonedToUtc } from '../time/zoned-time.ts';
import type { MilestoneKind } from './programme-template.ts';

export type CallState = 'upcoming' | 'open' | 'closed';

/**
 * When a call takes applications. `closesAt` is the last instant accepted
 * (23:59:59 on the last day by default), so "close now" records the instant
 * just before the request.
 */
export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

/** A closed call opened again for one city until `until`. */
export interface Reopening {
  cityId: string;
  until: Date;
}

/** The milestone of the programme's timeline that a call's window is. */
export const callMilestoneOf = (kind: CallKind): MilestoneKind => (kind === 'host' ? 'host_call' : 'visitor_call');

/** The selection step that follows a call. */
export const selectionOf = (kind: CallKind): MilestoneKind => (kind === 'host' ? 'host_selection' : 'visitor_selection');

/** Where a call stands: a draft programme's calls never open. */
export function callState(window: CallWindow, published: boolean, now: Date): CallState {
  if (!published) return 'upcoming';
  if (now < window.opensAt) return 'upcoming';
  return now <= window.closesAt ? 'open' : 'closed';
}

/** Whether this city may create, change or submit its application now: the call is open, or reopened for it. */
export function openForCity(state: CallState, reopenings: readonly Reopening[], cityId: string, now: Date): boolean {
  if (state === 'open') return true;
  return state === 'closed' && reopenings.some((r) => r.cityId === cityId && now <= r.until);
}

/** The window a call has when its milestone's dates are set: 00:00 on the first day to 23:59:59 on the last, local time. */
export function windowOfDates(startsOn: string, endsOn: string, timeZone: string): CallWindow {
  return { opensAt: zonedToUtc(startsOn, '00:00:00', timeZone), closesAt: zonedToUtc(endsOn, '23:59:59', timeZone) };
}

/** The local dates (first and last day) a window covers. */
export function datesOfWindow(window: CallWindow, timeZone: string) {
  return { startsOn: localDateAt(window.opensAt, timeZone), endsOn: localDateAt(window.closesAt, timeZone) };
}

/** An instant as a reason's parameters: local date and time in the programme's zone, and the zone. */
export function instantParams(instant: Date, timeZone: string) {
  const w = wallClockAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: localDateAt(instant, timeZone), time: `${two(w.hour)}:${two(w.minute)}`, timeZone };
}

/** Why a call cannot open (now or by its dates): a draft programme, no questions, no criteria. Empty when it can. */
export function callOpenProblems(kind: CallKind, form: { questions: number; criteria: number }, published: boolean): Reason[] {
  const problems: Reason[] = [];
  if (!published) problems.push(reason('CALL_IN_DRAFT', { call: kind }));
  if (form.questions === 0) problems.push(reason('CALL_NEEDS_QUESTIONS', { call: kind }));
  if (form.criteria === 0) problems.push(reason('CALL_NEEDS_CRITERIA', { call: kind }));
  return problems;
}

/** Why a call's questions and criteria can no longer change: an application was submitted. Null while they can. */
export function formLock(submittedCount: number): Reason | null {
  return submittedCount > 0 ? reason('CALL_FORM_LOCKED', { count: submittedCount }) : null;
}
