// Finding a place in the offline GeoNames data while a person types its name
// (registration: "my city is not in the registry yet"). Pure: the places are
// folded once into an index, a query is folded the same way and ranked.

import { isRegistrationCountry } from '../reference/countries.ts';
import type { GeonamesPlace } from './geonames-selection.ts';

// Letters that Unicode does not decompose into a base letter and a mark.
const LETTERS: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ð: 'd', ħ: 'h', ŧ: 't' };

/** Lower case without accents: "Kraków" → "krakow", "Łódź" → "lodz", "Straße" → "strasse". */
export function foldName(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łđøæœßıþðħŧ]/g, (c) => LETTERS[c] ?? c)
    .trim();
}

export interface Place {
  geonamesId: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface IndexedPlace extends Place {
  folded: string;
  /** Where each word of the folded name starts ("bad homburg" → 0, 4). */
  wordStarts: number[];
}

export interface PlaceIndex {
  places: readonly IndexedPlace[];
}

// Sections of a city and places that no longer exist are not cities.
const NOT_A_CITY = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

/** The places a person may pick: cities of EU and Horizon Europe associated countries with at least `minPopulation` people, largest first. */
export function buildPlaceIndex(records: readonly GeonamesPlace[], options: { minPopulation: number }): PlaceIndex {
  const places = records
    .filter((p) => isRegistrationCountry(p.country) && p.population >= options.minPopulation && !NOT_A_CITY.has(p.featureCode))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
    .map((p): IndexedPlace => {
      const folded = foldName(p.name);
      const wordStarts = [0, ...[...folded.matchAll(/[\s\-'’]+/g)].map((m) => (m.index ?? 0) + m[0].length)];
      return {
        geonamesId: p.cityId,
        name: p.name,
        country: p.country,
        latitude: p.loc.coordinates[1],
        longitude: p.loc.coordinates[0],
        population: p.population,
        folded,
        wordStarts,
      };
    });
  return { places };
}

/** How well a folded name matches: 0 the whole name, 1 its start, 2 the start of a word, 3 elsewhere; null not at all. */
function rank(place: IndexedPlace, query: string): number | null {
  if (place.folded === query) return 0;
  const at = place.folded.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return 1;
  if (place.wordStarts.includes(at)) return 2;
  return 3;
}

export const PLACE_QUERY_MIN_LENGTH = 2;

/**
 * The best `limit` places for what was typed: whole names first, then names
 * that start so, then words that start so, then the rest; larger places
 * first within each. Fewer than two letters find nothing.
 */
export function searchPlaces(index: PlaceIndex, typed: string, options: { limit: number; country?: string | undefined }): Place[] {
  const query = foldName(typed);
  if (query.length < PLACE_QUERY_MIN_LENGTH) return [];
  const found: { place: IndexedPlace; rank: number; order: number }[] = [];
  index.places.forEach((place, order) => {
    if (options.country && place.country !== options.country) return;
    const r = rank(place, query);
    if (r !== null) found.push({ place, rank: r, order });
  });
  return found
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, options.limit)
    .map(({ place }) => ({
      geonamesId: place.geonamesId,
      name: place.name,
      country: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
      population: place.population,
    }));
}
