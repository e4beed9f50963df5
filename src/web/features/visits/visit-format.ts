import { useTranslation } from 'react-i18next';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { localDateAt } from '../../../domain/time/zoned-time.ts';

// Visit dates are calendar days in the programme's time zone (YYYY-MM-DD):
// formatted at noon UTC so no browser time zone can move them to another day.
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

export function formatDay(date: string, language: string, style: 'medium' | 'full' = 'medium'): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function formatNumber(value: number, language: string, digits = 0): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: digits }).format(value);
}

/** The calendar day `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in the programme's time zone (its settings' `timeZone`), as YYYY-MM-DD — the day the server counts in too. */
export function todayInProgramme(timeZone: string, now = new Date()): string {
  return localDateAt(now, timeZone);
}

/** A sector's name from its code (codes the interface does not know are shown as they are). */
export function useSectorName(): (code: string) => string {
  const { t } = useTranslation();
  return (code: string) => {
    const parsed = SectorCode.safeParse(code);
    return parsed.success ? t(`sectors.${parsed.data}`) : code;
  };
}
