import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Takes the job's turn if its last run is older than its period: one UPDATE,
 * so of several processes asking at once exactly one gets it.
 */
export async function claimJob(db: Kysely<Database>, name: string, everyMs: number, now: Date): Promise<boolean> {
  await db.insertInto('job_runs').values({ name, last_run_at: new Date(0) }).onConflict((oc) => oc.doNothing()).execute();
  const claimed = await db
    .updateTable('job_runs')
    .set({ last_run_at: now })
    .where('name', '=', name)
    .where('last_run_at', '<=', sql<Date>`${now}::timestamptz - ${`${everyMs} milliseconds`}::interval`)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
