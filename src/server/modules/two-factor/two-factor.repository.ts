import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function findTwoFactor(db: Q, personId: string) {
  return db.selectFrom('two_factor').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function isEnrolled(db: Q, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('two_factor')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Accepts a step only if it is later than the last accepted one (two requests with one code: one wins). */
export async function claimStep(db: Q, personId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('two_factor')
    .set({ last_used_step: step })
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks one unused recovery code used; false when there is none with that hash. */
export async function useRecoveryCode(db: Q, personId: string, codeHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: at })
    .where('person_id', '=', personId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceRecoveryCodes(db: Q, personId: string, hashes: string[]) {
  await db.deleteFrom('two_factor_recovery_codes').where('person_id', '=', personId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(hashes.map((code_hash) => ({ person_id: personId, code_hash })))
    .execute();
}

export async function countUnusedRecoveryCodes(db: Q, personId: string): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listDevices(db: Q, personId: string, now: Date) {
  return db
    .selectFrom('remembered_devices')
    .select(['id', 'created_at', 'last_used_at', 'expires_at', 'user_agent'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Everything of a person's two-step sign-in: secret, codes, pending steps and remembered browsers. */
export async function deleteTwoFactor(db: Q, personId: string) {
  await db.deleteFrom('remembered_devices').where('person_id', '=', personId).execute();
  await db.deleteFrom('two_factor_challenges').where('person_id', '=', personId).execute();
  await db.deleteFrom('two_factor_recovery_codes').where('person_id', '=', personId).execute();
  await db.deleteFrom('two_factor').where('person_id', '=', personId).execute();
}

/** Counts a wrong code against a pending step; returns the failures so far. */
export async function countChallengeFailure(db: Q, tokenHash: string): Promise<number> {
  const result = await sql<{ failures: number }>`
    UPDATE two_factor_challenges SET failures = failures + 1 WHERE token_hash = ${tokenHash} RETURNING failures`.execute(db);
  return result.rows[0]?.failures ?? 0;
}
