import { parseMatchingInstance } from '../../../domain/matching/matching-instance.ts';
import { solveMatching, type MatchingOptions } from '../../../domain/matching/solve-matching.ts';
import type { MatchingResult } from '../../../domain/matching/matching-result.ts';
import type { MessagePort } from 'node:worker_threads';
import type { Reason } from '../../../shared/reason.ts';

export interface SolveTask {
  /** The request body as received: parsing is work too, so it happens here, off the event loop. */
  body: unknown;
  explain: boolean;
  /** Told when the thread begins, so the time limit counts the solve, not the wait for a thread. */
  started?: MessagePort;
}

export type SolveOutcome = { ok: true; result: MatchingResult } | { ok: false; errors: { path: string; reason: Reason }[] };

/**
 * What a solver thread does (docs/decisions/0028): parse the instance with
 * the CLI's parser and solve it. Runs in a worker thread of the pool
 * (solver-worker.mjs); it is plain and synchronous apart from loading HiGHS,
 * so a test may also call it directly.
 */
export async function runSolveTask(task: SolveTask): Promise<SolveOutcome> {
  task.started?.postMessage('started');
  task.started?.close();
  const parsed = parseMatchingInstance(task.body);
  if (!parsed.success) return { ok: false, errors: parsed.errors.map((e) => ({ path: e.path, reason: e.reason })) };
  const options: MatchingOptions = { explain: task.explain };
  if (parsed.instance.rules.maxTotalCo2Kg !== undefined) {
    const { default: highsLoader } = await import('highs');
    options.highs = await highsLoader();
  }
  return { ok: true, result: solveMatching(parsed.instance, options) };
}
