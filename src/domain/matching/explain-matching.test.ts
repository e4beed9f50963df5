import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import type { MatchingExplanation } from './explain-matching.ts';
import { matchingInstance, type MatchingInstanceInput } from './matching-instance.ts';
import { solveMatching } from './solve-matching.ts';

function explain(input: MatchingInstanceInput): { objective: number; explanation: MatchingExplanation } {
  const result = solveMatching(matchingInstance(input), { explain: true });
  if (result.status === 'infeasible' || result.explanation === undefined) throw new Error('expected an explained optimum');
  return { objective: result.objective, explanation: result.explanation };
}

const valencia = {
  hosts: [
    { id: 'valencia', name: 'Valencia', capacity: 3, country: 'ES' },
    { id: 'ghent', name: 'Ghent', capacity: 1, country: 'BE' },
  ],
  applicants: [
    { id: 'turku', name: 'Turku', country: 'FI' },
    { id: 'graz', name: 'Graz', country: 'AT' },
    { id: 'porto', name: 'Porto', country: 'PT' },
    { id: 'lahti', name: 'Lahti', country: 'FI' },
  ],
  pairs: [
    { applicant: 'turku', host: 'valencia', score: 9 },
    { applicant: 'graz', host: 'valencia', score: 8.5 },
    { applicant: 'porto', host: 'valencia', score: 7 },
    { applicant: 'lahti', host: 'valencia', score: 2.8 },
    { applicant: 'lahti', host: 'ghent', score: 1 },
  ],
  rules: { forbidden: [{ applicant: 'lahti', host: 'ghent' }] },
};

describe('explainMatching', () => {
  it('says Lahti is unplaced because Valencia is full of better-fitting cities, with the exact loss', () => {
    const { explanation } = explain(valencia);
    const lahti = explanation.applicants.find((a) => a.applicant === 'lahti');
    expect(lahti?.placement).toBeNull();
    expect(lahti?.notGiven).toEqual([
      {
        host: 'valencia',
        score: 2.8,
        reason: 'host-full',
        totalDrop: 4.2,
        why: reason('MATCH_HOST_FULL_PLACING', { host: 'Valencia', placed: 3, applicant: 'Lahti', drop: 4.2 }),
      },
      { host: 'ghent', score: 1, reason: 'forbidden', totalDrop: null, why: reason('MATCH_FORBIDDEN') },
    ]);
    expect(lahti?.notGiven.map((n) => englishText(n.why))).toEqual([
      'Host Valencia is full (3 placed, all of higher total fit); placing Lahti there would lower the total by 4.2',
      'forbidden by the programme manager',
    ]);
    expect(explanation.hosts.find((h) => h.host === 'valencia')).toEqual({
      host: 'valencia',
      placed: ['turku', 'graz', 'porto'],
      alternates: [{ applicant: 'lahti', score: 2.8, totalDrop: 4.2 }],
    });
  });

  it('finds the runner-up through a chain of moves (Turku to Ghent lets Lahti into Valencia)', () => {
    const { explanation } = explain({
      ...valencia,
      pairs: [...valencia.pairs, { applicant: 'turku', host: 'ghent', score: 5 }],
    });
    const turku = explanation.applicants.find((a) => a.applicant === 'turku');
    expect(turku?.placement).toEqual({ host: 'valencia', score: 9, locked: false });
    // 9 − 5 lost on Turku, 2.8 won back by Lahti taking the freed place.
    expect(turku?.runnerUp).toMatchObject({ host: 'ghent', totalDrop: 1.2, why: reason('MATCH_LOWER_TOTAL_MOVING', { applicant: 'Turku', drop: 1.2 }) });
    expect(turku?.runnerUp && englishText(turku.runnerUp.why)).toBe('moving Turku there would lower the total by 1.2');
  });

  it('names the country limit when the host has room but not for that country', () => {
    const { explanation } = explain({
      hosts: [{ id: 'ghent', name: 'Ghent', capacity: 2 }],
      applicants: [
        { id: 'porto', name: 'Porto', country: 'PT' },
        { id: 'braga', name: 'Braga', country: 'PT' },
      ],
      pairs: [
        { applicant: 'porto', host: 'ghent', score: 7 },
        { applicant: 'braga', host: 'ghent', score: 3 },
      ],
      rules: { maxPerCountryPerHost: 1 },
    });
    const braga = explanation.applicants[1]?.notGiven[0];
    expect(braga).toMatchObject({ reason: 'country-limit', totalDrop: 4 });
    expect(braga && englishText(braga.why)).toBe('Host Ghent already has 1 applicant(s) from PT (limit 1); placing Braga there would lower the total by 4');
  });

  it('explains below-minimum and locked-elsewhere pairs without a figure', () => {
    const { explanation } = explain({
      ...valencia,
      rules: { minScore: 2, locked: [{ applicant: 'porto', host: 'valencia' }] },
      pairs: [...valencia.pairs, { applicant: 'porto', host: 'ghent', score: 6 }],
    });
    const lahti = explanation.applicants.find((a) => a.applicant === 'lahti');
    expect(lahti?.notGiven.find((x) => x.host === 'ghent')).toMatchObject({
      reason: 'below-min-score',
      totalDrop: null,
      why: reason('MATCH_BELOW_MIN_SCORE', { score: 1, minScore: 2 }),
    });
    const porto = explanation.applicants.find((a) => a.applicant === 'porto');
    expect(porto?.placement).toEqual({ host: 'valencia', score: 7, locked: true });
    expect(porto?.notGiven[0]).toMatchObject({ reason: 'locked-elsewhere', why: reason('MATCH_LOCKED_ELSEWHERE', { host: 'Valencia' }) });
    expect(porto?.notGiven[0] && englishText(porto.notGiven[0].why)).toBe('locked to Valencia by the programme manager');
  });

  it('reports for every pair not given exactly the loss measured by re-solving with that pair locked', () => {
    const instances = fc
      .record({
        hosts: fc.integer({ min: 1, max: 3 }),
        applicants: fc.integer({ min: 1, max: 6 }),
        capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        countries: fc.array(fc.constantFrom('DE', 'FR'), { minLength: 6, maxLength: 6 }),
        cells: fc.array(fc.option(fc.integer({ min: -20, max: 90 }), { nil: undefined, freq: 3 }), { minLength: 18, maxLength: 18 }),
        countryRule: fc.boolean(),
        placeAsManyAsPossible: fc.boolean(),
      })
      .map((g): MatchingInstanceInput => {
        const pairs: { applicant: string; host: string; score: number }[] = [];
        for (let a = 0; a < g.applicants; a++) {
          for (let h = 0; h < g.hosts; h++) {
            const cell = g.cells[a * 3 + h];
            if (cell !== undefined) pairs.push({ applicant: `a${a}`, host: `h${h}`, score: cell / 10 });
          }
        }
        return {
          hosts: Array.from({ length: g.hosts }, (_, h) => ({ id: `h${h}`, capacity: g.capacities[h]! })),
          applicants: Array.from({ length: g.applicants }, (_, a) => ({ id: `a${a}`, country: g.countries[a]! })),
          pairs,
          rules: { ...(g.countryRule ? { maxPerCountryPerHost: 1 } : {}), placeAsManyAsPossible: g.placeAsManyAsPossible },
        };
      });
    fc.assert(
      fc.property(instances, (input) => {
        const { objective, explanation } = explain(input);
        const placed = explanation.applicants.filter((a) => a.placement !== null).length;
        for (const applicant of explanation.applicants) {
          for (const alt of applicant.notGiven) {
            const forced = solveMatching(
              matchingInstance({ ...input, rules: { ...input.rules, locked: [{ applicant: applicant.applicant, host: alt.host }] } }),
            );
            // A forced pair that is infeasible, or costs a placement under
            // placeAsManyAsPossible, has no drop; otherwise the drop is exact.
            if (forced.status === 'infeasible' || (input.rules?.placeAsManyAsPossible && forced.assignments.length < placed)) {
              expect(alt.totalDrop).toBeNull();
            } else {
              expect(alt.totalDrop).not.toBeNull();
              expect(alt.totalDrop ?? Number.NaN).toBeCloseTo(objective - forced.objective, 9);
            }
          }
        }
      }),
      { numRuns: 250, seed: 99 },
    );
  });
});
