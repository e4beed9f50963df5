import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { facilitatesGroup, representsAdmittedCityOf } from './groups.repository.ts';

type Q = Kysely<Database>;

const THREAD_COLUMNS = ['t.id', 't.group_id', 't.title', 't.pinned', 't.closed', 't.post_count', 't.last_post_at', 'p.name as created_by_name'] as const;

export function threadsOfGroup(db: Q, groupId: string, limit: number, offset: number) {
  return db
    .selectFrom('group_threads as t')
    .leftJoin('people as p', 'p.id', 't.created_by')
    .select(THREAD_COLUMNS)
    .where('t.group_id', '=', groupId)
    .orderBy('t.pinned', 'desc')
    .orderBy('t.last_post_at', 'desc')
    .orderBy('t.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countThreads(db: Q, groupId: string) {
  return (await db.selectFrom('group_threads').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', groupId).executeTakeFirstOrThrow()).n;
}

export function findThread(db: Q, id: string) {
  return db.selectFrom('group_threads as t').leftJoin('people as p', 'p.id', 't.created_by').select(THREAD_COLUMNS).where('t.id', '=', id).executeTakeFirst();
}

/** A thread with the reader's standing in its group. */
interface ThreadWithAccess {
  id: string;
  group_id: string;
  title: string;
  pinned: boolean;
  closed: boolean;
  post_count: number;
  last_post_at: Date;
  created_by_name: string | null;
  facilitates: boolean;
  member: boolean;
}

/**
 * The thread, and in the same query whether the person facilitates its group
 * or represents one of the group's admitted cities; with `page`, also that
 * page of its posts (one round trip for reading a thread: the caller checks
 * access before it shows them).
 */
export async function findThreadFor(db: Q, id: string, personId: string, page?: { limit: number; offset: number }) {
  const row = await db
    .selectFrom('group_threads as t')
    .leftJoin('people as p', 'p.id', 't.created_by')
    .select([
      ...THREAD_COLUMNS,
      facilitatesGroup('t.group_id', personId).as('facilitates'),
      representsAdmittedCityOf('t.group_id', personId).as('member'),
      (page ? postsJson(postsFrom(sql.ref('t.id'), page.limit, page.offset)) : sql<PostRow[] | null>`NULL::json`).as('posts'),
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, posts: row.posts ?? [] };
}

export async function insertThread(db: Q, t: { groupId: string; title: string; by: string }) {
  return (await db.insertInto('group_threads').values({ group_id: t.groupId, title: t.title, created_by: t.by }).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Adds a post to a thread in one statement, atomic on its own:
 *
 * - reads the thread with the author's standing in its group (the same
 *   facilitator and member checks as findThreadFor) and whether `replyTo`
 *   is a post of this thread;
 * - inserts the post only when the author may post — facilitator, member, or
 *   `isManager` (groups.policy's mayPost) — the thread is
 *   open and `replyTo` holds, and then moves the thread's count and last
 *   activity;
 * - answers the thread and those flags (no row: no such thread), and when the
 *   post went in, its id and time, and the thread's new count and last
 *   activity. It answers no page of posts: a reply is small work, and the
 *   reader fetches the page when they want it (decision 0011).
 */
export async function addPost(
  db: Q,
  p: { threadId: string; authorId: string; isManager: boolean; bodyHtml: string; mentionedCities: string[]; replyTo: string | null },
) {
  const result = await sql<
    ThreadWithAccess & { reply_to_ok: boolean; post_id: string | null; post_created_at: Date | null; new_post_count: number | null; new_last_post_at: Date | null }
  >`
    WITH target AS (
      SELECT t.id, t.group_id, t.title, t.pinned, t.closed, t.post_count, t.last_post_at, p.name AS created_by_name,
             ${facilitatesGroup('t.group_id', p.authorId)} AS facilitates,
             ${representsAdmittedCityOf('t.group_id', p.authorId)} AS member,
             (${p.replyTo}::uuid IS NULL OR EXISTS (SELECT 1 FROM group_posts WHERE id = ${p.replyTo}::uuid AND thread_id = t.id)) AS reply_to_ok
        FROM group_threads t LEFT JOIN people p ON p.id = t.created_by
       WHERE t.id = ${p.threadId}
    ), post AS (
      INSERT INTO group_posts (thread_id, author_id, body_html, mentioned_cities, reply_to)
      SELECT target.id, ${p.authorId}, ${p.bodyHtml}, ${p.mentionedCities}::uuid[], ${p.replyTo}::uuid
        FROM target
       WHERE (target.facilitates OR target.member OR ${p.isManager}) AND NOT target.closed AND target.reply_to_ok
      RETURNING id, thread_id, created_at
    ), thread AS (
      UPDATE group_threads t
         SET post_count = t.post_count + 1, last_post_at = greatest(t.last_post_at, post.created_at)
        FROM post
       WHERE t.id = post.thread_id
      RETURNING t.post_count, t.last_post_at
    )
    SELECT target.*, post.id AS post_id, post.created_at AS post_created_at,
           thread.post_count AS new_post_count, thread.last_post_at AS new_last_post_at
      FROM target LEFT JOIN post ON true LEFT JOIN thread ON true`.execute(db);
  return result.rows[0];
}

/** A post as the page's JSON carries it (timestamps as ISO 8601 text). */
export interface PostRow {
  id: string;
  /** Null once the author's account is deleted. */
  author_id: string | null;
  body_html: string;
  mentioned_cities: string[];
  reply_to: string | null;
  created_at: string;
  hidden_at: string | null;
  hidden_reason: string | null;
}

/** `limit` posts of the thread from `offset`, oldest first: cut from the index (thread, created_at, id). */
function postsFrom(threadId: Expression<string>, limit: number, offset: number) {
  return sql`(SELECT * FROM group_posts WHERE thread_id = ${threadId} ORDER BY created_at, id LIMIT ${limit} OFFSET ${offset})`;
}

/**
 * The posts of `rows` (rows of group_posts) as one JSON array, oldest first.
 * Authors are ids: the service adds their names and cities (PersonLabels,
 * remembered by the process) rather than this statement looking up two
 * tables per post on every read.
 */
function postsJson(rows: Expression<unknown>) {
  return sql<PostRow[]>`(
    SELECT coalesce(json_agg(json_build_object(
             'id', g.id, 'author_id', g.author_id, 'body_html', g.body_html, 'mentioned_cities', g.mentioned_cities,
             'reply_to', g.reply_to, 'created_at', g.created_at, 'hidden_at', g.hidden_at, 'hidden_reason', g.hidden_reason)
           ORDER BY g.created_at, g.id), '[]'::json)
      FROM ${rows} g)`;
}

export function findPost(db: Q, id: string) {
  return db.selectFrom('group_posts as g').innerJoin('group_threads as t', 't.id', 'g.thread_id').select(['g.id', 'g.thread_id', 't.group_id', 'g.hidden_at']).where('g.id', '=', id).executeTakeFirst();
}

export async function hidePost(db: Q, id: string, by: string, reason: string) {
  await db.updateTable('group_posts').set({ hidden_at: new Date(), hidden_by: by, hidden_reason: reason }).where('id', '=', id).execute();
}

export async function moderateThread(db: Q, id: string, changes: { pinned?: boolean | undefined; closed?: boolean | undefined }) {
  await db
    .updateTable('group_threads')
    .set({ ...(changes.pinned !== undefined ? { pinned: changes.pinned } : {}), ...(changes.closed !== undefined ? { closed: changes.closed } : {}) })
    .where('id', '=', id)
    .execute();
}

export function citiesByIds(db: Q, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('cities').select(['id', 'name', 'slug']).where('id', 'in', ids).execute();
}

/** The cities among `cityIds` admitted to the group (those whose representatives can read its discussions), with the group's name. */
export async function admittedCitiesOfGroup(db: Q, groupId: string, cityIds: readonly string[]) {
  if (!cityIds.length) return [];
  return db
    .selectFrom('group_memberships as m')
    .innerJoin('cities as c', 'c.id', 'm.city_id')
    .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
    .select(['c.id', 'c.name', 'g.name as group_name'])
    .where('m.group_id', '=', groupId)
    .where('m.status', '=', 'admitted')
    .where('m.city_id', 'in', [...cityIds])
    .orderBy('c.name')
    .execute();
}
