import { describe, expect, it } from 'vitest';
import type { RunContext, StoredInstance } from '../../shared/matching.schemas.ts';
import { solveRun } from './solve-run.ts';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { storedReason } from './run-placements.ts';

const instance: StoredInstance = {
  hosts: [{ id: 'h-val', name: 'Valencia', country: 'ES', capacity: 1 }, { id: 'h-mil', name: 'Milan', country: 'IT', capacity: 1 }],
  applicants: [{ id: 'a-gh', name: 'Ghent', country: 'BE' }, { id: 'a-gr', name: 'Graz', country: 'AT' }],
  pairs: [
    { applicant: 'a-gh', host: 'h-val', score: 60 },
    { applicant: 'a-gh', host: 'h-mil', score: 40 },
    { applicant: 'a-gr', host: 'h-val', score: 50 },
    { applicant: 'a-gr', host: 'h-mil', score: 45 },
  ],
  rules: { placeAsManyAsPossible: true, locked: [], forbidden: [] },
};
const travel = (co2KgReturn: number) => ({ km: 1000, mode: 'air' as const, co2KgReturn });
const place = (name: string, languages: string[]) => ({ name, slug: name.toLowerCase(), country: 'XX', latitude: 0, longitude: 0, languages });
const context: RunContext = {
  cities: { 'h-val': place('Valencia', ['es']), 'h-mil': place('Milan', ['it']), 'a-gh': place('Ghent', ['nl']), 'a-gr': place('Graz', ['de']) },
  fits: instance.pairs.map((p, i) => ({ visitor: p.applicant, host: p.host, score: p.score, components: [], travel: travel(100.04 + i) })),
  weights: { thematic: 40, evaluation: 20, likeness: 15, language: 10, travel: 15, railThresholdKm: 700, travelCo2ReferenceKg: 1000 },
  rules: { maxPerCountryPerHost: null, minScore: null, placeAsManyAsPossible: true, facilitators: [] },
  visitWindow: { startsOn: '2027-05-01', endsOn: '2027-06-30' },
  facilitatorInput: {
    visits: [],
    facilitators: [
      { id: 'p-anglo', name: 'Alex', languages: ['en'], maxVisits: 2, availability: [{ from: '2027-05-01', to: '2027-06-30' }] },
      { id: 'p-es', name: 'Pilar', languages: ['en', 'es'], maxVisits: 1, availability: [{ from: '2027-05-01', to: '2027-06-30' }] },
    ],
    sharedLanguages: ['en'],
    preferences: [],
  },
};

describe('solveRun', () => {
  it('solves exactly with explanations, totals the placed pairs’ CO2 and gives each visit a facilitator, preferring the host’s language', () => {
    const run = solveRun(instance, context);
    expect(run.result).toMatchObject({ status: 'optimal', objective: 105, assignments: [{ applicant: 'a-gh', host: 'h-val', score: 60 }, { applicant: 'a-gr', host: 'h-mil', score: 45 }], unassigned: [] });
    expect(run.result.explanation?.applicants.map((a) => a.runnerUp?.host)).toEqual(['h-mil', 'h-val']);
    // 100.04 + 103.04, to one decimal.
    expect(run.totalCo2Kg).toBe(203.1);
    expect(run.facilitators).toEqual({ status: 'optimal', assignments: [{ visit: 'h-val', facilitator: 'p-es' }, { visit: 'h-mil', facilitator: 'p-anglo' }], objective: 1, warnings: [] });
    expect(run.context.facilitatorInput.visits).toEqual([
      { id: 'h-val', host: 'Valencia', languages: ['es'], start: '2027-05-01', end: '2027-06-30' },
      { id: 'h-mil', host: 'Milan', languages: ['it'], start: '2027-05-01', end: '2027-06-30' },
    ]);
    expect(run.context.facilitatorInput.preferences).toEqual([{ facilitator: 'p-es', visit: 'h-val', score: 1 }]);
    // The input context is left as it was.
    expect(context.facilitatorInput.visits).toEqual([]);
  });

  it('names the cities in the reason of an infeasible solve and skips the facilitators', () => {
    const locked = { ...instance, rules: { ...instance.rules, locked: [{ applicant: 'a-gh', host: 'h-val' }, { applicant: 'a-gr', host: 'h-val' }] } };
    const run = solveRun(locked, context);
    expect(run.result.status).toBe('infeasible');
    const said = englishText(storedReason(run.result.reason ?? ''));
    expect(said).toMatch(/Valencia/);
    expect(said).not.toMatch(/h-val/);
    expect(run.facilitators).toEqual({ status: 'skipped', reason: reason('FACILITATORS_MATCHING_INFEASIBLE') });
    expect(run.totalCo2Kg).toBeNull();
  });

  it('skips the facilitators without a study-visits window, and says so when nobody holds the role', () => {
    expect(solveRun(instance, { ...context, visitWindow: null }).facilitators).toEqual({ status: 'skipped', reason: reason('FACILITATORS_NO_WINDOW') });
    const nobody = solveRun(instance, { ...context, facilitatorInput: { ...context.facilitatorInput, facilitators: [] } });
    expect(nobody.facilitators).toEqual({ status: 'infeasible', reason: reason('FACILITATORS_NOBODY') });
    expect(englishText(reason('FACILITATORS_NOBODY'))).toBe('Nobody holds the facilitator role yet.');
    expect(nobody.context.facilitatorInput.visits).toHaveLength(2);
  });

  it('writes why the facilitators fall short with the visits’ and people’s names', () => {
    const one = [{ ...context.facilitatorInput.facilitators[1]!, maxVisits: 1 }];
    const run = solveRun(instance, { ...context, facilitatorInput: { ...context.facilitatorInput, facilitators: one } });
    expect(run.facilitators.status).toBe('infeasible');
    const said = run.facilitators.status === 'infeasible' ? englishText(storedReason(run.facilitators.reason)) : '';
    expect(said).toMatch(/Valencia|Milan/);
    expect(said).not.toMatch(/h-val|h-mil|p-es/);
  });
});
