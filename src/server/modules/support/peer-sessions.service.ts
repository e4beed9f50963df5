import { randomUUID } from 'node:crypto';
import { buildMeetingInvitation } from '../../../domain/calendar/ics.ts';
import { peerCityFit, suggestPeerCities } from '../../../domain/support/suggest-peer-cities.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';
import {
  PEER_CITIES,
  SESSION_TIME_ZONE,
  type AnswerInvitation,
  type ConfirmPeerCities,
  type PeerCityChoice,
  type SupportSession,
  type WriteTakeaway,
} from '../../../shared/support-sessions.schemas.ts';
import { MEETING_LEAD_MINUTES } from '../../../shared/meeting.schemas.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { assertSlots, organizerOf, sortedInstants } from '../../lib/meeting-slots.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notify, representativesOf } from '../notifications/notify.ts';
import { invitationAnsweredEmail, peerInvitationEmail, sessionIcsPath, sessionScheduledEmail, slotsProposedEmail, takeawayEmail, when } from './peer-session-emails.ts';
import { claimSessionReminder, dueSessionReminders, heldBefore, invitationsOf, isInvited, missionCityProfiles, sessionOf, slotsOfSession, takeawayAuthor, type InvitationRow, type MissionCityRow } from './peer-sessions.repository.ts';
import { seesRequest, type SupportViewer } from './support-access.ts';
import { supportRequestPath, supportRequestUrl } from './support-emails.ts';
import { addEvent, requestById, type RequestRow } from './support.repository.ts';
import { viewerOf } from './support.service.ts';

// Peer sessions and calls on request (docs/support.md, "Peer sessions and
// calls"). Who sees what is the request's rule (support-access.ts), widened
// to the representatives of the cities invited to its peer session.

type Q = Parameters<typeof requestById>[0];

const MINUTE = 60_000;
const notFound = () => new AppError('NOT_FOUND', reason('SUPPORT_REQUEST_NOT_FOUND'));
const stale = () => new AppError('CONFLICT', reason('SUPPORT_REQUEST_CHANGED'));
const notNow = (state: string) => new AppError('CONFLICT', reason('SUPPORT_NOT_NOW', { state: state.replace('_', ' ') }));
const iso = (d: Date | string) => new Date(d).toISOString();

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (code: string) => {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
};

/** Reasons for people: language names rather than codes ("works in Polish, English"). */
function readable(reasons: readonly Reason[]): Reason[] {
  return reasons.map((r) =>
    r.code === 'SUPPORT_PEER_LANGUAGES' && typeof r.params?.languages === 'string'
      ? reason('SUPPORT_PEER_LANGUAGES', { languages: r.params.languages.split(', ').map(languageName).join(', ') })
      : r,
  );
}

const challengeOf = (row: RequestRow) => ({ cityId: row.city_id, sectors: row.sectors, levers: row.levers, languages: row.languages });

/** The three Mission Cities that best fit the request's challenge, with readable reasons; never the asking city. */
function proposalFor(row: RequestRow, cities: readonly MissionCityRow[]) {
  const byId = new Map(cities.map((c) => [c.id, c]));
  return suggestPeerCities(challengeOf(row), cities, PEER_CITIES.proposed).flatMap((s) => {
    const city = byId.get(s.cityId);
    if (!city) return [];
    const reasons = readable(s.reasons);
    return [{ city: { id: city.id, name: city.name, slug: city.slug, country: city.country }, score: s.score, reasons, why: reasons.map(englishText).join('; ') }];
  });
}

interface Loaded {
  row: RequestRow;
  viewer: SupportViewer;
  invitations: InvitationRow[];
  session: Awaited<ReturnType<typeof sessionOf>>;
  slots: { id: string; starts_at: Date }[];
  held: boolean;
}

/** The request and its session as the viewer may see them; 404 when neither the request nor an invitation is theirs. */
async function load(db: Q, id: string, user: CurrentUser, forUpdate = false): Promise<Loaded> {
  const viewer = viewerOf(user);
  const row = await requestById(db, id, forUpdate);
  if (!row) throw notFound();
  if (!seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer) && !(await isInvited(db, row.id, viewer.cityIds))) throw notFound();
  const [invitations, session, slots, held] = await Promise.all([invitationsOf(db, row.id), sessionOf(db, row.id), slotsOfSession(db, row.id), heldBefore(db, row.id)]);
  return { row, viewer, invitations, session, slots, held };
}

function canOf({ row, viewer, invitations, session, slots, held }: Loaded): SupportSession['can'] {
  const expert = row.expert_id !== null && row.expert_id === viewer.id;
  const city = viewer.cityIds.includes(row.city_id);
  const working = row.state === 'assigned' || row.state === 'answered';
  const scheduling = row.kind !== 'answer';
  const mine = invitations.filter((i) => viewer.cityIds.includes(i.city_id));
  const scheduled = Boolean(session?.scheduled_at);
  return {
    confirmPeers: expert && working && row.kind === 'peer-session' && invitations.length === 0,
    answerInvitation: working && mine.length > 0,
    proposeSlots: expert && working && scheduling && !scheduled && (row.kind === 'call' || invitations.length > 0),
    pickSlot: city && working && scheduling && !scheduled && slots.length > 0,
    downloadIcs: scheduled && (city || expert || viewer.isManager || mine.some((i) => i.answer === 'accepted')),
    writeTakeaway: city && scheduling && held && (row.state === 'session_held' || row.state === 'closed'),
  };
}

async function present(db: Q, l: Loaded): Promise<SupportSession> {
  const { row, invitations, session, slots, viewer } = l;
  const can = canOf(l);
  const author = row.takeaway ? await takeawayAuthor(db, row.takeaway_by) : undefined;
  return {
    requestId: row.id,
    kind: row.kind,
    version: row.version,
    invitations: invitations.map((i) => ({
      city: { id: i.city_id, name: i.city_name, slug: i.city_slug, country: i.city_country },
      proposed: i.proposed,
      reasons: i.reasons,
      answer: i.answer,
      answeredBy: i.answered_by_name,
      answeredAt: i.answered_at ? iso(i.answered_at) : null,
    })),
    durationMinutes: session?.duration_minutes ?? null,
    joinUrl: session?.join_url || null,
    slots: slots.map((s) => ({ id: s.id, startsAt: iso(s.starts_at) })),
    scheduledAt: session?.scheduled_at ? iso(session.scheduled_at) : null,
    icsPath: can.downloadIcs ? sessionIcsPath(row.id) : null,
    takeaway: row.takeaway && row.takeaway_at ? { text: row.takeaway, by: author?.name ?? null, at: iso(row.takeaway_at) } : null,
    myInvitedCityIds: invitations.filter((i) => viewer.cityIds.includes(i.city_id)).map((i) => i.city_id),
    can,
  };
}

export async function readSession(db: Db, input: { id: string; user: CurrentUser }): Promise<SupportSession> {
  return present(db, await load(db, input.id, input.user));
}

/** GET …/peer-cities: the three Mission Cities proposed, and every Mission City but the asker to edit the choice. */
export async function peerCityChoice(db: Db, input: { id: string; user: CurrentUser }): Promise<PeerCityChoice> {
  const viewer = viewerOf(input.user);
  const row = await requestById(db, input.id);
  if (!row || !seesRequest({ cityId: row.city_id, expertId: row.expert_id }, viewer)) throw notFound();
  if (row.kind !== 'peer-session') throw new AppError('CONFLICT', reason('SUPPORT_NOT_PEER_SESSION'));
  const cities = await missionCityProfiles(db);
  return {
    proposed: proposalFor(row, cities),
    missionCities: cities
      .filter((c) => c.id !== row.city_id)
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
      .map((c) => ({ id: c.id, name: c.name, slug: c.slug, country: c.country })),
  };
}

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];
type Ctx = { id: string; user: CurrentUser; now: Date; ip: string; publicUrl: string };

/**
 * A change of the session: the request locked, checked (404 when not the
 * caller's, 409 on a stale version or when not allowed now), changed with its
 * event, audit entry and notifications in one transaction, its version raised.
 */
async function change(db: Db, input: Ctx & { version: number }, allowed: (can: SupportSession['can'], l: Loaded) => boolean, act: (trx: Trx, l: Loaded) => Promise<void>): Promise<SupportSession> {
  await db.transaction().execute(async (trx) => {
    const l = await load(trx, input.id, input.user, true);
    if (l.row.version !== input.version) throw stale();
    if (!allowed(canOf(l), l)) throw notNow(l.row.state);
    await act(trx, l);
    await trx.updateTable('support_requests').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', l.row.id).execute();
  });
  return readSession(db, input);
}

const audit = (trx: Trx, ctx: Ctx, action: string, details: Record<string, unknown>) =>
  recordAudit(trx, { actorId: ctx.user.id, action, entityType: 'support_request', entityId: ctx.id, ip: ctx.ip, details });

/** The people taking part: the asking city's representatives, those of the cities that accepted, the expert. */
async function participants(trx: Trx, l: Loaded, invitations = l.invitations) {
  const cities = [l.row.city_id, ...invitations.filter((i) => i.answer === 'accepted').map((i) => i.city_id)];
  return [...new Set([...(await representativesOf(trx, cities)), ...(l.row.expert_id ? [l.row.expert_id] : [])])];
}

/** The assigned expert confirms (or edits) the choice of Mission Cities; their representatives are invited. */
export async function confirmPeerCities(db: Db, input: Ctx & { body: ConfirmPeerCities }): Promise<SupportSession> {
  const { cityIds } = input.body;
  return change(db, { ...input, version: input.body.version }, (can) => can.confirmPeers, async (trx, l) => {
    const cities = await missionCityProfiles(trx);
    const chosen = cityIds.map((id) => cities.find((c) => c.id === id && c.id !== l.row.city_id));
    if (chosen.some((c) => !c)) {
      throw new AppError('VALIDATION_FAILED', reason('SUPPORT_PEER_CITY_UNKNOWN'), { errors: [fieldError('body.cityIds', reason('SUPPORT_PEER_CITY_UNKNOWN'))] });
    }
    const proposed = new Set(proposalFor(l.row, cities).map((p) => p.city.id));
    const valid = chosen.filter((c): c is MissionCityRow => c !== undefined);
    await trx
      .insertInto('support_peer_invitations')
      .values(
        valid.map((c, index) => ({
          request_id: l.row.id,
          city_id: c.id,
          position: index + 1,
          proposed: proposed.has(c.id),
          reasons: JSON.stringify(readable(peerCityFit(challengeOf(l.row), c)?.reasons ?? [])),
          invited_by: input.user.id,
          invited_at: input.now,
        })),
      )
      .execute();
    const names = valid.map((c) => c.name).join(', ');
    await addEvent(trx, { requestId: l.row.id, kind: 'peers_invited', actorId: input.user.id, at: input.now, note: names });
    await audit(trx, input, 'support_request.invite_peers', { cityIds, proposed: [...proposed], edited: valid.some((c) => !proposed.has(c.id)) || proposed.size !== valid.length });
    for (const c of valid) {
      await notify(trx, {
        kind: 'support',
        personIds: (await representativesOf(trx, [c.id])).filter((p) => p !== input.user.id),
        title: `${c.name} is invited to a peer session with ${l.row.city_name}: ${l.row.title}`,
        link: supportRequestPath(l.row.id),
        email: (r) => peerInvitationEmail({ name: r.name, expert: input.user.name, asker: l.row.city_name, city: c.name, title: l.row.title, url: supportRequestUrl(input.publicUrl, l.row.id) }),
      });
    }
  });
}

/** A representative of an invited city accepts or declines for it; the expert is told. */
export async function answerInvitation(db: Db, input: Ctx & { body: AnswerInvitation }): Promise<SupportSession> {
  const { cityId, answer } = input.body;
  return change(db, { ...input, version: input.body.version }, (can, l) => can.answerInvitation && l.viewer.cityIds.includes(cityId) && l.invitations.some((i) => i.city_id === cityId), async (trx, l) => {
    const invitation = l.invitations.find((i) => i.city_id === cityId);
    if (!invitation) throw notFound();
    await trx
      .updateTable('support_peer_invitations')
      .set({ answer, answered_by: input.user.id, answered_at: input.now })
      .where('request_id', '=', l.row.id)
      .where('city_id', '=', cityId)
      .execute();
    const accepted = answer === 'accepted';
    await addEvent(trx, { requestId: l.row.id, kind: accepted ? 'peer_accepted' : 'peer_declined', actorId: input.user.id, at: input.now, note: invitation.city_name });
    await audit(trx, input, 'support_request.answer_invitation', { cityId, answer });
    if (l.row.expert_id && l.row.expert_id !== input.user.id) {
      await notify(trx, {
        kind: 'support',
        personIds: [l.row.expert_id],
        title: `${invitation.city_name} ${accepted ? 'accepted' : 'declined'} the peer session: ${l.row.title}`,
        link: supportRequestPath(l.row.id),
        email: (r) => invitationAnsweredEmail({ name: r.name, city: invitation.city_name, accepted, title: l.row.title, url: supportRequestUrl(input.publicUrl, l.row.id) }),
      });
    }
  });
}

/** The assigned expert proposes two to five times (at least an hour ahead); the asking city is asked to pick one. */
export async function proposeSessionSlots(db: Db, input: Ctx & { body: { slots: string[]; durationMinutes: number; joinUrl: string; version: number } }): Promise<SupportSession> {
  assertSlots(input.body.slots, input.now, MEETING_LEAD_MINUTES);
  const times = sortedInstants(input.body.slots);
  const { durationMinutes, joinUrl } = input.body;
  return change(db, { ...input, version: input.body.version }, (can) => can.proposeSlots, async (trx, l) => {
    await trx
      .insertInto('support_sessions')
      .values({ request_id: l.row.id, duration_minutes: durationMinutes, join_url: joinUrl, proposed_by: input.user.id, proposed_at: input.now, ics_uid: `support-session-${randomUUID()}@peercities.eu` })
      .onConflict((oc) => oc.column('request_id').doUpdateSet({ duration_minutes: durationMinutes, join_url: joinUrl, proposed_by: input.user.id, proposed_at: input.now }))
      .execute();
    await trx.deleteFrom('support_session_slots').where('request_id', '=', l.row.id).execute();
    await trx.insertInto('support_session_slots').values(times.map((t) => ({ request_id: l.row.id, starts_at: t }))).execute();
    await addEvent(trx, { requestId: l.row.id, kind: 'slots_proposed', actorId: input.user.id, at: input.now, note: `${times.length} times, ${durationMinutes} minutes` });
    await audit(trx, input, 'support_request.propose_slots', { slots: times.map((t) => t.toISOString()), durationMinutes });
    await notify(trx, {
      kind: 'support',
      personIds: (await representativesOf(trx, [l.row.city_id])).filter((p) => p !== input.user.id),
      title: `${input.user.name} proposes times: ${l.row.title}`,
      link: supportRequestPath(l.row.id),
      email: (r) => slotsProposedEmail({ name: r.name, expert: input.user.name, title: l.row.title, times, durationMinutes, url: supportRequestUrl(input.publicUrl, l.row.id) }),
    });
  });
}

/** The asking city picks one of the times; everyone taking part gets the time and the link to the .ics. */
export async function pickSessionSlot(db: Db, input: Ctx & { body: { slotId: string; version: number } }): Promise<SupportSession> {
  return change(db, { ...input, version: input.body.version }, (can) => can.pickSlot, async (trx, l) => {
    const slot = l.slots.find((s) => s.id === input.body.slotId);
    if (!slot) throw new AppError('VALIDATION_FAILED', reason('MEETING_SLOT_UNKNOWN'), { errors: [fieldError('body.slotId', reason('MEETING_SLOT_UNKNOWN'))] });
    const at = new Date(slot.starts_at);
    if (at.getTime() <= input.now.getTime()) throw new AppError('VALIDATION_FAILED', reason('MEETING_SLOT_PAST'), { errors: [fieldError('body.slotId', reason('MEETING_SLOT_PAST'))] });
    await trx
      .updateTable('support_sessions')
      .set((eb) => ({ slot_id: slot.id, scheduled_at: at, picked_by: input.user.id, picked_at: input.now, reminder_sent_at: null, ics_sequence: eb('ics_sequence', '+', 1) }))
      .where('request_id', '=', l.row.id)
      .execute();
    await addEvent(trx, { requestId: l.row.id, kind: 'session_scheduled', actorId: input.user.id, at: input.now, note: when(at) });
    await audit(trx, input, 'support_request.schedule', { startsAt: at.toISOString() });
    await tellScheduled(trx, l, { at, publicUrl: input.publicUrl, except: input.user.id, reminder: false });
  });
}

/** Everyone taking part but `except`: the time, the join link and the .ics link (the day before, as a reminder). */
async function tellScheduled(trx: Trx, l: Pick<Loaded, 'row' | 'invitations'>, i: { at: Date; publicUrl: string; except: string | null; reminder: boolean }) {
  const session = await sessionOf(trx, l.row.id);
  const people = (await participants(trx, l as Loaded)).filter((p) => p !== i.except);
  const url = supportRequestUrl(i.publicUrl, l.row.id);
  return notify(trx, {
    kind: 'support',
    personIds: people,
    title: `${i.reminder ? 'Tomorrow' : 'Scheduled'}: ${l.row.title}`,
    body: i.at.toISOString(),
    link: supportRequestPath(l.row.id),
    email: (r) =>
      sessionScheduledEmail({
        name: r.name,
        title: l.row.title,
        at: i.at,
        durationMinutes: session?.duration_minutes ?? 120,
        joinUrl: session?.join_url ?? '',
        url,
        icsUrl: `${i.publicUrl}${sessionIcsPath(l.row.id)}`,
        reminder: i.reminder,
      }),
  });
}

/** The asking city writes what it takes away from the held session; the expert is told. */
export async function writeTakeaway(db: Db, input: Ctx & { body: WriteTakeaway }): Promise<SupportSession> {
  const { text } = input.body;
  return change(db, { ...input, version: input.body.version }, (can) => can.writeTakeaway, async (trx, l) => {
    await trx.updateTable('support_requests').set({ takeaway: text, takeaway_by: input.user.id, takeaway_at: input.now }).where('id', '=', l.row.id).execute();
    await addEvent(trx, { requestId: l.row.id, kind: 'takeaway', actorId: input.user.id, at: input.now, note: null });
    await audit(trx, input, 'support_request.takeaway', { length: text.length, rewritten: l.row.takeaway !== null });
    if (l.row.expert_id) {
      await notify(trx, {
        kind: 'support',
        personIds: [l.row.expert_id],
        title: `What ${l.row.city_name} takes away: ${l.row.title}`,
        body: text.slice(0, 200),
        link: supportRequestPath(l.row.id),
        email: (r) => takeawayEmail({ name: r.name, city: l.row.city_name, title: l.row.title, takeaway: text, url: supportRequestUrl(input.publicUrl, l.row.id) }),
      });
    }
  });
}

/** The scheduled session as an .ics (Brussels time): for everyone taking part. */
export async function sessionInvitation(db: Db, input: { id: string; user: CurrentUser; publicUrl: string; mailFrom: string }): Promise<string> {
  const l = await load(db, input.id, input.user);
  const session = l.session;
  if (!session?.scheduled_at) throw new AppError('CONFLICT', reason('MEETING_NOT_SCHEDULED'));
  if (!canOf(l).downloadIcs) throw notFound();
  const start = new Date(session.scheduled_at);
  const accepted = l.invitations.filter((i) => i.answer === 'accepted').map((i) => i.city_name);
  const url = supportRequestUrl(input.publicUrl, l.row.id);
  const organizer = organizerOf(input.mailFrom);
  return buildMeetingInvitation({
    method: 'REQUEST',
    uid: session.ics_uid,
    sequence: session.ics_sequence,
    stamp: new Date(session.picked_at ?? session.proposed_at),
    start,
    end: new Date(start.getTime() + session.duration_minutes * MINUTE),
    summary: `${l.row.kind === 'peer-session' ? 'Peer session' : 'Call'}: ${l.row.title}`,
    description:
      `${l.row.city_name} with ${[l.row.expert_name ?? 'the expert', ...accepted].join(', ')}.\n` + (session.join_url ? `Join: ${session.join_url}\n` : '') + `The request: ${url}`,
    joinUrl: session.join_url || url,
    timeZone: SESSION_TIME_ZONE,
    ...(organizer ? { organizer } : {}),
  });
}

/**
 * The day before a scheduled call or peer session: everyone taking part is
 * told once (kind "support", with the .ics link), for sessions starting
 * within the next 24 hours. The mark and the notifications are written in
 * one transaction: none is sent twice, even by two processes. Answers how
 * many people were notified (the job support-session-reminders runs it).
 */
export async function remindScheduledSessions(db: Db, now: Date, publicUrl: string): Promise<number> {
  const due = await dueSessionReminders(db, now, new Date(now.getTime() + 24 * 60 * MINUTE));
  let notified = 0;
  for (const s of due) {
    const at = new Date(s.scheduled_at as Date);
    await db.transaction().execute(async (trx) => {
      if (!(await claimSessionReminder(trx, s.request_id, at, now))) return;
      const row = await requestById(trx, s.request_id);
      if (!row) return;
      const result = await tellScheduled(trx, { row, invitations: await invitationsOf(trx, row.id) }, { at, publicUrl, except: null, reminder: true });
      notified += result.notified;
    });
  }
  return notified;
}
