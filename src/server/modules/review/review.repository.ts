import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** A call's applications with their cities and decisions, by city name. */
function selectApplicationsOfCall(db: Q, callId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .leftJoin('application_decisions as d', 'd.application_id', 'a.id')
    .where('a.call_id', '=', callId)
    .orderBy('c.name');
}

/** Submitted (and later withdrawn) applications of a call, with their cities. */
export function applicationsUnderReview(db: Q, callId: string) {
  return selectApplicationsOfCall(db, callId)
    .select(['a.id', 'a.city_id', 'a.status', 'c.name as city_name', 'c.country', 'd.outcome', 'd.reason', 'd.waitlist_position', 'd.promoted_at'])
    .where('a.submitted_at', 'is not', null)
    .execute();
}

export function evaluatorProfiles(db: Q) {
  return db
    .selectFrom('people as p')
    .innerJoin('role_grants as g', 'g.person_id', 'p.id')
    .select(['p.id', 'p.name', 'p.email'])
    .where('g.role', '=', 'evaluator')
    .where('p.disabled_at', 'is', null)
    .orderBy('p.name')
    .execute();
}

/** The cities each person represents, with their countries: evaluators never judge these. */
export async function cityTiesOf(db: Q, personIds: readonly string[]) {
  if (!personIds.length) return [];
  return db
    .selectFrom('role_grants as g')
    .innerJoin('cities as c', 'c.id', 'g.city_id')
    .select(['g.person_id', 'c.id as city_id', 'c.country'])
    .where('g.person_id', 'in', personIds)
    .where('g.role', '=', 'city_representative')
    .execute();
}

/** The cities (and their countries) represented by the people assigned to evaluate a call's applications: conflicts of interest that arose after the assignment. */
export function evaluatorTiesOfCall(db: Q, callId: string) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('cities as c', 'c.id', 'g.city_id')
    .select(['g.person_id', 'c.id as city_id', 'c.country'])
    .where('g.role', '=', 'city_representative')
    .where('g.person_id', 'in', (eb) => eb.selectFrom('evaluator_assignments as x').innerJoin('applications as a', 'a.id', 'x.application_id').select('x.evaluator_id').where('a.call_id', '=', callId))
    .execute();
}

export function assignmentsOfCall(db: Q, callId: string) {
  return db
    .selectFrom('evaluator_assignments as x')
    .innerJoin('applications as a', 'a.id', 'x.application_id')
    .select(['x.application_id', 'x.evaluator_id'])
    .where('a.call_id', '=', callId)
    .execute();
}

export function evaluationsOfCall(db: Q, callId: string) {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('applications as a', 'a.id', 'e.application_id')
    .select(['e.application_id', 'e.evaluator_id', 'e.scores', 'e.status', 'e.comment'])
    .where('a.call_id', '=', callId)
    .execute();
}

export async function insertAssignments(db: Q, rows: readonly { applicationId: string; evaluatorId: string }[], by: string) {
  if (!rows.length) return;
  await db
    .insertInto('evaluator_assignments')
    .values(rows.map((r) => ({ application_id: r.applicationId, evaluator_id: r.evaluatorId, assigned_by: by })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteAssignment(db: Q, applicationId: string, evaluatorId: string) {
  await db.deleteFrom('evaluator_assignments').where('application_id', '=', applicationId).where('evaluator_id', '=', evaluatorId).execute();
}

export function findEvaluation(db: Q, applicationId: string, evaluatorId: string) {
  return db
    .selectFrom('evaluations')
    .select(['scores', 'comment', 'status', 'version'])
    .where('application_id', '=', applicationId)
    .where('evaluator_id', '=', evaluatorId)
    .executeTakeFirst();
}

/**
 * Saves an evaluation: inserts at version 0, updates only from the version
 * the evaluator loaded. False when the version is stale.
 */
export async function saveEvaluationRow(
  db: Q,
  e: { applicationId: string; evaluatorId: string; expectedVersion: number; scores: Record<string, number>; comment: string; status: 'draft' | 'submitted' | 'conflict'; conflictReason?: string },
) {
  const values = {
    scores: JSON.stringify(e.scores),
    comment: e.comment,
    status: e.status,
    conflict_reason: e.conflictReason ?? null,
    updated_at: new Date(),
    submitted_at: e.status === 'submitted' ? new Date() : null,
  };
  if (e.expectedVersion === 0) {
    const r = await db
      .insertInto('evaluations')
      .values({ application_id: e.applicationId, evaluator_id: e.evaluatorId, ...values })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('evaluations')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('application_id', '=', e.applicationId)
    .where('evaluator_id', '=', e.evaluatorId)
    .where('version', '=', e.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An evaluator's applications with their programme, call and city, newest edition first. */
function selectEvaluatorsApplications(db: Q) {
  return db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .innerJoin('programmes as p', 'p.id', 'k.programme_id')
    .select(['a.id as application_id', 'p.slug', 'p.title', 'k.kind', 'c.name as city_name'])
    .orderBy('p.edition_year', 'desc')
    .orderBy('c.name');
}

export function myAssignments(db: Q, evaluatorId: string) {
  return selectEvaluatorsApplications(db)
    .innerJoin('evaluator_assignments as x', 'x.application_id', 'a.id')
    .leftJoin('evaluations as e', (j) => j.onRef('e.application_id', '=', 'x.application_id').onRef('e.evaluator_id', '=', 'x.evaluator_id'))
    .select('e.status')
    .where('x.evaluator_id', '=', evaluatorId)
    .execute();
}

/** Applications an evaluator stepped back from (a declared conflict): no longer assigned, still listed for them. */
export function myConflicts(db: Q, evaluatorId: string) {
  return selectEvaluatorsApplications(db)
    .innerJoin('evaluations as e', 'e.application_id', 'a.id')
    .select('e.status')
    .where('e.evaluator_id', '=', evaluatorId)
    .where('e.status', '=', 'conflict')
    .execute();
}

export async function deleteEvaluation(db: Q, applicationId: string, evaluatorId: string) {
  await db.deleteFrom('evaluations').where('application_id', '=', applicationId).where('evaluator_id', '=', evaluatorId).execute();
}

export async function upsertDecision(db: Q, d: { applicationId: string; outcome: 'selected' | 'waitlisted' | 'rejected'; reason: string; waitlistPosition: number | null; by: string }) {
  await db
    .insertInto('application_decisions')
    .values({ application_id: d.applicationId, outcome: d.outcome, reason: d.reason, waitlist_position: d.waitlistPosition, decided_by: d.by })
    .onConflict((oc) =>
      oc.column('application_id').doUpdateSet({ outcome: d.outcome, reason: d.reason, waitlist_position: d.waitlistPosition, decided_by: d.by, decided_at: new Date() }),
    )
    .execute();
}

/** Every application of a call (drafts too) with its answers and decision, for the export. */
export function applicationsForExport(db: Q, callId: string) {
  return selectApplicationsOfCall(db, callId)
    .select(['a.id', 'c.name', 'c.country', 'a.status', 'a.submitted_at', 'a.answers', 'd.outcome', 'd.reason', 'd.waitlist_position'])
    .execute();
}
