import { sql, type Kysely } from 'kysely';
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

/** Whether the person facilitates the group whose id is the column `groupId` (such as 'g.id'). */
export const facilitatesGroup = (groupId: string, personId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = ${sql.ref(groupId)} AND f.person_id = ${personId})`;

/** Whether the person represents one of the admitted cities of the group whose id is the column `groupId`. */
export const representsAdmittedCityOf = (groupId: string, personId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM role_grants r JOIN group_memberships m ON m.city_id = r.city_id AND m.status = 'admitted'
                WHERE m.group_id = ${sql.ref(groupId)} AND r.person_id = ${personId} AND r.role = 'city_representative')`;

/** In one query: whether the group exists, and the person's standing in it (groups.policy.ts). */
export function groupStanding(db: Q, groupId: string, personId: string) {
  return db
    .selectFrom('discussion_groups as g')
    .select([facilitatesGroup('g.id', personId).as('facilitates'), representsAdmittedCityOf('g.id', personId).as('member')])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}
