/**
 * Wall-clock times in a named time zone (Europe/Brussels by default) turned
 * into UTC instants and back, with the platform's Intl data: no library, and
 * correct across daylight-saving changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at the instant `date`. */
export function wallClockAt(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const asUtcMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/**
 * The instant at which clocks in `timeZone` show the given local date and
 * time (`'2027-02-28'`, `'23:59:59'`). In the hour skipped by a spring-forward
 * change the later valid instant is used; in a repeated autumn hour, the first.
 */
export function zonedToUtc(localDate: string, localTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(localTime);
  if (!m || !t) throw new RangeError(`Not a local date and time: ${localDate} ${localTime}`);
  const wanted: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: Number(t[3] ?? 0),
  };
  const target = asUtcMs(wanted);
  // Two passes converge on the offset in force at the wanted instant.
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const offset = asUtcMs(wallClockAt(new Date(guess), timeZone)) - guess;
    guess = target - offset;
  }
  // Prefer the earliest instant that shows this wall-clock time (autumn overlap).
  const anHourEarlier = guess - 3_600_000;
  if (asUtcMs(wallClockAt(new Date(anHourEarlier), timeZone)) === target) return new Date(anHourEarlier);
  return new Date(guess);
}

/** The local calendar date (YYYY-MM-DD) in `timeZone` at the instant `date`. */
export function localDateAt(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to a YYYY-MM-DD date (a day the month lacks runs over into the next: 31 January + 1 month is 3 March). */
export function addMonths(localDate: string, months: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The last day of a month (1–12) as YYYY-MM-DD. */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
