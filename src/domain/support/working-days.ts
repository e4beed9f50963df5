// Working days for the support service level (issue 21): a first answer is
// due within N working days (5 by default, a programme setting). Working
// days are Monday to Friday in the programme's time zone, minus an explicit
// list of holidays and, when a country is given, its public holidays.
//
// Days are counted on local calendar dates (src/domain/time/zoned-time.ts),
// never on UTC strings: a request sent on Friday at 23:30 UTC arrives on
// Saturday in Brussels.

import { addDays, localDateAt, zonedToUtc } from '../time/zoned-time.ts';
import { publicHolidayDates } from './country-holidays.ts';

/** A calendar date, YYYY-MM-DD. */
export type LocalDate = string;

/** The support programme's time zone unless a calendar names another. */
export const DEFAULT_SUPPORT_TIME_ZONE = 'Europe/Brussels';

/** Working days for a first answer unless the programme sets another number. */
export const DEFAULT_FIRST_ANSWER_WORKING_DAYS = 5;

/** Whose working days count. */
export interface WorkingCalendar {
  /** IANA time zone; Europe/Brussels when left out. */
  timeZone?: string;
  /** Days off besides weekends (the programme's list). */
  holidays?: readonly LocalDate[];
  /** ISO 3166 code: its public holidays are days off too. */
  country?: string;
}

/** Largest number of working days a computation walks (about ten years): a guard against a typo, not a rule. */
const MAX_WORKING_DAYS = 2600;

/** Answers "is this local date a working day?" for one calendar, loading a country's years as they are asked for. */
function workingDayTest(calendar: WorkingCalendar): (date: LocalDate) => boolean {
  const explicit = new Set(calendar.holidays ?? []);
  const country = calendar.country;
  return (date) => {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || explicit.has(date)) return false;
    return country === undefined || !publicHolidayDates(country, Number(date.slice(0, 4))).includes(date);
  };
}

/** True when the local date is a working day of the calendar. */
export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar = {}): boolean {
  return workingDayTest(calendar)(date);
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${days}`);
}

/**
 * The local date of the `days`-th working day after the local day of `start`
 * (0: the start day itself if it is a working day, else the next one).
 */
export function addWorkingDaysToDate(startDate: LocalDate, days: number, calendar: WorkingCalendar = {}): LocalDate {
  checkDays(days);
  const working = workingDayTest(calendar);
  let date = startDate;
  if (days === 0) {
    while (!working(date)) date = addDays(date, 1);
    return date;
  }
  for (let counted = 0; counted < days; ) {
    date = addDays(date, 1);
    if (working(date)) counted++;
  }
  return date;
}

/**
 * When something started at `start` is due: the end (23:59:59) of the
 * `days`-th working day after the day of `start`, both in the calendar's
 * time zone. A request on Monday with 5 days is due at the end of the next
 * Monday; one on Saturday, at the end of Friday.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = {}): Date {
  const timeZone = calendar.timeZone ?? DEFAULT_SUPPORT_TIME_ZONE;
  const dueDate = addWorkingDaysToDate(localDateAt(start, timeZone), days, calendar);
  return zonedToUtc(dueDate, '23:59:59', timeZone);
}

/**
 * Working days from the day of `from` to the day of `to` in the calendar's
 * time zone: those after the first day, up to and including the last;
 * negative when `to` is on an earlier day. `workingDaysBetween(start,
 * addWorkingDays(start, n))` is n.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar = {}): number {
  const timeZone = calendar.timeZone ?? DEFAULT_SUPPORT_TIME_ZONE;
  const first = localDateAt(from, timeZone);
  const last = localDateAt(to, timeZone);
  if (last < first) return -workingDaysBetween(to, from, calendar);
  const working = workingDayTest(calendar);
  let count = 0;
  for (let date = addDays(first, 1); date <= last; date = addDays(date, 1)) {
    if (working(date)) count++;
  }
  return count;
}

/** Working days by which a due instant has passed at `now` (0 when not due yet, or passed only over days off). */
export function workingDaysOverdue(dueAt: Date, now: Date, calendar: WorkingCalendar = {}): number {
  return now.getTime() <= dueAt.getTime() ? 0 : Math.max(0, workingDaysBetween(dueAt, now, calendar));
}

/** When the first answer to a request sent at `requestedAt` is due (the service level). */
export function firstAnswerDueAt(requestedAt: Date, calendar: WorkingCalendar = {}, workingDays = DEFAULT_FIRST_ANSWER_WORKING_DAYS): Date {
  return addWorkingDays(requestedAt, workingDays, calendar);
}
