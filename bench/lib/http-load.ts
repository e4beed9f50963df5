import { performance } from 'node:perf_hooks';
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
  maxRequests: number;
  /** Sent with every request (cookies, CSRF token). */
  headers?: Record<string, string>;
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
 * Keep-alive HTTP load on 127.0.0.1: `concurrency` loops send requests until
 * the time or the request budget runs out; latencies per request.
 */
export async function httpLoad(baseUrl: string, next: () => RequestSpec, o: LoadOptions, ok = (status: number) => status >= 200 && status < 300): Promise<LoadResult> {
  const send = async () => {
    const spec = next();
    const res = await fetch(baseUrl + spec.path, {
      method: spec.method ?? 'GET',
      headers: { ...o.headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
      ...(spec.body ? { body: spec.body } : {}),
    });
    const body = await res.arrayBuffer();
    return { status: res.status, bytes: body.byteLength };
  };
  // Warm-up: plans, caches and connections.
  for (let i = 0; i < 20; i++) await send();
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let sent = 0;
  const deadline = performance.now() + o.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < deadline && sent < o.maxRequests) {
        sent += 1;
        const t0 = performance.now();
        const r = await send();
        latencies.push(performance.now() - t0);
        bytes = r.bytes;
        if (!ok(r.status)) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / elapsed, bytes };
}

/**
 * The same load from a worker thread: the client's JavaScript runs beside the
 * server's event loop instead of inside it, as a real client would. Requests
 * cycle through `specs`; `okStatuses` (default: any 2xx) count as successes.
 */
export async function httpLoadInWorker(baseUrl: string, specs: readonly RequestSpec[], o: LoadOptions, okStatuses?: readonly number[]): Promise<LoadResult> {
  const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), {
    workerData: { baseUrl, specs, concurrency: o.concurrency, seconds: o.seconds, maxRequests: o.maxRequests, headers: o.headers ?? {}, okStatuses },
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
