import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.ts';
import type { Database, DiscussionGroupsTable, GroupPostsTable } from '../../db/schema.ts';

type Q = Kysely<Database>;

// The work queues read across the platform; they change nothing. Each query
// answers for many calls, visits or cities at once, so a start page costs a
// fixed number of statements however much work there is.

/** Every programme (a few hundred at most): the queues decide in each one's time zone what is open, due or over. */
export function allProgrammes(db: Q) {
  // Drafts hold no work yet: their calls cannot open and nobody applies to them.
  return db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title', 'description', 'format', 'edition_year', 'settings', 'version', 'published_at'])
    .where('published_at', 'is not', null)
    .execute();
}

/**
 * Per call: drafts, submitted applications, those with fewer evaluators
 * than the programme asks for, and assigned evaluations not yet submitted
 * (a declared conflict removes the assignment).
 */
export function callWorkStats(db: Q, callIds: readonly string[]) {
  if (!callIds.length) return Promise.resolve([]);
  return db
    .selectFrom('applications as a')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('evaluator_assignments as ea')
          .leftJoin('evaluations as e', (j) => j.onRef('e.application_id', '=', 'ea.application_id').onRef('e.evaluator_id', '=', 'ea.evaluator_id'))
          .select([sql<number>`count(*)`.as('assigned'), sql<number>`count(*) FILTER (WHERE e.status IS DISTINCT FROM 'submitted')`.as('pending')])
          .whereRef('ea.application_id', '=', 'a.id')
          .as('x'),
      (join) => join.onTrue(),
    )
    .select([
      'a.call_id',
      sql<number>`count(*) FILTER (WHERE a.status = 'draft')`.as('drafts'),
      sql<number>`count(*) FILTER (WHERE a.status = 'submitted')`.as('submitted'),
      sql<number>`count(*) FILTER (WHERE a.status = 'submitted' AND x.assigned < (p.settings->>'evaluatorsPerApplication')::int)`.as('lacking_evaluators'),
      sql<number>`coalesce(sum(x.pending) FILTER (WHERE a.status = 'submitted'), 0)`.as('pending_evaluations'),
    ])
    .where('a.call_id', 'in', callIds)
    .groupBy('a.call_id')
    .execute();
}

/**
 * Visits not over by `endsFrom` (or without dates): agenda items, and the
 * taking-part cities (host and visitors) that gave no feedback.
 */
export function visitsInPlay(db: Q, endsFrom: string) {
  return db
    .selectFrom('study_visits as v')
    .innerJoin('cities as h', 'h.id', 'v.host_city_id')
    .select([
      'v.id',
      'v.programme_id',
      'h.name as host_name',
      'v.starts_on',
      'v.ends_on',
      'v.schedule_confirmed_at',
      sql<number>`(SELECT count(*) FROM visit_agenda_items i WHERE i.visit_id = v.id)`.as('agenda_items'),
      sql<number>`(SELECT count(*) FROM (SELECT v.host_city_id AS city_id UNION SELECT vp.city_id FROM visit_participants vp WHERE vp.visit_id = v.id) c
                    WHERE NOT EXISTS (SELECT 1 FROM visit_feedback f WHERE f.visit_id = v.id AND f.city_id = c.city_id))`.as('cities_without_feedback'),
    ])
    .where((eb) => eb.or([eb('v.ends_on', 'is', null), eb('v.ends_on', '>=', endsFrom)]))
    .execute();
}

/**
 * Evaluations assigned and not yet submitted, on submitted applications of
 * calls whose decisions are not published: one evaluator's, or (for the
 * reminders) those of every evaluator who still holds the role and whose
 * account is active.
 */
export function pendingEvaluations(db: Q, filter: { evaluatorId: string } | { activeEvaluators: true }) {
  let q = db
    .selectFrom('evaluator_assignments as ea')
    .innerJoin('applications as a', 'a.id', 'ea.application_id')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .innerJoin('people as p', 'p.id', 'ea.evaluator_id')
    .leftJoin('evaluations as e', (j) => j.onRef('e.application_id', '=', 'ea.application_id').onRef('e.evaluator_id', '=', 'ea.evaluator_id'))
    .select(['ea.application_id', 'a.call_id', 'c.name as city_name', 'ea.evaluator_id', 'p.email', 'p.name'])
    .where('a.status', '=', 'submitted')
    .where('k.decisions_published_at', 'is', null)
    .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', '=', 'draft')]));
  if ('evaluatorId' in filter) return q.where('ea.evaluator_id', '=', filter.evaluatorId).execute();
  q = q
    .where('p.disabled_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('role_grants as g').select('g.id').whereRef('g.person_id', '=', 'ea.evaluator_id').where('g.role', '=', 'evaluator')));
  return q.execute();
}

/** The study visits a facilitator accompanies (in these programmes), not over by `endsFrom` or without dates yet. */
export function facilitatorVisits(db: Q, personId: string, programmeIds: readonly string[], endsFrom: string) {
  if (!programmeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('study_visits as v')
    .innerJoin('cities as h', 'h.id', 'v.host_city_id')
    .select(['v.id', 'v.programme_id', 'h.name as host_name', 'v.starts_on', 'v.ends_on'])
    .where('v.facilitator_id', '=', personId)
    .where('v.programme_id', 'in', programmeIds)
    .where((eb) => eb.or([eb('v.ends_on', 'is', null), eb('v.ends_on', '>=', endsFrom)]))
    .execute();
}

/**
 * Meetings of the groups a facilitator runs (in these programmes): those
 * starting by `until`, and past ones without any attendance recorded.
 */
export function facilitatorMeetings(db: Q, personId: string, programmeIds: readonly string[], now: Date, until: Date) {
  if (!programmeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('group_meetings as m')
    .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
    .innerJoin('group_facilitators as gf', 'gf.group_id', 'g.id')
    .select(['m.id', 'm.title', 'm.starts_at', 'm.duration_minutes', 'g.id as group_id', 'g.name as group_name', 'g.programme_id'])
    .where('gf.person_id', '=', personId)
    .where('g.programme_id', 'in', programmeIds)
    .where('m.starts_at', '<=', until)
    .where((eb) =>
      eb.or([eb('m.starts_at', '>=', now), eb.not(eb.exists(eb.selectFrom('meeting_attendance as ma').select('ma.meeting_id').whereRef('ma.meeting_id', '=', 'm.id')))]),
    )
    .execute();
}

/**
 * Open threads of a facilitator's groups (in these programmes) with a
 * visible post by someone other than the group's facilitators and no
 * facilitator's post at or after the latest such post, with when it was made.
 */
export function threadsWaitingFor(db: Q, personId: string, programmeIds: readonly string[]) {
  if (!programmeIds.length) return Promise.resolve([]);
  const byFacilitator = (eb: ExpressionBuilder<Database & { p: GroupPostsTable; g: DiscussionGroupsTable }, 'p' | 'g'>) =>
    eb.exists(eb.selectFrom('group_facilitators as f').select('f.person_id').whereRef('f.group_id', '=', 'g.id').whereRef('f.person_id', '=', 'p.author_id'));
  return db
    .selectFrom('group_threads as t')
    .innerJoin('discussion_groups as g', 'g.id', 't.group_id')
    .innerJoin('group_facilitators as gf', 'gf.group_id', 'g.id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('group_posts as p')
          .select((e) => e.fn.max('p.created_at').as('since'))
          .whereRef('p.thread_id', '=', 't.id')
          .where('p.hidden_at', 'is', null)
          .where('p.author_id', 'is not', null)
          .where((e) => e.not(byFacilitator(e)))
          .as('w'),
      (join) => join.onTrue(),
    )
    .select(['t.id', 't.title', 'g.id as group_id', 'g.name as group_name', 'g.programme_id', 'w.since as last_post_at'])
    .where('gf.person_id', '=', personId)
    .where('g.programme_id', 'in', programmeIds)
    .where('t.closed', '=', false)
    .where('w.since', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('group_posts as p')
            .select('p.id')
            .whereRef('p.thread_id', '=', 't.id')
            .where('p.hidden_at', 'is', null)
            .whereRef('p.created_at', '>=', 'w.since')
            .where((e) => byFacilitator(e)),
        ),
      ),
    )
    .execute();
}

/** People who hold the role (for one of these cities, when given) and whose account is active: who the reminders may go to. */
export function activeHoldersOf(db: Q, role: Role, cityIds?: readonly string[]) {
  if (cityIds && !cityIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.email', 'p.name', 'g.city_id'])
    .where('g.role', '=', role)
    .where('p.disabled_at', 'is', null);
  if (cityIds) q = q.where('g.city_id', 'in', cityIds);
  return q.execute();
}

/** Verified registrations waiting for a decision: how many, and since when the oldest waits (the managers' queue). */
export function registrationsWaiting(db: Q) {
  return db
    .selectFrom('registrations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('verified_at').as('oldest')])
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
}

/** Claims on these cities (their primary contact confirms them), oldest first. */
export function claimsOnCities(db: Q, cityIds: readonly string[]) {
  if (!cityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('registrations as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .select(['r.id', 'r.name', 'r.verified_at', 'c.name as city_name'])
    .where('r.status', '=', 'pending')
    .where('r.city_source', '=', 'registry')
    .where('r.city_id', 'in', cityIds)
    .orderBy('r.verified_at')
    .execute();
}
