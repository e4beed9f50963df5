import { randomUUID } from 'node:crypto';
import { timeZoneOfCountry, DEFAULT_TIME_ZONE } from '../../../domain/calendar/city-time-zones.ts';
import { buildMeetingInvitation } from '../../../domain/calendar/ics.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { MEETING_LEAD_MINUTES, MEETING_SLOTS, type MeetingParty, type MeetingRequest, type MeetingRequestList } from '../../../shared/meeting.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { assertSlots as assertSlotsAhead, organizerOf } from '../../lib/meeting-slots.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify, representativesOf } from '../notifications/notify.ts';
import { actingParty, partiesFor, type ActingParty } from './conversation-access.ts';
import { conversationPath, meetingEmail, meetingIcsUrl, meetingNotificationTitle, type MeetingEvent } from './meeting-emails.ts';
import {
  conversationSubject,
  findMeetingRequest,
  insertMeetingRequest,
  meetingRequestsOf,
  partiesOfConversation,
  peopleOfParties,
  replaceSlots,
  slotAt,
  slotsOf,
  updateMeetingRequest,
  type MeetingRequestRow,
  type PartyRow,
} from './meeting-requests.repository.ts';

type Q = Parameters<typeof partiesOfConversation>[0];

const notFound = () => new AppError('NOT_FOUND', reason('MEETING_REQUEST_NOT_FOUND'));
const changed = () => new AppError('CONFLICT', reason('MEETING_REQUEST_CHANGED'));
const iso = (d: Date | string) => new Date(d).toISOString();
const MINUTE = 60_000;

/** The platform's sender as the ORGANIZER of .ics files (src/server/lib/meeting-slots.ts). */
export { organizerOf };

/** The zone a party's local times are shown in: its city's, or the programme's default for the team and experts. */
const zoneOfParty = (p: PartyRow) => (p.kind === 'city' ? timeZoneOfCountry(p.country) : DEFAULT_TIME_ZONE);
const nameOfParty = (p: PartyRow) => (p.kind === 'city' ? (p.city_name ?? 'A city') : p.kind === 'programme_team' ? 'Programme team' : (p.person_name ?? 'An expert'));

function presentParty(p: PartyRow): MeetingParty {
  return { partyId: p.id, kind: p.kind, cityId: p.city_id, name: nameOfParty(p), timeZone: zoneOfParty(p) };
}

function presentRequest(row: MeetingRequestRow, slots: readonly { id: string; starts_at: Date }[], mine: readonly ActingParty[]): MeetingRequest {
  const proposerSide = mine.some((p) => p.partyId === row.party_id);
  const otherSide = mine.some((p) => p.partyId !== row.party_id);
  const open = row.status === 'proposed' || row.status === 'accepted';
  return {
    id: row.id,
    conversationId: row.conversation_id,
    title: row.title,
    durationMinutes: row.duration_minutes,
    joinUrl: row.join_url,
    status: row.status,
    proposedByPartyId: row.party_id,
    proposedByName: row.proposer_name ?? null,
    proposedByActive: Boolean(row.proposer_active),
    decidedByName: row.decider_name ?? null,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    declineReason: row.decline_reason || null,
    slots: slots.map((s) => ({ id: s.id, startsAt: iso(s.starts_at) })),
    acceptedSlotId: row.accepted_slot_id,
    scheduledAt: row.scheduled_at ? iso(row.scheduled_at) : null,
    icsSequence: row.ics_sequence,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    can: {
      accept: row.status === 'proposed' && otherSide,
      decline: row.status === 'proposed' && otherSide,
      cancel: open,
      move: row.status === 'accepted' || (row.status === 'proposed' && proposerSide),
      downloadIcs: row.scheduled_at !== null && row.status !== 'declined',
    },
  };
}

const assertSlots = (slots: readonly string[], now: Date) => assertSlotsAhead(slots, now, MEETING_LEAD_MINUTES);

async function loadRequest(db: Q, conversationId: string, requestId: string) {
  const row = await findMeetingRequest(db, conversationId, requestId);
  if (!row) throw notFound();
  return row;
}

interface Context {
  conversationId: string;
  user: CurrentUser;
  ip: string;
  now: Date;
  publicUrl: string;
}

/**
 * Tells everyone in the conversation but the person who acted: in-app (link
 * to the conversation) and, for those who chose it, by email with the times
 * in their own city's zone and the link to the .ics.
 */
async function tell(trx: Q, ctx: Context, row: MeetingRequestRow, event: MeetingEvent, actor: ActingParty, extra: { times: readonly Date[]; declineReason?: string | null }) {
  const [parties, conversation] = await Promise.all([partiesOfConversation(trx, ctx.conversationId), conversationSubject(trx, ctx.conversationId)]);
  const people = (await peopleOfParties(trx, parties)).filter((id) => id !== ctx.user.id);
  const zoneOf = new Map<string, string>();
  for (const p of parties.filter((q) => q.kind === 'city' && q.city_id)) {
    for (const id of await representativesOf(trx, [p.city_id as string])) if (!zoneOf.has(id)) zoneOf.set(id, zoneOfParty(p));
  }
  const actorRow = parties.find((p) => p.id === actor.partyId);
  const actorParty = actorRow ? nameOfParty(actorRow) : 'The other side';
  const input = {
    event,
    actorParty,
    title: row.title,
    conversationSubject: conversation?.subject ?? row.title,
    times: extra.times,
    durationMinutes: row.duration_minutes,
    joinUrl: row.join_url,
    declineReason: extra.declineReason ?? null,
    conversationUrl: `${ctx.publicUrl}${conversationPath(ctx.conversationId)}`,
    icsUrl: meetingIcsUrl(ctx.publicUrl, ctx.conversationId, row.id),
    timeZoneOf: (r: { id: string }) => zoneOf.get(r.id) ?? DEFAULT_TIME_ZONE,
  };
  await notify(trx, {
    kind: 'meeting',
    personIds: people,
    title: meetingNotificationTitle(input),
    body: conversation?.subject ?? '',
    link: conversationPath(ctx.conversationId),
    email: meetingEmail(input),
  });
}

/** The conversation's meeting requests, newest first, with the parties' names and time zones. */
export async function listMeetingRequests(db: Db, conversationId: string, user: CurrentUser): Promise<MeetingRequestList> {
  const me = await actingParty(db, conversationId, user);
  const [mine, parties, rows] = await Promise.all([partiesFor(db, conversationId, user), partiesOfConversation(db, conversationId), meetingRequestsOf(db, conversationId)]);
  const slots = await slotsOf(db, rows.map((r) => r.id));
  return {
    myPartyId: me.partyId,
    parties: parties.map(presentParty),
    items: rows.map((r) => presentRequest(r, slots.filter((s) => s.meeting_request_id === r.id), mine)),
  };
}

async function presentOne(db: Db, conversationId: string, requestId: string, user: CurrentUser) {
  await actingParty(db, conversationId, user);
  const mine = await partiesFor(db, conversationId, user);
  const row = await loadRequest(db, conversationId, requestId);
  return presentRequest(row, await slotsOf(db, [row.id]), mine);
}

export async function proposeMeeting(
  db: Db,
  ctx: Context & { body: { title: string; durationMinutes: number; joinUrl: string; slots: string[]; asCityId: string | null } },
): Promise<MeetingRequest> {
  const me = await actingParty(db, ctx.conversationId, ctx.user, ctx.body.asCityId);
  assertSlots(ctx.body.slots, ctx.now);
  const slots = ctx.body.slots.map((s) => new Date(s)).sort((a, b) => a.getTime() - b.getTime());
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertMeetingRequest(trx, {
      conversationId: ctx.conversationId,
      partyId: me.partyId,
      proposedBy: ctx.user.id,
      title: ctx.body.title,
      durationMinutes: ctx.body.durationMinutes,
      joinUrl: ctx.body.joinUrl,
      icsUid: `meeting-${randomUUID()}@peercities.eu`,
      slots,
      now: ctx.now,
    });
    const row = await loadRequest(trx, ctx.conversationId, created);
    await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.propose', entityType: 'meeting_request', entityId: created, ip: ctx.ip, details: { conversationId: ctx.conversationId, slots: slots.length } });
    await tell(trx, ctx, row, 'proposed', me, { times: slots });
    return created;
  });
  return presentOne(db, ctx.conversationId, id, ctx.user);
}

/** A person of another party than the proposer's accepts one of the proposed times. */
export async function acceptMeeting(db: Db, ctx: Context & { requestId: string; slotId: string; version: number }): Promise<MeetingRequest> {
  await actingParty(db, ctx.conversationId, ctx.user);
  const row = await loadRequest(db, ctx.conversationId, ctx.requestId);
  const answering = (await partiesFor(db, ctx.conversationId, ctx.user)).find((p) => p.partyId !== row.party_id);
  if (!answering) throw new AppError('FORBIDDEN', reason('MEETING_OTHER_SIDE_ANSWERS'));
  if (row.status !== 'proposed' || row.version !== ctx.version) throw changed();
  const slot = (await slotsOf(db, [row.id])).find((s) => s.id === ctx.slotId);
  if (!slot) throw new AppError('VALIDATION_FAILED', reason('MEETING_SLOT_UNKNOWN'), { errors: [fieldError('body.slotId', reason('MEETING_SLOT_UNKNOWN'))] });
  if (new Date(slot.starts_at).getTime() <= ctx.now.getTime()) {
    throw new AppError('VALIDATION_FAILED', reason('MEETING_SLOT_PAST'), { errors: [fieldError('body.slotId', reason('MEETING_SLOT_PAST'))] });
  }
  await db.transaction().execute(async (trx) => {
    const done = await updateMeetingRequest(
      trx,
      row.id,
      { version: ctx.version, status: ['proposed'] },
      { status: 'accepted', accepted_slot_id: slot.id, scheduled_at: new Date(slot.starts_at), decided_by: ctx.user.id, decided_at: ctx.now, reminder_sent_at: null },
      ctx.now,
    );
    if (!done) throw changed();
    await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.accept', entityType: 'meeting_request', entityId: row.id, ip: ctx.ip, details: { slotId: slot.id, startsAt: iso(slot.starts_at) } });
    await tell(trx, ctx, row, 'accepted', answering, { times: [new Date(slot.starts_at)] });
  });
  return presentOne(db, ctx.conversationId, row.id, ctx.user);
}

export async function declineMeeting(db: Db, ctx: Context & { requestId: string; reason: string; version: number }): Promise<MeetingRequest> {
  await actingParty(db, ctx.conversationId, ctx.user);
  const row = await loadRequest(db, ctx.conversationId, ctx.requestId);
  const answering = (await partiesFor(db, ctx.conversationId, ctx.user)).find((p) => p.partyId !== row.party_id);
  if (!answering) throw new AppError('FORBIDDEN', reason('MEETING_OTHER_SIDE_ANSWERS'));
  if (row.status !== 'proposed' || row.version !== ctx.version) throw changed();
  await db.transaction().execute(async (trx) => {
    const done = await updateMeetingRequest(trx, row.id, { version: ctx.version, status: ['proposed'] }, { status: 'declined', decided_by: ctx.user.id, decided_at: ctx.now, decline_reason: ctx.reason || null }, ctx.now);
    if (!done) throw changed();
    await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.decline', entityType: 'meeting_request', entityId: row.id, ip: ctx.ip, details: {} });
    await tell(trx, ctx, row, 'declined', answering, { times: [], declineReason: ctx.reason || null });
  });
  return presentOne(db, ctx.conversationId, row.id, ctx.user);
}

/** Either side cancels, before or after acceptance; after acceptance the .ics becomes a CANCEL with a higher SEQUENCE. */
export async function cancelMeeting(db: Db, ctx: Context & { requestId: string; version: number }): Promise<MeetingRequest> {
  const me = await actingParty(db, ctx.conversationId, ctx.user);
  const row = await loadRequest(db, ctx.conversationId, ctx.requestId);
  if ((row.status !== 'proposed' && row.status !== 'accepted') || row.version !== ctx.version) throw changed();
  const wasAccepted = row.status === 'accepted';
  await db.transaction().execute(async (trx) => {
    const done = await updateMeetingRequest(
      trx,
      row.id,
      { version: ctx.version, status: [row.status as 'proposed' | 'accepted'] },
      { status: 'cancelled', accepted_slot_id: null, bumpSequence: wasAccepted },
      ctx.now,
    );
    if (!done) throw changed();
    await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.cancel', entityType: 'meeting_request', entityId: row.id, ip: ctx.ip, details: { wasAccepted } });
    await tell(trx, ctx, row, 'cancelled', me, { times: wasAccepted && row.scheduled_at ? [new Date(row.scheduled_at)] : [] });
  });
  return presentOne(db, ctx.conversationId, row.id, ctx.user);
}

/**
 * Before acceptance, the proposer's side replaces the times (two to five).
 * After acceptance, either side sets the new time directly (one slot): the
 * meeting stays accepted, the SEQUENCE rises and the .ics moves the event.
 */
export async function moveMeeting(db: Db, ctx: Context & { requestId: string; slots: string[]; version: number }): Promise<MeetingRequest> {
  const me = await actingParty(db, ctx.conversationId, ctx.user);
  const row = await loadRequest(db, ctx.conversationId, ctx.requestId);
  if ((row.status !== 'proposed' && row.status !== 'accepted') || row.version !== ctx.version) throw changed();
  const accepted = row.status === 'accepted';
  if (!accepted) {
    const mine = await partiesFor(db, ctx.conversationId, ctx.user);
    if (!mine.some((p) => p.partyId === row.party_id)) throw new AppError('FORBIDDEN', reason('MEETING_PROPOSER_MOVES'));
    if (ctx.slots.length < MEETING_SLOTS.min) {
      throw new AppError('VALIDATION_FAILED', reason('MEETING_SLOTS_COUNT', { min: MEETING_SLOTS.min, max: MEETING_SLOTS.max }), {
        errors: [fieldError('body.slots', reason('MEETING_SLOTS_COUNT', { min: MEETING_SLOTS.min, max: MEETING_SLOTS.max }))],
      });
    }
  } else if (ctx.slots.length !== 1) {
    throw new AppError('VALIDATION_FAILED', reason('MEETING_MOVE_ONE_TIME'), { errors: [fieldError('body.slots', reason('MEETING_MOVE_ONE_TIME'))] });
  }
  assertSlots(ctx.slots, ctx.now);
  const slots = ctx.slots.map((s) => new Date(s)).sort((a, b) => a.getTime() - b.getTime());
  await db.transaction().execute(async (trx) => {
    if (accepted) {
      const start = slots[0] as Date;
      const slotId = await slotAt(trx, row.id, start);
      const done = await updateMeetingRequest(
        trx,
        row.id,
        { version: ctx.version, status: ['accepted'] },
        { accepted_slot_id: slotId, scheduled_at: start, reminder_sent_at: null, bumpSequence: true },
        ctx.now,
      );
      if (!done) throw changed();
      await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.move', entityType: 'meeting_request', entityId: row.id, ip: ctx.ip, details: { startsAt: iso(start), from: row.scheduled_at ? iso(row.scheduled_at) : null } });
      await tell(trx, ctx, row, 'moved', me, { times: [start] });
    } else {
      const done = await updateMeetingRequest(trx, row.id, { version: ctx.version, status: ['proposed'] }, {}, ctx.now);
      if (!done) throw changed();
      await replaceSlots(trx, row.id, slots);
      await recordAudit(trx, { actorId: ctx.user.id, action: 'meeting_request.move', entityType: 'meeting_request', entityId: row.id, ip: ctx.ip, details: { slots: slots.length } });
      await tell(trx, ctx, row, 'reproposed', me, { times: slots });
    }
  });
  return presentOne(db, ctx.conversationId, row.id, ctx.user);
}

/**
 * The meeting as an .ics for the caller's calendar, in their city's zone: a
 * REQUEST while it is accepted, a CANCEL once cancelled after acceptance.
 * Same UID throughout; the SEQUENCE counts the changes after acceptance.
 */
export async function meetingInvitation(db: Db, conversationId: string, requestId: string, user: CurrentUser, mailFrom = '') {
  const me = await actingParty(db, conversationId, user);
  const row = await loadRequest(db, conversationId, requestId);
  if (!row.scheduled_at || (row.status !== 'accepted' && row.status !== 'cancelled')) throw new AppError('CONFLICT', reason('MEETING_NOT_SCHEDULED'));
  const parties = await partiesOfConversation(db, conversationId);
  const mine = parties.find((p) => p.id === me.partyId);
  const start = new Date(row.scheduled_at);
  const names = parties.map(nameOfParty).join(', ');
  const conversation = await conversationSubject(db, conversationId);
  return buildMeetingInvitation({
    method: row.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    uid: row.ics_uid,
    sequence: row.ics_sequence,
    stamp: new Date(row.updated_at),
    start,
    end: new Date(start.getTime() + row.duration_minutes * MINUTE),
    summary: row.title,
    description: `Online meeting between ${names}${conversation ? ` (conversation “${conversation.subject}”)` : ''}.\nJoin: ${row.join_url}`,
    joinUrl: row.join_url,
    timeZone: mine ? zoneOfParty(mine) : DEFAULT_TIME_ZONE,
    ...(organizerOf(mailFrom) ? { organizer: organizerOf(mailFrom) } : {}),
  });
}
