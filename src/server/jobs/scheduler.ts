import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';

export interface ScheduledJob {
  name: string;
  /** Minimum time between two runs, across all app processes. */
  everyMs: number;
  run(now: Date): Promise<number>;
}

/**
 * Takes the job's turn if its last run is older than its period: one UPDATE,
 * so of several processes asking at once exactly one gets it.
 */
export async function claimJob(db: Db, name: string, everyMs: number, now: Date): Promise<boolean> {
  await db.insertInto('job_runs').values({ name, last_run_at: new Date(0) }).onConflict((oc) => oc.doNothing()).execute();
  const claimed = await db
    .updateTable('job_runs')
    .set({ last_run_at: now })
    .where('name', '=', name)
    .where('last_run_at', '<=', sql<Date>`${now}::timestamptz - ${`${everyMs} milliseconds`}::interval`)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export interface Scheduler {
  /** Runs every due job now (tests and operators). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(db: Db, jobs: readonly ScheduledJob[], now: () => Date, checkEveryMs: number, log: FastifyBaseLogger): Scheduler {
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const job of jobs) {
      const at = now();
      try {
        if (!(await claimJob(db, job.name, job.everyMs, at))) continue;
        const count = await job.run(at);
        if (count) log.info({ job: job.name, count }, 'scheduled job sent email');
      } catch (err) {
        log.error({ err, job: job.name }, 'scheduled job failed');
      }
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, checkEveryMs);
  timer.unref();
  return {
    tick: async () => {
      if (running) await running;
      await tick();
    },
    stop: async () => {
      clearInterval(timer);
      if (running) await running;
    },
  };
}
