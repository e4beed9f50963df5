import { describe, expect, it } from 'vitest';
import type { CandidateCity } from '../../shared/matching.schemas.ts';
import { DEFAULT_FIT_SETTINGS } from './fit-model.ts';
import { hasFreeStretch, matchingInputs, withProfiles, type MatchingFacts } from './matching-inputs.ts';

const window = { startsOn: '2027-05-01', endsOn: '2027-05-07' };

describe('hasFreeStretch', () => {
  it('needs that many consecutive days without a day off inside the window, ends included', () => {
    expect(hasFreeStretch([], window, 7)).toBe(true);
    expect(hasFreeStretch([], window, 8)).toBe(false);
    expect(hasFreeStretch(['2027-05-04'], window, 3)).toBe(true);
    expect(hasFreeStretch(['2027-05-04'], window, 4)).toBe(false);
    expect(hasFreeStretch(['2027-05-03', '2027-05-06'], window, 2)).toBe(true);
    expect(hasFreeStretch(['2027-05-02', '2027-05-04', '2027-05-06'], window, 2)).toBe(false);
  });

  it('crosses month ends', () => {
    expect(hasFreeStretch(['2027-04-28'], { startsOn: '2027-04-28', endsOn: '2027-05-02' }, 4)).toBe(true);
  });
});

describe('withProfiles', () => {
  it('gives listed facilitators their languages and capacity, and others English and one visit', () => {
    const people = [{ id: 'p1', name: 'Ana', daysOff: ['2027-05-02'] }, { id: 'p2', name: 'Ben', daysOff: [] }];
    expect(withProfiles(people, [{ personId: 'p2', languages: ['fr', 'en'], maxVisits: 3 }])).toEqual([
      { id: 'p1', name: 'Ana', daysOff: ['2027-05-02'], languages: ['en'], maxVisits: 1 },
      { id: 'p2', name: 'Ben', daysOff: [], languages: ['fr', 'en'], maxVisits: 3 },
    ]);
  });
});

const city = (id: string, country: string, latitude: number, longitude: number): CandidateCity => ({ id, slug: id, name: id, country, latitude, longitude, languages: ['en'], sectors: ['energy'], evaluationScore: null });
const facts: MatchingFacts = {
  hosts: [city('valencia', 'ES', 39.47, -0.376), city('milan', 'IT', 45.46, 9.19)],
  visitors: [city('ghent', 'BE', 51.05, 3.72), city('graz', 'AT', 47.07, 15.44)],
  cities: [],
  settings: {
    weights: { ...DEFAULT_FIT_SETTINGS.weights, railThresholdKm: DEFAULT_FIT_SETTINGS.railThresholdKm, travelCo2ReferenceKg: DEFAULT_FIT_SETTINGS.travelCo2ReferenceKg },
    rules: { maxPerCountryPerHost: null, minScore: 5, placeAsManyAsPossible: true, facilitators: [] },
    pairRules: [
      { hostCityId: 'milan', visitorCityId: 'graz', rule: 'locked' },
      { hostCityId: 'valencia', visitorCityId: 'ghent', rule: 'forbidden' },
      // No longer selected: left out of the instance.
      { hostCityId: 'espoo', visitorCityId: 'ghent', rule: 'locked' },
    ],
  },
  visitorsPerHost: 3,
  visitLengthDays: 3,
  visitWindow: window,
  facilitators: [
    { id: 'f1', name: 'Free', daysOff: [], languages: ['en'], maxVisits: 1 },
    { id: 'f2', name: 'Busy', daysOff: ['2027-05-02', '2027-05-04', '2027-05-06'], languages: ['en', 'it'], maxVisits: 2 },
  ],
};

describe('matchingInputs', () => {
  const inputs = matchingInputs(facts);

  it('builds the instance: capacity per host, the pair rules between selected cities, and only the rules that are set', () => {
    expect(inputs.instance.hosts).toEqual([
      { id: 'valencia', name: 'valencia', country: 'ES', capacity: 3 },
      { id: 'milan', name: 'milan', country: 'IT', capacity: 3 },
    ]);
    expect(inputs.instance.applicants.map((a) => a.id)).toEqual(['ghent', 'graz']);
    expect(inputs.instance.pairs).toHaveLength(4);
    expect(inputs.instance.rules).toEqual({ placeAsManyAsPossible: true, locked: [{ applicant: 'graz', host: 'milan' }], forbidden: [{ applicant: 'ghent', host: 'valencia' }], minScore: 5 });
  });

  it('keeps the cities, fits and settings in the context, and counts a facilitator available with a long enough free stretch', () => {
    expect(Object.keys(inputs.context.cities)).toEqual(['valencia', 'milan', 'ghent', 'graz']);
    expect(inputs.context.fits).toHaveLength(4);
    expect(inputs.context.visitWindow).toEqual(window);
    expect(inputs.context.facilitatorInput).toEqual({
      visits: [],
      facilitators: [
        { id: 'f1', name: 'Free', languages: ['en'], maxVisits: 1, availability: [{ from: '2027-05-01', to: '2027-05-07' }] },
        { id: 'f2', name: 'Busy', languages: ['en', 'it'], maxVisits: 2, availability: [] },
      ],
      sharedLanguages: ['en'],
      preferences: [],
    });
  });

  it('hashes the same inputs to the same text and any change of them to another', () => {
    expect(matchingInputs({ ...facts }).hashInput).toBe(inputs.hashInput);
    expect(JSON.parse(inputs.hashInput)).toMatchObject({ visitLengthDays: 3, window, sharedLanguages: ['en'] });
    expect(matchingInputs({ ...facts, visitLengthDays: 4 }).hashInput).not.toBe(inputs.hashInput);
    expect(matchingInputs({ ...facts, visitWindow: null }).hashInput).not.toBe(inputs.hashInput);
    expect(matchingInputs({ ...facts, settings: { ...facts.settings, pairRules: [] } }).hashInput).not.toBe(inputs.hashInput);
  });
});
