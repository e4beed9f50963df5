import { checkEligibility, type Eligibility } from '../../../domain/calls/eligibility.ts';
import { callOpenProblems, callState, formLock, instantParams, openForCity, type CallState } from '../../../domain/programmes/call-window.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Call, CallKind, Programme, UpdateCallBody } from '../../../shared/programme.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { representsCity } from '../../../shared/role-predicates.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCityFacts } from '../cities/cities.repository.ts';
import { mayActForCity } from '../cities/cities.policy.ts';
import { learningRecords } from './learning-progress.repository.ts';
import { callsOfProgramme, markLearningComplete, unmarkLearningComplete, updateCallForm, type CallRow } from './calls.repository.ts';
import { programmeBySlugOrThrow, visibleProgrammeOrThrow } from './programme-lookup.ts';
import { milestonesOf } from './programmes.repository.ts';
import { presentProgramme } from './programmes.service.ts';

/**
 * A call in its programme at one moment: the one place that says whether it
 * is open (`state`, from its own window and whether the programme is
 * published) and for which late cities it was reopened.
 */
export interface CallContext {
  programme: Programme;
  call: CallRow;
  opensAt: Date;
  closesAt: Date;
  state: CallState;
  now: Date;
}

/**
 * A call with its window and its programme: three statements (the
 * programme, its milestones, its two calls with their submissions and
 * reopenings). Load it once per request and hand the context on. With
 * `access`, a draft programme's call is found only by programme managers.
 */
export async function loadCall(db: Db, slug: string, kind: CallKind, now = new Date(), access: { viewer: CurrentUser | null } | null = null): Promise<CallContext> {
  const row = access ? await visibleProgrammeOrThrow(db, slug, access.viewer) : await programmeBySlugOrThrow(db, slug);
  const [milestones, calls] = await Promise.all([milestonesOf(db, [row.id]), callsOfProgramme(db, row.id)]);
  const programme = presentProgramme(row, milestones.get(row.id) ?? [], calls, now);
  const call = calls.find((c) => c.kind === kind);
  if (!call) throw new AppError('NOT_FOUND', reason('CALL_NOT_FOUND', { call: kind }));
  return callContext(programme, call, now);
}

/** The context of a call whose programme the caller already holds. */
export function callContext(programme: Programme, call: CallRow, now: Date): CallContext {
  const window = { opensAt: new Date(call.opens_at), closesAt: new Date(call.closes_at) };
  return { programme, call, ...window, state: callState(window, programme.publishedAt !== null, now), now };
}

const reopeningsOf = (ctx: CallContext) => ctx.call.reopenings.map((r) => ({ cityId: r.city_id, until: new Date(r.until) }));

/** Whether this city may create, change or submit its application now: the call is open, or reopened for it. */
export const callOpenFor = (ctx: CallContext, cityId: string): boolean => openForCity(ctx.state, reopeningsOf(ctx), cityId, ctx.now);

/**
 * The call as its reader sees it. A representative of a city the closed
 * call was reopened for sees it open until that city's own deadline.
 */
export function presentCall(ctx: CallContext, viewer: CurrentUser | null): Call {
  const published = ctx.programme.publishedAt !== null;
  const visible = ctx.call.reopenings.filter((r) => mayActForCity(viewer, r.city_id));
  const ownLate = ctx.state === 'closed' ? visible.filter((r) => representsCity(viewer, r.city_id) && ctx.now <= new Date(r.until)) : [];
  const lateUntil = ownLate.length ? new Date(Math.max(...ownLate.map((r) => new Date(r.until).getTime()))) : null;
  return {
    id: ctx.call.id,
    programmeSlug: ctx.programme.slug,
    programmeTitle: ctx.programme.title,
    published,
    kind: ctx.call.kind,
    opensAt: ctx.opensAt.toISOString(),
    closesAt: (lateUntil ?? ctx.closesAt).toISOString(),
    timeZone: ctx.programme.settings.timeZone,
    state: lateUntil ? 'open' : ctx.state,
    questions: ctx.call.questions,
    criteria: ctx.call.criteria,
    decisionsPublishedAt: ctx.call.decisions_published_at ? new Date(ctx.call.decisions_published_at).toISOString() : null,
    openProblems: callOpenProblems(ctx.call.kind, { questions: ctx.call.questions.length, criteria: ctx.call.criteria.length }, published),
    formLock: formLock(ctx.call.submitted_count),
    reopenings: visible.map((r) => ({ cityId: r.city_id, cityName: r.city_name, until: new Date(r.until).toISOString(), reason: r.reason })),
    version: ctx.call.version,
  };
}

/**
 * The refusal for a change outside the call's window, with the date: the
 * call is open, or reopened for the city (`cityId`) the change is about.
 */
export function assertCallOpen(ctx: CallContext, cityId?: string) {
  if (ctx.state === 'open' || (cityId !== undefined && callOpenFor(ctx, cityId))) return;
  const tz = ctx.programme.settings.timeZone;
  const call = ctx.call.kind;
  if (ctx.programme.publishedAt === null) throw new AppError('CALL_NOT_OPEN', reason('CALL_IN_DRAFT', { call }));
  if (ctx.state === 'closed') throw new AppError('CALL_CLOSED', reason('CALL_CLOSED_ON', { call, ...instantParams(ctx.closesAt, tz) }));
  throw new AppError('CALL_NOT_OPEN', reason('CALL_OPENS_ON', { call, ...instantParams(ctx.opensAt, tz) }));
}

/**
 * Questions and criteria change until the first application is submitted
 * (even while the call is open). A published programme's call keeps at
 * least one question and one criterion, since it opens by its dates.
 */
export async function updateCall(db: Db, slug: string, kind: CallKind, body: UpdateCallBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Call> {
  const ctx = await loadCall(db, slug, kind, now);
  const locked = formLock(ctx.call.submitted_count);
  if (locked) throw new AppError('CONFLICT', locked);
  const errors: FieldError[] = [];
  if (ctx.programme.publishedAt !== null) {
    if (body.questions.length === 0) errors.push(fieldError('body.questions', reason('CALL_NEEDS_QUESTIONS', { call: kind })));
    if (body.criteria.length === 0) errors.push(fieldError('body.criteria', reason('CALL_NEEDS_CRITERIA', { call: kind })));
  }
  const first = errors[0];
  if (first?.reason) throw new AppError('VALIDATION_FAILED', first.reason, { errors });
  await db.transaction().execute(async (trx) => {
    const ok = await updateCallForm(trx, ctx.call.id, body.version, { questions: body.questions, criteria: body.criteria });
    if (!ok) throw new AppError('CONFLICT', reason('CALL_STALE'));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'call.update_form',
      entityType: 'call',
      entityId: ctx.call.id,
      ip,
      details: { before: { questions: ctx.call.questions, criteria: ctx.call.criteria }, after: { questions: body.questions, criteria: body.criteria } },
    });
  });
  return presentCall({ ...ctx, call: { ...ctx.call, questions: body.questions, criteria: body.criteria, version: body.version + 1 } }, actor);
}

/** Whether a city may apply to the call, with the reasons why not. */
export async function eligibilityOf(db: Db, ctx: CallContext, cityId: string): Promise<Eligibility & { cityName: string }> {
  const city = await findCityFacts(db, cityId);
  if (!city) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  const phasesRequired = ctx.programme.settings.learningPhases;
  const learning = (await learningRecords(db, ctx.programme.id, phasesRequired, { cityId })).get(cityId) ?? { phasesRequired, phasesCompleted: [], markedCompleteByManager: false };
  const result = checkEligibility(
    ctx.call.kind,
    { name: city.name, kind: city.kind, climateTargetYear: city.climate_target_year },
    ctx.programme.settings,
    learning,
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
