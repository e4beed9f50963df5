import { Worker } from 'node:worker_threads';

export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  bytes: number;
}

export interface LoadOptions {
  concurrency: number;
  seconds: number;
  /** Seconds of unmeasured load at full concurrency first (default 2). */
  warmupSeconds?: number;
  maxRequests: number;
  /** Sent with every request (cookies, CSRF token); a list gives each loop its own (loop i sends the i-th). */
  headers?: Record<string, string> | readonly Record<string, string>[];
}

export interface RequestSpec {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Keep-alive HTTP load on 127.0.0.1 from a worker thread (node:http): the
 * client's JavaScript runs beside the server's event loop instead of inside
 * it, as a real client would. `concurrency` loops send requests until the
 * time or the request budget runs out, after an unmeasured warm-up at full
 * concurrency; latencies per request, to the last byte of the body. Requests
 * cycle through `specs` (a list of lists gives loop i its own list, the i-th); `okStatuses` (default: any 2xx) count as successes.
 */
export async function httpLoadInWorker(baseUrl: string, specs: readonly RequestSpec[] | readonly (readonly RequestSpec[])[], o: LoadOptions, okStatuses?: readonly number[]): Promise<LoadResult> {
  const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), {
    workerData: { baseUrl, specs, concurrency: o.concurrency, seconds: o.seconds, warmupSeconds: o.warmupSeconds ?? 2, maxRequests: o.maxRequests, headers: o.headers ?? {}, okStatuses },
  });
  const out = await new Promise<{ latencies: number[]; errors: number; bytes: number; elapsed: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
  await worker.terminate();
  const latencies = out.latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: out.errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / out.elapsed,
    bytes: out.bytes,
  };
}
