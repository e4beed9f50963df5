import { assignEvaluators } from '../../../domain/evaluation/assign-evaluators.ts';
import { rankApplications, scoreApplications, weightedTotal } from '../../../domain/evaluation/weighted-score.ts';
import { visitorCount } from '../../../domain/programmes/programme-template.ts';
import { summariseSelection } from '../../../domain/selection/selection.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CallKind, Evaluation } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { decisionEmail } from '../applications/application-emails.ts';
import { findApplication, isAssignedEvaluator, representativesOf } from '../applications/applications.repository.ts';
import { enqueueEmail } from '../email/outbox.repository.ts';
import { markDecisionsPublished } from '../programmes/calls.repository.ts';
import { loadCall, type CallContext } from '../programmes/calls.service.ts';
import {
  applicationsUnderReview,
  assignmentsOfCall,
  cityTiesOf,
  deleteAssignment,
  deleteEvaluation,
  evaluationsOfCall,
  evaluatorProfiles,
  findEvaluation,
  insertAssignments,
  myAssignments,
  myConflicts,
  saveEvaluationRow,
  upsertDecision,
} from './review.repository.ts';

const limitOf = (ctx: CallContext) => (ctx.call.kind === 'host' ? ctx.programme.settings.hostCount : visitorCount(ctx.programme.settings));

function assertReviewPhase(ctx: CallContext) {
  if (ctx.state !== 'closed') throw new AppError('CONFLICT', 'Evaluation starts when the call has closed.');
  if (ctx.call.decisions_published_at) throw new AppError('CONFLICT', 'The decisions are published: evaluation is over.');
}

/** Balanced assignment of evaluators to every submitted application still missing some. */
async function assignMissing(db: Db, ctx: CallContext, actorId: string) {
  const apps = (await applicationsUnderReview(db, ctx.call.id)).filter((a) => a.status === 'submitted');
  const evaluators = await evaluatorProfiles(db);
  const ties = await cityTiesOf(db, evaluators.map((e) => e.id));
  const existing = await assignmentsOfCall(db, ctx.call.id);
  const conflicts = (await evaluationsOfCall(db, ctx.call.id)).filter((e) => e.status === 'conflict');
  const result = assignEvaluators({
    applications: apps.map((a) => ({ id: a.id, cityId: a.city_id, country: a.country })),
    evaluators: evaluators.map((e) => ({
      id: e.id,
      cityIds: ties.filter((t) => t.person_id === e.id).map((t) => t.city_id),
      countries: ties.filter((t) => t.person_id === e.id).map((t) => t.country),
    })),
    perApplication: ctx.programme.settings.evaluatorsPerApplication,
    existing: existing.map((x) => ({ applicationId: x.application_id, evaluatorId: x.evaluator_id })),
    conflicts: conflicts.map((c) => ({ applicationId: c.application_id, evaluatorId: c.evaluator_id })),
  });
  await insertAssignments(db, result.added, actorId);
  const names = new Map(apps.map((a) => [a.id, a.city_name]));
  return {
    added: result.added.length,
    maxLoad: result.maxLoad,
    complete: result.status === 'complete',
    shortfalls: result.status === 'incomplete' ? result.shortfalls.map((s) => ({ ...s, cityName: names.get(s.applicationId) ?? '' })) : [],
  };
}

export async function autoAssign(db: Db, slug: string, kind: CallKind, actor: CurrentUser, ip: string, now: Date) {
  const ctx = await loadCall(db, slug, kind, now);
  assertReviewPhase(ctx);
  return db.transaction().execute(async (trx) => {
    const result = await assignMissing(trx, ctx, actor.id);
    await recordAudit(trx, { actorId: actor.id, action: 'evaluation.auto_assign', entityType: 'call', entityId: ctx.call.id, ip, details: { added: result.added, maxLoad: result.maxLoad } });
    return result;
  });
}

/** The application and its call, for a manager changing who evaluates it. */
async function assignmentContext(db: Db, applicationId: string, evaluatorId: string, now: Date) {
  const app = await findApplication(db, applicationId);
  if (!app || app.submitted_at === null) throw new AppError('NOT_FOUND', 'There is no submitted application with this id.');
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, now);
  assertReviewPhase(ctx);
  const evaluator = (await evaluatorProfiles(db)).find((e) => e.id === evaluatorId);
  if (!evaluator) throw new AppError('VALIDATION_FAILED', 'Choose an evaluator.', { errors: [{ field: 'body.evaluatorId', message: 'This person is not an evaluator.' }] });
  return { app, ctx, evaluator };
}

/**
 * Assigns one evaluator by hand, with the same rules as the automatic
 * assignment: not their own city, not their country, not after a declared conflict.
 */
export async function assignByHand(db: Db, input: { applicationId: string; evaluatorId: string; actor: CurrentUser; ip: string; now: Date }) {
  const { app, ctx, evaluator } = await assignmentContext(db, input.applicationId, input.evaluatorId, input.now);
  if (app.status !== 'submitted') throw new AppError('CONFLICT', `${app.city_name} withdrew its application.`);
  const ties = await cityTiesOf(db, [evaluator.id]);
  if (ties.some((t) => t.city_id === app.city_id)) throw new AppError('CONFLICT', `${evaluator.name} represents ${app.city_name} and cannot evaluate its application.`);
  if (ties.some((t) => t.country === app.city_country)) throw new AppError('CONFLICT', `${evaluator.name} represents a city of the same country as ${app.city_name}; choose someone from another country.`);
  const existing = await findEvaluation(db, app.id, evaluator.id);
  if (existing?.status === 'conflict') throw new AppError('CONFLICT', `${evaluator.name} declared a conflict of interest with ${app.city_name}.`);
  await db.transaction().execute(async (trx) => {
    await insertAssignments(trx, [{ applicationId: app.id, evaluatorId: evaluator.id }], input.actor.id);
    await recordAudit(trx, { actorId: input.actor.id, action: 'evaluation.assign', entityType: 'application', entityId: app.id, ip: input.ip, details: { after: { evaluator: evaluator.name, evaluatorId: evaluator.id } } });
  });
  return evaluationOverview(db, ctx.programme.slug, ctx.call.kind, input.now);
}

/** Takes an application away from an evaluator who has not submitted; their draft goes with it. */
export async function unassign(db: Db, input: { applicationId: string; evaluatorId: string; actor: CurrentUser; ip: string; now: Date }) {
  const { app, ctx, evaluator } = await assignmentContext(db, input.applicationId, input.evaluatorId, input.now);
  if (!(await isAssignedEvaluator(db, app.id, evaluator.id))) throw new AppError('NOT_FOUND', `${evaluator.name} is not assigned to ${app.city_name}.`);
  const existing = await findEvaluation(db, app.id, evaluator.id);
  if (existing?.status === 'submitted') throw new AppError('CONFLICT', `${evaluator.name} has already submitted scores for ${app.city_name}; they count in the ranking.`);
  await db.transaction().execute(async (trx) => {
    if (existing) await deleteEvaluation(trx, app.id, evaluator.id);
    await deleteAssignment(trx, app.id, evaluator.id);
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'evaluation.unassign',
      entityType: 'application',
      entityId: app.id,
      ip: input.ip,
      details: { before: { evaluator: evaluator.name, evaluatorId: evaluator.id, draft: existing ? { scores: existing.scores, comment: existing.comment } : null } },
    });
  });
  return evaluationOverview(db, ctx.programme.slug, ctx.call.kind, input.now);
}

async function evaluationContext(db: Db, applicationId: string, user: CurrentUser, now: Date) {
  const app = await findApplication(db, applicationId);
  if (!app || !(await isAssignedEvaluator(db, applicationId, user.id))) throw new AppError('NOT_FOUND', 'This application is not assigned to you.');
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, now);
  return { app, ctx };
}

export async function myEvaluation(db: Db, applicationId: string, user: CurrentUser, now: Date): Promise<Evaluation> {
  const { app, ctx } = await evaluationContext(db, applicationId, user, now);
  const row = await findEvaluation(db, applicationId, user.id);
  return {
    applicationId,
    cityName: app.city_name,
    criteria: ctx.call.criteria,
    scores: row?.scores ?? {},
    comment: row?.comment ?? '',
    status: row?.status ?? null,
    version: row?.version ?? 0,
  };
}

/** What is assigned to me, and what I stepped back from (declared conflicts), newest edition first. */
export async function listMyAssignments(db: Db, user: CurrentUser) {
  const [assigned, conflicts] = await Promise.all([myAssignments(db, user.id), myConflicts(db, user.id)]);
  const rows = [...assigned, ...conflicts.filter((c) => !assigned.some((a) => a.application_id === c.application_id))];
  return rows.map((r) => ({ applicationId: r.application_id, programmeSlug: r.slug, programmeTitle: r.title, callKind: r.kind, cityName: r.city_name, status: r.status }));
}

/** Saves (or submits) the evaluator's own scores; a stale version answers 409. */
export async function saveEvaluation(
  db: Db,
  input: { applicationId: string; user: CurrentUser; version: number; scores: Record<string, number>; comment: string; submit: boolean; ip: string; now: Date },
): Promise<Evaluation> {
  const { ctx } = await evaluationContext(db, input.applicationId, input.user, input.now);
  assertReviewPhase(ctx);
  const errors = [];
  const criteria = new Map(ctx.call.criteria.map((c) => [c.id, c]));
  for (const [id, score] of Object.entries(input.scores)) {
    const c = criteria.get(id);
    if (!c) errors.push({ field: `body.scores.${id}`, message: 'Not a criterion of this call.' });
    else if (!Number.isInteger(score) || score < 0 || score > c.scaleMax) errors.push({ field: `body.scores.${id}`, message: `Give a whole number from 0 to ${c.scaleMax}.` });
  }
  if (input.submit) for (const c of ctx.call.criteria) if (input.scores[c.id] === undefined) errors.push({ field: `body.scores.${c.id}`, message: `Score “${c.name}” before submitting.` });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Some scores are not valid.', { errors });
  await db.transaction().execute(async (trx) => {
    const current = await findEvaluation(trx, input.applicationId, input.user.id);
    if (current?.status === 'submitted' || current?.status === 'conflict') throw new AppError('CONFLICT', `This evaluation is already ${current.status === 'conflict' ? 'released for a conflict of interest' : 'submitted'}.`);
    const ok = await saveEvaluationRow(trx, {
      applicationId: input.applicationId,
      evaluatorId: input.user.id,
      expectedVersion: input.version,
      scores: input.scores,
      comment: input.comment,
      status: input.submit ? 'submitted' : 'draft',
    });
    if (!ok) throw new AppError('EDIT_CONFLICT', 'Your evaluation was saved elsewhere since you opened it (another tab?). Reload it before saving again.');
    await recordAudit(trx, {
      actorId: input.user.id,
      action: input.submit ? 'evaluation.submit' : 'evaluation.save',
      entityType: 'application',
      entityId: input.applicationId,
      ip: input.ip,
      details: { before: current ? { scores: current.scores, comment: current.comment } : null, after: { scores: input.scores, comment: input.comment } },
    });
  });
  return myEvaluation(db, input.applicationId, input.user, input.now);
}

/** Declares a conflict of interest: the evaluator steps back and another is assigned. */
export async function declareConflict(db: Db, input: { applicationId: string; user: CurrentUser; reason: string; ip: string; now: Date }) {
  const { ctx } = await evaluationContext(db, input.applicationId, input.user, input.now);
  assertReviewPhase(ctx);
  return db.transaction().execute(async (trx) => {
    const current = await findEvaluation(trx, input.applicationId, input.user.id);
    if (current?.status === 'submitted') throw new AppError('CONFLICT', 'You already submitted this evaluation; ask a programme manager to withdraw it.');
    await trx.deleteFrom('evaluations').where('application_id', '=', input.applicationId).where('evaluator_id', '=', input.user.id).execute();
    await saveEvaluationRow(trx, { applicationId: input.applicationId, evaluatorId: input.user.id, expectedVersion: 0, scores: {}, comment: '', status: 'conflict', conflictReason: input.reason });
    await deleteAssignment(trx, input.applicationId, input.user.id);
    const replacement = await assignMissing(trx, ctx, input.user.id);
    await recordAudit(trx, { actorId: input.user.id, action: 'evaluation.declare_conflict', entityType: 'application', entityId: input.applicationId, ip: input.ip, details: { reason: input.reason } });
    return replacement;
  });
}

export async function evaluationOverview(db: Db, slug: string, kind: CallKind, now: Date) {
  const ctx = await loadCall(db, slug, kind, now);
  const [apps, evaluators, assignments, evaluations] = await Promise.all([
    applicationsUnderReview(db, ctx.call.id),
    evaluatorProfiles(db),
    assignmentsOfCall(db, ctx.call.id),
    evaluationsOfCall(db, ctx.call.id),
  ]);
  const submitted = evaluations.filter((e) => e.status === 'submitted');
  const ranked = rankApplications(
    scoreApplications(
      apps.map((a) => a.id),
      ctx.call.criteria,
      submitted.map((e) => ({ evaluatorId: e.evaluator_id, applicationId: e.application_id, scores: e.scores })),
    ),
  );
  const rankOf = new Map(ranked.map((r) => [r.applicationId, r]));
  const name = new Map(evaluators.map((e) => [e.id, e.name]));
  return {
    criteria: ctx.call.criteria,
    evaluators: evaluators.map((e) => ({
      id: e.id,
      name: e.name,
      assigned: assignments.filter((a) => a.evaluator_id === e.id).length,
      submitted: submitted.filter((s) => s.evaluator_id === e.id).length,
      conflicts: evaluations.filter((s) => s.evaluator_id === e.id && s.status === 'conflict').length,
    })),
    applications: ranked.map((r) => {
      const app = apps.find((a) => a.id === r.applicationId);
      const evaluatorIds = [...new Set([...assignments, ...evaluations].filter((x) => ('application_id' in x ? x.application_id : '') === r.applicationId).map((x) => x.evaluator_id))];
      return {
        applicationId: r.applicationId,
        cityName: app?.city_name ?? '',
        cityCountry: app?.country ?? '',
        evaluators: evaluatorIds.map((id) => {
          const ev = evaluations.find((e) => e.application_id === r.applicationId && e.evaluator_id === id);
          return { id, name: name.get(id) ?? '', status: ev?.status ?? null, total: ev?.status === 'submitted' ? Math.round(weightedTotal(ctx.call.criteria, ev.scores) * 100) / 100 : null };
        }),
        score: rankOf.get(r.applicationId)?.score ?? null,
        spread: r.spread,
        rank: r.rank,
        tiedWith: r.tiedWith.map((id) => apps.find((a) => a.id === id)?.city_name ?? id),
        byCriterion: r.byCriterion,
      };
    }),
  };
}

export async function selectionOverview(db: Db, slug: string, kind: CallKind, now: Date) {
  const ctx = await loadCall(db, slug, kind, now);
  const overview = await evaluationOverview(db, slug, kind, now);
  const apps = await applicationsUnderReview(db, ctx.call.id);
  const active = apps.filter((a) => a.status === 'submitted');
  const decisions = active.filter((a) => a.outcome).map((a) => ({ applicationId: a.id, outcome: a.outcome ?? 'rejected', waitlistPosition: a.waitlist_position }));
  const summary = summariseSelection(active.map((a) => a.id), decisions, limitOf(ctx), kind === 'host' ? 'hosts' : 'visiting cities');
  return {
    ...summary,
    publishedAt: ctx.call.decisions_published_at ? new Date(ctx.call.decisions_published_at).toISOString() : null,
    applications: overview.applications.map((o) => {
      const a = apps.find((x) => x.id === o.applicationId);
      return {
        applicationId: o.applicationId,
        cityName: o.cityName,
        score: o.score,
        rank: o.rank,
        outcome: a?.outcome ?? null,
        reason: a?.reason ?? null,
        waitlistPosition: a?.waitlist_position ?? null,
        withdrawn: a?.status === 'withdrawn',
        promoted: Boolean(a?.promoted_at),
      };
    }),
  };
}

export async function decide(
  db: Db,
  input: { applicationId: string; outcome: 'selected' | 'waitlisted' | 'rejected'; reason: string; waitlistPosition: number | null; actor: CurrentUser; ip: string; now: Date },
) {
  const app = await findApplication(db, input.applicationId);
  if (!app || app.status !== 'submitted') throw new AppError('NOT_FOUND', 'There is no submitted application with this id.');
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, input.now);
  if (ctx.state !== 'closed') throw new AppError('CONFLICT', 'Decisions are taken after the call has closed.');
  if (ctx.call.decisions_published_at) throw new AppError('CONFLICT', 'The decisions of this call are published and can no longer change.');
  await db.transaction().execute(async (trx) => {
    await upsertDecision(trx, { applicationId: app.id, outcome: input.outcome, reason: input.reason, waitlistPosition: input.waitlistPosition, by: input.actor.id });
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: 'selection.decide',
      entityType: 'application',
      entityId: app.id,
      ip: input.ip,
      details: { before: app.outcome ? { outcome: app.outcome, reason: app.decision_reason, waitlistPosition: app.waitlist_position } : null, after: { outcome: input.outcome, reason: input.reason, waitlistPosition: input.waitlistPosition } },
    });
  });
  return selectionOverview(db, app.programme_slug, app.call_kind, input.now);
}

/** Publishes every decision of a call at once and emails each city its outcome. */
export async function publishDecisions(db: Db, input: { slug: string; kind: CallKind; actor: CurrentUser; ip: string; publicUrl: string; now: Date }) {
  const overview = await selectionOverview(db, input.slug, input.kind, input.now);
  if (overview.publishedAt) throw new AppError('CONFLICT', 'These decisions are already published.');
  if (overview.problems.length) throw new AppError('CONFLICT', `Not ready to publish: ${overview.problems.join(' ')}`);
  const ctx = await loadCall(db, input.slug, input.kind, input.now);
  await db.transaction().execute(async (trx) => {
    await markDecisionsPublished(trx, ctx.call.id);
    for (const a of overview.applications) {
      if (a.withdrawn || !a.outcome) continue;
      const app = await findApplication(trx, a.applicationId);
      if (!app) continue;
      for (const rep of await representativesOf(trx, app.city_id)) {
        await enqueueEmail(
          trx,
          decisionEmail({
            to: rep.email,
            name: rep.name,
            cityName: app.city_name,
            programmeTitle: ctx.programme.title,
            callKind: ctx.call.kind,
            outcome: a.outcome,
            reason: a.reason ?? '',
            waitlistPosition: a.waitlistPosition,
            url: `${input.publicUrl}/applications/${app.id}`,
          }),
        );
      }
    }
    await recordAudit(trx, { actorId: input.actor.id, action: 'selection.publish', entityType: 'call', entityId: ctx.call.id, ip: input.ip, details: { selected: overview.selected, waitlisted: overview.waitlisted, rejected: overview.rejected } });
  });
  return selectionOverview(db, input.slug, input.kind, input.now);
}

/** Applications of a call with their answers, scores and decisions, as a table for CSV/XLSX. */
export async function applicationsTable(db: Db, slug: string, kind: CallKind, now: Date) {
  const ctx = await loadCall(db, slug, kind, now);
  const overview = await evaluationOverview(db, slug, kind, now);
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .leftJoin('application_decisions as d', 'd.application_id', 'a.id')
    .select(['a.id', 'c.name', 'c.country', 'a.status', 'a.submitted_at', 'a.answers', 'd.outcome', 'd.reason', 'd.waitlist_position'])
    .where('a.call_id', '=', ctx.call.id)
    .orderBy('c.name')
    .execute();
  const scored = new Map(overview.applications.map((a) => [a.applicationId, a]));
  const answerText = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? '' : String(v));
  return {
    sheetName: `${kind === 'host' ? 'Host' : 'Visitor'} applications`,
    columns: [
      { header: 'city', width: 24 },
      { header: 'country', width: 8 },
      { header: 'status', width: 12 },
      { header: 'submitted (UTC)', width: 22 },
      ...ctx.call.questions.map((q) => ({ header: q.label, width: 40 })),
      ...ctx.call.criteria.map((c) => ({ header: `${c.name} (mean, 0–${c.scaleMax})`, width: 16 })),
      { header: 'score (0–100)', width: 12 },
      { header: 'spread', width: 10 },
      { header: 'rank', width: 8 },
      { header: 'outcome', width: 12 },
      { header: 'waiting list place', width: 10 },
      { header: 'reason', width: 50 },
    ],
    rows: rows.map((r) => {
      const s = scored.get(r.id);
      return [
        r.name,
        r.country,
        r.status,
        r.submitted_at ? new Date(r.submitted_at).toISOString() : '',
        ...ctx.call.questions.map((q) => answerText(r.answers[q.id])),
        ...ctx.call.criteria.map((c) => s?.byCriterion[c.id] ?? null),
        s?.score ?? null,
        s?.spread ?? null,
        s?.rank ?? null,
        r.outcome ?? '',
        r.waitlist_position,
        r.reason ?? '',
      ];
    }),
  };
}
