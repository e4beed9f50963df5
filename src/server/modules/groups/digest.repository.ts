import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

// The daily digest's reading (jobs/daily-digest.ts) and each person's choice to receive it.

export async function setDigestOptOut(db: Q, personId: string, optOut: boolean) {
  await db.updateTable('people').set({ digest_opt_out: optOut }).where('id', '=', personId).execute();
}

/**
 * The next `limit` people, by id after `after`, who receive the digest:
 * those in a group (representative of an admitted city, or facilitator) who
 * did not opt out of the group posts, and anyone with notifications waiting
 * for the digest (their choice per kind, notifications_digest_idx); never
 * disabled or erased accounts. `posts` says whether the person's digest
 * carries group posts (not opted out).
 */
export async function digestRecipients(db: Q, after: string | null, limit: number) {
  const result = await sql<{ id: string; email: string; name: string; posts: boolean }>`
    SELECT pe.id, pe.email, pe.name, NOT pe.digest_opt_out AS posts
      FROM people pe
     WHERE pe.disabled_at IS NULL AND pe.erased_at IS NULL
       ${after ? sql`AND pe.id > ${after}` : sql``}
       AND ((NOT pe.digest_opt_out
             AND (EXISTS (SELECT 1 FROM role_grants r JOIN group_memberships m ON m.city_id = r.city_id AND m.status = 'admitted'
                           WHERE r.person_id = pe.id AND r.role = 'city_representative')
                  OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.person_id = pe.id)))
            OR EXISTS (SELECT 1 FROM notifications n WHERE n.person_id = pe.id AND n.delivery = 'digest' AND n.emailed_at IS NULL))
     ORDER BY pe.id
     LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * For the given people: the visible posts by others in their groups since
 * their digest cursor (`defaultSince` the first time), up to `until`. Each
 * person's posts come group by group and discussion by discussion (most
 * recently active first), never interleaved: digestDiscussions relies on it.
 */
export async function digestItems(db: Q, personIds: readonly string[], until: Date, defaultSince: Date) {
  if (!personIds.length) return [];
  const result = await sql<{ person_id: string; group_name: string; thread_id: string; thread_title: string; post_id: string; author: string | null; body_html: string }>`
    WITH audience AS (
      SELECT r.person_id, m.group_id
        FROM role_grants r
        JOIN group_memberships m ON m.city_id = r.city_id AND m.status = 'admitted'
       WHERE r.role = 'city_representative' AND r.person_id = ANY(${personIds}::uuid[])
      UNION
      SELECT person_id, group_id FROM group_facilitators WHERE person_id = ANY(${personIds}::uuid[])
    )
    SELECT a.person_id, g.name AS group_name, t.id AS thread_id, t.title AS thread_title,
           po.id AS post_id, au.name AS author, po.body_html
      FROM audience a
      JOIN discussion_groups g ON g.id = a.group_id
      JOIN group_threads t ON t.group_id = a.group_id
      LEFT JOIN digest_cursors c ON c.person_id = a.person_id
      JOIN group_posts po ON po.thread_id = t.id AND po.hidden_at IS NULL
       AND po.created_at > coalesce(c.sent_until, ${defaultSince}) AND po.created_at <= ${until}
      LEFT JOIN people au ON au.id = po.author_id
     WHERE po.author_id IS DISTINCT FROM a.person_id
     ORDER BY a.person_id, g.name, g.id, t.last_post_at DESC, t.id, po.created_at, po.id`.execute(db);
  return result.rows;
}

export async function advanceDigestCursors(db: Q, personIds: readonly string[], until: Date) {
  if (!personIds.length) return;
  await db
    .insertInto('digest_cursors')
    .values(personIds.map((person_id) => ({ person_id, sent_until: until })))
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ sent_until: until }))
    .execute();
}
