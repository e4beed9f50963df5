import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { CITY_CSV_COLUMNS } from '../../../domain/cities/city-csv.ts';
import type { CityContact, CityProfile, CitySummary, MapCity } from '../../../shared/city.schemas.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { CitiesTable, Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

const SUMMARY_COLUMNS = ['id', 'slug', 'name', 'country', 'kind', 'latitude', 'longitude', 'population', 'mission_label_date'] as const;

type SummaryRow = Pick<Selectable<CitiesTable>, (typeof SUMMARY_COLUMNS)[number]>;

export const toSummary = (r: SummaryRow): CitySummary => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  country: r.country,
  kind: r.kind,
  latitude: r.latitude,
  longitude: r.longitude,
  population: r.population,
  missionLabelDate: r.mission_label_date,
});

export async function findCityById(db: Q, id: string): Promise<CitySummary | null> {
  const row = await db.selectFrom('cities').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** What a call's eligibility rules read of a city. */
export function findCityFacts(db: Q, id: string) {
  return db.selectFrom('cities').select(['name', 'kind', 'climate_target_year']).where('id', '=', id).executeTakeFirst();
}

export interface CityFilter {
  q?: string | undefined;
  kind?: 'mission' | 'aspiring' | undefined;
  country?: string | undefined;
  sector?: SectorCode | undefined;
}

export async function listCities(db: Q, filter: CityFilter, page: number, pageSize: number) {
  let query = db.selectFrom('cities');
  if (filter.q) {
    // Accents and case ignored on both sides (the stored name_key and
    // search_key, migration 0023). The typed text is folded in a subquery, so
    // once per request, never per row, whatever plan a prepared statement gets.
    if ([...filter.q].length < 3) {
      // One or two letters: names that start with them ("kr" → Kraków), a
      // range of the name_key index (no trigram narrows a 2-letter search).
      const key = sql<string>`(SELECT search_key(${filter.q}))`;
      query = query.where(sql<boolean>`name_key ~>=~ ${key} AND name_key ~<~ (SELECT search_key(${filter.q}) || chr(1114111)) AND starts_with(name_key, ${key})`);
    } else {
      // Three letters or more: anywhere in the name (trigram index); a typed
      // % or _ is a character, not a wildcard.
      const typed = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      query = query.where(sql<boolean>`name_key LIKE (SELECT '%' || search_key(${typed}) || '%')`);
    }
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.country) query = query.where('country', '=', filter.country);
  if (filter.sector) {
    const sectors = [filter.sector];
    query = query.where((eb) =>
      eb.or([eb('sectors_of_interest', '@>', sql<string[]>`${sectors}::text[]`), eb('solution_sectors', '@>', sql<string[]>`${sectors}::text[]`)]),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('name')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: total.n };
}

const PROFILE_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'region',
  'languages',
  'climate_target_year',
  'sectors_of_interest',
  'profile',
  'geonames_id',
  'solution_count',
  'solution_sectors',
  'version',
  'updated_at',
] as const;

export type CityProfileRow = Omit<CityProfile, 'canEdit'>;

export async function findCityProfile(db: Q, slug: string): Promise<CityProfileRow | null> {
  const r = await db.selectFrom('cities').select(PROFILE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  if (!r) return null;
  return {
    ...toSummary(r),
    region: r.region,
    languages: r.languages,
    climateTargetYear: r.climate_target_year,
    sectorsOfInterest: r.sectors_of_interest as SectorCode[],
    profile: r.profile,
    geonamesId: r.geonames_id,
    solutionCount: r.solution_count,
    solutionSectors: r.solution_sectors as SectorCode[],
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The editable columns of a city, by API field name. */
export interface CityEditableFields {
  name: string;
  region: string | null;
  population: number | null;
  languages: string[];
  climateTargetYear: number | null;
  sectorsOfInterest: string[];
  profile: string;
}

/**
 * Applies the change if the city is still at `expectedVersion`; answers the
 * new version, or null when someone else changed it first.
 */
export async function updateCityIfVersion(
  db: Q,
  cityId: string,
  expectedVersion: number,
  change: Partial<CityEditableFields>,
  actorId: string,
): Promise<{ version: number } | null> {
  const row = await db
    .updateTable('cities')
    .set((eb) => ({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.region !== undefined ? { region: change.region } : {}),
      ...(change.population !== undefined ? { population: change.population } : {}),
      ...(change.languages !== undefined ? { languages: change.languages } : {}),
      ...(change.climateTargetYear !== undefined ? { climate_target_year: change.climateTargetYear } : {}),
      ...(change.sectorsOfInterest !== undefined ? { sectors_of_interest: change.sectorsOfInterest } : {}),
      ...(change.profile !== undefined ? { profile: change.profile } : {}),
      updated_by: actorId,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', cityId)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row ?? null;
}

export async function lockCity(db: Q, slug: string) {
  return db
    .selectFrom('cities')
    .select(['id', 'name', 'region', 'population', 'languages', 'climate_target_year', 'sectors_of_interest', 'profile', 'version'])
    .where('slug', '=', slug)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordCityChange(
  db: Q,
  entry: { cityId: string; actorId: string | null; source: 'edit' | 'import' | 'contacts'; changes: Record<string, { before: unknown; after: unknown }> },
) {
  await db
    .insertInto('city_changes')
    .values({ city_id: entry.cityId, actor_id: entry.actorId, source: entry.source, changes: JSON.stringify(entry.changes) })
    .execute();
}

export async function recordCityChanges(
  db: Q,
  entries: { cityId: string; actorId: string | null; source: 'edit' | 'import' | 'contacts'; changes: Record<string, { before: unknown; after: unknown }> }[],
) {
  if (!entries.length) return;
  await db
    .insertInto('city_changes')
    .values(entries.map((e) => ({ city_id: e.cityId, actor_id: e.actorId, source: e.source, changes: JSON.stringify(e.changes) })))
    .execute();
}

export async function pageOfCityChanges(db: Q, cityId: string, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('city_changes as c')
      .leftJoin('people as p', 'p.id', 'c.actor_id')
      .select(['c.id', 'c.at', 'c.source', 'c.changes', 'p.name as actor_name'])
      .where('c.city_id', '=', cityId)
      .orderBy('c.at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom('city_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('city_id', '=', cityId).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function contactsOf(db: Q, cityId: string): Promise<CityContact[]> {
  const rows = await db
    .selectFrom('city_contacts')
    .select(['name', 'email', 'phone', 'role_title'])
    .where('city_id', '=', cityId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ name: r.name, email: r.email, phone: r.phone, roleTitle: r.role_title }));
}

export async function replaceContacts(db: Q, cityId: string, contacts: CityContact[]) {
  await db.deleteFrom('city_contacts').where('city_id', '=', cityId).execute();
  if (!contacts.length) return;
  await db
    .insertInto('city_contacts')
    .values(contacts.map((c, position) => ({ city_id: cityId, position, name: c.name, email: c.email, phone: c.phone, role_title: c.roleTitle })))
    .execute();
}

export async function mapCities(db: Q, filter: { sector?: SectorCode | undefined; kind?: 'mission' | 'aspiring' | undefined }): Promise<MapCity[]> {
  let query = db.selectFrom('cities').select(['slug', 'name', 'country', 'kind', 'latitude', 'longitude', 'solution_count']);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.sector) {
    const sectors = [filter.sector];
    query = query.where((eb) =>
      eb.or([eb('sectors_of_interest', '@>', sql<string[]>`${sectors}::text[]`), eb('solution_sectors', '@>', sql<string[]>`${sectors}::text[]`)]),
    );
  }
  const rows = await query.orderBy('name').orderBy('slug').execute();
  return rows.map(({ solution_count, ...city }) => ({ ...city, solutionCount: solution_count }));
}

/** Every city with the facts "cities like mine" compares, and its published solutions per sector. */
export async function cityFactsForSimilarity(db: Q) {
  const [cities, counts] = await Promise.all([
    db
      .selectFrom('cities')
      .select([
        ...SUMMARY_COLUMNS,
        'region',
        'climate_target_year',
        'sectors_of_interest',
      ])
      .execute(),
    sql<{ city_id: string; sector: string; n: number }>`
      SELECT city_id, sector, count(*)::int AS n
      FROM solutions, unnest(sectors) AS sector
      WHERE status = 'published'
      GROUP BY city_id, sector`.execute(db),
  ]);
  const bySector = new Map<string, Partial<Record<SectorCode, number>>>();
  for (const c of counts.rows) {
    const entry = bySector.get(c.city_id) ?? {};
    entry[c.sector as SectorCode] = c.n;
    bySector.set(c.city_id, entry);
  }
  return cities.map((c) => ({ row: c, solutionsBySector: bySector.get(c.id) ?? {} }));
}

export async function registryRows(db: Q) {
  return db
    .selectFrom('cities')
    .select(['id', ...CITY_CSV_COLUMNS])
    .orderBy('country')
    .orderBy('name')
    .orderBy('slug')
    .execute();
}
export type RegistryRow = Awaited<ReturnType<typeof registryRows>>[number];

/** A row of the registry file as written to the database (import). */
export type CityInsert = Required<Pick<Insertable<CitiesTable>, (typeof CITY_CSV_COLUMNS)[number] | 'updated_by'>>;

export async function insertCities(db: Q, rows: CityInsert[]) {
  if (!rows.length) return [];
  return db.insertInto('cities').values(rows).returning(['id', 'slug']).execute();
}

export async function updateCityFromImport(db: Q, id: string, row: Partial<CityInsert>) {
  await db
    .updateTable('cities')
    .set((eb) => ({ ...row, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The registry's cities among these GeoNames places. */
export function citiesByGeonamesIds(db: Q, geonamesIds: readonly number[]) {
  if (!geonamesIds.length) return Promise.resolve([]);
  return db.selectFrom('cities').select(['slug', 'name', 'geonames_id']).where('geonames_id', 'in', geonamesIds).execute();
}

/**
 * The city's active representatives who opted in to the public contact
 * directory (people.directory_opt_in, migration 0023): primary contact first.
 */
export async function listPublicContacts(db: Q, cityId: string) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.name', 'p.email', 'g.primary_contact'])
    .where('g.city_id', '=', cityId)
    .where('g.role', '=', 'city_representative')
    .where('p.directory_opt_in', '=', true)
    .where('p.disabled_at', 'is', null)
    .orderBy('g.primary_contact', 'desc')
    .orderBy('p.name')
    .execute();
}
