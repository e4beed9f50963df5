import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Evaluation } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findApplication, isAssignedEvaluator, type ApplicationRow } from '../applications/applications.repository.ts';
import { loadCall, type CallContext } from '../programmes/calls.service.ts';
import { assignMissing } from './assignments.service.ts';
import { exclusionReason } from '../../../domain/evaluation/assign-evaluators.ts';
import { cityTiesOf, deleteAssignment, deleteEvaluation, findEvaluation, myAssignments, myConflicts, saveEvaluationRow } from './review.repository.ts';
import { assertReviewPhase } from './review.service.ts';

/** The application and its call, if the application is assigned to this evaluator; 404 otherwise. */
async function evaluationContext(db: Db, applicationId: string, user: CurrentUser, now: Date) {
  const app = await findApplication(db, applicationId);
  if (!app || !(await isAssignedEvaluator(db, applicationId, user.id))) throw new AppError('NOT_FOUND', reason('EVALUATION_NOT_YOURS'));
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, now);
  return { app, ctx };
}

async function presentEvaluation(db: Db, app: ApplicationRow, ctx: CallContext, user: CurrentUser): Promise<Evaluation> {
  const row = await findEvaluation(db, app.id, user.id);
  return {
    applicationId: app.id,
    cityName: app.city_name,
    criteria: ctx.call.criteria,
    scores: row?.scores ?? {},
    comment: row?.comment ?? '',
    status: row?.status ?? null,
    version: row?.version ?? 0,
  };
}

export async function myEvaluation(db: Db, applicationId: string, user: CurrentUser, now: Date): Promise<Evaluation> {
  const { app, ctx } = await evaluationContext(db, applicationId, user, now);
  return presentEvaluation(db, app, ctx, user);
}

/** What is assigned to me, and what I stepped back from (declared conflicts), newest edition first. */
export async function listMyAssignments(db: Db, user: CurrentUser) {
  const [assigned, conflicts] = await Promise.all([myAssignments(db, user.id), myConflicts(db, user.id)]);
  const rows = [...assigned, ...conflicts.filter((c) => !assigned.some((a) => a.application_id === c.application_id))];
  return rows.map((r) => ({ applicationId: r.application_id, programmeSlug: r.slug, programmeTitle: r.title, callKind: r.kind, cityName: r.city_name, status: r.status }));
}

/**
 * Conflicts of interest are checked again at every save and submit: an
 * evaluator who has since become a representative of the applicant city (or
 * of a city in its country) is refused with 409 and told to declare it.
 */
async function assertNoConflictOfInterest(db: Db, app: ApplicationRow, user: CurrentUser) {
  const ties = await cityTiesOf(db, [user.id]);
  const why = exclusionReason({ id: app.id, cityId: app.city_id, country: app.city_country }, { id: user.id, cityIds: ties.map((t) => t.city_id), countries: ties.map((t) => t.country) }, new Set());
  if (why?.code === 'EVALUATOR_REPRESENTS_CITY') throw new AppError('CONFLICT', reason('EVALUATION_CONFLICT_OWN_CITY', { city: app.city_name }));
  if (why) throw new AppError('CONFLICT', reason('EVALUATION_CONFLICT_OWN_COUNTRY', { city: app.city_name, country: app.city_country }));
}

/** Saves (or submits) the evaluator's own scores; a stale version answers 409, as does a conflict of interest that arose since the assignment. */
export async function saveEvaluation(
  db: Db,
  input: { applicationId: string; user: CurrentUser; version: number; scores: Record<string, number>; comment: string; submit: boolean; ip: string; now: Date },
): Promise<Evaluation> {
  const { app, ctx } = await evaluationContext(db, input.applicationId, input.user, input.now);
  assertReviewPhase(ctx);
  await assertNoConflictOfInterest(db, app, input.user);
  const errors: FieldError[] = [];
  const criteria = new Map(ctx.call.criteria.map((c) => [c.id, c]));
  for (const [id, score] of Object.entries(input.scores)) {
    const c = criteria.get(id);
    if (!c) errors.push(fieldError(`body.scores.${id}`, reason('SCORE_NOT_A_CRITERION')));
    else if (!Number.isInteger(score) || score < 0 || score > c.scaleMax) errors.push(fieldError(`body.scores.${id}`, reason('SCORE_RANGE', { max: c.scaleMax })));
  }
  if (input.submit) for (const c of ctx.call.criteria) if (input.scores[c.id] === undefined) errors.push(fieldError(`body.scores.${c.id}`, reason('SCORE_REQUIRED', { criterion: c.name })));
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('SCORES_NOT_VALID'), { errors });
  await db.transaction().execute(async (trx) => {
    const current = await findEvaluation(trx, input.applicationId, input.user.id);
    if (current?.status === 'submitted' || current?.status === 'conflict') throw new AppError('CONFLICT', reason(current.status === 'conflict' ? 'EVALUATION_RELEASED_FOR_CONFLICT' : 'EVALUATION_ALREADY_SUBMITTED'));
    const ok = await saveEvaluationRow(trx, {
      applicationId: input.applicationId,
      evaluatorId: input.user.id,
      expectedVersion: input.version,
      scores: input.scores,
      comment: input.comment,
      status: input.submit ? 'submitted' : 'draft',
    });
    if (!ok) throw new AppError('EDIT_CONFLICT', reason('EVALUATION_SAVED_ELSEWHERE'));
    await recordAudit(trx, {
      actorId: input.user.id,
      action: input.submit ? 'evaluation.submit' : 'evaluation.save',
      entityType: 'application',
      entityId: input.applicationId,
      ip: input.ip,
      details: { before: current ? { scores: current.scores, comment: current.comment } : null, after: { scores: input.scores, comment: input.comment } },
    });
  });
  return presentEvaluation(db, app, ctx, input.user);
}

/** Declares a conflict of interest: the evaluator steps back and another is assigned. */
export async function declareConflict(db: Db, input: { applicationId: string; user: CurrentUser; reason: string; ip: string; now: Date; publicUrl: string }) {
  const { ctx } = await evaluationContext(db, input.applicationId, input.user, input.now);
  assertReviewPhase(ctx);
  return db.transaction().execute(async (trx) => {
    const current = await findEvaluation(trx, input.applicationId, input.user.id);
    if (current?.status === 'submitted') throw new AppError('CONFLICT', reason('EVALUATION_SUBMITTED_ASK_MANAGER'));
    await deleteEvaluation(trx, input.applicationId, input.user.id);
    await saveEvaluationRow(trx, { applicationId: input.applicationId, evaluatorId: input.user.id, expectedVersion: 0, scores: {}, comment: '', status: 'conflict', conflictReason: input.reason });
    await deleteAssignment(trx, input.applicationId, input.user.id);
    const replacement = await assignMissing(trx, ctx, input.user.id, input.publicUrl);
    await recordAudit(trx, { actorId: input.user.id, action: 'evaluation.declare_conflict', entityType: 'application', entityId: input.applicationId, ip: input.ip, details: { reason: input.reason } });
    return replacement;
  });
}
