import Holidays from 'date-holidays';

// A country's public holidays from the date-holidays package, by the rules of
// decision 0018: only the `public` type (days off by law for everyone), of the
// whole country (regional days are not known here), a country the package does
// not know has none. Pure computation on the package's data, no I/O; about
// 1 MB of data, so a module for the server and the CLI, not the web app.
// (src/server/lib/public-holidays.ts applies the same rules for the visits.)

const calendars = new Map<string, Holidays | null>();
const byYear = new Map<string, readonly string[]>();

function calendarOf(code: string): Holidays | null {
  if (!calendars.has(code)) {
    const known = /^[A-Z]{2}$/.test(code) && code in new Holidays().getCountries();
    calendars.set(code, known ? new Holidays(code, { types: ['public'], languages: ['en'] }) : null);
  }
  return calendars.get(code) ?? null;
}

/** The local dates (YYYY-MM-DD) of a country's public holidays in a year; ISO 3166 code, any case. */
export function publicHolidayDates(country: string, year: number): readonly string[] {
  const code = country.trim().toUpperCase();
  const key = `${code}|${year}`;
  let dates = byYear.get(key);
  if (dates === undefined) {
    const calendar = calendarOf(code);
    // `date` is the holiday's local day in the country ("2026-04-06 00:00:00").
    dates = calendar ? [...new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))].sort() : [];
    byYear.set(key, dates);
  }
  return dates;
}
