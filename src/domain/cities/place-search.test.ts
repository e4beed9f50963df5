import { describe, expect, it } from 'vitest';
import type { GeonamesPlace } from './geonames-selection.ts';
import { buildPlaceIndex, foldName, searchPlaces } from './place-search.ts';

const place = (cityId: number, name: string, country: string, population: number, featureCode = 'PPL'): GeonamesPlace => ({
  cityId,
  name,
  country,
  featureCode,
  population,
  loc: { coordinates: [25 + cityId / 100, 60 + cityId / 100] },
});

const index = buildPlaceIndex(
  [
    place(1, 'Kuopio', 'FI', 120_000),
    place(2, 'Tartu', 'EE', 91_000),
    place(3, 'Kraków', 'PL', 755_000),
    place(4, 'Łódź', 'PL', 680_000),
    place(5, 'Bad Homburg vor der Höhe', 'DE', 54_000),
    place(6, 'Homburg', 'DE', 41_000),
    place(7, 'Tartus', 'SY', 115_000), // not a country of the registry
    place(8, 'Tarttila', 'FI', 4_000), // too small
    place(9, 'Kuopio Centre', 'FI', 200_000, 'PPLX'), // a section of a city
    place(10, 'Hamburg', 'DE', 1_800_000),
    place(11, 'Tartusovo', 'RU', 50_000), // Russia is not associated to Horizon Europe
    place(12, 'Tartun', 'GB', 9_000), // the United Kingdom is
  ],
  { minPopulation: 5_000 },
);

const names = (typed: string, options: { limit?: number; country?: string } = {}) =>
  searchPlaces(index, typed, { limit: options.limit ?? 10, country: options.country }).map((p) => p.name);

describe('foldName', () => {
  it('drops accents and case, and spells letters that have no accent to drop', () => {
    expect(foldName('Kraków')).toBe('krakow');
    expect(foldName('ŁÓDŹ')).toBe('lodz');
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('Ærøskøbing')).toBe('aeroskobing');
    expect(foldName('  Tartu ')).toBe('tartu');
  });
});

describe('searchPlaces', () => {
  it('finds cities typed without their accents', () => {
    expect(names('krakow')).toEqual(['Kraków']);
    expect(names('Lodz')).toEqual(['Łódź']);
  });

  it('keeps to EU and Horizon Europe associated countries, cities of at least the minimum population, and no sections of cities', () => {
    expect(names('tart')).toEqual(['Tartu', 'Tartun']);
    expect(names('kuopio')).toEqual(['Kuopio']);
  });

  it('ranks the whole name, then its start, then the start of a word, then the rest, larger places first within each', () => {
    expect(names('homburg')).toEqual(['Homburg', 'Bad Homburg vor der Höhe']);
    expect(names('burg')).toEqual(['Hamburg', 'Bad Homburg vor der Höhe', 'Homburg']);
    expect(names('ham')).toEqual(['Hamburg']);
  });

  it('limits the answer, filters by country, and needs two letters', () => {
    expect(names('burg', { limit: 1 })).toEqual(['Hamburg']);
    expect(names('o', {})).toEqual([]);
    expect(names('', {})).toEqual([]);
    expect(names('o', { country: 'FI' })).toEqual([]);
    expect(names('kuo', { country: 'EE' })).toEqual([]);
    expect(names('kuo', { country: 'FI' })).toEqual(['Kuopio']);
  });

  it('gives the coordinates and population of GeoNames', () => {
    expect(searchPlaces(index, 'tartu', { limit: 1 })).toEqual([{ geonamesId: 2, name: 'Tartu', country: 'EE', latitude: 60.02, longitude: 25.02, population: 91_000 }]);
  });
});
