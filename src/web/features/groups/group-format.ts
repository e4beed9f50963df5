// Local dates (YYYY-MM-DD) of the programme are calendar days, not instants:
// format them at noon UTC so no time zone moves them to another day.
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

export function formatDate(localDate: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${localDate}T12:00:00Z`));
}
