import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { matchingViolations } from './check-matching.ts';
import { solveExhaustively } from './exhaustive-matching.ts';
import { matchingInstance, type MatchingInstance } from './matching-instance.ts';
import { randomMatchingInstance } from './random-instance.ts';
import { seededRandom } from './seeded-random.ts';
import { solveMatching } from './solve-matching.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** A 200 × 20 instance with every rule switched on, from a seed. */
function mediumInstance(seed: number, placeAsManyAsPossible: boolean): MatchingInstance {
  const instance = matchingInstance(
    randomMatchingInstance({ applicants: 200, hosts: 20, capacity: 8, candidatesPerApplicant: 6, countries: 6, maxPerCountryPerHost: 2, seed, placeAsManyAsPossible }),
  );
  const random = seededRandom(seed + 1);
  // Some negative scores make leaving applicants out attractive.
  for (const pair of instance.pairs) if (random() < 0.15) pair.score = -pair.score;
  const pick = () => instance.pairs[Math.floor(random() * instance.pairs.length)]!;
  const forbidden = Array.from({ length: 15 }, pick).map(({ applicant, host }) => ({ applicant, host }));
  instance.rules.forbidden = forbidden;
  instance.rules.minScore = 5;
  const locked = new Map<string, { applicant: string; host: string }>();
  for (let i = 0; i < 5; i++) {
    const pair = pick();
    if (pair.score >= 5 && !forbidden.some((f) => f.applicant === pair.applicant && f.host === pair.host)) {
      locked.set(pair.applicant, { applicant: pair.applicant, host: pair.host });
    }
  }
  instance.rules.locked = [...locked.values()];
  return instance;
}

describe('HiGHS solver', () => {
  for (const seed of [1, 2, 3]) {
    for (const placeAll of [false, true]) {
      it(`agrees with the flow solver on a 200 × 20 instance with all rules (seed ${seed}, placeAsManyAsPossible ${placeAll})`, () => {
        const instance = mediumInstance(seed, placeAll);
        const flow = solveMatching(instance);
        const lp = solveMatching(instance, { algorithm: 'highs', highs });
        if (flow.status === 'infeasible' || lp.status === 'infeasible') throw new Error('expected both to solve');
        expect(matchingViolations(instance, flow.assignments)).toEqual([]);
        expect(matchingViolations(instance, lp.assignments)).toEqual([]);
        expect(flow.objective).toBeCloseTo(lp.objective, 6);
        expect(flow.assignments.length).toBe(lp.assignments.length);
      });
    }
  }

  it('meets a CO2 budget optimally (MIP) on small instances, matching exhaustive search', () => {
    const instances = fc
      .record({
        applicants: fc.integer({ min: 1, max: 5 }),
        hosts: fc.integer({ min: 1, max: 3 }),
        cells: fc.array(fc.option(fc.record({ score: fc.integer({ min: -10, max: 50 }), co2: fc.integer({ min: 0, max: 400 }) }), { nil: undefined, freq: 3 }), { minLength: 15, maxLength: 15 }),
        budget: fc.integer({ min: 0, max: 900 }),
        placeAll: fc.boolean(),
      })
      .map((g) => {
        const pairs: MatchingInstance['pairs'] = [];
        for (let a = 0; a < g.applicants; a++) {
          for (let h = 0; h < g.hosts; h++) {
            const cell = g.cells[a * 3 + h];
            if (cell) pairs.push({ applicant: `a${a}`, host: `h${h}`, score: cell.score, co2Kg: cell.co2 });
          }
        }
        return matchingInstance({
          hosts: Array.from({ length: g.hosts }, (_, h) => ({ id: `h${h}`, capacity: 2 })),
          applicants: Array.from({ length: g.applicants }, (_, a) => ({ id: `a${a}` })),
          pairs,
          rules: { maxTotalCo2Kg: g.budget, placeAsManyAsPossible: g.placeAll },
        });
      });
    fc.assert(
      fc.property(instances, (instance) => {
        const expected = solveExhaustively(instance);
        const result = solveMatching(instance, { highs });
        if (expected.status === 'infeasible' || result.status === 'infeasible') throw new Error('budget 0 still allows placing nobody');
        expect(result).toMatchObject({ status: 'optimal', gap: 0 });
        expect(matchingViolations(instance, result.assignments)).toEqual([]);
        expect(result.objective).toBeCloseTo(expected.objective, 9);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('reports infeasibility when locked pairs alone exceed the CO2 budget', () => {
    const instance = matchingInstance({
      hosts: [{ id: 'h1', capacity: 1 }],
      applicants: [{ id: 'a1' }],
      pairs: [{ applicant: 'a1', host: 'h1', score: 1, co2Kg: 500 }],
      rules: { maxTotalCo2Kg: 100, locked: [{ applicant: 'a1', host: 'h1' }] },
    });
    const result = solveMatching(instance, { highs });
    expect(result).toEqual({ status: 'infeasible', reason: reason('MATCHING_LOCKS_OVER_CO2', { co2: 500, budget: 100 }) });
    expect(result.status === 'infeasible' && englishText(result.reason)).toBe('locked pairs alone emit 500 kg CO2, above maxTotalCo2Kg 100');
  });

  it('refuses a CO2 budget without a HiGHS runtime instead of ignoring the rule', () => {
    const instance = matchingInstance({ hosts: [], applicants: [], pairs: [], rules: { maxTotalCo2Kg: 1 } });
    expect(() => solveMatching(instance)).toThrow('pass options.highs');
  });
});
