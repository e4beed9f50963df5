import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export async function upsertFeedback(db: Q, f: { visitId: string; personId: string; cityId: string; role: 'visitor' | 'host'; ratings: Record<string, number>; comments: string }) {
  await db
    .insertInto('visit_feedback')
    .values({ visit_id: f.visitId, person_id: f.personId, city_id: f.cityId, role: f.role, ratings: JSON.stringify(f.ratings), comments: f.comments })
    .onConflict((oc) => oc.columns(['visit_id', 'person_id']).doUpdateSet({ ratings: JSON.stringify(f.ratings), comments: f.comments, city_id: f.cityId, role: f.role }))
    .execute();
}

export function feedbackOf(db: Q, visitId: string) {
  return db
    .selectFrom('visit_feedback as f')
    .innerJoin('cities as c', 'c.id', 'f.city_id')
    .select(['f.city_id', 'f.role', 'f.ratings', 'f.comments', 'c.name as city_name'])
    .where('f.visit_id', '=', visitId)
    .orderBy('f.created_at')
    .execute();
}

export async function insertPlan(
  db: Q,
  p: { visitId: string; cityId: string; solutionId: string | null; title: string; steps: { text: string; owner: string; targetDate: string | null }[]; owner: string; targetDate: string | null; by: string },
) {
  return (
    await db
      .insertInto('replication_plans')
      .values({ visit_id: p.visitId, city_id: p.cityId, solution_id: p.solutionId, title: p.title, steps: JSON.stringify(p.steps), owner: p.owner, target_date: p.targetDate, created_by: p.by })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function plansOf(db: Q, filter: { visitId?: string; planId?: string; programmeId?: string }) {
  let q = db
    .selectFrom('replication_plans as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .innerJoin('study_visits as v', 'v.id', 'r.visit_id')
    .leftJoin('solutions as s', 's.id', 'r.solution_id')
    .select(['r.id', 'r.visit_id', 'r.city_id', 'c.name as city_name', 'c.country', 'r.solution_id', 's.title as solution_title', 's.sectors', 's.impact_tco2e_per_year', 'r.title', 'r.steps', 'r.owner', 'r.target_date', 'v.programme_id']);
  if (filter.visitId) q = q.where('r.visit_id', '=', filter.visitId);
  if (filter.planId) q = q.where('r.id', '=', filter.planId);
  if (filter.programmeId) q = q.where('v.programme_id', '=', filter.programmeId);
  return q.orderBy('c.name').orderBy('r.created_at').execute();
}

export async function updatesOf(db: Q, planIds: readonly string[]) {
  if (!planIds.length) return [];
  return db.selectFrom('replication_updates').selectAll().where('plan_id', 'in', planIds).orderBy('checkpoint').execute();
}

export async function upsertUpdate(
  db: Q,
  u: { planId: string; checkpoint: 3 | 6 | 12; status: 'not_started' | 'in_progress' | 'done' | 'dropped'; evidenceText: string; evidenceUrl: string | null; by: string },
) {
  await db
    .insertInto('replication_updates')
    .values({ plan_id: u.planId, checkpoint: u.checkpoint, status: u.status, evidence_text: u.evidenceText, evidence_url: u.evidenceUrl, created_by: u.by })
    .onConflict((oc) => oc.columns(['plan_id', 'checkpoint']).doUpdateSet({ status: u.status, evidence_text: u.evidenceText, evidence_url: u.evidenceUrl, created_by: u.by, created_at: new Date() }))
    .execute();
}
