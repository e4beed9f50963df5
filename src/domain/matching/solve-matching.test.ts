import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/reason-texts.ts';
import { matchingViolations } from './check-matching.ts';
import { solveExhaustively } from './exhaustive-matching.ts';
import { matchingInstance, type MatchingInstanceInput } from './matching-instance.ts';
import { randomMatchingInstance } from './random-instance.ts';
import { solveMatching } from './solve-matching.ts';

const countries = ['DE', 'FR', 'ES'];

/** Small instances with every rule: ≤ 6 applicants, ≤ 3 hosts. */
const smallInstance: fc.Arbitrary<MatchingInstanceInput> = fc
  .record({
    hostCount: fc.integer({ min: 1, max: 3 }),
    applicantCount: fc.integer({ min: 0, max: 6 }),
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    applicantCountries: fc.array(fc.constantFrom(...countries), { minLength: 6, maxLength: 6 }),
    // Per (applicant, host): absent, or a score in tenths; negative scores included.
    cells: fc.array(fc.option(fc.integer({ min: -30, max: 120 }), { nil: undefined, freq: 3 }), { minLength: 18, maxLength: 18 }),
    maxPerCountryPerHost: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    placeAsManyAsPossible: fc.boolean(),
    minScore: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    lockPicks: fc.array(fc.nat(), { maxLength: 3 }),
    forbidPicks: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map((g) => {
    const hosts = Array.from({ length: g.hostCount }, (_, h) => ({ id: `h${h}`, capacity: g.capacities[h]!, country: 'ES' }));
    const applicants = Array.from({ length: g.applicantCount }, (_, a) => ({ id: `a${a}`, country: g.applicantCountries[a]! }));
    const pairs: { applicant: string; host: string; score: number }[] = [];
    for (let a = 0; a < g.applicantCount; a++) {
      for (let h = 0; h < g.hostCount; h++) {
        const cell = g.cells[a * 3 + h];
        if (cell !== undefined) pairs.push({ applicant: `a${a}`, host: `h${h}`, score: cell / 10 });
      }
    }
    const pick = (picks: number[]) => {
      if (pairs.length === 0) return [];
      const chosen = new Set(picks.map((i) => i % pairs.length));
      return [...chosen].map((i) => ({ applicant: pairs[i]!.applicant, host: pairs[i]!.host }));
    };
    return {
      hosts,
      applicants,
      pairs,
      rules: {
        ...(g.maxPerCountryPerHost !== undefined ? { maxPerCountryPerHost: g.maxPerCountryPerHost } : {}),
        ...(g.minScore !== undefined ? { minScore: g.minScore / 10 } : {}),
        placeAsManyAsPossible: g.placeAsManyAsPossible,
        locked: pick(g.lockPicks),
        forbidden: pick(g.forbidPicks),
      },
    };
  });

describe('solveMatching', () => {
  it('returns the contract example: one applicant placed at its only host', () => {
    const result = solveMatching(
      matchingInstance({
        hosts: [{ id: 'h1', capacity: 3, country: 'ES' }],
        applicants: [{ id: 'a1', country: 'DE' }],
        pairs: [{ applicant: 'a1', host: 'h1', score: 12.5 }],
        rules: { maxPerCountryPerHost: 1, placeAsManyAsPossible: false, locked: [{ applicant: 'a1', host: 'h1' }], forbidden: [] },
      }),
    );
    expect(result).toEqual({
      status: 'optimal',
      objective: 12.5,
      assignments: [{ applicant: 'a1', host: 'h1', score: 12.5 }],
      unassigned: [],
    });
  });

  it('matches exhaustive search on small instances with locked, forbidden, country, minScore and cardinality rules', () => {
    fc.assert(
      fc.property(smallInstance, (input) => {
        const instance = matchingInstance(input);
        const expected = solveExhaustively(instance);
        const result = solveMatching(instance);
        if (expected.status === 'infeasible') {
          expect(result.status).toBe('infeasible');
          return;
        }
        if (result.status === 'infeasible') throw new Error(`solver said infeasible: ${englishText(result.reason)}`);
        expect(matchingViolations(instance, result.assignments)).toEqual([]);
        expect(result.objective).toBeCloseTo(expected.objective, 9);
        if (instance.rules.placeAsManyAsPossible) expect(result.assignments.length).toBe(expected.placed);
        expect(result.assignments.length + result.unassigned.length).toBe(instance.applicants.length);
      }),
      { numRuns: 400, seed: 20250501 },
    );
  });

  it('agrees between the dense and the flow algorithm on complete instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.integer(),
        (n, m, placeAll, seed) => {
          const instance = matchingInstance({
            ...randomMatchingInstance({ applicants: n, hosts: m, capacity: 1, candidatesPerApplicant: m, countries: 3, seed, maxScore: 10, decimals: 1 }),
          });
          instance.rules.placeAsManyAsPossible = placeAll;
          // Shift some scores negative to exercise the cardinality rule on the dense path.
          if (placeAll) instance.pairs.forEach((p, i) => (p.score = i % 3 === 0 ? -p.score : p.score));
          const flow = solveMatching(instance, { algorithm: 'flow' });
          const auto = solveMatching(instance);
          if (flow.status === 'infeasible' || auto.status === 'infeasible') throw new Error('unexpected infeasible');
          expect(auto.objective).toBeCloseTo(flow.objective, 9);
          expect(auto.assignments.length).toBe(flow.assignments.length);
          expect(matchingViolations(instance, auto.assignments)).toEqual([]);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('leaves an applicant unplaced when its only pair has a negative score', () => {
    const instance = matchingInstance({
      hosts: [{ id: 'h1', capacity: 1 }],
      applicants: [{ id: 'a1' }],
      pairs: [{ applicant: 'a1', host: 'h1', score: -2 }],
    });
    expect(solveMatching(instance)).toMatchObject({ status: 'optimal', objective: 0, assignments: [], unassigned: ['a1'] });
  });

  it('places as many applicants as possible before maximising the score when asked', () => {
    // Best score places only a1 at h1 (10); two placements need a2 at h1 and a1 at h2.
    const instance = matchingInstance({
      hosts: [{ id: 'h1', capacity: 1 }, { id: 'h2', capacity: 1 }],
      applicants: [{ id: 'a1' }, { id: 'a2' }],
      pairs: [
        { applicant: 'a1', host: 'h1', score: 10 },
        { applicant: 'a1', host: 'h2', score: -1 },
        { applicant: 'a2', host: 'h1', score: 1 },
      ],
      rules: { placeAsManyAsPossible: true },
    });
    expect(solveMatching(instance)).toMatchObject({ status: 'optimal', objective: 0, unassigned: [] });
    instance.rules.placeAsManyAsPossible = false;
    expect(solveMatching(instance)).toMatchObject({ objective: 10, unassigned: ['a2'] });
  });

  it('stays lexicographic when scores are too large for the placement bonus (source-based fallback)', () => {
    // 9 nodes × bonus ≈ 4e15 > 2^51, so the solver pushes flow from one source instead.
    const big = 1e13;
    const instance = matchingInstance({
      hosts: [{ id: 'h1', capacity: 1 }, { id: 'h2', capacity: 1 }],
      applicants: [{ id: 'a1' }, { id: 'a2' }],
      pairs: [
        { applicant: 'a1', host: 'h1', score: 10 * big },
        { applicant: 'a1', host: 'h2', score: -big },
        { applicant: 'a2', host: 'h1', score: big },
      ],
      rules: { placeAsManyAsPossible: true },
    });
    expect(solveMatching(instance)).toMatchObject({ status: 'optimal', objective: 0, unassigned: [] });
  });

  it('keeps decimal scores exact in the objective', () => {
    const instance = matchingInstance({
      hosts: [{ id: 'h1', capacity: 3 }],
      applicants: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }],
      pairs: [
        { applicant: 'a1', host: 'h1', score: 0.1 },
        { applicant: 'a2', host: 'h1', score: 0.2 },
        { applicant: 'a3', host: 'h1', score: 1.000001 },
      ],
    });
    expect(solveMatching(instance)).toMatchObject({ objective: 1.300001 });
  });

  it('gives the same result for the same input (deterministic ties)', () => {
    const input = randomMatchingInstance({ applicants: 300, hosts: 30, capacity: 3, candidatesPerApplicant: 8, countries: 5, maxPerCountryPerHost: 1, seed: 3, maxScore: 5, decimals: 0 });
    const first = solveMatching(matchingInstance(input));
    const second = solveMatching(matchingInstance(structuredClone(input)));
    expect(second).toEqual(first);
  });

  describe('infeasible locks name the rule', () => {
    const base = {
      hosts: [{ id: 'h1', capacity: 1, country: 'ES' }, { id: 'h2', capacity: 2, country: 'FI' }],
      applicants: [{ id: 'a1', country: 'DE' }, { id: 'a2', country: 'DE' }],
      pairs: [
        { applicant: 'a1', host: 'h1', score: 5 },
        { applicant: 'a2', host: 'h1', score: 4 },
        { applicant: 'a1', host: 'h2', score: 3 },
        { applicant: 'a2', host: 'h2', score: 2 },
      ],
    };
    const reason = (rules: MatchingInstanceInput['rules']) => {
      const result = solveMatching(matchingInstance({ ...base, rules }));
      return result.status === 'infeasible' ? englishText(result.reason) : `feasible (${result.objective})`;
    };

    it('reports locks beyond a host capacity', () => {
      expect(reason({ locked: [{ applicant: 'a1', host: 'h1' }, { applicant: 'a2', host: 'h1' }] })).toBe(
        'locked pairs for host h1 (2) exceed its capacity 1',
      );
    });
    it('reports locks beyond the country limit', () => {
      expect(reason({ maxPerCountryPerHost: 1, locked: [{ applicant: 'a1', host: 'h2' }, { applicant: 'a2', host: 'h2' }] })).toBe(
        'locked pairs put 2 applicants from DE at host h2, violating maxPerCountryPerHost 1',
      );
    });
    it('reports an applicant locked to two hosts', () => {
      expect(reason({ locked: [{ applicant: 'a1', host: 'h1' }, { applicant: 'a1', host: 'h2' }] })).toBe(
        'applicant a1 is locked to two hosts (h1 and h2)',
      );
    });
    it('reports a locked pair that is also forbidden', () => {
      expect(reason({ locked: [{ applicant: 'a1', host: 'h1' }], forbidden: [{ applicant: 'a1', host: 'h1' }] })).toBe(
        'locked pair a1–h1 is also forbidden',
      );
    });
    it('reports a locked pair below the minimum score', () => {
      expect(reason({ minScore: 4, locked: [{ applicant: 'a1', host: 'h2' }] })).toBe(
        'locked pair a1–h2 has score 3, below minScore 4',
      );
    });
    it('forces a locked pair even when it lowers the total', () => {
      expect(reason({ locked: [{ applicant: 'a2', host: 'h1' }] })).toBe('feasible (7)');
    });
  });
});
