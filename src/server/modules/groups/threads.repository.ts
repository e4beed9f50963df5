import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

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

export async function insertThread(db: Q, t: { groupId: string; title: string; by: string }) {
  return (await db.insertInto('group_threads').values({ group_id: t.groupId, title: t.title, created_by: t.by }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds a post and keeps the thread's count and last activity in step. */
export async function insertPost(db: Q, p: { threadId: string; authorId: string; bodyHtml: string; mentionedCities: string[]; replyTo: string | null }) {
  const row = await db
    .insertInto('group_posts')
    .values({ thread_id: p.threadId, author_id: p.authorId, body_html: p.bodyHtml, mentioned_cities: p.mentionedCities, reply_to: p.replyTo })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('group_threads')
    .set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: row.created_at }))
    .where('id', '=', p.threadId)
    .execute();
  return row.id;
}

export function postsOfThread(db: Q, threadId: string, limit: number, offset: number) {
  return db
    .selectFrom('group_posts as g')
    .leftJoin('people as p', 'p.id', 'g.author_id')
    .select((eb) => [
      'g.id',
      'g.body_html',
      'g.mentioned_cities',
      'g.reply_to',
      'g.created_at',
      'g.hidden_at',
      'g.hidden_reason',
      'p.name as author_name',
      eb
        .selectFrom('role_grants as r')
        .innerJoin('cities as c', 'c.id', 'r.city_id')
        .select('c.name')
        .whereRef('r.person_id', '=', 'g.author_id')
        .where('r.role', '=', 'city_representative')
        .orderBy('r.primary_contact', 'desc')
        .limit(1)
        .as('author_city'),
    ])
    .where('g.thread_id', '=', threadId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .limit(limit)
    .offset(offset)
    .execute();
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

export async function setDigestOptOut(db: Q, personId: string, optOut: boolean) {
  await db.updateTable('people').set({ digest_opt_out: optOut }).where('id', '=', personId).execute();
}

/**
 * For every person in a group (representative of an admitted city or
 * facilitator) who has not opted out: the visible posts by others in their
 * groups since their digest cursor, up to `until`.
 */
export function digestItems(db: Q, until: Date, defaultSince: Date) {
  return sql<{ person_id: string; email: string; name: string; group_name: string; thread_id: string; thread_title: string; author: string | null; body_html: string; created_at: Date }>`
    WITH audience AS (
      SELECT r.person_id, m.group_id
        FROM group_memberships m
        JOIN role_grants r ON r.city_id = m.city_id AND r.role = 'city_representative'
       WHERE m.status = 'admitted'
      UNION
      SELECT person_id, group_id FROM group_facilitators
    )
    SELECT a.person_id, pe.email, pe.name, g.name AS group_name, t.id AS thread_id, t.title AS thread_title,
           au.name AS author, po.body_html, po.created_at
      FROM audience a
      JOIN people pe ON pe.id = a.person_id AND NOT pe.digest_opt_out AND pe.disabled_at IS NULL
      JOIN discussion_groups g ON g.id = a.group_id
      JOIN group_threads t ON t.group_id = a.group_id
      JOIN group_posts po ON po.thread_id = t.id AND po.hidden_at IS NULL
      LEFT JOIN people au ON au.id = po.author_id
      LEFT JOIN digest_cursors c ON c.person_id = a.person_id
     WHERE po.created_at > coalesce(c.sent_until, ${defaultSince})
       AND po.created_at <= ${until}
       AND po.author_id IS DISTINCT FROM a.person_id
     ORDER BY a.person_id, g.name, t.last_post_at DESC, po.created_at`.execute(db);
}

export async function advanceDigestCursor(db: Q, personId: string, until: Date) {
  await db
    .insertInto('digest_cursors')
    .values({ person_id: personId, sent_until: until })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ sent_until: until }))
    .execute();
}
