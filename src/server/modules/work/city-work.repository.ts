import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

// What the cities' queues read ("my city" on the start page, and the
// representatives' reminders): read-only, many cities at once.

export function cityFacts(db: Q, cityIds: readonly string[]) {
  if (!cityIds.length) return Promise.resolve([]);
  return db.selectFrom('cities').select(['id', 'name', 'kind']).where('id', 'in', cityIds).execute();
}

/** The cities' applications to these calls, with the decision taken (published or not: the service decides what the city sees). */
export function applicationsOfCities(db: Q, cityIds: readonly string[], callIds: readonly string[]) {
  if (!cityIds.length || !callIds.length) return Promise.resolve([]);
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .leftJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select(['a.id', 'a.call_id', 'a.city_id', 'c.name as city_name', 'a.status', 'd.outcome'])
    .where('a.city_id', 'in', cityIds)
    .where('a.call_id', 'in', callIds)
    .execute();
}

/** The groups (of these programmes) the cities were admitted to, with each group's next meeting and whether a manager marked the city's learning complete. */
export function membershipsOfCities(db: Q, cityIds: readonly string[], programmeIds: readonly string[], now: Date) {
  if (!cityIds.length || !programmeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('group_memberships as gm')
    .innerJoin('discussion_groups as g', 'g.id', 'gm.group_id')
    .innerJoin('cities as c', 'c.id', 'gm.city_id')
    .select([
      'g.id as group_id',
      'g.name as group_name',
      'g.programme_id',
      'gm.city_id',
      'c.name as city_name',
      (eb) => eb.selectFrom('group_meetings as m').select((e) => e.fn.min('m.starts_at').as('n')).whereRef('m.group_id', '=', 'g.id').where('m.starts_at', '>=', now).as('next_meeting_at'),
      (eb) =>
        eb
          .exists(eb.selectFrom('learning_completions as lc').select('lc.city_id').whereRef('lc.programme_id', '=', 'g.programme_id').whereRef('lc.city_id', '=', 'gm.city_id'))
          .as('marked_complete'),
    ])
    .where('gm.city_id', 'in', cityIds)
    .where('gm.status', '=', 'admitted')
    .where('g.programme_id', 'in', programmeIds)
    .execute();
}

/** One row per visit and city taking part in it (as host or visitor), for visits not over by `endsFrom` or without dates; of these cities, or of all. */
export function visitsOfCities(db: Q, cityIds: readonly string[] | 'all', endsFrom: string) {
  if (cityIds !== 'all' && !cityIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('study_visits as v')
    .innerJoin('cities as h', 'h.id', 'v.host_city_id')
    .innerJoin('cities as c', (j) =>
      j.on((eb) => eb.or([eb('c.id', '=', eb.ref('v.host_city_id')), eb('c.id', 'in', eb.selectFrom('visit_participants as vp').select('vp.city_id').whereRef('vp.visit_id', '=', 'v.id'))])),
    )
    .select([
      'v.id',
      'v.programme_id',
      'h.name as host_name',
      'v.host_city_id',
      'v.starts_on',
      'v.ends_on',
      'c.id as city_id',
      'c.name as city_name',
      (eb) => eb.exists(eb.selectFrom('visit_feedback as f').select('f.city_id').whereRef('f.visit_id', '=', 'v.id').whereRef('f.city_id', '=', 'c.id')).as('feedback_given'),
    ])
    .where((eb) => eb.or([eb('v.ends_on', 'is', null), eb('v.ends_on', '>=', endsFrom)]));
  if (cityIds !== 'all') q = q.where('c.id', 'in', cityIds);
  return q.execute();
}

/** Replication plans made on visits that ended on `endsFrom` or later, with the checkpoints (3, 6, 12) already reported; of these cities, or of all. */
export function plansToFollow(db: Q, cityIds: readonly string[] | 'all', endsFrom: string) {
  if (cityIds !== 'all' && !cityIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('replication_plans as rp')
    .innerJoin('study_visits as v', 'v.id', 'rp.visit_id')
    .innerJoin('cities as c', 'c.id', 'rp.city_id')
    .select([
      'rp.id',
      'rp.title',
      'rp.visit_id',
      'rp.city_id',
      'c.name as city_name',
      'v.programme_id',
      'v.ends_on',
      sql<number[]>`coalesce((SELECT array_agg(u.checkpoint) FROM replication_updates u WHERE u.plan_id = rp.id), '{}')`.as('checkpoints_reported'),
    ])
    .where('v.ends_on', '>=', endsFrom);
  if (cityIds !== 'all') q = q.where('rp.city_id', 'in', cityIds);
  return q.execute();
}
