import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, RegistrationsTable } from '../../db/schema.ts';

type Q = Kysely<Database>;

export async function registrationIsOpen(db: Q): Promise<boolean> {
  const row = await db.selectFrom('registration_settings').select('open').executeTakeFirst();
  return row?.open ?? false;
}

export async function setRegistrationOpen(db: Q, open: boolean, personId: string) {
  await db.updateTable('registration_settings').set({ open, updated_at: new Date(), updated_by: personId }).execute();
}

export async function recordAttempt(db: Q, attempt: { kind: 'sign_up' | 'verify'; ip: string; email: string | null }) {
  await db.insertInto('registration_attempts').values(attempt).execute();
}

/** Attempts of one kind since `since`, from one address and for one email, with the oldest of each. */
export async function countAttempts(db: Q, kind: 'sign_up' | 'verify', ip: string, email: string | null, since: Date) {
  return db
    .selectFrom('registration_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
      eb.fn.countAll<number>().filterWhere('email', '=', email ?? '').as('by_email'),
      eb.fn.min('attempted_at').filterWhere('ip', '=', ip).as('oldest_by_ip'),
      eb.fn.min('attempted_at').filterWhere('email', '=', email ?? '').as('oldest_by_email'),
    ])
    .where('kind', '=', kind)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
}

export async function insertRegistration(db: Q, row: Insertable<RegistrationsTable>): Promise<string> {
  return (await db.insertInto('registrations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function unverifiedRegistrationFor(db: Q, email: string) {
  return db.selectFrom('registrations').select(['id']).where('email', '=', email).where('status', '=', 'unverified').executeTakeFirst();
}

export async function renewVerification(db: Q, id: string, tokenHash: string, expiresAt: Date) {
  await db.updateTable('registrations').set({ token_hash: tokenHash, token_expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Locks the registration of a verification link, so that two clicks verify once. */
export function registrationByTokenForUpdate(db: Q, tokenHash: string) {
  return db.selectFrom('registrations').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function markVerified(db: Q, id: string, personId: string, at: Date) {
  await db
    .updateTable('registrations')
    .set({ status: 'pending', person_id: personId, verified_at: at, token_hash: null, token_expires_at: null, password_hash: null })
    .where('id', '=', id)
    .execute();
}

export async function deleteRegistration(db: Q, id: string) {
  await db.deleteFrom('registrations').where('id', '=', id).execute();
}

/** Unverified registrations older than `before` are deleted with their (never created) account; returns how many. */
export async function deleteUnverifiedBefore(db: Q, before: Date): Promise<number> {
  const result = await db.deleteFrom('registrations').where('status', '=', 'unverified').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteAttemptsBefore(db: Q, before: Date) {
  await db.deleteFrom('registration_attempts').where('attempted_at', '<', before).execute();
}

export function latestRegistrationOf(db: Q, personId: string) {
  return db
    .selectFrom('registrations as r')
    .leftJoin('cities as c', 'c.id', 'r.city_id')
    .selectAll('r')
    .select(['c.slug as city_slug', 'c.name as registry_city_name'])
    .select(
      sql<boolean>`r.city_source = 'registry' AND EXISTS (SELECT 1 FROM role_grants g WHERE g.city_id = r.city_id AND g.role = 'city_representative')`.as('has_representatives'),
    )
    .where('r.person_id', '=', personId)
    .orderBy('r.created_at', 'desc')
    .executeTakeFirst();
}

/** Verified registrations waiting for a decision, new cities first, then oldest first. */
export function pendingRegistrations(db: Q, onlyCityIds: readonly string[] | null) {
  return db
    .selectFrom('registrations as r')
    .leftJoin('cities as c', 'c.id', 'r.city_id')
    .selectAll('r')
    .select(['c.name as registry_city_name', 'c.latitude as city_latitude', 'c.longitude as city_longitude'])
    .select(
      sql<boolean>`r.city_source = 'registry' AND EXISTS (SELECT 1 FROM role_grants g WHERE g.city_id = r.city_id AND g.role = 'city_representative')`.as('has_representatives'),
    )
    .where('r.status', '=', 'pending')
    .$if(onlyCityIds !== null, (q) => q.where('r.city_id', 'in', onlyCityIds?.length ? onlyCityIds : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(sql`r.city_source = 'registry'`)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}
export type PendingRow = Awaited<ReturnType<typeof pendingRegistrations>>[number];

export function registrationForUpdate(db: Q, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function decideRegistration(
  db: Q,
  id: string,
  decision: { status: 'approved' | 'declined'; cityId: string | null; declineReason: string | null; decidedBy: string; at: Date },
) {
  await db
    .updateTable('registrations')
    .set((eb) => ({
      status: decision.status,
      city_id: decision.cityId,
      decline_reason: decision.declineReason,
      decided_by: decision.decidedBy,
      decided_at: decision.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setApprovalPending(db: Q, personId: string, pending: boolean) {
  await db.updateTable('people').set({ approval_pending: pending, updated_at: new Date() }).where('id', '=', personId).execute();
}

export async function insertPendingPerson(db: Q, person: { email: string; name: string; passwordHash: string }): Promise<string> {
  const row = await db
    .insertInto('people')
    .values({ email: person.email, name: person.name, password_hash: person.passwordHash, approval_pending: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Registry cities whose folded name matches, or that lie within 25 km: candidates to merge into. */
export async function possibleDuplicates(db: Q, place: { name: string; country: string; latitude: number | null; longitude: number | null }, excludeId: string | null) {
  const lat = place.latitude;
  const lon = place.longitude;
  const distance =
    lat !== null && lon !== null
      ? sql<number>`round((6371 * acos(least(1, greatest(-1, sin(radians(${lat})) * sin(radians(latitude)) + cos(radians(${lat})) * cos(radians(latitude)) * cos(radians(longitude) - radians(${lon}))))))::numeric, 1)::float8`
      : sql<number | null>`NULL::float8`;
  const rows = await db
    .selectFrom('cities')
    .select(['id', 'slug', 'name', 'country', distance.as('distance_km')])
    .where((eb) =>
      eb.or([
        sql<boolean>`fold_name(name) = fold_name(${place.name})`,
        sql<boolean>`fold_name(name) LIKE '%' || fold_name(${place.name}) || '%' AND country = ${place.country}`,
        ...(lat !== null && lon !== null
          ? [sql<boolean>`country = ${place.country} AND abs(latitude - ${lat}) < 0.25 AND abs(longitude - ${lon}) < 0.4`]
          : []),
      ]),
    )
    .$if(excludeId !== null, (q) => q.where('id', '!=', excludeId ?? ''))
    .orderBy(sql`distance_km NULLS LAST`)
    .orderBy('name')
    .limit(5)
    .execute();
  return rows;
}

export function cityById(db: Q, id: string) {
  return db.selectFrom('cities').select(['id', 'slug', 'name', 'country', 'geonames_id']).where('id', '=', id).executeTakeFirst();
}

export function cityByGeonamesId(db: Q, geonamesId: number) {
  return db.selectFrom('cities').select(['id', 'slug', 'name', 'country', 'geonames_id']).where('geonames_id', '=', geonamesId).executeTakeFirst();
}

export async function slugTaken(db: Q, slug: string) {
  return (await db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertCity(
  db: Q,
  city: { slug: string; name: string; country: string; latitude: number; longitude: number; population: number | null; geonamesId: number | null; climateTargetYear: number | null; updatedBy: string },
) {
  return db
    .insertInto('cities')
    .values({
      slug: city.slug,
      name: city.name,
      country: city.country,
      kind: 'aspiring',
      latitude: city.latitude,
      longitude: city.longitude,
      population: city.population,
      geonames_id: city.geonamesId,
      climate_target_year: city.climateTargetYear,
      updated_by: city.updatedBy,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
}

/** The cities whose primary contact is this person. */
export async function citiesWherePrimaryContact(db: Q, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select('city_id')
    .where('person_id', '=', personId)
    .where('role', '=', 'city_representative')
    .where('primary_contact', '=', true)
    .execute();
  return rows.flatMap((r) => (r.city_id ? [r.city_id] : []));
}
