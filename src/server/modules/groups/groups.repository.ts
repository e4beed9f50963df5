import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function phasesOf(db: Q, programmeId: string) {
  return db.selectFrom('learning_phases').select(['number', 'title', 'goals', 'starts_on', 'ends_on']).where('programme_id', '=', programmeId).orderBy('number').execute();
}

function selectGroups(db: Q) {
  return db
    .selectFrom('discussion_groups as g')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .select((eb) => [
      'g.id',
      'g.programme_id',
      'p.slug as programme_slug',
      'p.settings',
      'g.name',
      'g.description',
      'g.sectors',
      'g.language',
      'g.capacity',
      eb
        .selectFrom('group_memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .where('m.status', '=', 'admitted')
        .as('admitted'),
    ]);
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

export function findGroup(db: Q, id: string) {
  return selectGroups(db).where('g.id', '=', id).executeTakeFirst();
}

export function groupsOfProgramme(db: Q, programmeId: string) {
  return selectGroups(db).where('g.programme_id', '=', programmeId).orderBy('g.name').execute();
}

export async function facilitatorsOf(db: Q, groupIds: readonly string[]) {
  if (!groupIds.length) return [];
  return db
    .selectFrom('group_facilitators as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select(['f.group_id', 'p.id', 'p.name'])
    .where('f.group_id', 'in', groupIds)
    .orderBy('p.name')
    .execute();
}

export async function insertGroup(
  db: Q,
  g: { programmeId: string; name: string; description: string; sectors: string[]; language: string; capacity: number; facilitatorIds: readonly string[] },
) {
  const row = await db
    .insertInto('discussion_groups')
    .values({ programme_id: g.programmeId, name: g.name, description: g.description, sectors: g.sectors, language: g.language, capacity: g.capacity })
    .onConflict((oc) => oc.columns(['programme_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  if (g.facilitatorIds.length) {
    await db.insertInto('group_facilitators').values(g.facilitatorIds.map((person_id) => ({ group_id: row.id, person_id }))).execute();
  }
  return row.id;
}

export async function peopleWithRole(db: Q, ids: readonly string[], role: string) {
  if (!ids.length) return [];
  return db.selectFrom('role_grants').select('person_id').where('person_id', 'in', ids).where('role', '=', role).execute();
}

export function membershipsOf(db: Q, groupId: string) {
  return db
    .selectFrom('group_memberships as m')
    .innerJoin('cities as c', 'c.id', 'm.city_id')
    .select(['m.city_id', 'c.name as city_name', 'c.country', 'm.status', 'm.sectors', 'm.message'])
    .where('m.group_id', '=', groupId)
    .orderBy('c.name')
    .execute();
}

export async function isFacilitator(db: Q, groupId: string, personId: string) {
  return (await db.selectFrom('group_facilitators').select('person_id').where('group_id', '=', groupId).where('person_id', '=', personId).executeTakeFirst()) !== undefined;
}

export async function admittedCityIds(db: Q, groupId: string) {
  return (await db.selectFrom('group_memberships').select('city_id').where('group_id', '=', groupId).where('status', '=', 'admitted').execute()).map((r) => r.city_id);
}

export async function upsertInterest(db: Q, m: { groupId: string; cityId: string; sectors: string[]; message: string; by: string }) {
  const r = await db
    .insertInto('group_memberships')
    .values({ group_id: m.groupId, city_id: m.cityId, sectors: m.sectors, message: m.message, requested_by: m.by })
    .onConflict((oc) => oc.columns(['group_id', 'city_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function decideMembership(db: Q, groupId: string, cityId: string, status: 'admitted' | 'declined', by: string) {
  const r = await db
    .updateTable('group_memberships')
    .set({ status, decided_by: by, decided_at: new Date() })
    .where('group_id', '=', groupId)
    .where('city_id', '=', cityId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function lockGroup(db: Q, groupId: string) {
  await db.selectFrom('discussion_groups').select('id').where('id', '=', groupId).forUpdate().executeTakeFirst();
}

export function sessionsOf(db: Q, groupId: string) {
  return db.selectFrom('group_sessions').selectAll().where('group_id', '=', groupId).orderBy('starts_at').execute();
}

export function findSession(db: Q, id: string) {
  return db.selectFrom('group_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Q, s: { groupId: string; phaseNumber: number; title: string; startsAt: Date; durationMinutes: number; joinUrl: string | null; agenda: string }) {
  const row = await db
    .insertInto('group_sessions')
    .values({ group_id: s.groupId, phase_number: s.phaseNumber, title: s.title, starts_at: s.startsAt, duration_minutes: s.durationMinutes, join_url: s.joinUrl, agenda: s.agenda })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The participants of a group: representatives of its admitted cities. */
export function participantsOf(db: Q, groupId: string) {
  return db
    .selectFrom('group_memberships as m')
    .innerJoin('role_grants as r', (j) => j.onRef('r.city_id', '=', 'm.city_id').on('r.role', '=', 'city_representative'))
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('cities as c', 'c.id', 'm.city_id')
    .select(['p.id as person_id', 'p.name', 'p.email', 'm.city_id', 'c.name as city_name'])
    .where('m.group_id', '=', groupId)
    .where('m.status', '=', 'admitted')
    .where('p.disabled_at', 'is', null)
    .orderBy('c.name')
    .orderBy('p.name')
    .execute();
}

export function attendanceOfSession(db: Q, sessionId: string) {
  return db.selectFrom('session_attendance').select(['person_id', 'city_id', 'status']).where('session_id', '=', sessionId).execute();
}

export async function upsertAttendance(db: Q, rows: readonly { sessionId: string; personId: string; cityId: string; status: 'present' | 'excused' | 'absent'; by: string }[]) {
  if (!rows.length) return;
  for (const r of rows) {
    await db
      .insertInto('session_attendance')
      .values({ session_id: r.sessionId, person_id: r.personId, city_id: r.cityId, status: r.status, recorded_by: r.by })
      .onConflict((oc) => oc.columns(['session_id', 'person_id']).doUpdateSet({ status: r.status, recorded_by: r.by, recorded_at: new Date() }))
      .execute();
  }
}

/** Sessions a person takes part in (as member city representative or facilitator), for the calendar feed. */
export function sessionsOfPerson(db: Q, personId: string) {
  return db
    .selectFrom('group_sessions as s')
    .innerJoin('discussion_groups as g', 'g.id', 's.group_id')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .select(['s.id', 's.title', 's.starts_at', 's.duration_minutes', 's.join_url', 's.agenda', 's.updated_at', 'g.name as group_name', 'p.settings'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('group_facilitators as f').select('f.person_id').whereRef('f.group_id', '=', 'g.id').where('f.person_id', '=', personId)),
        eb.exists(
          eb
            .selectFrom('group_memberships as m')
            .innerJoin('role_grants as r', (j) => j.onRef('r.city_id', '=', 'm.city_id').on('r.role', '=', 'city_representative'))
            .select('m.city_id')
            .whereRef('m.group_id', '=', 'g.id')
            .where('m.status', '=', 'admitted')
            .where('r.person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('s.starts_at')
    .execute();
}

export async function replaceCalendarFeed(db: Q, personId: string, tokenHash: string) {
  await db
    .insertInto('calendar_feeds')
    .values({ person_id: personId, token_hash: tokenHash })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token_hash: tokenHash, created_at: new Date() }))
    .execute();
}

export async function deleteCalendarFeed(db: Q, personId: string) {
  await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
}

export function personOfFeed(db: Q, tokenHash: string) {
  return db.selectFrom('calendar_feeds').select('person_id').where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** In one query: whether the group exists, and whether the person facilitates it or represents one of its admitted cities. */
export async function groupAccess(db: Q, groupId: string, personId: string) {
  return db
    .selectFrom('discussion_groups as g')
    .select((eb) => [
      eb.exists(eb.selectFrom('group_facilitators as f').select('f.person_id').whereRef('f.group_id', '=', 'g.id').where('f.person_id', '=', personId)).as('facilitates'),
      eb
        .exists(
          eb
            .selectFrom('group_memberships as m')
            .innerJoin('role_grants as r', (j) => j.onRef('r.city_id', '=', 'm.city_id').on('r.role', '=', 'city_representative'))
            .select('m.city_id')
            .whereRef('m.group_id', '=', 'g.id')
            .where('m.status', '=', 'admitted')
            .where('r.person_id', '=', personId),
        )
        .as('member'),
    ])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}
