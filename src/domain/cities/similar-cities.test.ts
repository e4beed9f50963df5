import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { compareCities, missionCitiesForInterests, similarCities, type CityFacts } from './similar-cities.ts';

const city = (slug: string, facts: Partial<CityFacts> = {}): CityFacts => ({
  id: slug,
  slug,
  name: slug,
  country: 'FI',
  region: null,
  kind: 'aspiring',
  population: 100_000,
  latitude: 60,
  longitude: 25,
  climateTargetYear: 2050,
  sectorsOfInterest: [],
  solutionsBySector: {},
  ...facts,
});

describe('cities like mine', () => {
  const me = city('jyvaskyla', { population: 140_000, region: 'Central Finland', sectorsOfInterest: ['energy', 'mobility'], climateTargetYear: 2040 });

  it('ranks a city of the same size, country, target and interests first and says why', () => {
    const twin = city('oulu', { population: 150_000, sectorsOfInterest: ['energy', 'mobility'], climateTargetYear: 2040 });
    const far = city('lisbon', { country: 'PT', population: 2_000_000, sectorsOfInterest: ['buildings'], climateTargetYear: 2030 });
    const [first, second] = similarCities(me, [far, twin, me]);
    expect(first?.city.slug).toBe('oulu');
    expect(first?.reasons.map(englishText)).toEqual([
      'similar size (150,000 inhabitants)',
      'same country (FI)',
      'same climate-neutrality target (2040)',
      'shared interest in energy, sustainable mobility',
    ]);
    expect(second?.city.slug).toBe('lisbon');
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('never returns the city itself and is deterministic, ties broken by slug', () => {
    const a = city('b-city');
    const b = city('a-city');
    const once = similarCities(me, [a, b, me]);
    expect(once.map((r) => r.city.slug)).toEqual(['a-city', 'b-city']);
    expect(similarCities(me, [b, me, a])).toEqual(once);
  });

  it('counts a city with solutions in the sectors of interest and names them', () => {
    const doer = city('tampere', { kind: 'mission', solutionsBySector: { energy: 3, buildings: 1 } });
    const result = compareCities(me, doer);
    expect(result.reasons).toContainEqual(reason('SIMILAR_HAS_SOLUTIONS', { sectors: 'energy' }));
  });

  it('weighs the same region above the same country', () => {
    const sameRegion = city('jamsa', { region: 'Central Finland' });
    const sameCountry = city('kuopio', { region: 'Northern Savonia' });
    expect(compareCities(me, sameRegion).score).toBeGreaterThan(compareCities(me, sameCountry).score);
    expect(compareCities(me, sameRegion).reasons).toContainEqual(reason('SIMILAR_SAME_REGION', { region: 'Central Finland' }));
  });
});

describe('Mission Cities whose solutions match my interests', () => {
  it('lists Mission Cities with solutions in my sectors, most sectors first, with the counts in words', () => {
    const me = city('jyvaskyla', { sectorsOfInterest: ['energy', 'mobility'] });
    const espoo = city('espoo', { kind: 'mission', solutionsBySector: { energy: 4 } });
    const tampere = city('tampere', { kind: 'mission', solutionsBySector: { energy: 1, mobility: 2, buildings: 5 } });
    const aspiring = city('oulu', { solutionsBySector: { energy: 9 } });
    const noMatch = city('milan', { kind: 'mission', solutionsBySector: { 'nature-based-solutions': 3 } });
    const result = missionCitiesForInterests(me, [espoo, tampere, aspiring, noMatch]);
    expect(result.map((m) => m.city.slug)).toEqual(['tampere', 'espoo']);
    expect(result[0]).toMatchObject({ sectors: ['energy', 'mobility'], matchingSolutions: 3 });
    expect(result[0] && englishText(result[0].reason)).toBe('solutions matching your interests: energy 1, sustainable mobility 2');
  });

  it('falls back to the sectors of my own solutions when I state no interests', () => {
    const me = city('lahti', { kind: 'mission', solutionsBySector: { 'circular-economy': 2 } });
    const dublin = city('dublin', { kind: 'mission', solutionsBySector: { 'circular-economy': 1 } });
    expect(missionCitiesForInterests(me, [dublin, me]).map((m) => m.city.slug)).toEqual(['dublin']);
  });
});
