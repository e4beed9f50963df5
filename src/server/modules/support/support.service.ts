import { randomUUID } from 'node:crypto';
import { routeRequests } from '../../../domain/support/route-requests.ts';
import { firstAnswerDueAt } from '../../../domain/support/working-days.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';
import { hasRole } from '../../../shared/role-predicates.ts';
import type {
  CloseSupportRequest,
  NewSupportAnswer,
  NewSupportRequest,
  ReassignSupportRequest,
  SupportListQuery,
  SupportRequestDetail,
  SupportRequestPage,
  SupportRequestSummary,
} from '../../../shared/support.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { plainText, sanitizeRichText } from '../../lib/rich-text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { prioritiesOfCities } from './city-priorities.repository.ts';
import { notify, representativesOf } from '../notifications/notify.ts';
import { isInvited } from './peer-sessions.repository.ts';
import { SUPPORT_CALENDAR } from './support-calendar.ts';
import { rerouteWaitingRequests } from './support-rerouting.ts';
import { seesRequest, supportCan, type SupportRequestFacts, type SupportViewer } from './support-access.ts';
import { answeredEmail, assignedEmail, cityDecidedEmail, reassignedEmail, supportRequestPath, supportRequestUrl } from './support-emails.ts';
import { activeExpert, addEvent, answersOf, eventsOf, expertsWithProfiles, listRequests, requestById, type RequestRow } from './support.repository.ts';

export type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];


const notFound = () => new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
const stale = () => new AppError('CONFLICT', reason('SUPPORT_REQUEST_CHANGED'));
const notNow = (state: string) => new AppError('CONFLICT', reason('SUPPORT_NOT_NOW', { state: state.replace('_', ' ') }));

export const viewerOf = (user: CurrentUser): SupportViewer => ({
  id: user.id,
  cityIds: user.roles.flatMap((g) => (g.role === 'city_representative' && g.cityId ? [g.cityId] : [])),
  isManager: hasRole(user, 'programme_manager'),
});

const factsOf = (row: RequestRow): SupportRequestFacts => ({ cityId: row.city_id, expertId: row.expert_id, kind: row.kind, state: row.state });
const iso = (d: Date | string) => new Date(d).toISOString();
const isOverdue = (row: RequestRow, now: Date) => row.first_answered_at === null && row.state !== 'closed' && new Date(row.first_answer_due_at).getTime() < now.getTime();

export function presentSummary(row: RequestRow, now: Date): SupportRequestSummary {
  return {
    id: row.id,
    title: row.title,
    city: { id: row.city_id, name: row.city_name, slug: row.city_slug, country: row.city_country },
    kind: row.kind,
    urgency: row.urgency,
    state: row.state,
    sectors: row.sectors,
    levers: row.levers,
    languages: row.languages,
    expert: row.expert_id && row.expert_name !== null ? { id: row.expert_id, name: row.expert_name } : null,
    createdAt: iso(row.created_at),
    firstAnswerDueAt: iso(row.first_answer_due_at),
    firstAnsweredAt: row.first_answered_at ? iso(row.first_answered_at) : null,
    overdue: isOverdue(row, now),
  };
}

/** The request as its page shows it, with what the caller may do; 404 when it is not theirs to see. */
export async function readRequest(db: Db, input: { id: string; user: CurrentUser; now: Date }): Promise<SupportRequestDetail> {
  const viewer = viewerOf(input.user);
  const row = await requestById(db, input.id);
  // The representatives of the cities invited to its peer session read it too (peer-sessions.service.ts).
  if (!row || !(seesRequest(factsOf(row), viewer) || (await isInvited(db, row.id, viewer.cityIds)))) throw notFound();
  const [answers, events] = await Promise.all([answersOf(db, row.id), eventsOf(db, row.id)]);
  const summary = presentSummary(row, input.now);
  return {
    ...summary,
    question: row.question,
    assignment:
      summary.expert && row.assigned_by && row.assigned_at
        ? { expert: summary.expert, by: row.assigned_by, reasons: row.assignment_reasons, at: iso(row.assigned_at) }
        : null,
    unassignedReason: row.expert_id === null ? row.unassigned_reason : null,
    answers: answers.map((a) => ({ id: a.id, author: a.author, bodyHtml: a.body_html, createdAt: iso(a.created_at) })),
    events: events.map((e) => ({ at: iso(e.at), kind: e.kind, actor: e.actor, note: e.note })),
    rating: row.rating !== null ? { score: row.rating, comment: row.rating_comment } : null,
    can: supportCan(factsOf(row), viewer),
    version: row.version,
  };
}

/** mine: the caller's cities' requests; assigned: those assigned to the caller; all: every request (managers only). */
export async function listSupportRequests(db: Db, input: { user: CurrentUser; query: SupportListQuery; now: Date }): Promise<SupportRequestPage> {
  const { query, user } = input;
  const viewer = viewerOf(user);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (query.scope === 'all' && !viewer.isManager) throw new AppError('FORBIDDEN', reason('SUPPORT_ALL_FOR_MANAGERS'));
  if (query.scope === 'mine' && viewer.cityIds.length === 0) return empty;
  const scope = query.scope === 'all' ? {} : query.scope === 'assigned' ? { expertId: user.id } : { cityIds: viewer.cityIds };
  const { rows, total } = await listRequests(db, {
    ...scope,
    ...(query.state ? { state: query.state } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    now: input.now,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => presentSummary(r, input.now)), total, page: query.page, pageSize: query.pageSize };
}

export const reasonsText = (reasons: readonly Reason[]) => reasons.map(englishText).join('; ');

export async function notifyAssigned(trx: Trx, i: { requestId: string; expertId: string; city: string; title: string; reasons: readonly Reason[]; dueAt: Date; publicUrl: string }) {
  await notify(trx, {
    kind: 'support',
    personIds: [i.expertId],
    title: `${i.city} asks for your support: ${i.title}`,
    body: reasonsText(i.reasons),
    link: supportRequestPath(i.requestId),
    email: (r) => assignedEmail({ name: r.name, city: i.city, title: i.title, reasons: reasonsText(i.reasons), dueAt: i.dueAt, url: supportRequestUrl(i.publicUrl, i.requestId) }),
  });
}

/**
 * A city's request: written, given its due date (SUPPORT_FIRST_ANSWER_DAYS
 * working days, Brussels time, Belgian holidays off) and routed at once to
 * the expert who fits best, in one transaction with its events, the audit
 * entry and the expert's notification and email.
 */
export async function createSupportRequest(
  db: Db,
  input: { body: NewSupportRequest; user: CurrentUser; now: Date; ip: string; publicUrl: string; workingDays: number },
): Promise<SupportRequestDetail> {
  const { body, user, now } = input;
  if (!viewerOf(user).cityIds.includes(body.cityId)) throw new AppError('FORBIDDEN', reason('SUPPORT_ASK_FOR_OWN_CITY'));
  const city = await db.selectFrom('cities').select(['id', 'name', 'country']).where('id', '=', body.cityId).executeTakeFirst();
  if (!city) throw new AppError('FORBIDDEN', reason('SUPPORT_ASK_FOR_OWN_CITY'));
  const dueAt = firstAnswerDueAt(now, SUPPORT_CALENDAR, input.workingDays);
  const id = randomUUID();
  const languages = [...new Set(body.languages)];
  await db.transaction().execute(async (trx) => {
    const experts = await expertsWithProfiles(trx, { lock: true });
    const priorities = (await prioritiesOfCities(trx, [city.id])).get(city.id);
    const routed = routeRequests({
      requests: [{ id, cityId: city.id, country: city.country, sectors: body.sectors, levers: body.levers, languages, kind: body.kind, urgent: body.urgency === 'urgent', ...(priorities ? { priorities } : {}) }],
      experts,
    });
    const assignment = routed.assignments[0];
    const unassigned = routed.unassigned[0]?.reason ?? reason('SUPPORT_UNASSIGNED_NO_EXPERTS');
    await trx
      .insertInto('support_requests')
      .values({
        id,
        city_id: city.id,
        asked_by: user.id,
        title: body.title,
        question: body.question,
        sectors: [...new Set(body.sectors)],
        levers: [...new Set(body.levers)],
        languages,
        kind: body.kind,
        urgency: body.urgency,
        state: assignment ? 'assigned' : 'submitted',
        expert_id: assignment?.expertId ?? null,
        assigned_by: assignment ? 'routing' : null,
        assignment_reasons: JSON.stringify(assignment?.explanation.reasons ?? []),
        unassigned_reason: assignment ? null : JSON.stringify(unassigned),
        assigned_at: assignment ? now : null,
        first_answer_due_at: dueAt,
        created_at: now,
      })
      .execute();
    await addEvent(trx, { requestId: id, kind: 'submitted', actorId: user.id, at: now });
    if (assignment) {
      await addEvent(trx, { requestId: id, kind: 'assigned', actorId: null, at: now, note: reasonsText(assignment.explanation.reasons) });
      await notifyAssigned(trx, { requestId: id, expertId: assignment.expertId, city: city.name, title: body.title, reasons: assignment.explanation.reasons, dueAt, publicUrl: input.publicUrl });
    } else {
      await addEvent(trx, { requestId: id, kind: 'unassigned', actorId: null, at: now, note: englishText(unassigned) });
    }
    await recordAudit(trx, {
      actorId: user.id,
      action: 'support_request.create',
      entityType: 'support_request',
      entityId: id,
      ip: input.ip,
      details: { cityId: city.id, kind: body.kind, expertId: assignment?.expertId ?? null, dueAt: dueAt.toISOString(), unassigned: assignment ? null : unassigned.code },
    });
  });
  return readRequest(db, { id, user, now });
}

/**
 * A change of a request: locked, checked (404 when not the caller's, 409 on
 * a stale version or when the state does not allow it), changed with its
 * event and audit entry in one transaction; answers the request as it is now.
 */
async function change(
  db: Db,
  input: { id: string; user: CurrentUser; version: number; now: Date },
  allowed: (can: SupportRequestDetail['can']) => boolean,
  act: (trx: Trx, row: RequestRow) => Promise<void>,
): Promise<SupportRequestDetail> {
  const viewer = viewerOf(input.user);
  await db.transaction().execute(async (trx) => {
    const row = await requestById(trx, input.id, true);
    if (!row || !seesRequest(factsOf(row), viewer)) throw notFound();
    if (row.version !== input.version) throw stale();
    if (!allowed(supportCan(factsOf(row), viewer))) throw notNow(row.state);
    await act(trx, row);
  });
  return readRequest(db, { id: input.id, user: input.user, now: input.now });
}

type ChangeInput = { id: string; user: CurrentUser; now: Date; ip: string; publicUrl: string };

function cleanAnswer(body: string) {
  const html = sanitizeRichText(body);
  const text = plainText(html, 20000);
  if (!html || !text) throw new AppError('VALIDATION_FAILED', reason('SUPPORT_ANSWER_EMPTY'), { errors: [fieldError('body.body', reason('SUPPORT_ANSWER_EMPTY'))] });
  return { html, text };
}

async function tellCity(trx: Trx, row: RequestRow, i: { user: CurrentUser; title: string; excerpt: string; session: boolean; publicUrl: string }) {
  const reps = (await representativesOf(trx, [row.city_id])).filter((id) => id !== i.user.id);
  await notify(trx, {
    kind: 'support',
    personIds: reps,
    title: i.title,
    body: i.excerpt,
    link: supportRequestPath(row.id),
    email: (r) => answeredEmail({ name: r.name, expert: i.user.name, title: row.title, excerpt: i.excerpt, url: supportRequestUrl(i.publicUrl, row.id), session: i.session }),
  });
}

/** The assigned expert answers (sanitised as messages are); the first answer meets the service level; the city is told. */
export async function answerRequest(db: Db, input: ChangeInput & { body: NewSupportAnswer }): Promise<SupportRequestDetail> {
  const { html, text } = cleanAnswer(input.body.body);
  return change(db, { ...input, version: input.body.version }, (can) => can.answer, async (trx, row) => {
    await trx.insertInto('support_answers').values({ request_id: row.id, author_id: input.user.id, body_html: html, body_text: text, created_at: input.now }).execute();
    await trx
      .updateTable('support_requests')
      .set((eb) => ({ state: 'answered', first_answered_at: row.first_answered_at ?? input.now, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: 'answered', actorId: input.user.id, at: input.now });
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.answer', entityType: 'support_request', entityId: row.id, ip: input.ip });
    await tellCity(trx, row, { user: input.user, title: `${input.user.name} answered: ${row.title}`, excerpt: plainText(html, 200), session: false, publicUrl: input.publicUrl });
  });
}

/** The assigned expert marks a call or peer session held (a first answer, for the service level). */
export async function markSessionHeld(db: Db, input: ChangeInput & { body: { note: string; version: number } }): Promise<SupportRequestDetail> {
  return change(db, { ...input, version: input.body.version }, (can) => can.markSessionHeld, async (trx, row) => {
    await trx
      .updateTable('support_requests')
      .set((eb) => ({ state: 'session_held', first_answered_at: row.first_answered_at ?? input.now, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: 'session_held', actorId: input.user.id, at: input.now, note: input.body.note || null });
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.session_held', entityType: 'support_request', entityId: row.id, ip: input.ip });
    await tellCity(trx, row, { user: input.user, title: `Session held: ${row.title}`, excerpt: input.body.note, session: true, publicUrl: input.publicUrl });
  });
}

async function tellExpert(trx: Trx, row: RequestRow, i: { user: CurrentUser; closed: boolean; score?: number; note: string; publicUrl: string }) {
  if (!row.expert_id) return;
  const title = i.closed ? `${row.city_name} closed “${row.title}” (${i.score}/5)` : `${row.city_name} reopened “${row.title}”`;
  await notify(trx, {
    kind: 'support',
    personIds: [row.expert_id].filter((id) => id !== i.user.id),
    title,
    body: i.note,
    link: supportRequestPath(row.id),
    email: (r) => cityDecidedEmail({ name: r.name, city: row.city_name, title: row.title, closed: i.closed, ...(i.score !== undefined ? { score: i.score } : {}), note: i.note, url: supportRequestUrl(i.publicUrl, row.id) }),
  });
}

/** The city's representatives close an answered request with their rating; the expert is told. */
export async function closeRequest(db: Db, input: ChangeInput & { body: CloseSupportRequest }): Promise<SupportRequestDetail> {
  const { score, comment } = input.body;
  return change(db, { ...input, version: input.body.version }, (can) => can.close, async (trx, row) => {
    await trx
      .updateTable('support_requests')
      .set((eb) => ({ state: 'closed', rating: score, rating_comment: comment, closed_at: input.now, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: 'closed', actorId: input.user.id, at: input.now, note: `${score}/5${comment ? `: ${comment}` : ''}` });
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.close', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { score } });
    await tellExpert(trx, row, { user: input.user, closed: true, score, note: comment, publicUrl: input.publicUrl });
    // The closed request freed a slot of its expert: the requests waiting for one are routed again.
    await rerouteWaitingRequests(trx, { now: input.now, publicUrl: input.publicUrl, actorId: input.user.id, trigger: 'request_closed' });
  });
}

/** The city's representatives reopen a request: back to its expert, the rating withdrawn; the expert is told why. */
export async function reopenRequest(db: Db, input: ChangeInput & { body: { reason: string; version: number } }): Promise<SupportRequestDetail> {
  return change(db, { ...input, version: input.body.version }, (can) => can.reopen, async (trx, row) => {
    await trx
      .updateTable('support_requests')
      .set((eb) => ({ state: 'assigned', rating: null, rating_comment: '', closed_at: null, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: 'reopened', actorId: input.user.id, at: input.now, note: input.body.reason });
    await recordAudit(trx, { actorId: input.user.id, action: 'support_request.reopen', entityType: 'support_request', entityId: row.id, ip: input.ip, details: { before: row.state } });
    await tellExpert(trx, row, { user: input.user, closed: false, note: input.body.reason, publicUrl: input.publicUrl });
  });
}

/**
 * A manager gives the request to another expert, never one with a conflict
 * of interest with the city (409 with the reason); the reasons shown are the
 * fit of the pair and "assigned by a manager". The new expert and the city
 * are told.
 */
export async function reassignRequest(db: Db, input: ChangeInput & { body: ReassignSupportRequest }): Promise<SupportRequestDetail> {
  const { expertId, reason: why } = input.body;
  const person = await activeExpert(db, expertId);
  if (!person) throw new AppError('VALIDATION_FAILED', reason('SUPPORT_EXPERT_UNKNOWN'), { errors: [fieldError('body.expertId', reason('SUPPORT_EXPERT_UNKNOWN'))] });
  return change(db, { ...input, version: input.body.version }, (can) => can.reassign, async (trx, row) => {
    const [profiled] = await expertsWithProfiles(trx, { ids: [expertId], lock: true });
    const cityIds = profiled
      ? profiled.cityIds
      : (await trx.selectFrom('role_grants').select('city_id').where('person_id', '=', expertId).where('role', '=', 'city_representative').execute()).flatMap((g) => (g.city_id ? [g.city_id] : []));
    const conflicts = profiled ? profiled.conflictCityIds : [];
    const expert = profiled ?? { id: expertId, sectors: [], levers: [], languages: [], countries: [], weeklyCapacity: 0, openLoad: 0, cityIds, conflictCityIds: conflicts };
    const priorities = (await prioritiesOfCities(trx, [row.city_id])).get(row.city_id);
    const routed = routeRequests({
      requests: [{ id: row.id, cityId: row.city_id, country: row.city_country, sectors: row.sectors, levers: row.levers, languages: row.languages, kind: row.kind, ...(priorities ? { priorities } : {}) }],
      experts: [expert],
      overrides: [{ requestId: row.id, expertId }],
    });
    const refused = routed.refusedOverrides[0];
    if (refused) throw new AppError('CONFLICT', refused.reason);
    const assignment = routed.assignments.find((a) => a.by === 'manager');
    if (!assignment) throw new Error('an override neither kept nor refused');
    await trx
      .updateTable('support_requests')
      .set((eb) => ({
        state: row.state === 'submitted' ? 'assigned' : row.state,
        expert_id: expertId,
        assigned_by: 'manager',
        assignment_reasons: JSON.stringify(assignment.explanation.reasons),
        unassigned_reason: null,
        assigned_at: input.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    await addEvent(trx, { requestId: row.id, kind: row.expert_id ? 'reassigned' : 'assigned', actorId: input.user.id, at: input.now, note: `${person.name}: ${why}` });
    await recordAudit(trx, {
      actorId: input.user.id,
      action: 'support_request.reassign',
      entityType: 'support_request',
      entityId: row.id,
      ip: input.ip,
      details: { before: row.expert_id, after: expertId, reason: why },
    });
    await notifyAssigned(trx, { requestId: row.id, expertId, city: row.city_name, title: row.title, reasons: assignment.explanation.reasons, dueAt: new Date(row.first_answer_due_at), publicUrl: input.publicUrl });
    const reps = (await representativesOf(trx, [row.city_id])).filter((id) => id !== input.user.id);
    await notify(trx, {
      kind: 'support',
      personIds: reps,
      title: `Your request has a new expert: ${row.title}`,
      link: supportRequestPath(row.id),
      email: (r) => reassignedEmail({ name: r.name, expert: person.name, title: row.title, url: supportRequestUrl(input.publicUrl, row.id) }),
    });
  });
}
