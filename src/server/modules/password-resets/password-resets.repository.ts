import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Whether the person was sent a reset link after `since`. */
export async function resetRequestedSince(db: Q, personId: string, since: Date): Promise<boolean> {
  return (await db.selectFrom('password_resets').select('id').where('person_id', '=', personId).where('created_at', '>', since).executeTakeFirst()) !== undefined;
}

export async function insertReset(db: Q, reset: { personId: string; tokenHash: string; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('password_resets')
    .values({ person_id: reset.personId, token_hash: reset.tokenHash, expires_at: reset.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The unused, unexpired reset behind a link, with its person's email and name (not locked: the change checks again). */
export function findUsableReset(db: Q, tokenHash: string, now: Date) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.person_id', 'p.email', 'p.name'])
    .where('r.token_hash', '=', tokenHash)
    .where('r.used_at', 'is', null)
    .where('r.expires_at', '>', now)
    .executeTakeFirst();
}

/** The unused, unexpired reset behind a link, locked until the transaction ends. */
export function findUsableResetForUpdate(db: Q, tokenHash: string, now: Date) {
  return db
    .selectFrom('password_resets')
    .select(['id', 'person_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

/** Uses up every open reset link of the person: once the password is reset, the other links sent to that inbox stop working too. */
export async function markResetsUsed(db: Q, personId: string, at: Date) {
  await db.updateTable('password_resets').set({ used_at: at }).where('person_id', '=', personId).where('used_at', 'is', null).execute();
}
