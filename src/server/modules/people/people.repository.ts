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
}

const PERSON_COLUMNS = ['id', 'email', 'name', 'password_hash', 'locale', 'disabled_at'] as const;

export function findPersonByEmail(db: Q, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export function findPersonById(db: Q, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('id', '=', id).executeTakeFirst();
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
  return { id: person.id, email: person.email, name: person.name, locale, roles: await rolesOf(db, person.id) };
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
  if (grant.primaryContact && grant.cityId) {
    // The city has one primary contact: the new one takes over.
    await db
      .updateTable('role_grants')
      .set({ primary_contact: false })
      .where('city_id', '=', grant.cityId)
      .where('primary_contact', '=', true)
      .execute();
  }
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
