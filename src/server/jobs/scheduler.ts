import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { claimJob } from './scheduler.repository.ts';

export interface ScheduledJob {
  name: string;
  /** Minimum time between two runs, across all app processes. */
  everyMs: number;
  run(now: Date): Promise<number>;
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
