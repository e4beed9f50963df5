import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { assignEvaluators, exclusionReason, type ApplicationToReview, type EvaluatorProfile } from './assign-evaluators.ts';

const apps = (specs: [string, string][]): ApplicationToReview[] => specs.map(([id, country]) => ({ id, cityId: `city-${id}`, country }));
const evs = (specs: [string, string[]][]): EvaluatorProfile[] => specs.map(([id, countries]) => ({ id, countries, cityIds: [] }));

function loads(assignments: { evaluatorId: string }[]) {
  const m = new Map<string, number>();
  for (const a of assignments) m.set(a.evaluatorId, (m.get(a.evaluatorId) ?? 0) + 1);
  return m;
}

describe('assigning evaluators', () => {
  it('gives every application two evaluators with even loads and nobody from its country', () => {
    const result = assignEvaluators({
      applications: apps([['a1', 'FI'], ['a2', 'FI'], ['a3', 'ES'], ['a4', 'PL'], ['a5', 'IT'], ['a6', 'SE']]),
      evaluators: evs([['fi', ['FI']], ['es', ['ES']], ['pl', ['PL']], ['de', ['DE']]]),
      perApplication: 2,
      existing: [],
      conflicts: [],
    });
    expect(result.status).toBe('complete');
    expect(result.added).toHaveLength(12);
    expect(Math.max(...loads(result.added).values())).toBe(3);
    for (const a of result.added) {
      const country = { a1: 'FI', a2: 'FI', a3: 'ES', a4: 'PL', a5: 'IT', a6: 'SE' }[a.applicationId];
      expect(a.evaluatorId).not.toBe(country?.toLowerCase());
    }
  });

  it('finds the balanced assignment where a greedy one would get stuck', () => {
    // Only 'x' may judge a2; a greedy pass that gives a1 to 'x' first must undo it.
    const result = assignEvaluators({
      applications: apps([['a1', 'DE'], ['a2', 'FR']]),
      evaluators: [
        { id: 'x', countries: [], cityIds: [] },
        { id: 'y', countries: ['FR'], cityIds: [] },
      ],
      perApplication: 1,
      existing: [],
      conflicts: [],
    });
    expect(result).toEqual({ status: 'complete', maxLoad: 1, added: [
      { applicationId: 'a1', evaluatorId: 'y' },
      { applicationId: 'a2', evaluatorId: 'x' },
    ] });
  });

  it('keeps existing assignments and replaces one released by a declared conflict', () => {
    const result = assignEvaluators({
      applications: apps([['a1', 'DE']]),
      evaluators: evs([['e1', []], ['e2', []], ['e3', []]]),
      perApplication: 2,
      existing: [{ applicationId: 'a1', evaluatorId: 'e1' }, { applicationId: 'a1', evaluatorId: 'e2' }],
      conflicts: [{ applicationId: 'a1', evaluatorId: 'e2' }],
    });
    expect(result.added).toEqual([{ applicationId: 'a1', evaluatorId: 'e3' }]);
  });

  it('explains which applications cannot get enough evaluators', () => {
    const result = assignEvaluators({
      applications: apps([['a1', 'FI'], ['a2', 'ES']]),
      evaluators: evs([['fi', ['FI']], ['es', ['ES']]]),
      perApplication: 2,
      existing: [],
      conflicts: [],
    });
    expect(result.status).toBe('incomplete');
    if (result.status !== 'incomplete') return;
    expect(result.shortfalls).toEqual([
      { applicationId: 'a1', missing: 1, reason: reason('EVALUATORS_TOO_FEW', { eligible: 1, needed: 2 }) },
      { applicationId: 'a2', missing: 1, reason: reason('EVALUATORS_TOO_FEW', { eligible: 1, needed: 2 }) },
    ]);
    expect(englishText(result.shortfalls[0]!.reason)).toBe('Only 1 evaluator(s) may judge this application (others share its country or city, or declared a conflict); 2 are needed.');
  });

  it('never lets a representative judge their own city', () => {
    expect(exclusionReason({ id: 'a', cityId: 'c1', country: 'FI' }, { id: 'e', countries: [], cityIds: ['c1'] }, new Set())).toEqual(reason('EVALUATOR_REPRESENTS_CITY'));
  });

  it('reaches the smallest possible maximum load (checked against exhaustive search)', () => {
    const countries = ['A', 'B', 'C'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...countries), { minLength: 1, maxLength: 4 }),
        fc.array(fc.subarray(countries, { maxLength: 2 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 2 }),
        (appCountries, evCountries, per) => {
          const applications = appCountries.map((country, i) => ({ id: `a${i}`, cityId: `c${i}`, country }));
          const evaluators = evCountries.map((cs, j) => ({ id: `e${j}`, countries: cs, cityIds: [] }));
          const result = assignEvaluators({ applications, evaluators, perApplication: per, existing: [], conflicts: [] });
          const best = exhaustiveBest(applications, evaluators, per);
          if (best === null) return result.status === 'incomplete';
          if (result.status !== 'complete') return false;
          const seen = new Set(result.added.map((a) => `${a.applicationId}|${a.evaluatorId}`));
          const valid =
            seen.size === result.added.length &&
            result.added.every((a) => {
              const app = applications.find((x) => x.id === a.applicationId);
              const ev = evaluators.find((x) => x.id === a.evaluatorId);
              return app && ev && !ev.countries.includes(app.country);
            }) &&
            applications.every((app) => result.added.filter((a) => a.applicationId === app.id).length === per);
          return valid && Math.max(...loads(result.added).values()) === best && result.maxLoad === best;
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });
});

/** Smallest maximum load over every way to pick `per` allowed evaluators per application; null if impossible. */
function exhaustiveBest(applications: ApplicationToReview[], evaluators: EvaluatorProfile[], per: number): number | null {
  const choices = applications.map((app) => combinations(evaluators.filter((e) => !e.countries.includes(app.country)).map((e) => e.id), per));
  let best: number | null = null;
  const walk = (i: number, load: Map<string, number>) => {
    if (i === choices.length) {
      const max = Math.max(0, ...load.values());
      if (best === null || max < best) best = max;
      return;
    }
    for (const pick of choices[i] ?? []) {
      const next = new Map(load);
      for (const e of pick) next.set(e, (next.get(e) ?? 0) + 1);
      walk(i + 1, next);
    }
  };
  walk(0, new Map());
  return best;
}

function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}
