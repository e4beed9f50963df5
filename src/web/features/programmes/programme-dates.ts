// Deadlines are shown in the programme's own time zone (ARCHITECTURE.md §12),
// whatever the visitor's computer says, and the zone is named beside them.
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

/** An instant (ISO) as a date and time in the programme's time zone. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * A local date of the programme (YYYY-MM-DD) is a calendar day, not an
 * instant: formatted at noon UTC so no time zone moves it to another day.
 */
export function formatLocalDate(localDate: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${localDate}T12:00:00Z`));
}

/** Whether the browser knows this IANA time zone (the server checks again). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
