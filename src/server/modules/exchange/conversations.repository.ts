import { sql, type Kysely } from 'kysely';
import { UNREAD_CAP } from '../../../shared/exchange.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Which inbox: a city's, the programme team's, or one expert's own. */
export type Box = { kind: 'city'; cityId: string } | { kind: 'programme_team' } | { kind: 'expert'; personId: string };

/** The biggest total an inbox counts; past it the list says "1000+" (search finds the older ones). */
export const INBOX_COUNT_CAP = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The parties of one box (alias p), as its inbox index's predicate. */
function boxOf(box: Box) {
  return box.kind === 'city'
    ? sql`p.kind = 'city' AND p.city_id = ${box.cityId}`
    : box.kind === 'programme_team'
      ? sql`p.kind = 'programme_team'`
      : sql`p.kind = 'expert' AND p.person_id = ${box.personId}`;
}

/**
 * The filter of one inbox page: the box's parties, archived or not for this
 * person, and the search. A conversation is archived for a person while
 * their archived_at is not older than its last message: a new message
 * brings it back for everyone without writing to anyone's row.
 */
function inboxWhere(box: Box, personId: string, archived: boolean, q: string | undefined, seesHidden: boolean) {
  const boxFilter = boxOf(box);
  const archiveFilter = archived
    ? sql`EXISTS (SELECT 1 FROM conversation_reads r WHERE r.person_id = ${personId} AND r.conversation_id = p.conversation_id AND r.archived_at >= p.last_message_at)`
    : sql`NOT EXISTS (SELECT 1 FROM conversation_reads r WHERE r.person_id = ${personId} AND r.conversation_id = p.conversation_id AND r.archived_at >= p.last_message_at)`;
  if (!q) return sql`${boxFilter} AND ${archiveFilter}`;
  const pattern = `%${escapeLike(q)}%`;
  // Only the box's own conversations are searched: the parties drive, each
  // conversation's messages are read through messages_conversation_idx (or
  // the trigram index on fold_name(body_text), as the planner finds cheaper).
  const searchFilter = sql`(
      fold_name(c.subject) LIKE fold_name(${pattern})
      OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = p.conversation_id AND fold_name(m.body_text) LIKE fold_name(${pattern})${seesHidden ? sql`` : sql` AND m.hidden_at IS NULL`})
    )`;
  return sql`${boxFilter} AND ${archiveFilter} AND ${searchFilter}`;
}

export interface InboxRow extends AboutRow {
  conversation_id: string;
  party_id: string;
  subject: string;
  /** Every party of the conversation, the person's own included. */
  parties: PartyRow[];
  /** The inbox's total (inboxCount), on every row. */
  total: number;
  last_message_at: Date;
  archived: boolean;
  unread: number;
  last_body: string | null;
  last_author: string | null;
  last_author_erased: boolean | null;
  last_hidden: boolean | null;
}

/**
 * One page of an inbox, newest activity first: an index range scan of the
 * box's parties (conversation_parties_*_inbox_idx), then per listed row the
 * person's read mark, the unread count (stopping at UNREAD_CAP) and the last
 * message, each bounded by the page size; then, for the page's rows only, the
 * parties and the about-card's names; and the inbox's total, computed once.
 */
export async function inboxPage(db: Q, input: { box: Box; personId: string; archived: boolean; q?: string; seesHidden: boolean; limit: number; offset: number }): Promise<InboxRow[]> {
  const where = inboxWhere(input.box, input.personId, input.archived, input.q, input.seesHidden);
  const { rows } = await sql<InboxRow>`
    WITH page AS (
    SELECT p.conversation_id, p.id AS party_id, c.subject, c.about_kind, c.about_solution_id, c.about_city_id, c.about_visit_id, p.last_message_at,
           (r.archived_at IS NOT NULL AND r.archived_at >= p.last_message_at) AS archived,
           (SELECT count(*)::int FROM (
              SELECT 1 FROM messages m
               WHERE m.conversation_id = p.conversation_id AND m.created_at > coalesce(r.read_up_to, '-infinity')
                 AND m.author_id IS DISTINCT FROM ${input.personId}
               LIMIT ${UNREAD_CAP}) u) AS unread,
           lm.body_text AS last_body, lm.author_name AS last_author, lm.author_erased AS last_author_erased, lm.hidden AS last_hidden
      FROM conversation_parties p
      JOIN conversations c ON c.id = p.conversation_id
      -- A lookup per listed row (LIMIT keeps it one): as a plain join, the generic plan of the
      -- prepared statement read all of the person's read marks for every page.
      LEFT JOIN LATERAL (
        SELECT r.read_up_to, r.archived_at FROM conversation_reads r
         WHERE r.person_id = ${input.personId} AND r.conversation_id = p.conversation_id
         LIMIT 1) r ON true
      LEFT JOIN LATERAL (
        SELECT m.body_text, a.name AS author_name, (a.id IS NULL OR a.erased_at IS NOT NULL) AS author_erased, (m.hidden_at IS NOT NULL) AS hidden
          FROM messages m LEFT JOIN people a ON a.id = m.author_id
         WHERE m.conversation_id = p.conversation_id
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT 1) lm ON true
     WHERE ${where}
     ORDER BY p.last_message_at DESC, p.conversation_id
     LIMIT ${input.limit} OFFSET ${input.offset})
    SELECT c.*, ${partiesJson(sql.ref('c.conversation_id'))} AS parties, ${inboxTotal(input)}::int AS total,
           about_s.title AS about_solution_title, about_sc.name AS about_solution_city,
           about_c.name AS about_city_name, about_c.slug AS about_city_slug,
           about_v.starts_on AS about_visit_starts_on, about_vc.name AS about_visit_host
      FROM page c
      ${ABOUT_JOINS}
     ORDER BY c.last_message_at DESC, c.conversation_id`.execute(db);
  return rows;
}

/**
 * How many conversations the inbox holds, up to INBOX_COUNT_CAP, as an SQL
 * expression. Without a search it reads no conversation: the box's parties
 * counted in their inbox index, less those the person archived since their
 * last message (read through conversation_reads_archived_idx, usually a
 * handful). With a search it counts the matches.
 */
function inboxTotal(input: { box: Box; personId: string; archived: boolean; q?: string; seesHidden: boolean }) {
  if (input.q) {
    const where = inboxWhere(input.box, input.personId, input.archived, input.q, input.seesHidden);
    return sql<number>`(SELECT count(*)::int FROM (
        SELECT 1 FROM conversation_parties p JOIN conversations c ON c.id = p.conversation_id
         WHERE ${where}
         LIMIT ${INBOX_COUNT_CAP}) x)`;
  }
  const box = boxOf(input.box);
  return sql<number>`(SELECT ${input.archived ? sql`least(k.archived, ${INBOX_COUNT_CAP})` : sql`greatest(0, k.all - k.archived)`} FROM (
      SELECT (SELECT count(*)::int FROM (SELECT 1 FROM conversation_parties p WHERE ${box} LIMIT ${INBOX_COUNT_CAP}) x) AS all,
             (SELECT count(*)::int FROM conversation_reads r JOIN conversation_parties p ON p.conversation_id = r.conversation_id AND ${box}
               WHERE r.person_id = ${input.personId} AND r.archived_at IS NOT NULL AND r.archived_at >= p.last_message_at) AS archived) k)`;
}

/** How many conversations the inbox holds, up to INBOX_COUNT_CAP (inboxPage's rows carry it too). */
export async function inboxCount(db: Q, input: { box: Box; personId: string; archived: boolean; q?: string; seesHidden: boolean }): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT ${inboxTotal(input)}::int AS n`.execute(db);
  return rows[0]?.n ?? 0;
}

export interface PartyRow {
  id: string;
  conversation_id: string;
  kind: 'city' | 'programme_team' | 'expert';
  city_id: string | null;
  person_id: string | null;
  city_name: string | null;
  city_slug: string | null;
  person_name: string | null;
}

/** The parties of these conversations, cities by name. */
export async function partiesOf(db: Q, conversationIds: readonly string[]): Promise<PartyRow[]> {
  if (!conversationIds.length) return [];
  return db
    .selectFrom('conversation_parties as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .leftJoin('people as e', 'e.id', 'p.person_id')
    .select(['p.id', 'p.conversation_id', 'p.kind', 'p.city_id', 'p.person_id', 'c.name as city_name', 'c.slug as city_slug', 'e.name as person_name'])
    .where(sql<boolean>`p.conversation_id = ANY(${[...conversationIds]}::uuid[])`)
    // Parties added together (when a conversation starts) come by name.
    .orderBy('p.joined_at')
    .orderBy(sql`c.name NULLS LAST`)
    .orderBy('p.id')
    .execute();
}

export interface AboutRow {
  about_kind: 'topic' | 'solution' | 'city' | 'visit';
  about_solution_id: string | null;
  about_city_id: string | null;
  about_visit_id: string | null;
  /** The names the about-card shows, null when what it is about is gone. */
  about_solution_title: string | null;
  about_solution_city: string | null;
  about_city_name: string | null;
  about_city_slug: string | null;
  about_visit_starts_on: string | null;
  about_visit_host: string | null;
}

/** What an about-card shows, from the conversation `c` joined by ABOUT_JOINS. */
const ABOUT_COLUMNS = sql`c.about_kind, c.about_solution_id, c.about_city_id, c.about_visit_id,
           about_s.title AS about_solution_title, about_sc.name AS about_solution_city,
           about_c.name AS about_city_name, about_c.slug AS about_city_slug,
           about_v.starts_on AS about_visit_starts_on, about_vc.name AS about_visit_host`;
const ABOUT_JOINS = sql`LEFT JOIN solutions about_s ON c.about_kind = 'solution' AND about_s.id = c.about_solution_id
      LEFT JOIN cities about_sc ON about_sc.id = about_s.city_id
      LEFT JOIN cities about_c ON c.about_kind = 'city' AND about_c.id = c.about_city_id
      LEFT JOIN study_visits about_v ON c.about_kind = 'visit' AND about_v.id = c.about_visit_id
      LEFT JOIN cities about_vc ON about_vc.id = about_v.host_city_id`;

/** The parties of conversation `conversationColumn` as a JSON array of PartyRow, in partiesOf's order. */
const partiesJson = (conversationColumn: ReturnType<typeof sql.ref>) => sql`(
      SELECT coalesce(json_agg(json_build_object('id', pp.id, 'conversation_id', pp.conversation_id, 'kind', pp.kind, 'city_id', pp.city_id, 'person_id', pp.person_id,
                                                 'city_name', pc.name, 'city_slug', pc.slug, 'person_name', pe.name)
                               ORDER BY pp.joined_at, pc.name NULLS LAST, pp.id), '[]'::json)
        FROM conversation_parties pp LEFT JOIN cities pc ON pc.id = pp.city_id LEFT JOIN people pe ON pe.id = pp.person_id
       WHERE pp.conversation_id = ${conversationColumn})`;

export interface ConversationHead extends AboutRow {
  id: string;
  subject: string;
  created_at: Date;
  /** Archived for the person since its last message. */
  archived: boolean;
  /** Of `otherCityIds`, those the person's city blocked. */
  blocked_city_ids: string[];
}

/**
 * What a conversation page shows above its messages, in one statement: the
 * conversation with its about-card, whether the person archived it, and which
 * of the other cities their city blocked.
 */
export async function conversationHead(db: Q, input: { conversationId: string; personId: string; cityId: string | null; otherCityIds: readonly string[] }): Promise<ConversationHead | null> {
  const blocked = input.cityId && input.otherCityIds.length
    ? sql`ARRAY(SELECT b.blocked_city_id::text FROM city_blocks b WHERE b.city_id = ${input.cityId} AND b.blocked_city_id = ANY(${[...input.otherCityIds]}::uuid[]) ORDER BY 1)`
    : sql`ARRAY[]::text[]`;
  const { rows } = await sql<ConversationHead>`
    SELECT c.id, c.subject, c.created_at, ${ABOUT_COLUMNS},
           (r.archived_at IS NOT NULL AND r.archived_at >= c.last_message_at) AS archived,
           ${blocked} AS blocked_city_ids
      FROM conversations c
      ${ABOUT_JOINS}
      LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.person_id = ${input.personId}
     WHERE c.id = ${input.conversationId}`.execute(db);
  return rows[0] ?? null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  party_id: string;
  author_id: string | null;
  author_name: string | null;
  author_disabled: boolean | null;
  author_erased: boolean | null;
  party_city: string | null;
  party_kind: 'city' | 'programme_team' | 'expert';
  body_html: string;
  created_at: Date;
  hidden_at: Date | null;
  hidden_reason: string | null;
}

const MESSAGE_COLUMNS = sql`m.id, m.conversation_id, m.party_id, m.author_id, a.name AS author_name, (a.disabled_at IS NOT NULL) AS author_disabled, (a.id IS NULL OR a.erased_at IS NOT NULL) AS author_erased,
           c.name AS party_city, p.kind AS party_kind, m.body_html, m.created_at, m.hidden_at, m.hidden_reason`;
const MESSAGE_JOINS = sql`JOIN conversation_parties p ON p.id = m.party_id
      LEFT JOIN cities c ON c.id = p.city_id
      LEFT JOIN people a ON a.id = m.author_id`;

/** One message with what its page shows beside it. */
export async function messageById(db: Q, messageId: string): Promise<MessageRow | null> {
  const { rows } = await sql<MessageRow>`SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS} WHERE m.id = ${messageId}`.execute(db);
  return rows[0] ?? null;
}

export interface MessagePageRow extends MessageRow {
  files: { id: string; filename: string; size_bytes: number }[];
}

/**
 * One page of a conversation's messages with their attachments, newest first
 * (the caller reverses): messages_conversation_idx, LIMIT n. With
 * `markReadBy`, the same statement marks the conversation read for that
 * person up to the newest message read (never moving the mark back, and
 * writing nothing when it is already there).
 */
export async function messagesPage(db: Q, conversationId: string, limit: number, before: { created_at: Date; id: string } | null, markReadBy: string | null = null): Promise<MessagePageRow[]> {
  const mark = markReadBy
    ? sql`, mark AS (
        INSERT INTO conversation_reads (conversation_id, person_id, read_up_to)
        SELECT ${conversationId}, ${markReadBy}, coalesce(max(created_at), '-infinity') FROM shown
        ON CONFLICT (person_id, conversation_id) DO UPDATE SET read_up_to = EXCLUDED.read_up_to
         WHERE conversation_reads.read_up_to IS NULL OR conversation_reads.read_up_to < EXCLUDED.read_up_to)`
    : sql``;
  const { rows } = await sql<MessagePageRow>`
    WITH shown AS (
    SELECT ${MESSAGE_COLUMNS},
           (SELECT coalesce(json_agg(json_build_object('id', f.id, 'filename', f.filename, 'size_bytes', f.size_bytes) ORDER BY f.uploaded_at, f.id), '[]'::json)
              FROM message_attachments f WHERE f.message_id = m.id) AS files
      FROM messages m
      ${MESSAGE_JOINS}
     WHERE m.conversation_id = ${conversationId}
       ${before ? sql`AND (m.created_at, m.id) < (${before.created_at}::timestamptz, ${before.id}::uuid)` : sql``}
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT ${limit})${mark}
    SELECT * FROM shown ORDER BY created_at DESC, id DESC`.execute(db);
  return rows;
}

/** The position of a message (for `before`): its instant, exactly as stored. */
export async function messageCursor(db: Q, conversationId: string, messageId: string) {
  const { rows } = await sql<{ created_at: Date; id: string }>`SELECT created_at, id FROM messages WHERE id = ${messageId} AND conversation_id = ${conversationId}`.execute(db);
  return rows[0] ?? null;
}

export async function attachmentsOf(db: Q, messageIds: readonly string[]) {
  if (!messageIds.length) return [];
  return db
    .selectFrom('message_attachments')
    .select(['id', 'message_id', 'filename', 'size_bytes'])
    .where(sql<boolean>`message_id = ANY(${[...messageIds]}::uuid[])`)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** Marks the conversation read up to its latest message (never moving the mark back), in SQL: no instant loses its microseconds on the way. */
export async function markRead(db: Q, conversationId: string, personId: string) {
  await sql`
    INSERT INTO conversation_reads (conversation_id, person_id, read_up_to)
    SELECT ${conversationId}, ${personId}, coalesce(max(created_at), '-infinity') FROM messages WHERE conversation_id = ${conversationId}
    ON CONFLICT (person_id, conversation_id) DO UPDATE SET read_up_to = GREATEST(conversation_reads.read_up_to, EXCLUDED.read_up_to)`.execute(db);
}

export async function setArchived(db: Q, conversationId: string, personId: string, archived: boolean) {
  await sql`
    INSERT INTO conversation_reads (conversation_id, person_id, archived_at)
    VALUES (${conversationId}, ${personId}, ${archived ? sql`now()` : sql`NULL`})
    ON CONFLICT (person_id, conversation_id) DO UPDATE SET archived_at = EXCLUDED.archived_at`.execute(db);
}

/** Whether the conversation is archived for the person (not older than its last message). */
export async function isArchived(db: Q, conversationId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ archived: boolean }>`
    SELECT (r.archived_at IS NOT NULL AND r.archived_at >= c.last_message_at) AS archived
      FROM conversations c LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.person_id = ${personId}
     WHERE c.id = ${conversationId}`.execute(db);
  return rows[0]?.archived ?? false;
}

/**
 * Adds a message and moves the conversation, and each of its parties, to
 * the top of their inboxes; the author has read up to their own message.
 * One statement: the conversation's row is locked by its update, so
 * concurrent answers queue there and last_message_at only moves forward.
 * Returns the message's id and the conversation's subject, or null when the
 * conversation does not exist.
 */
export async function insertMessage(db: Q, input: { conversationId: string; partyId: string; authorId: string; bodyHtml: string; bodyText: string }) {
  const { rows } = await sql<{ id: string; subject: string; created_at: Date }>`
    WITH message AS (
      INSERT INTO messages (conversation_id, party_id, author_id, body_html, body_text)
      VALUES (${input.conversationId}, ${input.partyId}, ${input.authorId}, ${input.bodyHtml}, ${input.bodyText})
      RETURNING id, created_at),
    conversation AS (
      UPDATE conversations SET last_message_at = GREATEST(last_message_at, message.created_at)
        FROM message WHERE conversations.id = ${input.conversationId}
      RETURNING conversations.subject),
    parties AS (
      UPDATE conversation_parties SET last_message_at = GREATEST(last_message_at, message.created_at)
        FROM message WHERE conversation_parties.conversation_id = ${input.conversationId}),
    author_read AS (
      INSERT INTO conversation_reads (conversation_id, person_id, read_up_to)
      SELECT ${input.conversationId}, ${input.authorId}, message.created_at FROM message
      ON CONFLICT (person_id, conversation_id) DO UPDATE SET read_up_to = GREATEST(conversation_reads.read_up_to, EXCLUDED.read_up_to))
    SELECT message.id, message.created_at, conversation.subject FROM message, conversation`.execute(db);
  return rows[0] ?? null;
}

export async function blockedBy(db: Q, fromCityId: string, toCityIds: readonly string[]): Promise<boolean> {
  if (!toCityIds.length) return false;
  const row = await db.selectFrom('city_blocks').select('city_id').where('blocked_city_id', '=', fromCityId).where('city_id', 'in', [...toCityIds]).executeTakeFirst();
  return row !== undefined;
}

