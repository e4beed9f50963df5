import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reason-texts.ts';
import { parseMatchingInstance, problemLine } from './matching-instance.ts';

const valid = {
  hosts: [{ id: 'h1', capacity: 3, country: 'ES' }],
  applicants: [{ id: 'a1', country: 'DE' }],
  pairs: [{ applicant: 'a1', host: 'h1', score: 12.5 }],
};

/** The problems as the command line prints them: `path: English text of the reason`. */
function errorsOf(input: unknown): string[] {
  const parsed = parseMatchingInstance(input);
  return parsed.success ? [] : parsed.errors.map(problemLine);
}

describe('parseMatchingInstance', () => {
  it('accepts the contract example and fills defaults for rules and capacity', () => {
    const parsed = parseMatchingInstance({ ...valid, hosts: [{ id: 'h1', country: 'ES' }] });
    expect(parsed.success && parsed.instance.hosts[0]?.capacity).toBe(3);
    expect(parsed.success && parsed.instance.rules).toEqual({ placeAsManyAsPossible: false, locked: [], forbidden: [] });
  });

  it('gives each problem its path and a reason', () => {
    const parsed = parseMatchingInstance({ ...valid, pairs: [{ applicant: 'a9', host: 'h1', score: 1 }] });
    expect(parsed.success ? [] : parsed.errors).toEqual([{ path: 'pairs[0].applicant', reason: reason('INSTANCE_UNKNOWN_APPLICANT', { id: 'a9' }) }]);
  });

  it('names the path of a field with the wrong type', () => {
    const pairs: unknown[] = [...valid.pairs, { applicant: 'a1', host: 'h1', score: 1 }, { applicant: 'a1', host: 'h1', score: 2 }];
    pairs.push({ applicant: 'a1', host: 'h1', score: 'high' });
    expect(errorsOf({ ...valid, pairs })).toEqual(['pairs[3].score: Invalid input: expected number, received string']);
  });

  it('rejects a misspelt rule instead of ignoring it', () => {
    expect(errorsOf({ ...valid, rules: { maxPerCountyPerHost: 1 } })[0]).toMatch(/^rules: Unrecognized key: "maxPerCountyPerHost"/);
  });

  it('rejects a non-integer capacity and a negative CO2 budget', () => {
    expect(errorsOf({ ...valid, hosts: [{ id: 'h1', capacity: 1.5 }], rules: { maxTotalCo2Kg: -1 } })).toEqual([
      'hosts[0].capacity: Invalid input: expected int, received number',
      'rules.maxTotalCo2Kg: Too small: expected number to be >=0',
    ]);
  });

  it('reports unknown references, duplicate ids and duplicate pairs', () => {
    expect(
      errorsOf({
        hosts: [{ id: 'h1' }, { id: 'h1' }],
        applicants: [{ id: 'a1' }],
        pairs: [
          { applicant: 'a1', host: 'h1', score: 1 },
          { applicant: 'a1', host: 'h1', score: 2 },
          { applicant: 'a2', host: 'h9', score: 3 },
        ],
        rules: { locked: [{ applicant: 'a1', host: 'h2' }], forbidden: [{ applicant: 'zz', host: 'h1' }] },
      }),
    ).toEqual([
      'hosts[1].id: duplicate id "h1" (first at hosts[0])',
      'pairs[1]: duplicate pair a1–h1 (first at pairs[0])',
      'pairs[2].applicant: unknown applicant "a2"',
      'pairs[2].host: unknown host "h9"',
      'rules.locked[0].host: unknown host "h2"',
      'rules.forbidden[0].applicant: unknown applicant "zz"',
    ]);
  });

  it('reports a locked pair that is not an allowed pair', () => {
    expect(
      errorsOf({ ...valid, hosts: [...valid.hosts, { id: 'h2' }], rules: { locked: [{ applicant: 'a1', host: 'h2' }] } }),
    ).toEqual(['rules.locked[0]: pair a1–h2 is not listed in pairs']);
  });

  it('requires countries when the country rule is on, and CO2 per pair with a budget', () => {
    expect(
      errorsOf({ ...valid, applicants: [{ id: 'a1' }], rules: { maxPerCountryPerHost: 1, maxTotalCo2Kg: 10 } }),
    ).toEqual([
      'applicants[0].country: required when rules.maxPerCountryPerHost is set',
      'pairs[0].co2Kg: required when rules.maxTotalCo2Kg is set',
    ]);
  });
});
