import { z } from 'zod';

/**
 * The string types of the API (docs/decisions/0024-strict-input-types.md).
 * Every string the API takes — path, query, body — is one of these, never a
 * bare `z.string()` (ESLint refuses it in schemas): PostgreSQL cannot store
 * U+0000 or a lone UTF-16 surrogate, so such text is refused here, with a
 * reason people read, instead of failing in the database as a 500.
 */

// In a `u` pattern a whole surrogate pair is one code point; \p{Cs} matches only a half on its own.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is refused
const UNSTORABLE = /[\u0000\p{Cs}]/u;

// A refinement's reason (as `because` in issue-reason.ts, written out: that module imports the catalogue, which uses these types).
const because = (code: 'TEXT_CHARACTERS_INVALID' | 'DATE_INVALID' | 'DATE_TIME_INVALID') => ({ params: { reason: code } });

/** True when the text holds neither U+0000 nor half of a surrogate pair. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** Any text: refuses U+0000 and lone surrogates. Chain `.min()`, `.max()`, `.trim()`, `.regex()` as on `z.string()`. */
export const text = (message = 'Text must not contain NUL (U+0000) or unpaired surrogate characters.') =>
  z.string().refine(isStorableText, { message, ...because('TEXT_CHARACTERS_INVALID') });

/** A web address (http or https unless told otherwise) that is also storable text. */
export const webAddress = (options: { protocol?: RegExp; error?: string } = {}) =>
  z.url({ protocol: options.protocol ?? /^https?$/, ...(options.error ? { error: options.error } : {}) }).refine(isStorableText, { message: 'Text must not contain NUL (U+0000) or unpaired surrogate characters.', ...because('TEXT_CHARACTERS_INVALID') });

const yearFrom1 = (value: string) => !value.startsWith('0000');

/** A calendar day as YYYY-MM-DD that exists (no 2027-02-30, no 0000-00-00); in the programme's time zone where it matters. */
export const LocalDate = z.iso
  .date({ error: 'Use a real date like 2027-05-20.', abort: true })
  .refine(yearFrom1, { message: 'Use a real date like 2027-05-20.', ...because('DATE_INVALID') });

/** A time of day as HH:MM, from 00:00 to 23:59. */
export const LocalTime = z.iso.time({ precision: -1, error: 'Use a time from 00:00 to 23:59, like 09:30.' });

/** A local date and time as YYYY-MM-DDTHH:MM (no offset), both parts real. */
export const LocalDateTime = z.iso
  .datetime({ local: true, precision: -1, error: 'Use a real local date and time like 2027-03-15T10:00.', abort: true })
  .refine((value) => /T\d{2}:\d{2}$/.test(value), { message: 'Use a real local date and time like 2027-03-15T10:00.', ...because('DATE_TIME_INVALID') })
  .refine(yearFrom1, { message: 'Use a real local date and time like 2027-03-15T10:00.', ...because('DATE_TIME_INVALID') });

/** An instant with its offset (ISO 8601, e.g. 2027-03-15T10:00:00+01:00), on a real calendar day. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'Use a real date and time with its offset, like 2027-03-15T10:00:00+01:00.', abort: true })
  .refine(yearFrom1, { message: 'Use a real date and time with its offset, like 2027-03-15T10:00:00+01:00.', ...because('DATE_TIME_INVALID') });
