// The load loop of bench/lib/http-load.ts, run in a worker thread so that the
// client's own JavaScript (fetch, reading bodies) does not queue behind the
// server's event loop in the benchmark process. Plain JavaScript: a worker
// does not inherit the TypeScript loader.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, specs, concurrency, seconds, maxRequests, headers, okStatuses } = workerData;
let cursor = 0;
const next = () => specs[cursor++ % specs.length];
const isOk = (status) => (okStatuses ? okStatuses.includes(status) : status >= 200 && status < 300);

async function send() {
  const spec = next();
  const res = await fetch(baseUrl + spec.path, {
    method: spec.method ?? 'GET',
    headers: { ...headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
    ...(spec.body ? { body: spec.body } : {}),
  });
  const body = await res.arrayBuffer();
  return { status: res.status, bytes: body.byteLength };
}

// Warm-up: plans, caches and connections.
for (let i = 0; i < 20; i++) await send();
const latencies = [];
let errors = 0;
let bytes = 0;
let sent = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline && sent < maxRequests) {
      sent += 1;
      const t0 = performance.now();
      const r = await send();
      latencies.push(performance.now() - t0);
      bytes = r.bytes;
      if (!isOk(r.status)) errors += 1;
    }
  }),
);
parentPort.postMessage({ latencies, errors, bytes, elapsed: (performance.now() - started) / 1000 });
