import { checkEligibility, type Eligibility } from '../../../domain/calls/eligibility.ts';
import { milestoneWindow } from '../../../domain/programmes/programme-stage.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Call, CallKind, Programme, UpdateCallBody } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { learningProgressOf } from './learning-progress.repository.ts';
import { findCityFacts } from '../cities/cities.repository.ts';
import { callsOfProgramme, learningMarked, markLearningComplete, unmarkLearningComplete, updateCallForm, type CallRow } from './calls.repository.ts';
import { programmeBySlugOrThrow } from './programme-lookup.ts';
import { milestonesOf } from './programmes.repository.ts';
import { presentProgramme } from './programmes.service.ts';

export interface CallContext {
  programme: Programme;
  call: CallRow;
  opensAt: Date;
  closesAt: Date;
  state: 'upcoming' | 'open' | 'closed';
}

const brussels = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);

/**
 * A call with its window, which is its programme's host-call or visitor-call
 * milestone: three statements (the programme, its milestones, its two calls).
 * Load it once per request and hand the context on.
 */
export async function loadCall(db: Db, slug: string, kind: CallKind, now = new Date()): Promise<CallContext> {
  const row = await programmeBySlugOrThrow(db, slug);
  const [milestones, calls] = await Promise.all([milestonesOf(db, [row.id]), callsOfProgramme(db, row.id)]);
  const published = (k: CallKind) => calls.some((c) => c.kind === k && c.decisions_published_at !== null);
  const programme = presentProgramme(row, milestones.get(row.id) ?? [], { hostsPublished: published('host'), visitorsPublished: published('visitor') }, now);
  const call = calls.find((c) => c.kind === kind);
  if (!call) throw new AppError('NOT_FOUND', `The programme has no ${kind} call.`);
  return callContext(programme, call, now);
}

/** The context of a call whose programme the caller already holds. */
export function callContext(programme: Programme, call: CallRow, now: Date): CallContext {
  const milestone = programme.milestones.find((m) => m.kind === (call.kind === 'host' ? 'host_call' : 'visitor_call'));
  if (!milestone) throw new AppError('NOT_FOUND', `The programme has no ${call.kind} call.`);
  const { startsAt, endsAt } = milestoneWindow(milestone, programme.settings.timeZone);
  const state = now < startsAt ? 'upcoming' : now <= endsAt ? 'open' : 'closed';
  return { programme, call, opensAt: startsAt, closesAt: endsAt, state };
}

export function presentCall(ctx: CallContext): Call {
  return {
    id: ctx.call.id,
    programmeSlug: ctx.programme.slug,
    programmeTitle: ctx.programme.title,
    kind: ctx.call.kind,
    opensAt: ctx.opensAt.toISOString(),
    closesAt: ctx.closesAt.toISOString(),
    timeZone: ctx.programme.settings.timeZone,
    state: ctx.state,
    questions: ctx.call.questions,
    criteria: ctx.call.criteria,
    decisionsPublishedAt: ctx.call.decisions_published_at ? new Date(ctx.call.decisions_published_at).toISOString() : null,
    version: ctx.call.version,
  };
}

/** The refusal for a change after (or before) the call's window, with the date. */
export function assertCallOpen(ctx: CallContext) {
  const tz = ctx.programme.settings.timeZone;
  if (ctx.state === 'closed') throw new AppError('CALL_CLOSED', `The ${ctx.call.kind} call closed on ${brussels(ctx.closesAt, tz)} (${tz} time).`);
  if (ctx.state === 'upcoming') throw new AppError('CALL_NOT_OPEN', `The ${ctx.call.kind} call opens on ${brussels(ctx.opensAt, tz)} (${tz} time).`);
}

/** Questions and criteria change only until the call opens. */
export async function updateCall(db: Db, slug: string, kind: CallKind, body: UpdateCallBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Call> {
  const ctx = await loadCall(db, slug, kind, now);
  if (ctx.state !== 'upcoming') throw new AppError('CONFLICT', 'The call has opened: its questions and criteria can no longer change.');
  await db.transaction().execute(async (trx) => {
    const ok = await updateCallForm(trx, ctx.call.id, body.version, { questions: body.questions, criteria: body.criteria });
    if (!ok) throw new AppError('CONFLICT', 'Someone else changed this call since you opened it. Reload and apply your changes again.');
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'call.update_form',
      entityType: 'call',
      entityId: ctx.call.id,
      ip,
      details: { before: { questions: ctx.call.questions, criteria: ctx.call.criteria }, after: { questions: body.questions, criteria: body.criteria } },
    });
  });
  return presentCall({ ...ctx, call: { ...ctx.call, questions: body.questions, criteria: body.criteria, version: body.version + 1 } });
}

/** Whether a city may apply to the call, with reasons in words. */
export async function eligibilityOf(db: Db, ctx: CallContext, cityId: string): Promise<Eligibility & { cityName: string }> {
  const city = await findCityFacts(db, cityId);
  if (!city) throw new AppError('NOT_FOUND', 'There is no such city.');
  const [marked, phasesCompleted] = await Promise.all([learningMarked(db, ctx.programme.id, cityId), learningProgressOf(db, ctx.programme.id, cityId)]);
  const result = checkEligibility(
    ctx.call.kind,
    { name: city.name, kind: city.kind, climateTargetYear: city.climate_target_year },
    ctx.programme.settings,
    { phasesRequired: ctx.programme.settings.learningPhases, phasesCompleted, markedCompleteByManager: marked },
  );
  return { ...result, cityName: city.name };
}

/** A programme manager marks (or unmarks) that a city completed the learning phases, which the visitor call's eligibility reads. */
export async function setLearningCompletion(db: Db, input: { slug: string; cityId: string; complete: boolean; actor: CurrentUser; ip: string }) {
  const programme = await programmeBySlugOrThrow(db, input.slug);
  await db.transaction().execute(async (trx) => {
    if (input.complete) await markLearningComplete(trx, programme.id, input.cityId, input.actor.id);
    else await unmarkLearningComplete(trx, programme.id, input.cityId);
    await recordAudit(trx, {
      actorId: input.actor.id,
      action: input.complete ? 'programme.mark_learning_complete' : 'programme.unmark_learning_complete',
      entityType: 'city',
      entityId: input.cityId,
      ip: input.ip,
      details: { programme: programme.slug },
    });
  });
}
