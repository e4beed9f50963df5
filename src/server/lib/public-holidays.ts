import Holidays from 'date-holidays';
import type { Holiday } from '../../domain/visits/schedule-visits.ts';

// Public holidays by country, from the date-holidays package (decision 0018):
// only the `public` type (days off by law for everyone), of the whole
// country — regional holidays (a German Land, a Spanish community) are
// ignored, as the city's region is not recorded. Names in English.

const calendars = new Map<string, Holidays | null>();

function calendarOf(country: string): Holidays | null {
  const code = country.trim().toUpperCase();
  if (!calendars.has(code)) {
    // A country the package does not know has no holidays.
    const known = /^[A-Z]{2}$/.test(code) && code in new Holidays().getCountries();
    calendars.set(code, known ? new Holidays(code, { types: ['public'], languages: ['en'] }) : null);
  }
  return calendars.get(code) ?? null;
}

/** The public holidays of a country (ISO 3166 code) from `from` to `to` (local dates, inclusive). */
export function publicHolidays(country: string, from: string, to: string): Holiday[] {
  const calendar = calendarOf(country);
  if (!calendar || to < from) return [];
  const holidays: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (const h of calendar.getHolidays(year)) {
      // `date` is the holiday's local day in the country ("2027-05-01 00:00:00").
      const date = h.date.slice(0, 10);
      if (h.type === 'public' && date >= from && date <= to && !holidays.some((x) => x.date === date)) holidays.push({ date, name: h.name });
    }
  }
  return holidays;
}
