import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { localDateAt } from '../../../domain/time/zoned-time.ts';
import { planTargetProblem } from '../../../domain/visits/replication-plan.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findSolution } from '../solutions/solutions.repository.ts';
import { feedbackOf, insertPlan, plansOf, updatesOf, upsertFeedback, upsertUpdate } from './follow-up.repository.ts';
import { participantsOfVisits, visitRows } from './visits.repository.ts';
import { mayGiveFeedback, mayPlanVisit, mayReadFeedbackOf, mayWriteReplicationPlan } from './visits.policy.ts';

async function visitContext(db: Db, visitId: string) {
  const [visit] = await visitRows(db, { visitId });
  if (!visit) throw new AppError('NOT_FOUND', reason('VISIT_NOT_FOUND'));
  const visitors = (await participantsOfVisits(db, [visitId])).map((p) => p.id);
  return { visit, visitors };
}

/** Feedback after the visit, from the visiting cities' and the host's representatives. */
export async function giveFeedback(db: Db, input: { visitId: string; cityId: string; ratings: Record<string, number>; comments: string; user: CurrentUser; ip: string; now: Date }) {
  const { visit, visitors } = await visitContext(db, input.visitId);
  const role = input.cityId === visit.host_city_id ? 'host' : visitors.includes(input.cityId) ? 'visitor' : null;
  if (!role) throw new AppError('NOT_FOUND', reason('VISIT_CITY_NOT_TAKING_PART'));
  if (!mayGiveFeedback(input.user, input.cityId)) throw new AppError('FORBIDDEN', reason('FEEDBACK_OWN_CITY_ONLY'));
  if (!visit.starts_on || `${visit.starts_on}` > localDateAt(input.now, visit.settings.timeZone)) throw new AppError('CONFLICT', reason('FEEDBACK_NOT_YET'));
  await upsertFeedback(db, { visitId: visit.id, personId: input.user.id, cityId: input.cityId, role, ratings: input.ratings, comments: input.comments });
  return summarise(await readableFeedback(db, input.user, visit));
}

/** The summary of a visit's feedback: the programme managers and the facilitator of this visit; anyone else is told it is not there (404). */
export async function feedbackSummary(db: Db, visitId: string, user: CurrentUser) {
  const [visit] = await visitRows(db, { visitId });
  if (!visit || !mayPlanVisit(user, { facilitatorId: visit.facilitator_id })) throw new AppError('NOT_FOUND', reason('VISIT_NOT_FOUND'));
  return summarise(await readableFeedback(db, user, visit));
}

/** Only the feedback the person may read (`mayReadFeedbackOf`): a city's representatives see their own city's, the planners all. */
async function readableFeedback(db: Db, user: CurrentUser, visit: { id: string; facilitator_id: string | null }) {
  const rows = await feedbackOf(db, visit.id);
  return rows.filter((r) => mayReadFeedbackOf(user, { facilitatorId: visit.facilitator_id }, r.city_id));
}

function summarise(rows: Awaited<ReturnType<typeof feedbackOf>>) {
  const mean = (key: string) => {
    const values = rows.map((r) => r.ratings[key]).filter((v): v is number => typeof v === 'number');
    return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
  };
  return {
    responses: rows.length,
    averages: { overall: mean('overall'), relevance: mean('relevance'), organisation: mean('organisation') },
    comments: rows.filter((r) => r.comments.trim()).map((r) => ({ role: r.role, city: r.city_name, text: r.comments })),
  };
}

type PlanRow = Awaited<ReturnType<typeof plansOf>>[number];

async function presentPlans(db: Db, rows: PlanRow[]) {
  const updates = await updatesOf(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const mine = updates.filter((u) => u.plan_id === r.id);
    return {
      id: r.id,
      visitId: r.visit_id,
      cityId: r.city_id,
      cityName: r.city_name,
      solutionId: r.solution_id,
      solutionTitle: r.solution_title,
      title: r.title,
      steps: r.steps,
      owner: r.owner,
      targetDate: r.target_date,
      updates: mine.map((u) => ({ checkpoint: u.checkpoint, status: u.status, evidenceText: u.evidence_text, evidenceUrl: u.evidence_url, createdAt: new Date(u.created_at).toISOString() })),
      // The latest checkpoint's status is the plan's status.
      status: mine.at(-1)?.status ?? ('not_started' as const),
    };
  });
}

export async function listPlans(db: Db, visitId: string) {
  return presentPlans(db, await plansOf(db, { visitId }));
}

/** A visiting city's plan to replicate what it saw (often one of the host's solutions). */
export async function createPlan(
  db: Db,
  input: { visitId: string; cityId: string; solutionId: string | null; title: string; steps: { text: string; owner: string; targetDate: string | null }[]; owner: string; targetDate: string | null; user: CurrentUser; ip: string; now: Date },
) {
  const { visit, visitors } = await visitContext(db, input.visitId);
  if (!visitors.includes(input.cityId)) throw new AppError('NOT_FOUND', reason('PLAN_CITY_DID_NOT_VISIT'));
  if (!mayWriteReplicationPlan(input.user, input.cityId)) throw new AppError('FORBIDDEN', reason('PLAN_VISITOR_ONLY'));
  if (input.solutionId) {
    const solution = await findSolution(db, input.solutionId);
    if (solution?.city_id !== visit.host_city_id) {
      throw new AppError('VALIDATION_FAILED', reason('PLAN_CHOOSE_HOST_SOLUTION'), { errors: [fieldError('body.solutionId', reason('PLAN_CHOOSE_HOST_SOLUTION'))] });
    }
  }
  const pastTarget = planTargetProblem(input.targetDate, localDateAt(input.now, visit.settings.timeZone));
  if (pastTarget) throw new AppError('VALIDATION_FAILED', pastTarget, { errors: [fieldError('body.targetDate', pastTarget)] });
  const id = await db.transaction().execute(async (trx) => {
    const planId = await insertPlan(trx, { ...input, by: input.user.id });
    await recordAudit(trx, { actorId: input.user.id, action: 'replication.plan_create', entityType: 'replication_plan', entityId: planId, ip: input.ip, details: { after: { title: input.title, solutionId: input.solutionId } } });
    return planId;
  });
  const [plan] = await presentPlans(db, await plansOf(db, { planId: id }));
  if (!plan) throw new Error('replication plan vanished after insert');
  return plan;
}

/** The 3-, 6- or 12-month update of a plan: status and evidence. */
export async function addPlanUpdate(
  db: Db,
  input: { planId: string; checkpoint: 3 | 6 | 12; status: 'not_started' | 'in_progress' | 'done' | 'dropped'; evidenceText: string; evidenceUrl: string | null; user: CurrentUser; ip: string },
) {
  const [plan] = await plansOf(db, { planId: input.planId });
  if (!plan) throw new AppError('NOT_FOUND', reason('PLAN_NOT_FOUND'));
  if (!mayWriteReplicationPlan(input.user, plan.city_id)) throw new AppError('FORBIDDEN', reason('PLAN_UPDATE_OWN_CITY_ONLY'));
  await db.transaction().execute(async (trx) => {
    await upsertUpdate(trx, { ...input, by: input.user.id });
    await recordAudit(trx, { actorId: input.user.id, action: 'replication.update', entityType: 'replication_plan', entityId: plan.id, ip: input.ip, details: { checkpoint: input.checkpoint, status: input.status } });
  });
  const [updated] = await presentPlans(db, await plansOf(db, { planId: plan.id }));
  if (!updated) throw new Error('replication plan vanished after update');
  return updated;
}

/** Replication across a programme: plans by status, sector and country, with the expected tCO2e a year where the host solution states it. */
export async function programmeImpact(db: Db, programmeId: string) {
  const rows = await plansOf(db, { programmeId });
  const plans = await presentPlans(db, rows);
  const meta = new Map(rows.map((r) => [r.id, r]));
  const active = plans.filter((p) => p.status === 'done' || p.status === 'in_progress');
  const tally = (key: (p: (typeof plans)[number]) => string[]) => {
    const m = new Map<string, { plans: number; replicated: number; inProgress: number; tco2e: number }>();
    for (const p of plans) {
      for (const k of key(p)) {
        const e = m.get(k) ?? { plans: 0, replicated: 0, inProgress: 0, tco2e: 0 };
        e.plans += 1;
        if (p.status === 'done') e.replicated += 1;
        if (p.status === 'in_progress') e.inProgress += 1;
        if (p.status === 'done' || p.status === 'in_progress') e.tco2e += meta.get(p.id)?.impact_tco2e_per_year ?? 0;
        m.set(k, e);
      }
    }
    return [...m].map(([name, v]) => ({ name, ...v })).sort((a, b) => a.name.localeCompare(b.name));
  };
  return {
    plans: plans.length,
    replicated: plans.filter((p) => p.status === 'done').length,
    inProgress: plans.filter((p) => p.status === 'in_progress').length,
    expectedTco2ePerYear: Math.round(active.reduce((s, p) => s + (meta.get(p.id)?.impact_tco2e_per_year ?? 0), 0)),
    bySector: tally((p) => meta.get(p.id)?.sectors ?? []),
    byCountry: tally((p) => [meta.get(p.id)?.country ?? '']),
  };
}
