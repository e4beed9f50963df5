import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../shared/matching.schemas.ts';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { cityNamer, facilitatorOf, hostsOf, placementsOf, storedReason, travelOf, unplacedOf, type StoredRun } from './run-placements.ts';

const place = (name: string, country: string) => ({ name, slug: name.toLowerCase(), country, latitude: 0, longitude: 0, languages: [] });
// Stored as runs were before reasons existed: English text.
const component = { key: 'thematic' as const, value: 0.5, weight: 40, contribution: 20, text: 'shares 1 of 2 themes' };
const shown = (text: string) => reason('STORED_TEXT', { text });
const context: RunContext = {
  cities: { val: place('Valencia', 'ES'), mil: place('Milan', 'IT'), gh: place('Ghent', 'BE'), gr: place('Graz', 'AT'), br: place('Brno', 'CZ') },
  fits: [
    { visitor: 'gh', host: 'val', score: 20, components: [component], travel: { km: 1400, mode: 'air', co2KgReturn: 410.2 } },
    { visitor: 'gr', host: 'val', score: 30, components: [component], travel: { km: 1500, mode: 'air', co2KgReturn: 440.5 } },
  ],
  weights: { thematic: 40, evaluation: 20, likeness: 15, language: 10, travel: 15, railThresholdKm: 700, travelCo2ReferenceKg: 1000 },
  rules: { maxPerCountryPerHost: null, minScore: null, placeAsManyAsPossible: true, facilitators: [] },
  visitWindow: null,
  facilitatorInput: { visits: [], facilitators: [{ id: 'p1', name: 'Pilar', languages: ['es'], maxVisits: 1, availability: [] }], sharedLanguages: ['en'], preferences: [] },
};
const run: StoredRun = {
  instance: {
    hosts: [{ id: 'val', name: 'Valencia', country: 'ES', capacity: 2 }, { id: 'mil', name: 'Milan', country: 'IT', capacity: 2 }],
    applicants: [{ id: 'gh' }, { id: 'gr' }, { id: 'br' }],
    pairs: [],
    rules: { placeAsManyAsPossible: true, locked: [{ applicant: 'gh', host: 'val' }], forbidden: [] },
  },
  context,
  result: {
    status: 'optimal',
    objective: 50,
    assignments: [{ applicant: 'gh', host: 'val', score: 20 }, { applicant: 'gr', host: 'val', score: 30 }],
    unassigned: ['br'],
    explanation: {
      applicants: [
        { applicant: 'gh', placement: { host: 'val', score: 20, locked: true }, runnerUp: { host: 'mil', score: 10, totalDrop: 10.004, text: 'Milan: lower the total by 10' }, notGiven: [] },
        { applicant: 'gr', placement: { host: 'val', score: 30, locked: false }, runnerUp: null, notGiven: [] },
        { applicant: 'br', placement: null, runnerUp: null, notGiven: [{ host: 'val', score: 5, totalDrop: null, text: 'Valencia is full' }] },
      ],
      hosts: [{ host: 'val', placed: ['gh', 'gr'], alternates: [{ applicant: 'br', score: 5, totalDrop: 25.555 }] }],
    },
  },
  facilitators: { status: 'optimal', assignments: [{ visit: 'val', facilitator: 'p1' }], objective: 1, warnings: [] },
};

describe('a stored run', () => {
  it('decides one study visit per host with visitors, with its facilitator', () => {
    expect(placementsOf(run)).toEqual([{ hostCityId: 'val', visitorCityIds: ['gh', 'gr'], facilitatorId: 'p1' }]);
    expect(placementsOf({ ...run, facilitators: { status: 'skipped', reason: 'no window' } })[0]?.facilitatorId).toBeNull();
    expect(facilitatorOf({ status: 'infeasible', reason: 'x' }).size).toBe(0);
  });

  it('lists per host its visitors, best fit first, with fit, travel, lock and runner-up, and who would come next', () => {
    const [valencia, milan] = hostsOf(run);
    expect(valencia).toMatchObject({ cityId: 'val', name: 'Valencia', country: 'ES', capacity: 2, facilitator: { id: 'p1', name: 'Pilar' } });
    expect(valencia?.visitors.map((v) => [v.name, v.score, v.locked, v.travel.co2KgReturn])).toEqual([
      ['Graz', 30, false, 440.5],
      ['Ghent', 20, true, 410.2],
    ]);
    expect(valencia?.visitors[1]?.runnerUp).toEqual({ hostCityId: 'mil', hostName: 'Milan', score: 10, totalDrop: 10, reason: shown('Milan: lower the total by 10') });
    expect(valencia?.visitors[1]?.components).toEqual([{ key: 'thematic', value: 0.5, weight: 40, contribution: 20, reasons: [shown('shares 1 of 2 themes')] }]);
    expect(valencia?.alternates).toEqual([{ cityId: 'br', name: 'Brno', score: 5, totalDrop: 25.56 }]);
    expect(milan).toMatchObject({ visitors: [], alternates: [], facilitator: null });
  });

  it('gives every unplaced city its reason per host', () => {
    expect(unplacedOf(run)).toEqual([{ cityId: 'br', name: 'Brno', country: 'CZ', reasons: [{ hostCityId: 'val', hostName: 'Valencia', score: 5, totalDrop: null, reason: shown('Valencia is full') }] }]);
  });

  it('shows the text of a run stored before reasons as it was written, and the reasons of newer runs as they are', () => {
    expect(englishText(storedReason('Valencia is full'))).toBe('Valencia is full');
    const why = reason('MATCH_FORBIDDEN');
    expect(storedReason(why)).toBe(why);
    const full = reason('MATCH_HOST_FULL_PLACING', { host: 'Valencia', placed: 2, applicant: 'Brno', drop: 25.56 });
    const newer: StoredRun = {
      ...run,
      context: { ...context, fits: context.fits.map((f) => ({ ...f, components: [{ key: 'thematic', value: 0.5, weight: 40, contribution: 20, reasons: [why] }] })) },
      result: {
        ...run.result,
        explanation: {
          hosts: run.result.explanation?.hosts ?? [],
          applicants: [{ applicant: 'br', placement: null, runnerUp: null, notGiven: [{ host: 'val', score: 5, totalDrop: 25.555, why: full }] }],
        },
      },
    };
    expect(unplacedOf(newer)[0]?.reasons).toEqual([{ hostCityId: 'val', hostName: 'Valencia', score: 5, totalDrop: 25.56, reason: full }]);
    expect(hostsOf(newer)[0]?.visitors[0]?.components[0]?.reasons).toEqual([why]);
  });

  it('names cities and finds travel, with neutral answers for what it does not know', () => {
    expect(cityNamer(context)('gh')).toBe('Ghent');
    expect(cityNamer(context)('unknown')).toBe('unknown');
    expect(travelOf(context)('gr', 'val')).toEqual({ km: 1500, mode: 'air', co2KgReturn: 440.5 });
    expect(travelOf(context)('br', 'mil')).toEqual({ km: 0, mode: 'rail', co2KgReturn: 0 });
  });
});
