import { answerProblems } from '../../../domain/calls/answers.ts';
import { applicantStatus } from '../../../domain/calls/application-status.ts';
import { nextInLine } from '../../../domain/selection/selection.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Answers, Application, CallKind, WithdrawalPreview } from '../../../shared/programme.schemas.ts';
import type { Db } from '../../db/client.ts';
import { reason } from '../../../shared/reason-texts.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertCallOpen, eligibilityOf, loadCall, type CallContext } from '../programmes/calls.service.ts';
import {
  findApplication,
  findApplicationForUpdate,
  insertApplication,
  isAssignedEvaluator,
  listApplicationsOfCall,
  leaveVisit,
  programmeManagers,
  promoteDecision,
  visitOfCity,
  setStatus,
  updateAnswers,
  waitingListOf,
  type ApplicationRow,
} from './applications.repository.ts';
import { emailRepresentatives, notifyRepresentatives, promotionEmail, submissionConfirmationEmail, withdrawalAfterMatchingEmail, type Addressee } from './application-emails.ts';
import { withdrawalCase } from '../../../domain/selection/withdrawal.ts';
import { localDateAt } from '../../../domain/time/zoned-time.ts';
import { enqueueEmails } from '../email/outbox.repository.ts';
import { listingScope, mayChangeApplication, mayReadApplication, maySeeDecision, readingNeedsAssignment } from './applications.policy.ts';

const staleVersion = () => new AppError('CONFLICT', reason('APPLICATION_CHANGED'));

/** What a viewer sees: the city learns its outcome only once decisions are published. */
function presentApplication(row: ApplicationRow, viewer: CurrentUser | null, callClosed: boolean): Application {
  const published = row.decisions_published_at !== null;
  const status = applicantStatus({ status: row.status, outcome: row.outcome, decisionsPublished: published, callClosed });
  return {
    id: row.id,
    callId: row.call_id,
    callKind: row.call_kind,
    programmeSlug: row.programme_slug,
    cityId: row.city_id,
    cityName: row.city_name,
    cityCountry: row.city_country,
    status,
    answers: row.answers,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    decisionReason: maySeeDecision(viewer, published) ? (row.decision_reason ?? null) : null,
    version: row.version,
  };
}

/** The application if this person may read it (its city, managers, assigned evaluators); otherwise 404. */
export async function loadReadable(db: Db, id: string, user: CurrentUser) {
  const row = await findApplication(db, id);
  const viewerIsAssignedEvaluator = row !== undefined && readingNeedsAssignment(user, row.city_id) && (await isAssignedEvaluator(db, id, user.id));
  // The same answer for "missing" and "not yours": no probing of other cities' applications.
  if (!row || !mayReadApplication(user, { cityId: row.city_id, viewerIsAssignedEvaluator })) throw new AppError('NOT_FOUND', reason('APPLICATION_NOT_FOUND'));
  return row;
}

/** The call an application belongs to, loaded once for the request. */
const contextOf = (db: Db, row: ApplicationRow, now: Date) => loadCall(db, row.programme_slug, row.call_kind, now);

/** The application as it stands after a change, presented with the call the request already holds. */
export async function presentCurrent(db: Db, id: string, user: CurrentUser, ctx: CallContext): Promise<Application> {
  const row = await findApplication(db, id);
  if (!row) throw new AppError('NOT_FOUND', reason('APPLICATION_NOT_FOUND'));
  return presentApplication(row, user, ctx.state === 'closed');
}

function answerErrors(ctx: CallContext, answers: Answers, submitting: boolean) {
  const visitWindow = ctx.programme.milestones.find((m) => m.kind === 'visits');
  return answerProblems(ctx.call.questions, answers, { submitting, maxDelegates: ctx.programme.settings.maxDelegatesPerCity, visitWindow }).map((p) => fieldError(`body.answers.${p.questionId}`, p.reason));
}

export async function getApplication(db: Db, id: string, user: CurrentUser, now: Date): Promise<Application> {
  const row = await loadReadable(db, id, user);
  const ctx = await contextOf(db, row, now);
  return presentApplication(row, user, ctx.state === 'closed');
}

/** Applications of a call: all for managers, their own city's for representatives, assigned ones for evaluators. */
export async function listApplications(db: Db, slug: string, kind: CallKind, user: CurrentUser, now: Date): Promise<Application[]> {
  const ctx = await loadCall(db, slug, kind, now);
  const scope = listingScope(user);
  let rows: ApplicationRow[];
  if (scope.all) rows = await listApplicationsOfCall(db, ctx.call.id, {});
  else {
    const own = await listApplicationsOfCall(db, ctx.call.id, { cityIds: scope.cityIds });
    const assigned = scope.assignedToViewer ? await listApplicationsOfCall(db, ctx.call.id, { evaluatorId: user.id }) : [];
    const seen = new Set<string>();
    rows = [...own, ...assigned].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  }
  return rows.map((r) => presentApplication(r, user, ctx.state === 'closed'));
}

/** Starts a city's draft; the city must be eligible and the call open. */
export async function createApplication(db: Db, input: { slug: string; kind: CallKind; cityId: string; answers: Answers; user: CurrentUser; ip: string; now: Date }) {
  const ctx = await loadCall(db, input.slug, input.kind, input.now);
  if (!mayChangeApplication(input.user, input.cityId)) throw new AppError('FORBIDDEN', reason('APPLY_FOR_OWN_CITY_ONLY'));
  assertCallOpen(ctx, input.cityId);
  const eligibility = await eligibilityOf(db, ctx, input.cityId);
  const [why] = eligibility.reasons;
  if (why) throw new AppError('NOT_ELIGIBLE', why, { errors: eligibility.reasons.map((r) => fieldError('body.cityId', r)) });
  const errors = answerErrors(ctx, input.answers, false);
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('ANSWERS_NOT_VALID'), { errors });
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertApplication(trx, { callId: ctx.call.id, cityId: input.cityId, answers: input.answers, createdBy: input.user.id });
    if (!created) throw new AppError('APPLICATION_EXISTS', reason('APPLICATION_EXISTS_FOR_CITY', { city: eligibility.cityName }));
    await recordAudit(trx, { actorId: input.user.id, action: 'application.create', entityType: 'application', entityId: created, ip: input.ip, details: { callId: ctx.call.id, cityId: input.cityId } });
    return created;
  });
  return presentCurrent(db, id, input.user, ctx);
}

/**
 * The checks before a city changes its application (answers, attachments):
 * its own city's, the call open, not withdrawn. Refusals name the reason.
 */
export async function loadChangeable(db: Db, id: string, user: CurrentUser, now: Date) {
  const row = await loadReadable(db, id, user);
  if (!mayChangeApplication(user, row.city_id)) throw new AppError('FORBIDDEN', reason('APPLICATION_CHANGE_OWN_ONLY'));
  const ctx = await contextOf(db, row, now);
  assertCallOpen(ctx, row.city_id);
  if (row.status === 'withdrawn') throw new AppError('CONFLICT', reason('APPLICATION_WITHDRAWN'));
  return { row, ctx };
}

async function changeOwnApplication(
  db: Db,
  input: { id: string; user: CurrentUser; version: number; now: Date },
  change: (trx: Db, row: ApplicationRow, ctx: CallContext) => Promise<void>,
) {
  const { ctx } = await loadChangeable(db, input.id, input.user, input.now);
  await db.transaction().execute(async (trx) => {
    const locked = await findApplicationForUpdate(trx, input.id);
    if (!locked || locked.version !== input.version) throw staleVersion();
    await change(trx, locked, ctx);
  });
  return presentCurrent(db, input.id, input.user, ctx);
}

export async function saveAnswers(db: Db, input: { id: string; user: CurrentUser; version: number; answers: Answers; ip: string; now: Date }) {
  return changeOwnApplication(db, input, async (trx, row, ctx) => {
    // A submitted application stays complete: edits are checked as a submission.
    const errors = answerErrors(ctx, input.answers, row.status === 'submitted');
    if (errors.length) throw new AppError('VALIDATION_FAILED', reason('ANSWERS_NOT_VALID'), { errors });
    if (!(await updateAnswers(trx, row.id, input.version, input.answers))) throw staleVersion();
    await recordAudit(trx, { actorId: input.user.id, action: 'application.update', entityType: 'application', entityId: row.id, ip: input.ip, details: { before: row.answers, after: input.answers } });
  });
}

export async function submitApplication(db: Db, input: { id: string; user: CurrentUser; version: number; ip: string; publicUrl: string; now: Date }) {
  return changeOwnApplication(db, input, async (trx, row, ctx) => {
    if (row.status === 'submitted') throw new AppError('CONFLICT', reason('APPLICATION_ALREADY_SUBMITTED'));
    const errors = answerErrors(ctx, row.answers, true);
    if (errors.length) throw new AppError('INCOMPLETE_APPLICATION', reason('ANSWERS_REQUIRED_BEFORE_SUBMIT'), { errors });
    if (!(await setStatus(trx, row.id, input.version, 'submitted'))) throw staleVersion();
    await emailRepresentatives(trx, [{ cityId: row.city_id }], (addressee) =>
      submissionConfirmationEmail({
        ...addressee,
        cityName: row.city_name,
        programmeTitle: ctx.programme.title,
        callKind: ctx.call.kind,
        closesAt: ctx.closesAt,
        timeZone: ctx.programme.settings.timeZone,
        url: `${input.publicUrl}/applications/${row.id}`,
      }),
    );
    await recordAudit(trx, { actorId: input.user.id, action: 'application.submit', entityType: 'application', entityId: row.id, ip: input.ip });
  });
}

/**
 * Withdraws: before the deadline any time; after the decisions are published
 * a selected or waitlisted city may still step back. Which case applies is
 * the domain's `withdrawalCase`: before the matching is published a selected
 * city's place goes to the first on the waiting list; after it, the city is
 * taken out of its visit and the host and the managers are told (nobody moves
 * up); after its visit ended, the withdrawal is refused.
 */
export async function withdrawApplication(db: Db, input: { id: string; user: CurrentUser; version: number; ip: string; now: Date; publicUrl: string }) {
  const row = await loadReadable(db, input.id, input.user);
  if (!mayChangeApplication(input.user, row.city_id)) throw new AppError('FORBIDDEN', reason('APPLICATION_WITHDRAW_OWN_ONLY'));
  const ctx = await contextOf(db, row, input.now);
  const { what, visit, leaves } = await decideWithdrawal(db, row, ctx, input.now);
  await db.transaction().execute(async (trx) => {
    const locked = await findApplicationForUpdate(trx, input.id);
    if (!locked || locked.version !== input.version) throw staleVersion();
    if (!(await setStatus(trx, row.id, input.version, 'withdrawn'))) throw staleVersion();
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'application.withdraw',
      entityType: 'application',
      entityId: row.id,
      ip: input.ip,
      details: { before: { status: row.status, outcome: row.outcome }, case: what?.kind ?? 'before_decisions', ...(leaves ? { leftVisit: leaves } : {}) },
    });
    if (what?.kind === 'promote' && row.outcome === 'selected') {
      await promoteFromWaitingList(trx, { callId: row.call_id, programmeTitle: ctx.programme.title, callKind: row.call_kind, publicUrl: input.publicUrl, withdrawnCity: row.city_name });
    }
    if (what?.kind === 'programme_team' && row.outcome === 'selected') {
      if (leaves) await leaveVisit(trx, leaves, row.city_id);
      const about = { cityName: row.city_name, hostName: visit?.host_name ?? null, programmeTitle: ctx.programme.title, url: visit ? `${input.publicUrl}/visits/${visit.id}` : null };
      const managers = await programmeManagers(trx);
      await enqueueEmails(trx, managers.map((m) => withdrawalAfterMatchingEmail({ to: m.email, name: m.name, ...about })));
      if (visit && visit.host_city_id !== row.city_id) await emailRepresentatives(trx, [{ cityId: visit.host_city_id }], (addressee) => withdrawalAfterMatchingEmail({ ...addressee, ...about }));
    }
  });
  return presentCurrent(db, input.id, input.user, ctx);
}

/**
 * What withdrawing does now, decided once for the withdrawal and for its
 * preview: refusals are thrown (call closed, already withdrawn, visit over);
 * `what` is null before the decisions; `leaves` is the visit a visiting city
 * is taken out of.
 */
async function decideWithdrawal(db: Db, row: ApplicationRow, ctx: CallContext, now: Date) {
  const afterDecisions = ctx.state === 'closed' && row.decisions_published_at !== null && (row.outcome === 'selected' || row.outcome === 'waitlisted');
  if (!afterDecisions) assertCallOpen(ctx, row.city_id);
  if (row.status === 'withdrawn') throw new AppError('CONFLICT', reason('APPLICATION_ALREADY_WITHDRAWN'));
  const facts = afterDecisions ? await visitOfCity(db, ctx.programme.id, row.city_id) : null;
  const visit = facts?.visit ?? null;
  const what = facts
    ? withdrawalCase({ cityName: row.city_name, matchingPublished: facts.matchingPublished, visit: visit && { id: visit.id, endsOn: visit.ends_on }, today: localDateAt(now, ctx.programme.settings.timeZone) })
    : null;
  if (what?.kind === 'refused') throw new AppError('CONFLICT', what.reason);
  const leaves = what?.kind === 'programme_team' && visit !== null && visit.host_city_id !== row.city_id ? visit.id : null;
  return { afterDecisions, what, visit, leaves };
}

/**
 * What a withdrawal would do now, for the confirmation to say exactly that:
 * the same decision as withdrawApplication (who is told, whether a
 * waitlisted city moves up, whether the city leaves its visit), or why it is
 * refused.
 */
export async function previewWithdrawal(db: Db, id: string, user: CurrentUser, now: Date): Promise<WithdrawalPreview> {
  const row = await loadReadable(db, id, user);
  if (!mayChangeApplication(user, row.city_id)) throw new AppError('FORBIDDEN', reason('APPLICATION_WITHDRAW_OWN_ONLY'));
  const ctx = await contextOf(db, row, now);
  const nothing = { outcome: null, promotesWaitlisted: false, leavesVisitTo: null, tellsProgrammeTeam: false, tellsHost: null, refusal: null };
  let decided: Awaited<ReturnType<typeof decideWithdrawal>>;
  try {
    decided = await decideWithdrawal(db, row, ctx, now);
  } catch (error) {
    if (error instanceof AppError && error.reason) return { ...nothing, case: 'refused', refusal: error.reason };
    throw error;
  }
  const { afterDecisions, what, visit, leaves } = decided;
  const outcome = afterDecisions && (row.outcome === 'selected' || row.outcome === 'waitlisted') ? row.outcome : null;
  if (!what) return { ...nothing, case: 'before_decisions' };
  const selected = outcome === 'selected';
  if (what.kind === 'promote') return { ...nothing, case: 'promote', outcome, promotesWaitlisted: selected && (await waitingListOf(db, row.call_id)).length > 0 };
  const told = selected && what.kind === 'programme_team';
  return {
    ...nothing,
    case: 'programme_team',
    outcome,
    leavesVisitTo: told && leaves && visit ? visit.host_name : null,
    tellsProgrammeTeam: told,
    tellsHost: told && visit && visit.host_city_id !== row.city_id ? visit.host_name : null,
  };
}

/**
 * After a selected city withdraws from published decisions, the first city
 * on the waiting list takes its place and is told by email. Runs inside the
 * withdrawal's transaction.
 */
async function promoteFromWaitingList(trx: Db, input: { callId: string; programmeTitle: string; callKind: CallKind; publicUrl: string; withdrawnCity: string }) {
  const waiting = await waitingListOf(trx, input.callId);
  const next = nextInLine(waiting.map((r) => ({ applicationId: r.id, outcome: 'waitlisted' as const, waitlistPosition: r.waitlist_position })));
  const app = next && waiting.find((r) => r.id === next.applicationId);
  if (!app) return;
  await promoteDecision(trx, app.id, `Moved up from the waiting list after ${input.withdrawnCity} withdrew.`);
  await notifyRepresentatives(trx, 'decision', [{ cityId: app.city_id }], () => {
    const email = (addressee: Addressee) =>
      promotionEmail({ ...addressee, cityName: app.city_name, programmeTitle: input.programmeTitle, callKind: input.callKind, url: `${input.publicUrl}/applications/${app.id}` });
    return { title: email({ to: '', name: '' }).subject, link: `/applications/${app.id}`, email };
  });
  await recordAudit(trx, { actorId: null, action: 'selection.promote', entityType: 'application', entityId: app.id, details: { after: { outcome: 'selected' }, replaces: input.withdrawnCity } });
}
