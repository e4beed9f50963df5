import type { Milestone } from '../../domain/programmes/programme-template.ts';
import { addDays, localDateAt, wallClockAt, zonedToUtc } from '../../domain/time/zoned-time.ts';
import type { Db } from '../db/client.ts';

/** The demo's programmes are in Brussels time, as the template's. */
export const DEMO_TIME_ZONE = 'Europe/Brussels';

/**
 * The day the demo data is written for: seeded on this day, its dates are
 * the ones written in the seed files (the 2025 edition finished, the 2027
 * edition's host call open since 1 December 2026…). Seeded on another day,
 * every date moves by the same number of days (decision 0021).
 */
export const DEMO_REFERENCE_DATE = '2026-12-07';

/** An instant on the reference day: test databases are seeded at it, so tests see the dates of the seed files. */
export const DEMO_REFERENCE_INSTANT = new Date('2026-12-07T09:00:00Z');

/** The marker of the first demo set; its time is the first start, which every later set is relative to. */
export const DEMO_FOUNDATION = 'demo-foundation-v1';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo's dates relative to the day it was first seeded: each date of the
 * seed files (written for DEMO_REFERENCE_DATE) moves by `days`, and each
 * edition year by `years`, so a programme's stage on the first start is the
 * same whatever the date. `years` follows the 2027 edition's visits (1 May
 * 2027 on the reference day), so an edition's year stays the year of its visits.
 */
export class DemoCalendar {
  /** Days from the reference day to the day of the first start (Brussels). */
  readonly days: number;
  /** Years added to every edition year. */
  readonly years: number;

  constructor(readonly seededAt: Date) {
    const today = localDateAt(seededAt, DEMO_TIME_ZONE);
    this.days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`)) / DAY_MS);
    this.years = Number(this.date('2027-05-01').slice(0, 4)) - 2027;
  }

  /** A local date (YYYY-MM-DD) of the seed files, moved. */
  date(localDate: string): string {
    return addDays(localDate, this.days);
  }

  /** An instant of the seed files (ISO, UTC), moved by whole days at the same time of day in Brussels. */
  instant(iso: string): Date {
    const w = wallClockAt(new Date(iso), DEMO_TIME_ZONE);
    const local = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    const time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}:${String(w.second).padStart(2, '0')}`;
    return zonedToUtc(this.date(local), time, DEMO_TIME_ZONE);
  }

  /** An edition year of the seed files, moved. */
  year(editionYear: number): number {
    return editionYear + this.years;
  }

  /** A timeline of the seed files, moved. */
  timeline(milestones: readonly Milestone[]): Milestone[] {
    return milestones.map((m) => ({ ...m, startsOn: this.date(m.startsOn), endsOn: this.date(m.endsOn) }));
  }

  /** "May 2027" for a moved local date (descriptions). */
  month(localDate: string): string {
    return new Date(`${localDate}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
}

/**
 * The calendar of this installation: relative to the first start (the time
 * the foundation set was seeded), or to `now` when it is being seeded now.
 */
export async function demoCalendar(db: Db, now: Date): Promise<DemoCalendar> {
  const first = await db.selectFrom('seed_runs').select('applied_at').where('name', '=', DEMO_FOUNDATION).executeTakeFirst();
  return new DemoCalendar(first ? new Date(first.applied_at) : now);
}
