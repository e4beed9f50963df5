import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES } from '../../../domain/reference/countries.ts';
import type { Reason } from '../../../shared/reason.ts';
import type { SupportState } from '../../../shared/support.schemas.ts';
import { displayName } from '../../lib/format.ts';
import { reasonText } from '../../lib/reason-text.ts';
import '../../locales/lazy/support.strings.ts';

// Due dates are days in the programme's time zone (the server computes the instant as the end of a working day there).
const PROGRAMME_TIME_ZONE = 'Europe/Brussels';
const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language);

/** A day in words in the programme's time zone: "Thu 17 Dec" (the year too when it is not this year's). */
export function dayInWords(iso: string, language: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: PROGRAMME_TIME_ZONE }).format(d);
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: PROGRAMME_TIME_ZONE };
  if (year(at) !== year(now)) options.year = 'numeric';
  // en-GB writes "Thu, 17 Dec" in some runtimes and "Thu 17 Dec" in others: one way everywhere.
  return new Intl.DateTimeFormat(localeFor(language), options).format(at).replace(',', '');
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * A reason of the routing with its codes in words, in the reader's language:
 * "speaks pl, en" becomes "speaks Polish and English", "covers PL" "covers
 * Poland". The server stores the codes (src/shared/reasons/support.ts); what
 * is not a code is left as it is.
 */
export function readableReason(why: Reason, language: string): Reason {
  const params = why.params;
  if (why.code === 'SUPPORT_SPEAKS' && typeof params?.languages === 'string') {
    const codes = params.languages.split(',').map((c) => c.trim()).filter(Boolean);
    if (codes.length === 0 || !codes.every((c) => LANGUAGE_CODE.test(c))) return why;
    const names = codes.map((c) => displayName(c, 'language', language));
    return { ...why, params: { ...params, languages: new Intl.ListFormat(localeFor(language), { type: 'conjunction' }).format(names) } };
  }
  if (why.code === 'SUPPORT_COVERS_COUNTRY' && typeof params?.country === 'string' && COUNTRY_CODE.test(params.country)) {
    return { ...why, params: { ...params, country: displayName(params.country, 'region', language) } };
  }
  return why;
}

/** Reasons (why an expert fits) as one line: "shares buildings and finance, speaks Polish, 2 of 5 weekly slots free". */
export function reasonsLine(reasons: readonly Reason[], language: string): string {
  return reasons.map((r) => reasonText(readableReason(r, language))).join(', ');
}

// Each state in words, with a colour that only repeats what the words say. Outline badges in shade 9
// (and gray 8) are dark enough on white (4.5:1 and more); the filled ones write white on shade 9.
const STATE_COLOUR: Record<SupportState, string> = {
  submitted: 'orange.9',
  assigned: 'blue.9',
  answered: 'teal.9',
  session_held: 'teal.9',
  closed: 'gray.8',
};

export function StateBadge({ state }: { state: SupportState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATE_COLOUR[state]} data-testid="state-badge">
      {t(`support.states.${state}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="red.9" data-testid="overdue-badge">
      {t('support.overdueBadge')}
    </Badge>
  );
}

/** Languages offered in the pickers: those the platform's country table names (the EU's official ones and others in use). */
export const WORK_LANGUAGES: readonly string[] = LANGUAGE_CODES;

/** Options "Polish (pl)", sorted by name in the interface language; codes the list lacks (a city's own) are added. */
export function languageOptions(language: string, labelOf: (name: string, code: string) => string, extra: readonly string[] = []) {
  const codes = [...new Set<string>([...WORK_LANGUAGES, ...extra])];
  const collator = new Intl.Collator([language, 'en']);
  return codes
    .map((code) => ({ value: code, label: labelOf(displayName(code, 'language', language), code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
