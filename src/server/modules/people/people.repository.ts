import { sql, type Kysely } from 'kysely';
import type { CurrentUser, Locale } from '../../../shared/account.schemas.ts';
import { Role, type RoleGrant } from '../../../shared/roles.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface PersonRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  disabled_at: Date | null;
  approval_pending: boolean;
}

const PERSON_COLUMNS = ['id', 'email', 'name', 'password_hash', 'locale', 'disabled_at', 'approval_pending'] as const;

/**
 * The roles of the person aliased `p`, as JSON in the shape of RoleGrant,
 * by role and then city name: the session lookup and the directory read
 * a person with their roles in one statement.
 */
export const rolesJson = sql<unknown>`coalesce((
  SELECT json_agg(json_build_object('role', g.role, 'cityId', g.city_id, 'cityName', c.name, 'primaryContact', g.primary_contact) ORDER BY g.role, c.name)
    FROM role_grants g LEFT JOIN cities c ON c.id = g.city_id
   WHERE g.person_id = p.id), '[]'::json)`;

export function findPersonByEmail(db: Q, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export function findPersonById(db: Q, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Whether the account was erased (decision 0030): it reads "Former participant" and can never sign in again. */
export async function isErased(db: Q, id: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('erased_at').where('id', '=', id).executeTakeFirst();
  return Boolean(row?.erased_at);
}

async function rolesOf(db: Q, personId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('cities as c', 'c.id', 'g.city_id')
    .select(['g.role', 'g.city_id', 'c.name as city_name', 'g.primary_contact'])
    .where('g.person_id', '=', personId)
    .orderBy('g.role')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    role: Role.parse(r.role),
    cityId: r.city_id,
    cityName: r.city_name,
    primaryContact: r.primary_contact,
  }));
}

/**
 * What a post shows of each of these people: their name and the city they
 * represent (their primary city when they represent several).
 */
export function labelsOf(db: Q, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('people as p')
    .select([
      'p.id',
      'p.name',
      (eb) =>
        eb
          .selectFrom('role_grants as r')
          .innerJoin('cities as c', 'c.id', 'r.city_id')
          .select('c.name')
          .whereRef('r.person_id', '=', 'p.id')
          .where('r.role', '=', 'city_representative')
          .orderBy('r.primary_contact', 'desc')
          .orderBy('c.name')
          .limit(1)
          .as('city'),
    ])
    // One array parameter: the same statement for any number of people.
    .where(sql<boolean>`p.id = ANY(${ids}::uuid[])`)
    .execute();
}

export async function currentUserOf(db: Q, person: PersonRow): Promise<CurrentUser> {
  const locale: Locale = person.locale === 'fr' || person.locale === 'de' ? person.locale : 'en';
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale,
    roles: await rolesOf(db, person.id),
    ...(person.approval_pending ? { pendingApproval: true as const } : {}),
  };
}

export async function insertPerson(
  db: Q,
  person: { email: string; name: string; passwordHash: string | null; locale?: string },
): Promise<string> {
  const row = await db
    .insertInto('people')
    .values({ email: person.email, name: person.name, password_hash: person.passwordHash, locale: person.locale ?? 'en' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: Q, id: string, changes: { name?: string; locale?: string; passwordHash?: string }) {
  await db
    .updateTable('people')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Adds a role unless the person already holds it; true when added. */
export async function grantRole(
  db: Q,
  grant: { personId: string; role: Role; cityId: string | null; primaryContact: boolean },
): Promise<boolean> {
  // The city has one primary contact: the new one takes over.
  if (grant.primaryContact && grant.cityId) await clearPrimaryContact(db, grant.cityId);
  const result = await db
    .insertInto('role_grants')
    .values({ person_id: grant.personId, role: grant.role, city_id: grant.cityId, primary_contact: grant.primaryContact })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The ids of the people who hold this role (for any city). */
export async function holdersOfRole(db: Q, role: Role): Promise<string[]> {
  return (await db.selectFrom('role_grants').select('person_id').where('role', '=', role).execute()).map((r) => r.person_id);
}

export async function holdsRole(db: Q, personId: string, role: Role, cityId: string | null): Promise<boolean> {
  let query = db.selectFrom('role_grants').select('id').where('person_id', '=', personId).where('role', '=', role);
  query = cityId === null ? query.where('city_id', 'is', null) : query.where('city_id', '=', cityId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Notes a sign-in (a session started) for the person's page. */
export async function markSignedIn(db: Q, personId: string, at: Date) {
  await db.updateTable('people').set({ last_sign_in_at: at }).where('id', '=', personId).execute();
}

/** Deactivates (a date) or reactivates (null) an account; true when it changed. */
export async function setDeactivated(db: Q, personId: string, at: Date | null): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ disabled_at: at, updated_at: new Date() })
    .where('id', '=', personId)
    .where('disabled_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface DirectoryFilter {
  q?: string | undefined;
  role?: Role | undefined;
  cityId?: string | undefined;
  country?: string | undefined;
  status?: 'active' | 'deactivated' | undefined;
}

/** `%` and `_` typed into the search box mean themselves. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function directory(db: Q, f: DirectoryFilter) {
  let query = db.selectFrom('people as p');
  if (f.q) {
    const pattern = containing(f.q);
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern)]));
  }
  const { role, cityId, country } = f;
  if (role) query = query.where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.person_id', '=', 'p.id').where('g.role', '=', role)));
  if (cityId) query = query.where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.person_id', '=', 'p.id').where('g.city_id', '=', cityId)));
  if (country) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_grants as g').innerJoin('cities as c', 'c.id', 'g.city_id').select('g.id').whereRef('g.person_id', '=', 'p.id').where('c.country', '=', country)),
    );
  }
  if (f.status) query = query.where('p.disabled_at', f.status === 'active' ? 'is' : 'is not', null);
  return query;
}

const LISTED_COLUMNS = ['p.id', 'p.name', 'p.email', 'p.created_at', 'p.last_sign_in_at', 'p.disabled_at', 'p.erased_at'] as const;

/** A page of the directory by name, with each person's roles, and how many match. */
export async function searchPeople(db: Q, f: DirectoryFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    directory(db, f)
      .select([...LISTED_COLUMNS, rolesJson.as('roles')])
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    directory(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export type ListedPersonRow = Awaited<ReturnType<typeof searchPeople>>['items'][number];

/** One person as the directory lists them; undefined when there is no such person. */
export function listedPerson(db: Q, id: string): Promise<ListedPersonRow | undefined> {
  return db.selectFrom('people as p').select([...LISTED_COLUMNS, rolesJson.as('roles')]).where('p.id', '=', id).executeTakeFirst();
}

/** The cities somebody represents, by name, for the directory's city and country filters. */
export function representedCities(db: Q) {
  return db
    .selectFrom('cities as c')
    .select(['c.id', 'c.name', 'c.country'])
    .where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.city_id', '=', 'c.id')))
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

/** A city as the pages about its people name it; undefined when there is no such city. */
export function cityBySlug(db: Q, slug: string) {
  return db.selectFrom('cities').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/** The name of a city; undefined when there is no such city. */
export async function cityName(db: Q, cityId: string): Promise<string | undefined> {
  return (await db.selectFrom('cities').select('name').where('id', '=', cityId).executeTakeFirst())?.name;
}

/**
 * The representatives of a city, primary contact first. With `lock`, their
 * grants stay locked until the transaction ends, so that two removals at
 * once cannot both leave the city with nobody.
 */
export async function representativesOf(db: Q, cityId: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.name', 'p.email', 'p.disabled_at', 'p.last_sign_in_at', 'g.primary_contact'])
    .where('g.city_id', '=', cityId)
    .where('g.role', '=', 'city_representative')
    .orderBy('g.primary_contact', 'desc')
    .orderBy(sql`lower(p.name)`)
    .orderBy('p.id');
  if (options.lock) query = query.forUpdate('g');
  return query.execute();
}

/** The people with an active account who hold the manager role, locked like representativesOf. */
export async function activeManagerIds(db: Q): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select('p.id')
    .where('g.role', '=', 'programme_manager')
    .where('p.disabled_at', 'is', null)
    .forUpdate('g')
    .execute();
  return rows.map((r) => r.id);
}

/** Withdraws a role; true when the person held it. */
export async function revokeRole(db: Q, grant: { personId: string; role: Role; cityId: string | null }): Promise<boolean> {
  let query = db.deleteFrom('role_grants').where('person_id', '=', grant.personId).where('role', '=', grant.role);
  query = grant.cityId === null ? query.where('city_id', 'is', null) : query.where('city_id', '=', grant.cityId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Makes one of the city's representatives its primary contact (the city has one). */
export async function setPrimaryContact(db: Q, cityId: string, personId: string) {
  await clearPrimaryContact(db, cityId);
  await db
    .updateTable('role_grants')
    .set({ primary_contact: true })
    .where('city_id', '=', cityId)
    .where('role', '=', 'city_representative')
    .where('person_id', '=', personId)
    .execute();
}

function clearPrimaryContact(db: Q, cityId: string) {
  return db.updateTable('role_grants').set({ primary_contact: false }).where('city_id', '=', cityId).where('primary_contact', '=', true).execute();
}
