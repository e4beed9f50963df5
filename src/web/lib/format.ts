// Deadlines and times are shown in the programme's time zone (ARCHITECTURE.md §12),
// whatever the visitor's computer says.
const PROGRAMME_TIME_ZONE = 'Europe/Brussels';

// Plain `en` formats dates the American way; European readers expect day-month-year and 24 hours.
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

/** A date and time in the programme's time zone, in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: PROGRAMME_TIME_ZONE }).format(new Date(iso));
}
