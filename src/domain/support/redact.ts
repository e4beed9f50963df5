/**
 * Personal data removed from a text before it is published in the library
 * (docs/support.md, "Knowledge"): email addresses, phone numbers and the
 * names of the people on the request. Pure; the programme manager reads and
 * edits the result before publishing, so this is a first pass that errs on
 * the side of removing, not a guarantee.
 */

export const REDACTED = { email: '[email removed]', phone: '[phone removed]', name: '[name removed]' } as const;

// A local part, @, a domain with at least one dot.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// International (+48…, 0048…) or national (0…) numbers, digits grouped by
// spaces, dots, dashes, slashes or parentheses. Amounts and years do not
// start with + or 0, so "12 000 000 EUR" or "2027" stay.
const PHONE = /(?<![\p{L}\p{N}])(?:(?:\+|00)\s?\d|\(?0\d)[\d\s()./-]{5,}\d(?![\p{L}\p{N}])/gu;
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'giu');

/** Parts of a name short enough to be ordinary words ("Li", "de") are kept; whole names always go. */
const MIN_NAME_PART = 3;

/**
 * The text with email addresses, phone numbers and the given people's names
 * (each whole name, then each part of it of 3 letters or more, in any case)
 * replaced by a marker saying what was removed.
 */
export function redactPersonalData(text: string, names: readonly string[]): string {
  let out = text.replace(EMAIL, REDACTED.email);
  out = out.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS ? REDACTED.phone : match;
  });
  const wholeNames = [...new Set(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length > 0))];
  const parts = [...new Set(wholeNames.flatMap((n) => n.split(/[\s-]+/)).filter((p) => p.length >= MIN_NAME_PART && !wholeNames.includes(p)))];
  // Longest first, so "Anna Maria Nowak" goes before "Anna".
  for (const name of [...wholeNames, ...parts].sort((a, b) => b.length - a.length)) {
    out = out.replace(word(name), REDACTED.name);
  }
  // "[name removed] [name removed]" (a name written out of order) reads as one.
  return out.replace(/\[name removed\](?:\s+\[name removed\])+/g, REDACTED.name);
}
