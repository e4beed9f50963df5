import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rolesJson } from '../people/people.repository.ts';

type Q = Kysely<Database>;

export async function insertSession(
  db: Q,
  session: { tokenHash: string; personId: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      person_id: session.personId,
      expires_at: session.expiresAt,
      last_seen_at: new Date(),
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
}

export async function touchSession(db: Q, tokenHash: string) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Q, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Q, personId: string, exceptTokenHash?: string) {
  let query = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  await query.execute();
}

export async function recordSignInAttempt(db: Q, attempt: { email: string; ip: string; succeeded: boolean }) {
  await db.insertInto('sign_in_attempts').values(attempt).execute();
}

/** Failed attempts since `since`, for one account and for one address. */
export async function countRecentFailures(db: Q, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('email', '=', email).as('by_email'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
      eb.fn.min('attempted_at').filterWhere('email', '=', email).as('oldest_by_email'),
      eb.fn.min('attempted_at').filterWhere('ip', '=', ip).as('oldest_by_ip'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * The live session's person with their roles, in one query: every signed-in
 * request runs it, so it is kept to a single round trip.
 */
export async function findSessionUser(db: Q, tokenHash: string, now: Date, idleSince: Date) {
  const result = await sql<{ last_seen_at: Date; expires_at: Date; id: string; email: string; name: string; locale: string; approval_pending: boolean; roles: unknown }>`
    SELECT s.last_seen_at, s.expires_at, p.id, p.email, p.name, p.locale, p.approval_pending, ${rolesJson} AS roles
      FROM sessions s
      JOIN people p ON p.id = s.person_id AND p.disabled_at IS NULL
     WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now} AND s.last_seen_at > ${idleSince}`.execute(db);
  return result.rows[0];
}
