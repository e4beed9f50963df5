import { sql, type Kysely } from 'kysely';
import type { CitiesTable, Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** A request's way into the library (migration 0038). */
export function publicationOf(db: Q, requestId: string, forUpdate = false) {
  let q = db.selectFrom('support_publications').selectAll().where('request_id', '=', requestId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The name of whoever consented, for the request's page. */
export async function personName(db: Q, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * The names of the people on a request, to remove from what is published:
 * who asked, the expert, whoever answered or acted on it, and the city's
 * representatives (one statement).
 */
export async function namesOnRequest(db: Q, requestId: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT DISTINCT p.name FROM people p
    WHERE p.id IN (
      SELECT r.asked_by FROM support_requests r WHERE r.id = ${requestId}
      UNION SELECT r.expert_id FROM support_requests r WHERE r.id = ${requestId}
      UNION SELECT a.author_id FROM support_answers a WHERE a.request_id = ${requestId}
      UNION SELECT v.actor_id FROM support_events v WHERE v.request_id = ${requestId}
      UNION SELECT g.person_id FROM role_grants g JOIN support_requests r ON r.city_id = g.city_id
        WHERE r.id = ${requestId} AND g.role = 'city_representative'
    )`.execute(db);
  return result.rows.map((r) => r.name).filter((n) => n.trim().length > 0);
}

/** The plain text of a request's answers, oldest first. */
export async function answerTexts(db: Q, requestId: string): Promise<string[]> {
  const rows = await db.selectFrom('support_answers').select('body_text').where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.body_text);
}

export interface PublishedAnswerRow {
  id: string;
  title: string;
  question: string;
  answer: string;
  sectors: string[];
  levers: string[];
  published_at: Date;
  city_id: string;
  city_slug: string;
  city_name: string;
  city_country: string;
  city_kind: CitiesTable['kind'];
}

/** A published entry with its city; undefined when there is none or it is not published. */
export function publishedAnswerById(db: Q, id: string): Promise<PublishedAnswerRow | undefined> {
  return db
    .selectFrom('support_publications as a')
    .innerJoin('cities as c', 'c.id', 'a.city_id')
    .select(['a.id', 'a.title', 'a.question', 'a.answer', 'a.sectors', 'a.levers', 'c.id as city_id', 'c.slug as city_slug', 'c.name as city_name', 'c.country as city_country', 'c.kind as city_kind'])
    .select(sql<Date>`a.published_at`.as('published_at'))
    .where('a.id', '=', id)
    .where('a.published_at', 'is not', null)
    .executeTakeFirst();
}
