import { z } from 'zod';
import type { Reason } from '../../shared/reason.ts';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { text } from '../../shared/text.ts';

// The instance format is a stable contract (issue 5): the CLI and the API accept
// exactly this shape. Items may carry extra fields (names, notes) that the solver
// ignores; the top level and `rules` are strict so that a misspelt rule is an
// error instead of silently doing nothing.

const Id = text().min(1);

const PairRef = z.object({ applicant: Id, host: Id });

export const MatchingHost = z.object({
  id: Id,
  capacity: z.number().int().min(0).default(3),
  country: text().min(1).optional(),
  name: text().min(1).optional(),
});
export type MatchingHost = z.infer<typeof MatchingHost>;

export const MatchingApplicant = z.object({
  id: Id,
  country: text().min(1).optional(),
  name: text().min(1).optional(),
});
export type MatchingApplicant = z.infer<typeof MatchingApplicant>;

export const MatchingPair = z.object({
  applicant: Id,
  host: Id,
  score: z.number().finite(),
  /** Travel CO2 of this pair in kg, used only by the rule `maxTotalCo2Kg`. */
  co2Kg: z.number().finite().min(0).optional(),
});
export type MatchingPair = z.infer<typeof MatchingPair>;

export const MatchingRules = z.strictObject({
  maxPerCountryPerHost: z.number().int().min(1).optional(),
  placeAsManyAsPossible: z.boolean().default(false),
  locked: z.array(PairRef).default([]),
  forbidden: z.array(PairRef).default([]),
  minScore: z.number().finite().optional(),
  maxTotalCo2Kg: z.number().finite().min(0).optional(),
});
export type MatchingRules = z.infer<typeof MatchingRules>;

export const MatchingInstance = z.strictObject({
  hosts: z.array(MatchingHost),
  applicants: z.array(MatchingApplicant),
  pairs: z.array(MatchingPair),
  rules: MatchingRules.default({ placeAsManyAsPossible: false, locked: [], forbidden: [] }),
});
/** A parsed instance: defaults applied, references checked. */
export type MatchingInstance = z.infer<typeof MatchingInstance>;
/** What callers may pass in (before defaults). */
export type MatchingInstanceInput = z.input<typeof MatchingInstance>;

/** A problem of an instance: the field's path (`pairs[3].score`, `(instance)` for the whole) and why. */
export interface InstanceProblem {
  path: string;
  reason: Reason;
}

export type MatchingInstanceParse =
  | { success: true; instance: MatchingInstance }
  | { success: false; errors: InstanceProblem[] };

/** Formats a zod path as `pairs[3].score`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(instance)' : out;
}

/** The JSON type of a value, as the schema's messages name it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'undefined' ? 'undefined' : typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) value = typeof value === 'object' && value !== null ? Reflect.get(value, part) : undefined;
  return value;
}

/** Why the schema refused a field, from the parts of zod's issue (its English message is not used). */
function issueReason(issue: z.core.$ZodIssue, input: unknown): Reason {
  switch (issue.code) {
    case 'invalid_type':
      return reason('INSTANCE_WRONG_TYPE', { expected: issue.expected, received: typeName(valueAt(input, issue.path)) });
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? reason('INSTANCE_EMPTY_STRING') : reason('INSTANCE_TOO_SMALL', { origin: issue.origin, minimum: Number(issue.minimum) });
    case 'too_big':
      return reason('INSTANCE_TOO_BIG', { origin: issue.origin, maximum: Number(issue.maximum) });
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return issue.keys.length === 1 ? reason('INSTANCE_UNKNOWN_KEY', { key: keys }) : reason('INSTANCE_UNKNOWN_KEYS', { keys });
    }
    default:
      return reason('INSTANCE_INVALID_VALUE');
  }
}

/** Parses untrusted JSON into an instance; every problem names the field path and says why. */
export function parseMatchingInstance(input: unknown): MatchingInstanceParse {
  const parsed = MatchingInstance.safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), reason: issueReason(issue, input) })),
    };
  }
  const errors = checkReferences(parsed.data);
  return errors.length === 0 ? { success: true, instance: parsed.data } : { success: false, errors };
}

/** A problem as one line of English, `pairs[3].score: …` (the command line prints these). */
export const problemLine = (p: InstanceProblem) => `${p.path}: ${englishText(p.reason)}`;

/** Parses or throws one Error listing every problem (for tests and trusted callers). */
export function matchingInstance(input: MatchingInstanceInput): MatchingInstance {
  const parsed = parseMatchingInstance(input);
  if (!parsed.success) throw new Error(parsed.errors.map(problemLine).join('\n'));
  return parsed.instance;
}

export function pairKey(applicant: string, host: string): string {
  // A separator that cannot occur in JSON-given ids without escaping is not
  // available, so use a control character nobody types into an id.
  return `${applicant}\u0000${host}`;
}

function indexIds(items: readonly { id: string }[], field: string, errors: InstanceProblem[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first === undefined) index.set(item.id, i);
    else errors.push({ path: `${field}[${i}].id`, reason: reason('INSTANCE_DUPLICATE_ID', { id: item.id, first: `${field}[${first}]` }) });
  });
  return index;
}

function checkReferences(instance: MatchingInstance): InstanceProblem[] {
  const errors: InstanceProblem[] = [];
  const hosts = indexIds(instance.hosts, 'hosts', errors);
  const applicants = indexIds(instance.applicants, 'applicants', errors);

  const checkRef = (ref: { applicant: string; host: string }, at: string): boolean => {
    let ok = true;
    if (!applicants.has(ref.applicant)) {
      errors.push({ path: `${at}.applicant`, reason: reason('INSTANCE_UNKNOWN_APPLICANT', { id: ref.applicant }) });
      ok = false;
    }
    if (!hosts.has(ref.host)) {
      errors.push({ path: `${at}.host`, reason: reason('INSTANCE_UNKNOWN_HOST', { id: ref.host }) });
      ok = false;
    }
    return ok;
  };

  const pairs = new Map<string, number>();
  instance.pairs.forEach((pair, i) => {
    if (!checkRef(pair, `pairs[${i}]`)) return;
    const key = pairKey(pair.applicant, pair.host);
    const first = pairs.get(key);
    if (first === undefined) pairs.set(key, i);
    else errors.push({ path: `pairs[${i}]`, reason: reason('INSTANCE_DUPLICATE_PAIR', { applicant: pair.applicant, host: pair.host, first: `pairs[${first}]` }) });
  });

  const { rules } = instance;
  const seenLocked = new Map<string, number>();
  rules.locked.forEach((ref, i) => {
    const at = `rules.locked[${i}]`;
    if (!checkRef(ref, at)) return;
    const key = pairKey(ref.applicant, ref.host);
    if (!pairs.has(key)) errors.push({ path: at, reason: reason('INSTANCE_LOCK_NOT_A_PAIR', { applicant: ref.applicant, host: ref.host }) });
    const first = seenLocked.get(key);
    if (first !== undefined) errors.push({ path: at, reason: reason('INSTANCE_DUPLICATE_LOCK', { first: `rules.locked[${first}]` }) });
    else seenLocked.set(key, i);
  });
  rules.forbidden.forEach((ref, i) => checkRef(ref, `rules.forbidden[${i}]`));

  if (rules.maxPerCountryPerHost !== undefined) {
    instance.applicants.forEach((applicant, i) => {
      if (applicant.country === undefined) {
        errors.push({ path: `applicants[${i}].country`, reason: reason('INSTANCE_COUNTRY_REQUIRED') });
      }
    });
  }
  if (rules.maxTotalCo2Kg !== undefined) {
    instance.pairs.forEach((pair, i) => {
      if (pair.co2Kg === undefined) errors.push({ path: `pairs[${i}].co2Kg`, reason: reason('INSTANCE_CO2_REQUIRED') });
    });
  }
  return errors;
}
