import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CallKind } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { decisionEmail, notifyRepresentatives, type Addressee } from '../applications/application-emails.ts';
import { findApplication } from '../applications/applications.repository.ts';
import { markDecisionsPublished } from '../programmes/calls.repository.ts';
import { loadCall } from '../programmes/calls.service.ts';
import { upsertDecision } from './review.repository.ts';
import { presentSelectionOverview, reviewDataOf } from './review.service.ts';

export async function decide(
  db: Db,
  input: { applicationId: string; outcome: 'selected' | 'waitlisted' | 'rejected'; reason: string; waitlistPosition: number | null; actor: CurrentUser; ip: string; now: Date },
) {
  const app = await findApplication(db, input.applicationId);
  if (!app || app.status !== 'submitted') throw new AppError('NOT_FOUND', reason('SUBMITTED_APPLICATION_NOT_FOUND'));
  const ctx = await loadCall(db, app.programme_slug, app.call_kind, input.now);
  if (ctx.state !== 'closed') throw new AppError('CONFLICT', reason('DECISIONS_AFTER_CLOSE'));
  if (ctx.call.decisions_published_at) throw new AppError('CONFLICT', reason('DECISIONS_FINAL'));
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
  return presentSelectionOverview(ctx, await reviewDataOf(db, ctx.call.id));
}

/** Publishes every decision of a call at once and emails each city its outcome. */
export async function publishDecisions(db: Db, input: { slug: string; kind: CallKind; actor: CurrentUser; ip: string; publicUrl: string; now: Date }) {
  const ctx = await loadCall(db, input.slug, input.kind, input.now);
  const data = await reviewDataOf(db, ctx.call.id);
  const overview = presentSelectionOverview(ctx, data);
  if (overview.publishedAt) throw new AppError('CONFLICT', reason('DECISIONS_ALREADY_PUBLISHED'));
  // Each problem is a reason of its own; they follow the summary as errors of the call.
  if (overview.problems.length) throw new AppError('CONFLICT', reason('DECISIONS_NOT_READY'), { errors: overview.problems.map((p) => fieldError('call', p)) });
  const cityOf = new Map(data.apps.map((a) => [a.id, a.city_id]));
  const decided = overview.applications.flatMap((a) => {
    const cityId = cityOf.get(a.applicationId);
    return !a.withdrawn && a.outcome && cityId ? [{ ...a, outcome: a.outcome, cityId }] : [];
  });
  const publishedAt = await db.transaction().execute(async (trx) => {
    const at = await markDecisionsPublished(trx, ctx.call.id);
    await notifyRepresentatives(trx, 'decision', decided, (a) => {
      const email = (addressee: Addressee) =>
        decisionEmail({
          ...addressee,
          cityName: a.cityName,
          programmeTitle: ctx.programme.title,
          callKind: ctx.call.kind,
          outcome: a.outcome,
          reason: a.reason ?? '',
          waitlistPosition: a.waitlistPosition,
          url: `${input.publicUrl}/applications/${a.applicationId}`,
        });
      // The notification reads as the email's subject ("Edition 2027: Valencia selected").
      return { title: email({ to: '', name: '' }).subject, link: `/applications/${a.applicationId}`, email };
    });
    await recordAudit(trx, { actorId: input.actor.id, action: 'selection.publish', entityType: 'call', entityId: ctx.call.id, ip: input.ip, details: { selected: overview.selected, waitlisted: overview.waitlisted, rejected: overview.rejected } });
    return at;
  });
  return presentSelectionOverview(ctx, data, publishedAt);
}
