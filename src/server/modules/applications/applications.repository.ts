import type { Kysely } from 'kysely';
import type { Answers } from '../../../shared/programme.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

function selectApplications(db: Q) {
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .leftJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select([
      'a.id',
      'a.call_id',
      'a.city_id',
      'a.status',
      'a.answers',
      'a.submitted_at',
      'a.withdrawn_at',
      'a.updated_at',
      'a.version',
      'c.name as city_name',
      'c.country as city_country',
      'k.kind as call_kind',
      'k.decisions_published_at',
      'p.slug as programme_slug',
      'd.outcome',
      'd.reason as decision_reason',
      'd.waitlist_position',
    ]);
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export function findApplication(db: Q, id: string) {
  return selectApplications(db).where('a.id', '=', id).executeTakeFirst();
}

export function findApplicationForUpdate(db: Q, id: string) {
  return selectApplications(db).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
}

export function listApplicationsOfCall(db: Q, callId: string, filter: { cityIds?: readonly string[]; evaluatorId?: string }) {
  let q = selectApplications(db).where('a.call_id', '=', callId);
  if (filter.cityIds) q = filter.cityIds.length ? q.where('a.city_id', 'in', filter.cityIds) : q.where('a.id', 'is', null);
  if (filter.evaluatorId) {
    const evaluatorId = filter.evaluatorId;
    q = q.where('a.id', 'in', (eb) => eb.selectFrom('evaluator_assignments').select('application_id').where('evaluator_id', '=', evaluatorId));
  }
  return q.orderBy('c.name').execute();
}

export async function insertApplication(db: Q, a: { callId: string; cityId: string; answers: Answers; createdBy: string }) {
  const row = await db
    .insertInto('applications')
    .values({ call_id: a.callId, city_id: a.cityId, answers: JSON.stringify(a.answers), created_by: a.createdBy })
    .onConflict((oc) => oc.columns(['call_id', 'city_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Saves answers if the version is the one the editor started from. */
export async function updateAnswers(db: Q, id: string, expectedVersion: number, answers: Answers) {
  const r = await db
    .updateTable('applications')
    .set((eb) => ({ answers: JSON.stringify(answers), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setStatus(db: Q, id: string, expectedVersion: number, status: 'submitted' | 'withdrawn') {
  const now = new Date();
  const r = await db
    .updateTable('applications')
    .set((eb) => ({
      status,
      ...(status === 'submitted' ? { submitted_at: now } : { withdrawn_at: now }),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Email addresses of a city's representatives (primary contact first). */
export async function representativesOf(db: Q, cityId: string) {
  return representativesOfCities(db, [cityId]);
}

/** The representatives of several cities in one statement: per city, primary contact first. */
export async function representativesOfCities(db: Q, cityIds: readonly string[]) {
  if (!cityIds.length) return [];
  return db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['g.city_id', 'p.id', 'p.email', 'p.name'])
    .where('g.city_id', 'in', cityIds)
    .where('g.role', '=', 'city_representative')
    .where('p.disabled_at', 'is', null)
    .orderBy('g.city_id')
    .orderBy('g.primary_contact', 'desc')
    .orderBy('p.email')
    .execute();
}

export async function isAssignedEvaluator(db: Q, applicationId: string, evaluatorId: string) {
  return (
    (await db.selectFrom('evaluator_assignments').select('application_id').where('application_id', '=', applicationId).where('evaluator_id', '=', evaluatorId).executeTakeFirst()) !==
    undefined
  );
}

/** The submitted applications of a call waiting for a place (waitlisted), with their cities. */
export function waitingListOf(db: Q, callId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .innerJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select(['a.id', 'a.city_id', 'c.name as city_name', 'd.waitlist_position'])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'submitted')
    .where('d.outcome', '=', 'waitlisted')
    .execute();
}

/** A waitlisted application takes a withdrawn city's place. */
export async function promoteDecision(db: Q, applicationId: string, reason: string) {
  await db
    .updateTable('application_decisions')
    .set({ outcome: 'selected', waitlist_position: null, promoted_at: new Date(), reason })
    .where('application_id', '=', applicationId)
    .execute();
}

// A withdrawal after the matching is published reads and changes the visit
// the city takes part in (the visits module sits above this one).

/** Whether the programme's matching is published, and the visit the city takes part in (visiting or hosting), with its host. */
export async function visitOfCity(db: Q, programmeId: string, cityId: string) {
  const [publication, visit] = await Promise.all([
    db.selectFrom('matching_publications').select('run_id').where('programme_id', '=', programmeId).executeTakeFirst(),
    db
      .selectFrom('study_visits as v')
      .innerJoin('cities as h', 'h.id', 'v.host_city_id')
      .select(['v.id', 'v.ends_on', 'v.host_city_id', 'h.name as host_name'])
      .where('v.programme_id', '=', programmeId)
      .where((eb) => eb.or([eb('v.host_city_id', '=', cityId), eb.exists(eb.selectFrom('visit_participants as vp').select('vp.city_id').whereRef('vp.visit_id', '=', 'v.id').where('vp.city_id', '=', cityId))]))
      .executeTakeFirst(),
  ]);
  return { matchingPublished: publication !== undefined, visit: visit ? { ...visit, ends_on: visit.ends_on === null ? null : `${visit.ends_on}` } : null };
}

/** Takes a visiting city out of a visit: its place, delegates and travel. */
export async function leaveVisit(db: Q, visitId: string, cityId: string) {
  await db.deleteFrom('visit_delegates').where('visit_id', '=', visitId).where('city_id', '=', cityId).execute();
  await db.deleteFrom('visit_travel').where('visit_id', '=', visitId).where('city_id', '=', cityId).execute();
  await db.deleteFrom('visit_participants').where('visit_id', '=', visitId).where('city_id', '=', cityId).execute();
}

/** The active programme managers, to tell them of a withdrawal they now handle. */
export function programmeManagers(db: Q) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.email', 'p.name'])
    .where('g.role', '=', 'programme_manager')
    .where('p.disabled_at', 'is', null)
    .distinct()
    .orderBy('p.email')
    .execute();
}
