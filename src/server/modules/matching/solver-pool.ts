import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError, fieldError } from '../../errors.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { MatchingResult } from '../../../domain/matching/matching-result.ts';
import type { SolveOutcome, SolveTask } from './solver-task.ts';

export interface SolverPoolOptions {
  /** Worker threads that solve (SOLVER_THREADS). */
  threads: number;
  /** The longest a solve may run in its thread (SOLVER_TIMEOUT_MS); then 503. */
  timeoutMs: number;
  /** Solves one person may start per minute (SOLVER_RATE_PER_MINUTE); then 429. */
  perPersonPerMinute: number;
}

const WINDOW_MS = 60_000;
/** The longest a solve may wait for a thread (the queue is short: 4 per thread). */
const MAX_WAIT_MS = 60_000;

/**
 * Solves instances of POST /api/matching/solve in a small pool of worker
 * threads (piscina), so a solve never blocks the event loop: /healthz and
 * every other request keep answering (docs/decisions/0028). A person has at
 * most one solve at a time and `perPersonPerMinute` per minute; a solve
 * that runs out of time is stopped (its thread is ended and replaced).
 */
export class SolverPool {
  private readonly pool: Piscina<SolveTask, SolveOutcome>;
  private readonly running = new Set<string>();
  private readonly started = new Map<string, number[]>();
  private inPool = 0;

  constructor(
    private readonly options: SolverPoolOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.pool = new Piscina({
      filename: new URL('./solver-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      // A few waiting solves per thread; beyond that, 503 at once rather than a long queue.
      maxQueue: options.threads * 4,
      idleTimeout: 60_000,
    });
  }

  async solve(personId: string, task: SolveTask): Promise<MatchingResult> {
    this.admit(personId);
    this.running.add(personId);
    const controller = new AbortController();
    let timedOut = false;
    let timer = setTimeout(() => controller.abort(), this.options.timeoutMs + MAX_WAIT_MS);
    // The time limit starts when a thread takes the task (a thread may first have to start).
    const { port1, port2 } = new MessageChannel();
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.options.timeoutMs);
    });
    port1.unref();
    this.inPool++;
    try {
      const outcome = await this.pool.run({ ...task, started: port2 }, { signal: controller.signal, transferList: [port2] });
      if (!outcome.ok) {
        const errors = outcome.errors.map((e) => fieldError(e.path === '(instance)' ? 'body' : `body.${e.path}`, e.reason));
        throw new AppError('VALIDATION_FAILED', reason('MATCHING_INSTANCE_NOT_VALID'), { errors });
      }
      return outcome.result;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const retryAfter = String(Math.max(1, Math.ceil(this.options.timeoutMs / 1000)));
      if (timedOut) {
        throw new AppError('SERVICE_UNAVAILABLE', reason('MATCHING_SOLVE_TIMED_OUT', { seconds: this.options.timeoutMs / 1000 }), { headers: { 'retry-after': retryAfter } });
      }
      if (controller.signal.aborted || (err instanceof Error && /queue is at limit/i.test(err.message))) {
        throw new AppError('SERVICE_UNAVAILABLE', reason('MATCHING_SOLVER_BUSY'), { headers: { 'retry-after': retryAfter } });
      }
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
      this.inPool--;
      this.running.delete(personId);
    }
  }

  /** Refuses (429) a second solve of the same person while one runs, and more than the limit per minute. */
  private admit(personId: string) {
    if (this.running.has(personId)) {
      throw new AppError('TOO_MANY_ATTEMPTS', reason('MATCHING_SOLVE_RUNNING'), { headers: { 'retry-after': '1' } });
    }
    const now = this.clock();
    const recent = (this.started.get(personId) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.options.perPersonPerMinute) {
      const seconds = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
      throw new AppError('TOO_MANY_ATTEMPTS', reason('MATCHING_SOLVE_RATE', { limit: this.options.perPersonPerMinute, seconds }), { headers: { 'retry-after': String(seconds) } });
    }
    recent.push(now);
    this.started.set(personId, recent);
    // Forget people whose window has passed, so the map does not grow without end.
    if (this.started.size > 1000) for (const [id, times] of this.started) if (times.every((at) => at <= now - WINDOW_MS)) this.started.delete(id);
  }

  /** Solves handed to the pool and not finished (queued or running). */
  get solving(): number {
    return this.inPool;
  }

  /** Ends the threads (a solve still running is stopped). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
