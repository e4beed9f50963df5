import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITIES_WEIGHT, type CandidateCity } from '../../shared/matching.schemas.ts';
import { DEFAULT_FIT_SETTINGS, scoreFit } from './fit-model.ts';
import type { MatchingCity } from './matching-selection.ts';
import { fitLookup, fitSettingsOf, pairFits } from './pair-fits.ts';

const candidate = (id: string, latitude: number, longitude: number, sectors: string[], evaluationScore: number | null = null): CandidateCity => ({
  id, slug: id, name: id.toUpperCase(), country: 'DE', latitude, longitude, languages: ['de'], sectors, evaluationScore,
});
const hosts = [candidate('berlin', 52.52, 13.405, ['energy']), candidate('munich', 48.137, 11.575, ['mobility'])];
const visitors = [candidate('berlin', 52.52, 13.405, ['energy'], 80), candidate('cologne', 50.938, 6.96, ['energy'], 60)];
const full: MatchingCity[] = [{ ...hosts[0]!, region: 'north', population: 3_600_000, sectorsOfInterest: [], solutionSectors: [] }, { ...visitors[1]!, region: 'north', population: 1_000_000, sectorsOfInterest: [], solutionSectors: [] }];

describe('fitSettingsOf', () => {
  it('takes the five weights and the travel figures from the programme’s weights, on a 0–100 evaluation scale', () => {
    const weights = { ...DEFAULT_FIT_SETTINGS.weights, thematic: 70, railThresholdKm: 900, travelCo2ReferenceKg: 500 };
    expect(fitSettingsOf(weights)).toEqual({ weights: { ...DEFAULT_FIT_SETTINGS.weights, thematic: 70 }, evaluationMax: 100, railThresholdKm: 900, travelCo2ReferenceKg: 500 });
  });
});

describe('fitSettingsOf and the priorities weight', () => {
  it('takes the priorities weight from the settings, and its default when settings saved before it have none', () => {
    const weights = { ...DEFAULT_FIT_SETTINGS.weights, railThresholdKm: 700, travelCo2ReferenceKg: 1000 };
    expect(fitSettingsOf({ ...weights, priorities: 5 }).weights.priorities).toBe(5);
    const { priorities: _, ...older } = weights;
    expect(fitSettingsOf(older).weights.priorities).toBe(DEFAULT_PRIORITIES_WEIGHT);
  });
});

describe('pairFits with priorities from the support-needs survey', () => {
  it('reads a visitor’s priority sectors from its full record and scores them against the host', () => {
    const withPriorities = full.map((c) => (c.id === 'cologne' ? { ...c, prioritySectors: ['energy'] } : c));
    const fit = fitLookup(pairFits(visitors, hosts, withPriorities, DEFAULT_FIT_SETTINGS))('cologne', 'berlin');
    expect(fit?.components.find((c) => c.key === 'priorities')).toMatchObject({ value: 1, contribution: DEFAULT_PRIORITIES_WEIGHT });
    const before = fitLookup(pairFits(visitors, hosts, full, DEFAULT_FIT_SETTINGS))('cologne', 'berlin');
    expect(fit?.score).toBeCloseTo((before?.score ?? 0) + DEFAULT_PRIORITIES_WEIGHT, 6);
  });
});

describe('pairFits', () => {
  const settings = DEFAULT_FIT_SETTINGS;
  const { pairs, fits } = pairFits(visitors, hosts, full, settings);

  it('scores every visitor × host pair except a city with itself, in visitor then host order', () => {
    expect(pairs.map((p) => `${p.applicant}→${p.host}`)).toEqual(['berlin→munich', 'cologne→berlin', 'cologne→munich']);
    expect(fits.map((f) => f.score)).toEqual(pairs.map((p) => p.score));
  });

  it('scores with region and population from the full records and the evaluation score of the candidate', () => {
    const expected = scoreFit(
      { id: 'cologne', name: 'COLOGNE', country: 'DE', latitude: 50.938, longitude: 6.96, languages: ['de'], sectors: ['energy'], solutionsOfInterest: [], evaluationScore: 60, region: 'north', population: 1_000_000 },
      { id: 'berlin', name: 'BERLIN', country: 'DE', latitude: 52.52, longitude: 13.405, languages: ['de'], solutions: ['energy'], region: 'north', population: 3_600_000 },
      settings,
    );
    const fit = fitLookup({ fits })('cologne', 'berlin');
    expect(fit?.score).toBe(expected.score);
    expect(fit?.components).toEqual(expected.components);
    // Travel is kept to one decimal for people.
    expect(fit?.travel).toEqual({ km: Math.round(expected.travel.greatCircleKm * 10) / 10, mode: expected.travel.mode, co2KgReturn: Math.round(expected.travel.co2KgReturn * 10) / 10 });
    expect(fitLookup({ fits })('berlin', 'berlin')).toBeUndefined();
  });
});
