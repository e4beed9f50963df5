// Validation of a city registry CSV file, as a whole: every bad cell of every
// row is reported (line, column, reason) so a programme team fixes the file
// in one go. Pure: text in, rows or errors out.

import { parse } from 'csv-parse/sync';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { isCountryCode } from '../reference/countries.ts';
import { isSectorCode, type SectorCode } from '../reference/sectors.ts';

/** The columns of the registry file, in export order. */
export const CITY_CSV_COLUMNS = [
  'slug',
  'name',
  'country',
  'kind',
  'region',
  'latitude',
  'longitude',
  'population',
  'geonames_id',
  'languages',
  'climate_target_year',
  'sectors_of_interest',
  'mission_label_date',
  'profile',
] as const;
export type CityCsvColumn = (typeof CITY_CSV_COLUMNS)[number];
const REQUIRED: readonly CityCsvColumn[] = ['name', 'country', 'kind', 'latitude', 'longitude'];

export interface CsvRowError {
  /** Line of the file (1 is the header). */
  line: number;
  column: string;
  reason: Reason;
}

/**
 * One valid row. A column absent from the file is `undefined` (an update
 * leaves it as it is); a present but empty cell is null or empty.
 */
export interface CityCsvRow {
  line: number;
  slug: string;
  name: string;
  country: string;
  kind: 'mission' | 'aspiring';
  latitude: number;
  longitude: number;
  region?: string | null;
  population?: number | null;
  geonamesId?: number | null;
  languages?: string[];
  climateTargetYear?: number | null;
  sectorsOfInterest?: SectorCode[];
  missionLabelDate?: string | null;
  profile?: string;
}

export type CityCsvResult = { ok: true; rows: CityCsvRow[]; columns: CityCsvColumn[] } | { ok: false; errors: CsvRowError[] };

const SPECIAL_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Kebab-case ASCII identifier of a name: "Sønderborg" → "sonderborg", "Łódź" → "lodz". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øłßæœđðþı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ROWS = 20_000;

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

// Text cells that a spreadsheet would run as a formula are exported with a
// leading apostrophe (CSV injection); importing strips it again.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell safe to open in a spreadsheet. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const unescapeFormula = (value: string) => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);

const list = (cell: string) =>
  cell
    .split(/[;,|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function asRecord(value: unknown): { record: string[]; info: { lines: number } } {
  if (typeof value === 'object' && value !== null && 'record' in value && 'info' in value && Array.isArray(value.record)) {
    const info = value.info;
    const lines = typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number' ? info.lines : 0;
    return { record: value.record.map(String), info: { lines } };
  }
  throw new Error('unexpected CSV parser output');
}

/** Parses and validates the whole file; any error anywhere means no rows. */
export function validateCityCsv(text: string): CityCsvResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const parsed: unknown[] = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    records = parsed.map(asRecord);
  } catch (err) {
    const line = typeof err === 'object' && err !== null && 'lines' in err && typeof err.lines === 'number' ? err.lines : 1;
    // The parser's own (English) words say where the file breaks.
    return { ok: false, errors: [{ line, column: '', reason: reason('CSV_UNREADABLE', { detail: err instanceof Error ? err.message : String(err) }) }] };
  }

  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [{ line: 1, column: '', reason: reason('CSV_EMPTY') }] };

  const errors: CsvRowError[] = [];
  const columns: CityCsvColumn[] = [];
  header.record.forEach((raw) => {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if ((CITY_CSV_COLUMNS as readonly string[]).includes(name)) {
      if (columns.includes(name as CityCsvColumn)) errors.push({ line: 1, column: raw, reason: reason('CSV_COLUMN_TWICE') });
      columns.push(name as CityCsvColumn);
    } else {
      errors.push({ line: 1, column: raw, reason: reason('CSV_COLUMN_UNKNOWN', { columns: CITY_CSV_COLUMNS.join(', ') }) });
      columns.push(raw as CityCsvColumn);
    }
  });
  for (const required of REQUIRED) {
    if (!columns.includes(required)) errors.push({ line: 1, column: required, reason: reason('CSV_COLUMN_MISSING') });
  }
  if (errors.length) return { ok: false, errors };
  if (body.length === 0) return { ok: false, errors: [{ line: 2, column: '', reason: reason('CSV_NO_ROWS') }] };
  if (body.length > MAX_ROWS) return { ok: false, errors: [{ line: MAX_ROWS + 2, column: '', reason: reason('CSV_TOO_MANY_ROWS', { max: MAX_ROWS }) }] };

  const rows: CityCsvRow[] = [];
  const seenSlugs = new Map<string, number>();
  const seenGeonames = new Map<number, number>();

  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({ line, column: '', reason: reason('CSV_CELL_COUNT', { cells: record.length, columns: columns.length }) });
      continue;
    }
    const cell = (c: CityCsvColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? undefined : unescapeFormula(record[i] ?? '');
    };
    const has = (c: CityCsvColumn) => columns.includes(c);
    const bad = (column: CityCsvColumn, why: Reason) => errors.push({ line, column, reason: why });
    const before = errors.length;

    const name = cell('name') ?? '';
    if (!name) bad('name', reason('CSV_NAME_MISSING'));
    else if (name.length > 200) bad('name', reason('CSV_TOO_LONG', { max: 200 }));

    const country = (cell('country') ?? '').toUpperCase();
    if (!isCountryCode(country)) bad('country', reason('CSV_COUNTRY', { value: cell('country') ?? '' }));

    const kindCell = (cell('kind') ?? '').toLowerCase();
    const kind = kindCell === 'mission' || kindCell === 'aspiring' ? kindCell : null;
    if (!kind) bad('kind', reason('CSV_KIND'));

    const number = (column: CityCsvColumn, min: number, max: number, integer: boolean): number | null | undefined => {
      const raw = cell(column);
      if (raw === undefined) return undefined;
      if (raw === '') return null;
      const value = Number(raw.replace(/[\s_]/g, ''));
      if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        bad(column, reason(integer ? 'CSV_NOT_A_WHOLE_NUMBER' : 'CSV_NOT_A_NUMBER', { value: raw }));
        return null;
      }
      if (value < min || value > max) {
        bad(column, reason('CSV_RANGE', { min, max }));
        return null;
      }
      return value;
    };
    const latitude = number('latitude', -90, 90, false);
    const longitude = number('longitude', -180, 180, false);
    if (cell('latitude') === '') bad('latitude', reason('CSV_LATITUDE_MISSING'));
    if (cell('longitude') === '') bad('longitude', reason('CSV_LONGITUDE_MISSING'));
    const population = number('population', 0, 100_000_000, true);
    const geonamesId = number('geonames_id', 1, 2_147_483_647, true);
    const climateTargetYear = number('climate_target_year', 2025, 2100, true);

    const slugCell = cell('slug') ?? '';
    const slug = slugCell || slugify(name);
    if (slugCell && !SLUG_PATTERN.test(slugCell)) bad('slug', reason('CSV_SLUG_FORMAT'));
    else if (!slug && name) bad('name', reason('CSV_NAME_NO_SLUG'));

    let languages: string[] | undefined;
    if (has('languages')) {
      languages = list(cell('languages') ?? '').map((l) => l.toLowerCase());
      const wrong = languages.filter((l) => !/^[a-z]{2}$/.test(l));
      if (wrong.length) bad('languages', reason('CSV_LANGUAGES', { wrong: wrong.join(', ') }));
      if (languages.length > 12) bad('languages', reason('CSV_TOO_MANY_LANGUAGES'));
    }

    let sectorsOfInterest: SectorCode[] | undefined;
    if (has('sectors_of_interest')) {
      const values = list(cell('sectors_of_interest') ?? '').map((s) => s.toLowerCase());
      const wrong = values.filter((s) => !isSectorCode(s));
      if (wrong.length) bad('sectors_of_interest', reason('CSV_SECTORS', { wrong: wrong.join(', ') }));
      sectorsOfInterest = [...new Set(values.filter(isSectorCode))];
    }

    const missionLabelDate = cell('mission_label_date');
    if (missionLabelDate && !isValidDate(missionLabelDate)) bad('mission_label_date', reason('CSV_DATE', { value: missionLabelDate }));

    const profile = cell('profile');
    if (profile !== undefined && profile.length > 10_000) bad('profile', reason('CSV_PROFILE_TOO_LONG'));
    const region = cell('region');
    if (region && region.length > 120) bad('region', reason('CSV_TOO_LONG', { max: 120 }));

    if (slug) {
      const first = seenSlugs.get(slug);
      if (first !== undefined) bad(slugCell ? 'slug' : 'name', reason('CSV_CITY_TWICE', { slug, line: first }));
      else seenSlugs.set(slug, line);
    }
    if (typeof geonamesId === 'number') {
      const first = seenGeonames.get(geonamesId);
      if (first !== undefined) bad('geonames_id', reason('CSV_GEONAMES_TWICE', { id: geonamesId, line: first }));
      else seenGeonames.set(geonamesId, line);
    }

    if (errors.length > before || !kind || latitude == null || longitude == null) continue;
    rows.push({
      line,
      slug,
      name,
      country,
      kind,
      latitude,
      longitude,
      ...(region !== undefined ? { region: region || null } : {}),
      ...(population !== undefined ? { population } : {}),
      ...(geonamesId !== undefined ? { geonamesId } : {}),
      ...(languages !== undefined ? { languages } : {}),
      ...(climateTargetYear !== undefined ? { climateTargetYear } : {}),
      ...(sectorsOfInterest !== undefined ? { sectorsOfInterest } : {}),
      ...(missionLabelDate !== undefined ? { missionLabelDate: missionLabelDate || null } : {}),
      ...(profile !== undefined ? { profile } : {}),
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows, columns };
}
