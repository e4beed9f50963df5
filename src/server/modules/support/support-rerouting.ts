import { routeRequests } from '../../../domain/support/route-requests.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';
import type { SectorCode } from '../../../shared/city.schemas.ts';
import type { LeverCode } from '../../../shared/solution.schemas.ts';
import type { RouteSupportRequest } from '../../../shared/support-dashboard.schemas.ts';
import type { SupportKind, SupportRequestDetail } from '../../../shared/support.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { prioritiesOfCities } from './city-priorities.repository.ts';
import { seesRequest } from './support-access.ts';
import { addEvent, expertsWithProfiles } from './support.repository.ts';
import { notifyAssigned, readRequest, reasonsText, viewerOf, type Trx } from './support.service.ts';

// Re-routing (docs/support.md "Re-routing"): a request left `submitted`
// because no expert fitted is routed again, by the same routeRequests()
// (decision 0032), when something may have changed the answer — an expert
// saved their profile, a request closed and freed a slot — or when a manager
// presses "Route again".

/** What set the re-routing off, for the audit log. */
export type RerouteTrigger = 'expert_profile' | 'request_closed' | 'manager';

interface WaitingRow {
  id: string;
  city_id: string;
  city_name: string;
  city_country: string;
  title: string;
  sectors: string[];
  levers: string[];
  languages: string[];
  kind: SupportKind;
  urgency: 'normal' | 'urgent';
  first_answer_due_at: Date;
  unassigned_reason: unknown;
}

function waiting(trx: Trx) {
  return trx
    .selectFrom('support_requests as r')
    .innerJoin('cities as c', 'c.id', 'r.city_id')
    .select(['r.id', 'r.city_id', 'c.name as city_name', 'c.country as city_country', 'r.title', 'r.sectors', 'r.levers', 'r.languages', 'r.kind', 'r.urgency', 'r.first_answer_due_at', 'r.unassigned_reason'])
    .where('r.state', '=', 'submitted')
    .where('r.expert_id', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id');
}

/**
 * Routes the given waiting requests against every expert as they are now
 * (profiles locked, open loads counted), inside the caller's transaction:
 * each request an expert takes becomes `assigned`, with its event, audit
 * entry and the expert's notification and email; the others keep waiting,
 * their reason brought up to date. Answers the ids assigned.
 */
async function routeWaiting(trx: Trx, rows: readonly WaitingRow[], ctx: { now: Date; publicUrl: string; actorId: string | null; trigger: RerouteTrigger }): Promise<string[]> {
  if (rows.length === 0) return [];
  const experts = await expertsWithProfiles(trx, { lock: true });
  const priorities = await prioritiesOfCities(trx, rows.map((r) => r.city_id));
  const routed = routeRequests({
    requests: rows.map((r) => ({
      id: r.id,
      cityId: r.city_id,
      country: r.city_country,
      sectors: r.sectors as SectorCode[],
      levers: r.levers as LeverCode[],
      languages: r.languages,
      kind: r.kind,
      urgent: r.urgency === 'urgent',
      ...(priorities.has(r.city_id) ? { priorities: priorities.get(r.city_id)! } : {}),
    })),
    experts,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of routed.assignments) {
    const row = byId.get(a.requestId);
    if (!row) continue;
    await trx
      .updateTable('support_requests')
      .set((eb) => ({
        state: 'assigned',
        expert_id: a.expertId,
        assigned_by: 'routing',
        assignment_reasons: JSON.stringify(a.explanation.reasons),
        unassigned_reason: null,
        assigned_at: ctx.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: 'assigned', actorId: null, at: ctx.now, note: reasonsText(a.explanation.reasons) });
    await recordAudit(trx, {
      actorId: ctx.actorId,
      action: 'support_request.route',
      entityType: 'support_request',
      entityId: row.id,
      details: { expertId: a.expertId, trigger: ctx.trigger },
    });
    await notifyAssigned(trx, {
      requestId: row.id,
      expertId: a.expertId,
      city: row.city_name,
      title: row.title,
      reasons: a.explanation.reasons,
      dueAt: new Date(row.first_answer_due_at),
      publicUrl: ctx.publicUrl,
    });
  }
  for (const u of routed.unassigned) {
    const row = byId.get(u.requestId);
    if (!row || JSON.stringify(row.unassigned_reason) === JSON.stringify(u.reason)) continue;
    // Why it still waits may have changed (an expert now speaks the language but has no free slot): the page says the current reason.
    await trx.updateTable('support_requests').set({ unassigned_reason: JSON.stringify(u.reason) }).where('id', '=', row.id).execute();
  }
  return routed.assignments.map((a) => a.requestId);
}

/**
 * Every request still waiting for an expert, routed again (after an expert
 * saved their profile, or a request closed and freed a slot), in the
 * caller's transaction. Requests another transaction holds are skipped: that
 * one is routing them.
 */
export async function rerouteWaitingRequests(trx: Trx, ctx: { now: Date; publicUrl: string; actorId: string | null; trigger: RerouteTrigger }): Promise<string[]> {
  const rows = (await waiting(trx).forUpdate('r').skipLocked().execute()) as WaitingRow[];
  return routeWaiting(trx, rows, ctx);
}

/**
 * A manager's "Route again" on a request that waits for an expert: the
 * version read (else 409), the state `submitted` (else 409); answers the
 * request, assigned or still waiting with the reason why.
 */
export async function routeRequestAgain(db: Db, input: { id: string; user: CurrentUser; body: RouteSupportRequest; now: Date; publicUrl: string }): Promise<SupportRequestDetail> {
  const viewer = viewerOf(input.user);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('support_requests').select(['id', 'city_id', 'expert_id', 'kind', 'state', 'version']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer)) throw new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
    if (!viewer.isManager) throw new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
    if (row.version !== input.body.version) throw new AppError('CONFLICT', reason('SUPPORT_REQUEST_CHANGED'));
    if (row.state !== 'submitted' || row.expert_id !== null) throw new AppError('CONFLICT', reason('SUPPORT_NOT_NOW', { state: row.state.replace('_', ' ') }));
    const rows = (await waiting(trx).where('r.id', '=', row.id).execute()) as WaitingRow[];
    const assigned = await routeWaiting(trx, rows, { now: input.now, publicUrl: input.publicUrl, actorId: input.user.id, trigger: 'manager' });
    if (assigned.length === 0) {
      const reasonNow = (await trx.selectFrom('support_requests').select('unassigned_reason').where('id', '=', row.id).executeTakeFirstOrThrow()).unassigned_reason;
      await addEvent(trx, { requestId: row.id, kind: 'unassigned', actorId: input.user.id, at: input.now, note: reasonNow ? englishText(reasonNow as never) : null });
    }
  });
  return readRequest(db, { id: input.id, user: input.user, now: input.now });
}
