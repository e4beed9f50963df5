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

  it('makes loads even lexicographically: 4/3/3, not 4/4/2, for ten assignments among three', () => {
    const result = assignEvaluators({
      applications: apps([['a1', 'FI'], ['a2', 'FI'], ['a3', 'ES'], ['a4', 'PL'], ['a5', 'IT']]),
      evaluators: evs([['x', []], ['y', []], ['z', []]]),
      perApplication: 2,
      existing: [],
      conflicts: [],
    });
    expect(result.status).toBe('complete');
    expect([...loads(result.added).values()].sort((a, b) => b - a)).toEqual([4, 3, 3]);
    expect(result.maxLoad).toBe(4);
  });

  it('counts the assignments already made when it evens the loads', () => {
    // x already holds two: the four new ones go to y and z, two each (2/2/2), not 2/3/1.
    const result = assignEvaluators({
      applications: apps([['a1', 'FI'], ['a2', 'ES'], ['a3', 'PL']]),
      evaluators: evs([['x', []], ['y', []], ['z', []]]),
      perApplication: 2,
      existing: [{ applicationId: 'a1', evaluatorId: 'x' }, { applicationId: 'a2', evaluatorId: 'x' }],
      conflicts: [],
    });
    expect(result.status).toBe('complete');
    expect(Object.fromEntries(loads(result.added))).toEqual({ y: 2, z: 2 });
  });

  it('reaches the lexicographically even loads (checked against exhaustive search on seeded random instances)', () => {
    const countries = ['A', 'B', 'C'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...countries), { minLength: 1, maxLength: 5 }),
        fc.array(fc.subarray(countries, { maxLength: 2 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.tuple(fc.nat(4), fc.nat(3)), { maxLength: 3 }),
        (appCountries, evCountries, per, given) => {
          const applications = appCountries.map((country, i) => ({ id: `a${i}`, cityId: `c${i}`, country }));
          const evaluators = evCountries.map((cs, j) => ({ id: `e${j}`, countries: cs, cityIds: [] }));
          // Some assignments already made (allowed ones, each pair once, at most `per` per application).
          const existing: { applicationId: string; evaluatorId: string }[] = [];
          for (const [i, j] of given) {
            const a = applications[i % applications.length]!;
            const e = evaluators[j % evaluators.length]!;
            if (e.countries.includes(a.country) || existing.some((x) => x.applicationId === a.id && (x.evaluatorId === e.id || existing.filter((y) => y.applicationId === a.id).length >= per))) continue;
            existing.push({ applicationId: a.id, evaluatorId: e.id });
          }
          const result = assignEvaluators({ applications, evaluators, perApplication: per, existing, conflicts: [] });
          const best = exhaustiveEvenest(applications, evaluators, per, existing);
          const all = [...existing, ...result.added];
          const seen = new Set(all.map((a) => `${a.applicationId}|${a.evaluatorId}`));
          const valid =
            seen.size === all.length &&
            result.added.every((a) => {
              const app = applications.find((x) => x.id === a.applicationId);
              const ev = evaluators.find((x) => x.id === a.evaluatorId);
              return app && ev && !ev.countries.includes(app.country);
            }) &&
            applications.every((app) => all.filter((a) => a.applicationId === app.id).length <= per);
          const vector = evaluators.map((e) => all.filter((a) => a.evaluatorId === e.id).length).sort((a, b) => b - a);
          return valid && result.added.length === best.added && vector.join() === best.loads.join() && result.status === (best.complete ? 'complete' : 'incomplete');
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
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

/**
 * Over every way to add allowed evaluators (at most what each application still
 * needs): the most assignments, then the lexicographically smallest load vector
 * sorted largest first.
 */
function exhaustiveEvenest(applications: ApplicationToReview[], evaluators: EvaluatorProfile[], per: number, existing: { applicationId: string; evaluatorId: string }[]) {
  const choices = applications.map((app) => {
    const held = existing.filter((x) => x.applicationId === app.id).map((x) => x.evaluatorId);
    const free = evaluators.filter((e) => !e.countries.includes(app.country) && !held.includes(e.id)).map((e) => e.id);
    const need = per - held.length;
    return Array.from({ length: need + 1 }, (_, k) => combinations(free, k)).flat();
  });
  const start = new Map(evaluators.map((e) => [e.id, existing.filter((x) => x.evaluatorId === e.id).length]));
  let best: { added: number; loads: number[] } = { added: -1, loads: [] };
  const lexLess = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return (a[k] ?? 0) < (b[k] ?? 0);
    return false;
  };
  const walk = (i: number, load: Map<string, number>, added: number) => {
    if (i === choices.length) {
      const loads = [...load.values()].sort((a, b) => b - a);
      if (added > best.added || (added === best.added && lexLess(loads, best.loads))) best = { added, loads };
      return;
    }
    for (const pick of choices[i] ?? []) {
      const next = new Map(load);
      for (const e of pick) next.set(e, (next.get(e) ?? 0) + 1);
      walk(i + 1, next, added + pick.length);
    }
  };
  walk(0, start, 0);
  const needed = applications.length * per - existing.length;
  return { ...best, complete: best.added === needed };
}

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
