import { useTranslation } from 'react-i18next';

// Deadlines and times are shown in the programme's time zone (ARCHITECTURE.md §12),
// whatever the visitor's computer says.
const PROGRAMME_TIME_ZONE = 'Europe/Brussels';

// Plain `en` formats dates the American way; European readers expect day-month-year and 24 hours.
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

/** A date and time in the programme's time zone, in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: PROGRAMME_TIME_ZONE }).format(new Date(iso));
}

/** A time of day on the person's own clock (14:32), for what just happened ("Draft saved at …"). */
export function formatClock(at: Date, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { hour: '2-digit', minute: '2-digit' }).format(at);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The name of a region (country) or language code in the interface language, English where it has none; the code itself when unknown. */
export function displayName(code: string, type: 'region' | 'language', language: string): string {
  if (!code) return code;
  const key = `${type}:${language}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([language, 'en'], { type }));
    } catch {
      // An interface language the runtime does not know: codes stay codes.
      displayNames.set(key, null);
    }
  }
  try {
    return displayNames.get(key)?.of(code) ?? code;
  } catch {
    // A malformed code (of() throws a RangeError) is shown as it is.
    return code;
  }
}

/** A country's name in the interface language, from its ISO code. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  return (code: string) => displayName(code, 'region', i18n.language);
}

/**
 * Rows in the order of the names people see (countries by their name in the
 * interface language, not by ISO code), compared as that language sorts.
 */
export function sortByDisplayedName<T>(rows: readonly T[], nameOf: (row: T) => string, language: string): T[] {
  const collator = new Intl.Collator([language, 'en']);
  return [...rows].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
