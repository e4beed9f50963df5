import { rankApplications, scoreApplications, weightedTotal } from '../../../domain/evaluation/weighted-score.ts';
import { visitorCount } from '../../../domain/programmes/programme-template.ts';
import { summariseSelection } from '../../../domain/selection/selection.ts';
import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError } from '../../errors.ts';
import { loadCall, type CallContext } from '../programmes/calls.service.ts';
import { exclusionReason } from '../../../domain/evaluation/assign-evaluators.ts';
import { applicationsUnderReview, assignmentsOfCall, evaluationsOfCall, evaluatorProfiles, evaluatorTiesOfCall } from './review.repository.ts';

/** Evaluators score and managers decide only between the call's close and the publication of its decisions. */
export function assertReviewPhase(ctx: CallContext) {
  if (ctx.state !== 'closed') throw new AppError('CONFLICT', reason('REVIEW_NOT_YET'));
  if (ctx.call.decisions_published_at) throw new AppError('CONFLICT', reason('REVIEW_OVER'));
}

/**
 * What the overviews of a call under review read: four statements, run side
 * by side; the evaluation overview adds a fifth beside them, the assigned
 * evaluators' ties to cities (conflicts of interest that arose after the assignment).
 */
export async function reviewDataOf(db: Db, callId: string, options: { ties?: boolean } = {}) {
  const [apps, evaluators, assignments, evaluations, ties] = await Promise.all([
    applicationsUnderReview(db, callId),
    evaluatorProfiles(db),
    assignmentsOfCall(db, callId),
    evaluationsOfCall(db, callId),
    options.ties ? evaluatorTiesOfCall(db, callId) : Promise.resolve([]),
  ]);
  return { apps, evaluators, assignments, evaluations, ties };
}

export type ReviewData = Awaited<ReturnType<typeof reviewDataOf>>;

/** Progress per evaluator, scores, spread and ranking (ties shown), from data already read. */
export function presentEvaluationOverview(ctx: CallContext, { apps, evaluators, assignments, evaluations, ties }: ReviewData) {
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
      const evaluatorIds = [...new Set([...assignments, ...evaluations].filter((x) => x.application_id === r.applicationId).map((x) => x.evaluator_id))];
      return {
        applicationId: r.applicationId,
        cityName: app?.city_name ?? '',
        cityCountry: app?.country ?? '',
        evaluators: evaluatorIds.map((id) => {
          const ev = evaluations.find((e) => e.application_id === r.applicationId && e.evaluator_id === id);
          const own = ties.filter((t) => t.person_id === id);
          // A conflict of interest that arose after the assignment (the evaluator now represents the city, or one in its country); a declared one is its status.
          const conflictOfInterest =
            ev?.status === 'conflict' || !app ? null : exclusionReason({ id: app.id, cityId: app.city_id, country: app.country }, { id, cityIds: own.map((t) => t.city_id), countries: own.map((t) => t.country) }, new Set());
          return { id, name: name.get(id) ?? '', status: ev?.status ?? null, total: ev?.status === 'submitted' ? Math.round(weightedTotal(ctx.call.criteria, ev.scores) * 100) / 100 : null, conflictOfInterest };
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

const limitOf = (ctx: CallContext) => (ctx.call.kind === 'host' ? ctx.programme.settings.hostCount : visitorCount(ctx.programme.settings));

/**
 * Decisions so far and their effect against the programme's numbers, from
 * data already read; `publishedAt` when the request itself just published.
 */
export function presentSelectionOverview(ctx: CallContext, data: ReviewData, publishedAt = ctx.call.decisions_published_at) {
  const { apps } = data;
  const active = apps.filter((a) => a.status === 'submitted');
  const decisions = active.filter((a) => a.outcome).map((a) => ({ applicationId: a.id, outcome: a.outcome ?? 'rejected', waitlistPosition: a.waitlist_position }));
  const summary = summariseSelection(active.map((a) => a.id), decisions, limitOf(ctx), ctx.call.kind);
  return {
    ...summary,
    publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
    applications: presentEvaluationOverview(ctx, data).applications.map((o) => {
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

export async function evaluationOverview(db: Db, slug: string, kind: CallKind, now: Date) {
  return evaluationOverviewOf(db, await loadCall(db, slug, kind, now), { ties: true });
}

/**
 * The evaluation overview of a call whose context the caller holds (the
 * matching reads its scores; only the managers' page needs the conflicts of
 * interest that arose since the assignment, `ties`).
 */
export async function evaluationOverviewOf(db: Db, ctx: CallContext, options: { ties?: boolean } = {}) {
  return presentEvaluationOverview(ctx, await reviewDataOf(db, ctx.call.id, options));
}

export async function selectionOverview(db: Db, slug: string, kind: CallKind, now: Date) {
  const ctx = await loadCall(db, slug, kind, now);
  return presentSelectionOverview(ctx, await reviewDataOf(db, ctx.call.id));
}
