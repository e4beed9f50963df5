import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { programmeTeam, representativesOf } from '../notifications/notify.ts';

type Q = Kysely<Database>;

/** The parties of a conversation with what the meeting UI shows of them: a name and the country of a city. */
export function partiesOfConversation(db: Q, conversationId: string) {
  return db
    .selectFrom('conversation_parties as cp')
    .leftJoin('cities as c', 'c.id', 'cp.city_id')
    .leftJoin('people as p', 'p.id', 'cp.person_id')
    .select(['cp.id', 'cp.kind', 'cp.city_id', 'cp.person_id', 'c.name as city_name', 'c.country', 'c.kind as city_kind', 'p.name as person_name'])
    .where('cp.conversation_id', '=', conversationId)
    // Those who joined together (a conversation's parties join at its start): cities first, by name; then the team, an expert.
    .orderBy('cp.joined_at')
    .orderBy(sql`cp.kind <> 'city'`)
    .orderBy(sql`c.name NULLS LAST`)
    .orderBy('cp.id')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof partiesOfConversation>>[number];

export function conversationSubject(db: Q, conversationId: string) {
  return db.selectFrom('conversations').select(['id', 'subject']).where('id', '=', conversationId).executeTakeFirst();
}

const requestColumns = [
  'mr.id',
  'mr.conversation_id',
  'mr.party_id',
  'mr.proposed_by',
  'mr.title',
  'mr.duration_minutes',
  'mr.join_url',
  'mr.status',
  'mr.accepted_slot_id',
  'mr.decided_at',
  'mr.decline_reason',
  'mr.ics_uid',
  'mr.ics_sequence',
  'mr.scheduled_at',
  'mr.reminder_sent_at',
  'mr.version',
  'mr.created_at',
  'mr.updated_at',
  'pp.name as proposer_name',
  'pd.name as decider_name',
] as const;

function requests(db: Q) {
  return db
    .selectFrom('meeting_requests as mr')
    .leftJoin('people as pp', 'pp.id', 'mr.proposed_by')
    .leftJoin('people as pd', 'pd.id', 'mr.decided_by')
    .select(requestColumns)
    .select((eb) => [
      eb.and([eb('pp.disabled_at', 'is', null), eb('pp.erased_at', 'is', null), eb('pp.id', 'is not', null)]).as('proposer_active'),
    ]);
}

export function meetingRequestsOf(db: Q, conversationId: string) {
  return requests(db).where('mr.conversation_id', '=', conversationId).orderBy('mr.created_at', 'desc').orderBy('mr.id').execute();
}

/** A meeting request of this conversation (undefined for one of another conversation: no probing by id). */
export function findMeetingRequest(db: Q, conversationId: string, id: string) {
  return requests(db).where('mr.conversation_id', '=', conversationId).where('mr.id', '=', id).executeTakeFirst();
}
export type MeetingRequestRow = NonNullable<Awaited<ReturnType<typeof findMeetingRequest>>>;

export function slotsOf(db: Q, requestIds: readonly string[]) {
  if (!requestIds.length) return Promise.resolve([]);
  return db.selectFrom('meeting_slots').select(['id', 'meeting_request_id', 'starts_at']).where('meeting_request_id', 'in', [...requestIds]).orderBy('starts_at').execute();
}

export async function insertMeetingRequest(
  db: Q,
  m: { conversationId: string; partyId: string; proposedBy: string; title: string; durationMinutes: number; joinUrl: string; icsUid: string; slots: readonly Date[]; now: Date },
) {
  const { id } = await db
    .insertInto('meeting_requests')
    .values({
      conversation_id: m.conversationId,
      party_id: m.partyId,
      proposed_by: m.proposedBy,
      title: m.title,
      duration_minutes: m.durationMinutes,
      join_url: m.joinUrl,
      ics_uid: m.icsUid,
      created_at: m.now,
      updated_at: m.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_slots')
    .values(m.slots.map((s) => ({ meeting_request_id: id, starts_at: s })))
    .execute();
  return id;
}

/**
 * Changes a request only if nobody changed it since the caller read it
 * (`version`), and only from the states given: the optimistic check that lets
 * exactly one of two simultaneous answers through. Returns false otherwise.
 */
export async function updateMeetingRequest(
  db: Q,
  id: string,
  expected: { version: number; status: readonly ('proposed' | 'accepted')[] },
  set: Partial<{
    status: 'proposed' | 'accepted' | 'declined' | 'cancelled';
    accepted_slot_id: string | null;
    decided_by: string | null;
    decided_at: Date | null;
    decline_reason: string | null;
    scheduled_at: Date | null;
    reminder_sent_at: Date | null;
    party_id: string;
    proposed_by: string;
    bumpSequence: boolean;
  }>,
  now: Date,
): Promise<boolean> {
  const { bumpSequence, ...columns } = set;
  const result = await db
    .updateTable('meeting_requests')
    .set({
      ...columns,
      updated_at: now,
      version: sql<number>`version + 1`,
      ...(bumpSequence ? { ics_sequence: sql<number>`ics_sequence + 1` } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('status', 'in', [...expected.status])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceSlots(db: Q, requestId: string, slots: readonly Date[]) {
  await db.deleteFrom('meeting_slots').where('meeting_request_id', '=', requestId).execute();
  await db
    .insertInto('meeting_slots')
    .values(slots.map((s) => ({ meeting_request_id: requestId, starts_at: s })))
    .execute();
}

/** The slot at this time (an existing one, or a new one added to the request). */
export async function slotAt(db: Q, requestId: string, startsAt: Date) {
  const existing = await db.selectFrom('meeting_slots').select('id').where('meeting_request_id', '=', requestId).where('starts_at', '=', startsAt).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db.insertInto('meeting_slots').values({ meeting_request_id: requestId, starts_at: startsAt }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Everyone who reads the conversation for its parties: the cities' representatives, the programme team, the experts. */
export async function peopleOfParties(db: Q, parties: readonly { kind: string; city_id: string | null; person_id: string | null }[]) {
  const cityIds = parties.flatMap((p) => (p.kind === 'city' && p.city_id ? [p.city_id] : []));
  const experts = parties.flatMap((p) => (p.kind === 'expert' && p.person_id ? [p.person_id] : []));
  const team = parties.some((p) => p.kind === 'programme_team') ? await programmeTeam(db) : [];
  return [...new Set([...(await representativesOf(db, cityIds)), ...team, ...experts])];
}

/** Accepted meetings that start after `from` and by `until` whose reminder has not gone out. */
export function dueMeetingRequestReminders(db: Q, from: Date, until: Date) {
  return db
    .selectFrom('meeting_requests as mr')
    .innerJoin('conversations as c', 'c.id', 'mr.conversation_id')
    .select(['mr.id', 'mr.conversation_id', 'mr.title', 'mr.join_url', 'mr.scheduled_at', 'mr.duration_minutes', 'c.subject'])
    .where('mr.status', '=', 'accepted')
    .where('mr.reminder_sent_at', 'is', null)
    .where('mr.scheduled_at', '>', from)
    .where('mr.scheduled_at', '<=', until)
    .orderBy('mr.scheduled_at')
    .execute();
}

/** Marks the reminder as sent, unless another process did first (false then). */
export async function claimMeetingRequestReminder(db: Q, id: string, scheduledAt: Date, now: Date) {
  const result = await db
    .updateTable('meeting_requests')
    .set({ reminder_sent_at: now })
    .where('id', '=', id)
    .where('status', '=', 'accepted')
    .where('scheduled_at', '=', scheduledAt)
    .where('reminder_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
