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

/** Ends one session; whose it was (null when there was none). */
export async function deleteSession(db: Q, tokenHash: string): Promise<string | null> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('person_id').executeTakeFirst();
  return row?.person_id ?? null;
}

/** Ends the person's sessions (but the one of `exceptTokenHash`); the token hashes of those ended. */
export async function deleteSessionsOf(db: Q, personId: string, exceptTokenHash?: string): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  const rows = await query.returning('token_hash').execute();
  return rows.map((r) => r.token_hash);
}

export async function recordSignInAttempt(db: Q, attempt: { email: string; ip: string; succeeded: boolean; kind?: 'sign_in' | 'password_check' }) {
  await db.insertInto('sign_in_attempts').values({ email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded, kind: attempt.kind ?? 'sign_in' }).execute();
}

/**
 * Failed sign-ins since `since`: for the account from this address, for the
 * account from anywhere, and from this address for any account (decision 0026).
 */
export async function countRecentFailures(db: Q, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere((f) => f.and([f('email', '=', email), f('ip', '=', ip)])).as('by_email_and_ip'),
      eb.fn.countAll<number>().filterWhere('email', '=', email).as('by_email'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
      eb.fn.min('attempted_at').filterWhere((f) => f.and([f('email', '=', email), f('ip', '=', ip)])).as('oldest_by_email_and_ip'),
      eb.fn.min('attempted_at').filterWhere('email', '=', email).as('oldest_by_email'),
      eb.fn.min('attempted_at').filterWhere('ip', '=', ip).as('oldest_by_ip'),
    ])
    .where('kind', '=', 'sign_in')
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { ...row, by_email_and_ip: Number(row.by_email_and_ip), by_email: Number(row.by_email), by_ip: Number(row.by_ip) };
}

/** Wrong current passwords given for the account since `since` (changing a password), and the oldest of them. */
export async function countPasswordCheckFailures(db: Q, email: string, since: Date) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('failures'), eb.fn.min('attempted_at').as('oldest')])
    .where('kind', '=', 'password_check')
    .where('succeeded', '=', false)
    .where('email', '=', email)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), oldest: row.oldest };
}

/** A person's live sessions, the one last used first. */
export async function listSessionsOf(db: Q, personId: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Ends one session of the person, named by its id; the token hashes of what was ended. */
export async function deleteSessionById(db: Q, personId: string, id: string) {
  const rows = await db.deleteFrom('sessions').where('person_id', '=', personId).where('id', '=', id).returning('token_hash').execute();
  return rows.map((r) => r.token_hash);
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
