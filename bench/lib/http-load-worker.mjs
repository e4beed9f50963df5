// The load loop of bench/lib/http-load.ts, run in a worker thread so that the
// client's own JavaScript (node:http, reading bodies) does not queue behind the
// server's event loop in the benchmark process. Plain JavaScript: a worker
// does not inherit the TypeScript loader.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, specs, concurrency, seconds, warmupSeconds, maxRequests, headers, okStatuses } = workerData;
// A flat list is shared by the loops in turn; a list of lists gives loop i its own (the i-th), cycled.
const perLoop = Array.isArray(specs[0]);
let cursor = 0;
const cursors = new Array(concurrency).fill(0);
const next = (loop) => {
  if (!perLoop) return specs[cursor++ % specs.length];
  const own = specs[loop % specs.length];
  return own[cursors[loop]++ % own.length];
};
const isOk = (status) => (okStatuses ? okStatuses.includes(status) : status >= 200 && status < 300);

// node:http with a keep-alive agent: about half the CPU of fetch per request,
// and the client shares the machine's two cores with the server it measures.
const origin = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function send(headers, loop) {
  const spec = next(loop);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        path: spec.path,
        method: spec.method ?? 'GET',
        agent,
        headers: { ...headers, ...(spec.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(spec.body) } : {}) },
      },
      (response) => {
        let length = 0;
        response.on('data', (chunk) => (length += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes: length }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}

/** `concurrency` loops sending requests until `until` (or the request budget), calling `record` for each answer. */
async function load(until, record) {
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      // Each loop is one client: with a list of headers, loop i sends the i-th (its own session).
      const own = Array.isArray(headers) ? headers[loop % headers.length] : headers;
      while (performance.now() < until && sent < maxRequests) {
        sent += 1;
        const t0 = performance.now();
        const r = await send(own, loop);
        record(performance.now() - t0, r);
      }
    }),
  );
}

// Warm-up at full concurrency, not measured: every connection of the server's
// database pool opened and its statements prepared, the code optimised.
await load(performance.now() + warmupSeconds * 1000, () => {});

const latencies = [];
let errors = 0;
let bytes = 0;
const started = performance.now();
await load(started + seconds * 1000, (ms, r) => {
  latencies.push(ms);
  bytes = r.bytes;
  if (!isOk(r.status)) errors += 1;
});
parentPort.postMessage({ latencies, errors, bytes, elapsed: (performance.now() - started) / 1000 });
