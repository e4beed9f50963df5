import type { Table } from '../../lib/table-export.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type {
  CityPublicContacts,
  CityChange,
  CityContact,
  CityProfile,
  ImportCitiesResult,
  PlaceCandidate,
  SectorCode,
  SimilarCities,
  UpdateCityBody,
} from '../../../shared/city.schemas.ts';
import { CITY_CSV_COLUMNS, validateCityCsv, type CityCsvRow } from '../../../domain/cities/city-csv.ts';
import { missionCitiesForInterests, similarCities, type CityFacts } from '../../../domain/cities/similar-cities.ts';
import type { Db } from '../../db/client.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { mayActForCity } from './cities.policy.ts';
import { geonamesPlaceIndex } from '../../lib/geonames-places.ts';
import { searchPlaces } from '../../../domain/cities/place-search.ts';
import {
  citiesByGeonamesIds,
  cityFactsForSimilarity,
  contactsOf,
  findCityProfile,
  listPublicContacts,
  insertCities,
  lockCity,
  pageOfCityChanges,
  recordCityChange,
  recordCityChanges,
  registryRows,
  replaceContacts,
  toSummary,
  updateCityFromImport,
  updateCityIfVersion,
  type CityEditableFields,
  type CityInsert,
  type RegistryRow,
} from './cities.repository.ts';

async function cityOr404(db: Db, slug: string) {
  const city = await findCityProfile(db, slug);
  if (!city) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  return city;
}

export async function cityProfile(db: Db, slug: string, user: CurrentUser | null): Promise<CityProfile> {
  const city = await cityOr404(db, slug);
  return { ...city, canEdit: mayActForCity(user, city.id) };
}

/** Who may be contacted about the city, publicly: only representatives who opted in. */
export async function cityPublicContacts(db: Db, slug: string): Promise<CityPublicContacts> {
  const city = await cityOr404(db, slug);
  const rows = await listPublicContacts(db, city.id);
  return { items: rows.map((r) => ({ name: r.name, email: r.email, primaryContact: r.primary_contact })) };
}

/** The city, if `user` may act for it; 403 otherwise (the city's existence is public). */
async function cityForActor(db: Db, slug: string, user: CurrentUser) {
  const city = await cityOr404(db, slug);
  if (!mayActForCity(user, city.id)) throw new AppError('FORBIDDEN', reason('CITY_ACTORS_ONLY'));
  return city;
}

const FIELD_COLUMNS: Record<keyof CityEditableFields, string> = {
  name: 'name',
  region: 'region',
  population: 'population',
  languages: 'languages',
  climateTargetYear: 'climate_target_year',
  sectorsOfInterest: 'sectors_of_interest',
  profile: 'profile',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateCity(db: Db, input: { slug: string; body: UpdateCityBody; actor: CurrentUser; ip: string }): Promise<CityProfile> {
  const { version, ...fields } = input.body;
  await cityForActor(db, input.slug, input.actor);
  await db.transaction().execute(async (trx) => {
    const current = await lockCity(trx, input.slug);
    if (!current) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
    if (current.version !== version) {
      throw new AppError('EDIT_CONFLICT', reason('CITY_SAVED_ELSEWHERE'));
    }
    const before: CityEditableFields = {
      name: current.name,
      region: current.region,
      population: current.population,
      languages: current.languages,
      climateTargetYear: current.climate_target_year,
      sectorsOfInterest: current.sectors_of_interest,
      profile: current.profile,
    };
    const change: Partial<CityEditableFields> = {};
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of Object.keys(FIELD_COLUMNS) as (keyof CityEditableFields)[]) {
      const after = fields[key];
      if (after === undefined || same(after, before[key])) continue;
      Object.assign(change, { [key]: after });
      diff[key] = { before: before[key], after };
    }
    if (!Object.keys(diff).length) return;
    const updated = await updateCityIfVersion(trx, current.id, version, change, input.actor.id);
    if (!updated) throw new AppError('EDIT_CONFLICT', reason('CITY_SAVED_ELSEWHERE'));
    await recordCityChange(trx, { cityId: current.id, actorId: input.actor.id, source: 'edit', changes: diff });
    await recordAudit(trx, { actorId: input.actor.id, action: 'city.updated', entityType: 'city', entityId: current.id, ip: input.ip, details: { fields: Object.keys(diff) } });
  });
  return cityProfile(db, input.slug, input.actor);
}

export async function cityContacts(db: Db, slug: string, user: CurrentUser): Promise<CityContact[]> {
  const city = await cityForActor(db, slug, user);
  return contactsOf(db, city.id);
}

export async function setCityContacts(db: Db, input: { slug: string; contacts: CityContact[]; actor: CurrentUser; ip: string }) {
  const city = await cityForActor(db, input.slug, input.actor);
  await db.transaction().execute(async (trx) => {
    const before = await contactsOf(trx, city.id);
    if (same(before, input.contacts)) return;
    await replaceContacts(trx, city.id, input.contacts);
    await recordCityChange(trx, { cityId: city.id, actorId: input.actor.id, source: 'contacts', changes: { contacts: { before, after: input.contacts } } });
    await recordAudit(trx, { actorId: input.actor.id, action: 'city.contacts_replaced', entityType: 'city', entityId: city.id, ip: input.ip });
  });
  return contactsOf(db, city.id);
}

export async function cityHistory(db: Db, input: { slug: string; user: CurrentUser; page: number; pageSize: number }) {
  const city = await cityForActor(db, input.slug, input.user);
  const { rows, total } = await pageOfCityChanges(db, city.id, input.page, input.pageSize);
  const items: CityChange[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actor_name,
    source: r.source,
    changes: Object.entries(r.changes).map(([field, v]) => ({ field, before: v.before ?? null, after: v.after ?? null })),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export async function citiesLike(db: Db, slug: string): Promise<SimilarCities> {
  const city = await cityOr404(db, slug);
  const all = await cityFactsForSimilarity(db);
  const facts: CityFacts[] = all.map(({ row, solutionsBySector }) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    region: row.region,
    kind: row.kind,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    climateTargetYear: row.climate_target_year,
    sectorsOfInterest: row.sectors_of_interest as SectorCode[],
    solutionsBySector,
  }));
  const summaries = new Map(all.map(({ row }) => [row.id, toSummary(row)]));
  const me = facts.find((f) => f.id === city.id);
  if (!me) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  const summary = (id: string) => {
    const s = summaries.get(id);
    if (!s) throw new Error(`city ${id} vanished`);
    return s;
  };
  return {
    similar: similarCities(me, facts).map((r) => ({ city: summary(r.city.id), score: r.score, reasons: r.reasons })),
    missionCities: missionCitiesForInterests(me, facts).map((m) => ({
      city: summary(m.city.id),
      matchingSolutions: m.matchingSolutions,
      sectors: m.sectors,
      reason: m.reason,
    })),
  };
}

// ---------------------------------------------------------------- import / export

const IMPORT_FIELDS: { csv: keyof CityCsvRow; column: keyof CityInsert }[] = [
  { csv: 'name', column: 'name' },
  { csv: 'country', column: 'country' },
  { csv: 'kind', column: 'kind' },
  { csv: 'latitude', column: 'latitude' },
  { csv: 'longitude', column: 'longitude' },
  { csv: 'region', column: 'region' },
  { csv: 'population', column: 'population' },
  { csv: 'geonamesId', column: 'geonames_id' },
  { csv: 'languages', column: 'languages' },
  { csv: 'climateTargetYear', column: 'climate_target_year' },
  { csv: 'sectorsOfInterest', column: 'sectors_of_interest' },
  { csv: 'missionLabelDate', column: 'mission_label_date' },
  { csv: 'profile', column: 'profile' },
];

/**
 * Imports a registry CSV: the whole file is validated first (also against
 * the cities already registered); any bad row means nothing is written and
 * the answer lists every bad row. A city already in the registry (same
 * GeoNames id, else same slug) is updated, so importing a file twice changes
 * nothing the second time.
 */
export async function importCities(db: Db, input: { csv: string; dryRun: boolean; actor: CurrentUser; ip: string }): Promise<ImportCitiesResult> {
  const parsed = validateCityCsv(input.csv);
  const reject = (errors: { line: number; column: string; reason: Reason }[]): never => {
    throw new AppError('CSV_INVALID', errors.length === 1 ? reason('CSV_ONE_PROBLEM') : reason('CSV_PROBLEMS', { count: errors.length }), {
      errors: errors.map((e) => ({ ...fieldError('body.csv', e.reason), line: e.line, column: e.column })),
    });
  };
  if (!parsed.ok) return reject(parsed.errors);

  return db.transaction().execute(async (trx) => {
    const existing = await registryRows(trx);
    const bySlug = new Map(existing.map((c) => [c.slug, c]));
    const byGeonames = new Map(existing.filter((c) => c.geonames_id !== null).map((c) => [c.geonames_id, c]));
    const errors: { line: number; column: string; reason: Reason }[] = [];
    const inserts: CityInsert[] = [];
    const updates: { city: RegistryRow; set: Partial<CityInsert>; diff: Record<string, { before: unknown; after: unknown }> }[] = [];
    let unchanged = 0;

    for (const row of parsed.rows) {
      const byId = row.geonamesId ? byGeonames.get(row.geonamesId) : undefined;
      const slugOwner = bySlug.get(row.slug);
      const city = byId ?? slugOwner;
      if (byId && slugOwner && slugOwner.id !== byId.id) {
        errors.push({ line: row.line, column: 'slug', reason: reason('CSV_SLUG_IS_OTHER_CITY', { slug: row.slug, id: row.geonamesId ?? '', name: byId.name }) });
        continue;
      }
      if (!byId && slugOwner && row.geonamesId && slugOwner.geonames_id !== null && slugOwner.geonames_id !== row.geonamesId) {
        errors.push({ line: row.line, column: 'geonames_id', reason: reason('CSV_SLUG_HAS_OTHER_GEONAMES', { slug: row.slug, id: slugOwner.geonames_id }) });
        continue;
      }
      if (!city) {
        inserts.push({
          slug: row.slug,
          name: row.name,
          country: row.country,
          kind: row.kind,
          latitude: row.latitude,
          longitude: row.longitude,
          region: row.region ?? null,
          population: row.population ?? null,
          geonames_id: row.geonamesId ?? null,
          languages: row.languages ?? [],
          climate_target_year: row.climateTargetYear ?? null,
          sectors_of_interest: row.sectorsOfInterest ?? [],
          mission_label_date: row.missionLabelDate ?? null,
          profile: row.profile ?? '',
          updated_by: input.actor.id,
        });
        continue;
      }
      const set: Partial<CityInsert> = {};
      const diff: Record<string, { before: unknown; after: unknown }> = {};
      for (const { csv, column } of IMPORT_FIELDS) {
        const after = row[csv];
        if (after === undefined) continue;
        const before = city[column as keyof RegistryRow];
        if (same(after, before)) continue;
        Object.assign(set, { [column]: after });
        diff[csv] = { before, after };
      }
      if (Object.keys(set).length) updates.push({ city, set: { ...set, updated_by: input.actor.id }, diff });
      else unchanged += 1;
    }
    if (errors.length) reject(errors);

    if (!input.dryRun) {
      const created = await insertCities(trx, inserts);
      for (const u of updates) await updateCityFromImport(trx, u.city.id, u.set);
      await recordCityChanges(trx, [
        ...created.map((c) => ({ cityId: c.id, actorId: input.actor.id, source: 'import' as const, changes: { created: { before: null, after: c.slug } } })),
        ...updates.map((u) => ({ cityId: u.city.id, actorId: input.actor.id, source: 'import' as const, changes: u.diff })),
      ]);
      await recordAudit(trx, {
        actorId: input.actor.id,
        action: 'cities.imported',
        entityType: 'city',
        entityId: null,
        ip: input.ip,
        details: { created: inserts.length, updated: updates.length, unchanged },
      });
    }
    return { created: inserts.length, updated: updates.length, unchanged, dryRun: input.dryRun };
  });
}

/** The registry in the import format, so an exported file imports back unchanged. */
export async function citiesTable(db: Db): Promise<Table> {
  const rows = await registryRows(db);
  return {
    sheetName: 'Cities',
    columns: CITY_CSV_COLUMNS.map((c) => ({ header: c, width: c === 'profile' ? 60 : c === 'name' ? 28 : 14 })),
    rows: rows.map((r) => [
      r.slug,
      r.name,
      r.country,
      r.kind,
      r.region,
      r.latitude,
      r.longitude,
      r.population,
      r.geonames_id,
      r.languages.join(';'),
      r.climate_target_year,
      r.sectors_of_interest.join(';'),
      r.mission_label_date,
      r.profile,
    ]),
  };
}

// ---------------------------------------------------------------- GeoNames places

const PLACES_SHOWN = 10;

/** GeoNames cities matching what a person typed, each marked when the registry already holds it. */
export async function placeCandidates(db: Db, query: { q: string; country?: string | undefined }): Promise<PlaceCandidate[]> {
  const places = searchPlaces(geonamesPlaceIndex(), query.q, { limit: PLACES_SHOWN, country: query.country });
  const registered = new Map((await citiesByGeonamesIds(db, places.map((p) => p.geonamesId))).map((c) => [c.geonames_id, c]));
  return places.map((p) => {
    const city = registered.get(p.geonamesId);
    return { ...p, registeredCity: city ? { slug: city.slug, name: city.name } : null };
  });
}
