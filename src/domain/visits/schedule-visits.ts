import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { addDays } from '../time/zoned-time.ts';

export interface VisitToSchedule {
  id: string;
  hostName: string;
  facilitatorId: string | null;
  facilitatorName: string | null;
  /** Dates (YYYY-MM-DD) the host cannot receive visitors. */
  hostUnavailable: readonly string[];
  /** A start date fixed by the programme manager, or null to let the planner choose. */
  fixedStart: string | null;
  /** Public holidays in the host's country (the service looks them up), avoided like the host's unavailable days. */
  hostHolidays?: readonly Holiday[];
}

/** A public holiday: its local date and its name. */
export interface Holiday {
  date: string;
  name: string;
}

export interface FacilitatorCalendar {
  id: string;
  /** Dates the facilitator cannot travel. */
  unavailable: readonly string[];
}

export interface ScheduleOptions {
  windowStart: string;
  windowEnd: string;
  lengthDays: number;
  /** Visits usually run on working days; true allows Saturdays and Sundays. */
  allowWeekends?: boolean;
  /** Days the programme holds no visits at all (a programme setting), avoided like the host's unavailable days. */
  daysWithoutVisits?: readonly string[];
}

export type ScheduleResult =
  | {
      status: 'scheduled';
      visits: { id: string; start: string; end: string }[];
      /** Days in the window no visit could take, and why (public holidays, days without visits): shown beside the proposal. */
      avoided: Reason[];
    }
  | { status: 'conflict'; visitId: string | null; reason: Reason };

const isWeekend = (d: string) => {
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

function daysOf(start: string, length: number) {
  return Array.from({ length }, (_, i) => addDays(start, i));
}

/** Start dates a visit could take on its own: inside the window, host and facilitator free. */
export function candidateStarts(visit: VisitToSchedule, facilitators: ReadonlyMap<string, FacilitatorCalendar>, o: ScheduleOptions): string[] {
  const starts: string[] = [];
  if (visit.fixedStart && visit.fixedStart < o.windowStart) return starts;
  const hostOff = new Set([...visit.hostUnavailable, ...(visit.hostHolidays ?? []).map((h) => h.date), ...(o.daysWithoutVisits ?? [])]);
  const facOff = new Set(visit.facilitatorId ? (facilitators.get(visit.facilitatorId)?.unavailable ?? []) : []);
  for (let d = visit.fixedStart ?? o.windowStart; d <= o.windowEnd; d = addDays(d, 1)) {
    const days = daysOf(d, o.lengthDays);
    const last = days.at(-1) ?? d;
    if (last > o.windowEnd) break;
    const ok = days.every((x) => !hostOff.has(x) && !facOff.has(x) && (o.allowWeekends || !isWeekend(x)));
    if (ok) starts.push(d);
    if (visit.fixedStart) break;
  }
  return starts;
}

/**
 * Proposes dates for all visits at once: each inside the window, on days the
 * host and its facilitator are free, and no facilitator at two visits at the
 * same time (a day's gap for travel). Backtracking over the visits with the
 * fewest options first finds a schedule whenever one exists; otherwise it
 * says why not.
 */
export function scheduleVisits(visits: readonly VisitToSchedule[], facilitators: readonly FacilitatorCalendar[], o: ScheduleOptions): ScheduleResult {
  const calendars = new Map(facilitators.map((f) => [f.id, f]));
  const options = new Map(visits.map((v) => [v.id, candidateStarts(v, calendars, o)]));
  for (const v of visits) {
    if ((options.get(v.id) ?? []).length === 0) {
      return {
        status: 'conflict',
        visitId: v.id,
        reason: v.fixedStart
          ? whyNot(v, calendars, o, v.fixedStart)
          : v.facilitatorName
            ? reason('SCHEDULE_NO_SLOT_FOR_BOTH', { length: o.lengthDays, windowStart: o.windowStart, windowEnd: o.windowEnd, host: v.hostName, facilitator: v.facilitatorName })
            : reason('SCHEDULE_NO_SLOT_FOR_HOST', { length: o.lengthDays, windowStart: o.windowStart, windowEnd: o.windowEnd, host: v.hostName }),
      };
    }
  }
  const placed = place(visits, options, o);
  if (placed) {
    return {
      status: 'scheduled',
      visits: visits.map((v) => ({ id: v.id, start: placed.get(v.id) ?? '', end: addDays(placed.get(v.id) ?? '', o.lengthDays - 1) })),
      avoided: avoidedDays(visits, o),
    };
  }
  // The clash: a facilitator whose own visits cannot all fit.
  const byFacilitator = new Map<string, VisitToSchedule[]>();
  for (const v of visits) if (v.facilitatorId) byFacilitator.set(v.facilitatorId, [...(byFacilitator.get(v.facilitatorId) ?? []), v]);
  for (const group of byFacilitator.values()) {
    if (group.length < 2 || place(group, options, o)) continue;
    const facilitator = facilitatorLabel(group[0]);
    const [first, second] = group;
    return {
      status: 'conflict',
      visitId: group.at(-1)?.id ?? null,
      reason:
        group.length === 2 && first && second
          ? reason('SCHEDULE_FACILITATOR_CLASH_TWO', { facilitator, first: first.hostName, second: second.hostName })
          : reason('SCHEDULE_FACILITATOR_CLASH', { facilitator, hosts: group.map((v) => v.hostName).join(', ') }),
    };
  }
  return { status: 'conflict', visitId: null, reason: reason('SCHEDULE_IMPOSSIBLE') };
}

/** The facilitator as people know them (their id only if the name is missing). */
const facilitatorLabel = (v: VisitToSchedule | undefined) => v?.facilitatorName ?? v?.facilitatorId ?? '';

function whyNot(v: VisitToSchedule, calendars: ReadonlyMap<string, FacilitatorCalendar>, o: ScheduleOptions, start: string): Reason {
  const days = daysOf(start, o.lengthDays);
  const host = v.hostName;
  if ((days.at(-1) ?? start) > o.windowEnd || start < o.windowStart) return reason('SCHEDULE_START_OUTSIDE_WINDOW', { host, start, windowStart: o.windowStart, windowEnd: o.windowEnd });
  const closed = days.filter((d) => (o.daysWithoutVisits ?? []).includes(d));
  if (closed.length) return reason('SCHEDULE_START_NO_VISITS_DAY', { host, start, days: closed.join(', ') });
  const holidays = (v.hostHolidays ?? []).filter((h) => days.includes(h.date));
  if (holidays.length) return reason('SCHEDULE_START_HOLIDAY', { host, start, holidays: holidays.map((h) => `${h.date} (${h.name})`).join(', ') });
  const hostOff = days.filter((d) => v.hostUnavailable.includes(d));
  if (hostOff.length) return reason('SCHEDULE_START_HOST_AWAY', { host, start, days: hostOff.join(', ') });
  const facOff = v.facilitatorId ? days.filter((d) => (calendars.get(v.facilitatorId ?? '')?.unavailable ?? []).includes(d)) : [];
  if (facOff.length) return reason('SCHEDULE_START_FACILITATOR_AWAY', { host, start, facilitator: facilitatorLabel(v), days: facOff.join(', ') });
  return reason('SCHEDULE_START_WEEKEND', { host, start });
}

/** The programme's days without visits and each host's public holidays that fall on days a visit could otherwise use, in the window. */
function avoidedDays(visits: readonly VisitToSchedule[], o: ScheduleOptions): Reason[] {
  const usable = (d: string) => d >= o.windowStart && d <= o.windowEnd && (o.allowWeekends || !isWeekend(d));
  const closed = [...new Set(o.daysWithoutVisits ?? [])].filter(usable).sort();
  const avoided = closed.length ? [reason('SCHEDULE_AVOIDED_NO_VISITS_DAYS', { days: closed.join(', ') })] : [];
  const seen = new Set<string>();
  for (const v of visits) {
    for (const h of v.hostHolidays ?? []) {
      const key = `${v.hostName}|${h.date}`;
      if (!usable(h.date) || closed.includes(h.date) || seen.has(key)) continue;
      seen.add(key);
      avoided.push(reason('SCHEDULE_AVOIDED_HOLIDAY', { host: v.hostName, date: h.date, name: h.name }));
    }
  }
  return avoided;
}

/** Backtracking over the visits with the fewest options first; the start date of each, or null. */
function place(visits: readonly VisitToSchedule[], options: ReadonlyMap<string, string[]>, o: ScheduleOptions): Map<string, string> | null {
  const order = [...visits].sort((a, b) => (options.get(a.id)?.length ?? 0) - (options.get(b.id)?.length ?? 0) || a.id.localeCompare(b.id));
  const chosen = new Map<string, string>();
  // Busy days per facilitator: the visit and the day after it, for travel.
  const busy = new Map<string, Set<string>>();
  const step = (i: number): boolean => {
    const v = order[i];
    if (!v) return true;
    for (const start of options.get(v.id) ?? []) {
      const days = daysOf(start, o.lengthDays + 1);
      const taken = v.facilitatorId ? busy.get(v.facilitatorId) : undefined;
      if (taken && days.some((d) => taken.has(d))) continue;
      chosen.set(v.id, start);
      if (v.facilitatorId) {
        const set = taken ?? new Set<string>();
        days.forEach((d) => set.add(d));
        busy.set(v.facilitatorId, set);
      }
      if (step(i + 1)) return true;
      chosen.delete(v.id);
      if (v.facilitatorId) days.forEach((d) => busy.get(v.facilitatorId ?? '')?.delete(d));
    }
    return false;
  };
  return step(0) ? chosen : null;
}
