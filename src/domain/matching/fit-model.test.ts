import { describe, expect, it } from 'vitest';
import { DEFAULT_FIT_SETTINGS, jaccard, scoreFit, type FitApplicant, type FitHost } from './fit-model.ts';
import { EMISSION_FACTORS, estimateTravel, greatCircleKm } from './travel-emissions.ts';
import { englishText, reason } from '../../shared/reason-texts.ts';

const paris = { latitude: 48.8566, longitude: 2.3522 };
const london = { latitude: 51.5074, longitude: -0.1278 };
const valencia: FitHost = {
  id: 'valencia', name: 'Valencia', country: 'ES', region: 'south', latitude: 39.4699, longitude: -0.3763,
  population: 800_000, languages: ['es', 'en'], solutions: ['Energy', 'mobility', 'green roofs'],
};
const lahti: FitApplicant = {
  id: 'lahti', name: 'Lahti', country: 'FI', region: 'north', latitude: 60.9827, longitude: 25.6615,
  population: 120_000, languages: ['fi', 'en'], sectors: ['energy'], solutionsOfInterest: ['mobility', 'waste'], evaluationScore: 80,
};

describe('travel', () => {
  it('measures great-circle distance with the haversine formula (Paris–London ≈ 344 km)', () => {
    expect(greatCircleKm(paris, london)).toBeCloseTo(343.6, 0);
    expect(greatCircleKm(paris, paris)).toBe(0);
  });

  it('takes the train below the threshold and flies above it, with the documented factors', () => {
    const short = estimateTravel(paris, london);
    expect(short.mode).toBe('rail');
    expect(short.co2KgOneWay).toBeCloseTo(short.greatCircleKm * EMISSION_FACTORS.railKgPerPassengerKm, 9);
    const long = estimateTravel(lahti, valencia);
    expect(long.mode).toBe('air');
    expect(long.travelledKm).toBeCloseTo(long.greatCircleKm * 1.08, 9);
    expect(long.co2KgReturn).toBeCloseTo(2 * long.travelledKm * EMISSION_FACTORS.airShortHaulKgPerPassengerKm, 9);
    expect(estimateTravel(paris, london, 300).mode).toBe('air');
  });
});

describe('scoreFit', () => {
  it('scores a pair as the weighted sum of its documented components', () => {
    const fit = scoreFit(lahti, valencia);
    const byKey = Object.fromEntries(fit.components.map((c) => [c.key, c]));
    // {energy, mobility, waste} vs {energy, mobility, green roofs}: 2 shared of 4 distinct.
    expect(byKey.thematic).toMatchObject({ value: 0.5, weight: 40, contribution: 20 });
    const said = (key: string) => byKey[key]?.reasons.map(englishText).join(', ');
    expect(byKey.thematic?.reasons).toEqual([reason('FIT_SHARED_THEMES', { shared: 2, total: 3, host: 'Valencia', themes: 'energy, mobility' })]);
    expect(said('thematic')).toBe('shares 2 of 3 themes with Valencia (energy, mobility)');
    expect(byKey.evaluation).toMatchObject({ value: 0.8, contribution: 16 });
    expect(said('evaluation')).toBe('evaluation 80/100');
    const size = 1 - Math.log10(800_000 / 120_000);
    expect(byKey.likeness?.value).toBeCloseTo(0.6 * size, 6);
    expect(said('likeness')).toMatch(/^size similarity \d+ %, different countries$/);
    expect(byKey.language).toMatchObject({ value: 1 });
    expect(said('language')).toBe('shared languages: en');
    expect(said('travel')).toMatch(/^\d+ km by air, \d+ kg CO2e per traveller return$/);
    const total = fit.components.reduce((s, c) => s + c.contribution, 0);
    expect(fit.score).toBeCloseTo(total, 6);
    // Rounded to 6 decimals, so the solver's integer scaling is exact.
    expect(Math.round(fit.score * 1e6) / 1e6).toBe(fit.score);
  });

  it('lets the programme weights change the ranking of hosts', () => {
    const nearby: FitHost = { ...valencia, id: 'tampere', name: 'Tampere', country: 'FI', region: 'north', latitude: 61.4978, longitude: 23.761, solutions: ['waste'], languages: ['fi'] };
    const themeHeavy = { ...DEFAULT_FIT_SETTINGS, weights: { thematic: 90, evaluation: 0, likeness: 0, language: 0, travel: 10 } };
    const travelHeavy = { ...DEFAULT_FIT_SETTINGS, weights: { thematic: 10, evaluation: 0, likeness: 0, language: 0, travel: 90 } };
    expect(scoreFit(lahti, valencia, themeHeavy).score).toBeGreaterThan(scoreFit(lahti, nearby, themeHeavy).score);
    expect(scoreFit(lahti, nearby, travelHeavy).score).toBeGreaterThan(scoreFit(lahti, valencia, travelHeavy).score);
  });

  it('has no priorities component for a visitor that gave no priorities, so its fits are as before', () => {
    expect(scoreFit(lahti, valencia).components.map((c) => c.key)).toEqual(['thematic', 'evaluation', 'likeness', 'language', 'travel']);
    expect(scoreFit({ ...lahti, prioritySectors: [] }, valencia)).toEqual(scoreFit(lahti, valencia));
  });

  it('adds the share of the visitor’s priority sectors (support-needs survey) the host has solutions in, naming the survey', () => {
    const without = scoreFit(lahti, valencia);
    const fit = scoreFit({ ...lahti, prioritySectors: ['mobility', 'energy', 'industry'] }, valencia);
    const priorities = fit.components.find((c) => c.key === 'priorities');
    // Valencia has solutions in mobility and energy, not industry: 2 of 3.
    expect(priorities).toMatchObject({ value: 0.666667, weight: 15, contribution: 10 });
    expect(priorities?.reasons).toEqual([reason('FIT_PRIORITY_SECTORS_COVERED', { city: 'Lahti', priorities: 'mobility, energy, industry', host: 'Valencia', shared: 'mobility, energy' })]);
    expect(englishText(priorities!.reasons[0]!)).toBe('Lahti’s priority sectors (support-needs survey): mobility, energy, industry — Valencia has solutions in mobility, energy');
    // The other components do not change; the score gains exactly the new contribution.
    expect(fit.components.filter((c) => c.key !== 'priorities')).toEqual(without.components);
    expect(fit.score).toBeCloseTo(without.score + 10, 6);
    expect(Math.round(fit.score * 1e6) / 1e6).toBe(fit.score);
  });

  it('scores 0 and says so when the host has no solutions in the visitor’s priorities; the weight is a setting', () => {
    const fit = scoreFit({ ...lahti, prioritySectors: ['industry'] }, valencia, { ...DEFAULT_FIT_SETTINGS, weights: { ...DEFAULT_FIT_SETTINGS.weights, priorities: 30 } });
    const priorities = fit.components.find((c) => c.key === 'priorities');
    expect(priorities).toMatchObject({ value: 0, weight: 30, contribution: 0 });
    expect(englishText(priorities!.reasons[0]!)).toBe('Lahti’s priority sectors (support-needs survey): industry — Valencia has no solutions in them');
    // Full coverage with a higher weight ranks the host that covers the priorities first.
    const covering: FitHost = { ...valencia, id: 'tampere', name: 'Tampere', solutions: ['industry'] };
    const heavy = { ...DEFAULT_FIT_SETTINGS, weights: { ...DEFAULT_FIT_SETTINGS.weights, priorities: 60 } };
    const lahtiIndustry = { ...lahti, prioritySectors: ['industry'] };
    expect(scoreFit(lahtiIndustry, covering, heavy).components.find((c) => c.key === 'priorities')).toMatchObject({ value: 1, contribution: 60 });
    expect(scoreFit(lahtiIndustry, covering, heavy).score).toBeGreaterThan(scoreFit(lahtiIndustry, valencia, heavy).score);
  });

  it('computes Jaccard overlap, zero for two empty sets', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 12);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
