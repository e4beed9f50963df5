import { z } from 'zod';

// The instance format is a stable contract (issue 5): the CLI and the API accept
// exactly this shape. Items may carry extra fields (names, notes) that the solver
// ignores; the top level and `rules` are strict so that a misspelt rule is an
// error instead of silently doing nothing.

const Id = z.string().min(1, 'must be a non-empty string');

const PairRef = z.object({ applicant: Id, host: Id });

export const MatchingHost = z.object({
  id: Id,
  capacity: z.number().int().min(0).default(3),
  country: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
});
export type MatchingHost = z.infer<typeof MatchingHost>;

export const MatchingApplicant = z.object({
  id: Id,
  country: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
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

export type MatchingInstanceParse =
  | { success: true; instance: MatchingInstance }
  | { success: false; errors: string[] };

/** Formats a zod path as `pairs[3].score`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(instance)' : out;
}

/** Parses untrusted JSON into an instance; every error names the field path. */
export function parseMatchingInstance(input: unknown): MatchingInstanceParse {
  const parsed = MatchingInstance.safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const errors = checkReferences(parsed.data);
  return errors.length === 0 ? { success: true, instance: parsed.data } : { success: false, errors };
}

/** Parses or throws one Error listing every problem (for tests and trusted callers). */
export function matchingInstance(input: MatchingInstanceInput): MatchingInstance {
  const parsed = parseMatchingInstance(input);
  if (!parsed.success) throw new Error(parsed.errors.join('\n'));
  return parsed.instance;
}

export function pairKey(applicant: string, host: string): string {
  // A separator that cannot occur in JSON-given ids without escaping is not
  // available, so use a control character nobody types into an id.
  return `${applicant}\u0000${host}`;
}

function indexIds(items: readonly { id: string }[], field: string, errors: string[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.id);
    if (first === undefined) index.set(item.id, i);
    else errors.push(`${field}[${i}].id: duplicate id "${item.id}" (first at ${field}[${first}])`);
  });
  return index;
}

function checkReferences(instance: MatchingInstance): string[] {
  const errors: string[] = [];
  const hosts = indexIds(instance.hosts, 'hosts', errors);
  const applicants = indexIds(instance.applicants, 'applicants', errors);

  const checkRef = (ref: { applicant: string; host: string }, at: string): boolean => {
    let ok = true;
    if (!applicants.has(ref.applicant)) {
      errors.push(`${at}.applicant: unknown applicant "${ref.applicant}"`);
      ok = false;
    }
    if (!hosts.has(ref.host)) {
      errors.push(`${at}.host: unknown host "${ref.host}"`);
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
    else errors.push(`pairs[${i}]: duplicate pair ${pair.applicant}–${pair.host} (first at pairs[${first}])`);
  });

  const { rules } = instance;
  const seenLocked = new Map<string, number>();
  rules.locked.forEach((ref, i) => {
    const at = `rules.locked[${i}]`;
    if (!checkRef(ref, at)) return;
    const key = pairKey(ref.applicant, ref.host);
    if (!pairs.has(key)) errors.push(`${at}: pair ${ref.applicant}–${ref.host} is not listed in pairs`);
    const first = seenLocked.get(key);
    if (first !== undefined) errors.push(`${at}: duplicate locked pair (first at rules.locked[${first}])`);
    else seenLocked.set(key, i);
  });
  rules.forbidden.forEach((ref, i) => checkRef(ref, `rules.forbidden[${i}]`));

  if (rules.maxPerCountryPerHost !== undefined) {
    instance.applicants.forEach((applicant, i) => {
      if (applicant.country === undefined) {
        errors.push(`applicants[${i}].country: required when rules.maxPerCountryPerHost is set`);
      }
    });
  }
  if (rules.maxTotalCo2Kg !== undefined) {
    instance.pairs.forEach((pair, i) => {
      if (pair.co2Kg === undefined) errors.push(`pairs[${i}].co2Kg: required when rules.maxTotalCo2Kg is set`);
    });
  }
  return errors;
}
