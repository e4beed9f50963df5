// What an agenda item may be: rules of a study visit's programme of days.
// Pure: the visit's dates, its items and "today" (a day of the programme's
// time zone) in, a reason or nothing out.

import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

export interface AgendaSlot {
  day: number;
  /** "HH:MM" (or "HH:MM:SS" as the database gives it). */
  startsAt: string;
  endsAt: string;
}

/** Why the agenda of a visit may no longer change: it is over (its last day is before today). */
export function agendaClosedReason(visit: { startsOn: string | null; endsOn: string | null }, today: string): Reason | null {
  const lastDay = visit.endsOn ?? visit.startsOn;
  if (lastDay !== null && lastDay < today) return reason('VISIT_AGENDA_ENDED', { date: lastDay });
  return null;
}

const minutes = (time: string) => {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
};

/** The first item of the same day whose time overlaps the new one (touching ends do not overlap). */
export function overlappingItem<T extends AgendaSlot>(items: readonly T[], item: AgendaSlot): T | null {
  const start = minutes(item.startsAt);
  const end = minutes(item.endsAt);
  return items.find((other) => other.day === item.day && minutes(other.startsAt) < end && start < minutes(other.endsAt)) ?? null;
}
