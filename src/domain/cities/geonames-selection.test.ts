import { describe, expect, it } from 'vitest';
import { selectAspiringCities, type GeonamesPlace } from './geonames-selection.ts';

const place = (cityId: number, name: string, country: string, population: number, featureCode = 'PPLA'): GeonamesPlace => ({
  cityId,
  name,
  country,
  population,
  featureCode,
  loc: { coordinates: [25, 60] },
});

describe('selectAspiringCities', () => {
  const places = [
    place(1, 'Oulu', 'FI', 128_000),
    place(2, 'Espoo', 'FI', 256_000),
    place(3, 'Kallio', 'FI', 90_000, 'PPLX'),
    place(4, 'Pori', 'FI', 76_000),
    place(5, 'Kotka', 'FI', 40_000),
    place(6, 'Uppsala', 'SE', 149_000),
    place(7, 'Valencia', 'FI', 60_000),
  ];

  it('keeps the chosen countries above the threshold, largest first, skipping known GeoNames ids and city sections', () => {
    const result = selectAspiringCities(places, { countries: ['FI'], minPopulation: 50_000, existingGeonamesIds: new Set([2]), existingSlugs: new Set(['espoo']) });
    expect(result.map((c) => c.slug)).toEqual(['oulu', 'pori', 'valencia']);
    expect(result[0]).toMatchObject({ name: 'Oulu', country: 'FI', population: 128_000, geonamesId: 1, latitude: 60, longitude: 25, languages: ['fi', 'sv'] });
  });

  it('gives a free slug when the name is taken by another city', () => {
    const result = selectAspiringCities(places, { countries: ['FI'], minPopulation: 59_000, existingGeonamesIds: new Set([2]), existingSlugs: new Set(['valencia', 'valencia-fi']) });
    expect(result.find((c) => c.name === 'Valencia')?.slug).toBe('valencia-7');
  });

  it('returns nothing new on a second run over an updated registry', () => {
    const first = selectAspiringCities(places, { countries: ['FI', 'SE'], minPopulation: 50_000, existingGeonamesIds: new Set(), existingSlugs: new Set() });
    const second = selectAspiringCities(places, {
      countries: ['FI', 'SE'],
      minPopulation: 50_000,
      existingGeonamesIds: new Set(first.map((c) => c.geonamesId)),
      existingSlugs: new Set(first.map((c) => c.slug)),
    });
    expect(first).toHaveLength(5);
    expect(second).toEqual([]);
  });
});
