import { assignEvaluators } from '../../../domain/evaluation/assign-evaluators.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify } from '../notifications/notify.ts';
import { findApplication, isAssignedEvaluator } from '../applications/applications.repository.ts';
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
} from './review.repository.ts';
import { assertReviewPhase, presentEvaluationOverview, reviewDataOf } from './review.service.ts';

const CALL_NAME = { host: 'host call', visitor: 'visitor call' } as const;

/**
 * Tells each evaluator what was just assigned to them (kind
 * 'evaluation_assigned'), in the transaction of the assignment: one
 * notification per evaluator, leading to the application (or to their list
 * when several were assigned at once).
 */
export async function notifyEvaluators(db: Db, ctx: CallContext, added: readonly { applicationId: string; evaluatorId: string; cityName: string }[], publicUrl: string) {
  const byEvaluator = new Map<string, typeof added>();
  for (const a of added) byEvaluator.set(a.evaluatorId, [...(byEvaluator.get(a.evaluatorId) ?? []), a]);
  const call = `the ${CALL_NAME[ctx.call.kind]} of ${ctx.programme.title}`;
  for (const [evaluatorId, apps] of byEvaluator) {
    const one = apps.length === 1 ? apps[0] : undefined;
    const title = one ? `Application to evaluate: ${one.cityName}, ${call}` : `${apps.length} applications to evaluate, ${call}`;
    const link = one ? `/applications/${one.applicationId}/evaluation` : '/evaluations';
    await notify(db, {
      kind: 'evaluation_assigned',
      personIds: [evaluatorId],
      title,
      body: apps.map((a) => a.cityName).join(', '),
      link,
      email: (r) => ({
        subject: title,
        text:
          `Hello ${r.name},\n\nyou have been asked to evaluate ${one ? `the application of ${one.cityName}` : `the applications of ${apps.map((a) => a.cityName).join(', ')}`} to ${call}.\n\n` +
          `Your evaluations: ${publicUrl}${link}\n\n—\npeercities: city-to-city learning for climate neutrality`,
      }),
    });
  }
}

/** Balanced assignment of evaluators to every submitted application still missing some; tells each evaluator what they were given. */
export async function assignMissing(db: Db, ctx: CallContext, actorId: string, publicUrl: string) {
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
  await notifyEvaluators(
    db,
    ctx,
    result.added.map((a) => ({ ...a, cityName: names.get(a.applicationId) ?? '' })),
    publicUrl,
  );
  return {
    added: result.added.length,
    maxLoad: result.maxLoad,
    complete: result.status === 'complete',
    shortfalls: result.status === 'incomplete' ? result.shortfalls.map((s) => ({ ...s, cityName: names.get(s.applicationId) ?? '' })) : [],
  };
}

export async function autoAssign(db: Db, slug: string, kind: CallKind, actor: CurrentUser, ip: string, now: Date, publicUrl: string) {
  const ctx = await loadCall(db, slug, kind, now);
  assertReviewPhase(ctx);
  return db.transaction().execute(async (trx) => {
    const result = await assignMissing(trx, ctx, actor.id, publicUrl);
    await recordAudit(trx, { actorId: actor.id, action: 'evaluation.auto_assign', entityType: 'call', entityId: ctx.call.id, ip, details: { added: result.added, maxLoad: result.maxLoad } });
    return result;
  });
}

/** The application and its call, for a manager changing who evaluates it. */
async function assignmentContext(db: Db, applicationId: string, evaluatorId: string, now: Date) {
  const app = await findApplication(db, applicationId);
  if (!app || app.submitted_at === null) throw new AppError('NOT_FOUND', reason('SUBMITTED_APPLICATION_NOT_FOUND'));
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, now);
  assertReviewPhase(ctx);
  const evaluator = (await evaluatorProfiles(db)).find((e) => e.id === evaluatorId);
  if (!evaluator) throw new AppError('VALIDATION_FAILED', reason('EVALUATOR_CHOOSE'), { errors: [fieldError('body.evaluatorId', reason('EVALUATOR_NOT_ONE'))] });
  return { app, ctx, evaluator };
}

/**
 * Assigns one evaluator by hand, with the same rules as the automatic
 * assignment: not their own city, not their country, not after a declared conflict.
 */
export async function assignByHand(db: Db, input: { applicationId: string; evaluatorId: string; actor: CurrentUser; ip: string; now: Date; publicUrl: string }) {
  const { app, ctx, evaluator } = await assignmentContext(db, input.applicationId, input.evaluatorId, input.now);
  if (app.status !== 'submitted') throw new AppError('CONFLICT', reason('APPLICATION_WITHDRAWN_BY_CITY', { city: app.city_name }));
  const ties = await cityTiesOf(db, [evaluator.id]);
  if (ties.some((t) => t.city_id === app.city_id)) throw new AppError('CONFLICT', reason('EVALUATOR_OWN_CITY', { evaluator: evaluator.name, city: app.city_name }));
  if (ties.some((t) => t.country === app.city_country)) throw new AppError('CONFLICT', reason('EVALUATOR_OWN_COUNTRY', { evaluator: evaluator.name, city: app.city_name }));
  const existing = await findEvaluation(db, app.id, evaluator.id);
  if (existing?.status === 'conflict') throw new AppError('CONFLICT', reason('EVALUATOR_CONFLICT_WITH', { evaluator: evaluator.name, city: app.city_name }));
  await db.transaction().execute(async (trx) => {
    await insertAssignments(trx, [{ applicationId: app.id, evaluatorId: evaluator.id }], input.actor.id);
    await notifyEvaluators(trx, ctx, [{ applicationId: app.id, evaluatorId: evaluator.id, cityName: app.city_name }], input.publicUrl);
    await recordAudit(trx, { actorId: input.actor.id, action: 'evaluation.assign', entityType: 'application', entityId: app.id, ip: input.ip, details: { after: { evaluator: evaluator.name, evaluatorId: evaluator.id } } });
  });
  return presentEvaluationOverview(ctx, await reviewDataOf(db, ctx.call.id, { ties: true }));
}

/** Takes an application away from an evaluator who has not submitted; their draft goes with it. */
export async function unassign(db: Db, input: { applicationId: string; evaluatorId: string; actor: CurrentUser; ip: string; now: Date }) {
  const { app, ctx, evaluator } = await assignmentContext(db, input.applicationId, input.evaluatorId, input.now);
  if (!(await isAssignedEvaluator(db, app.id, evaluator.id))) throw new AppError('NOT_FOUND', reason('EVALUATOR_NOT_ASSIGNED', { evaluator: evaluator.name, city: app.city_name }));
  const existing = await findEvaluation(db, app.id, evaluator.id);
  if (existing?.status === 'submitted') throw new AppError('CONFLICT', reason('EVALUATOR_ALREADY_SUBMITTED', { evaluator: evaluator.name, city: app.city_name }));
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
  return presentEvaluationOverview(ctx, await reviewDataOf(db, ctx.call.id, { ties: true }));
}
