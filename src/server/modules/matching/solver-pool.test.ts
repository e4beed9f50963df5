import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomMatchingInstance } from '../../../domain/matching/random-instance.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

// POST /api/matching/solve runs in worker threads (decision 0028). Before, a
// solve ran on the event loop: /healthz waited for the whole solve (~4 s for
// 600 applicants with explanations) and nothing limited how often or how long.

// About 2 s of solving with explanations on a quiet machine.
const heavy = randomMatchingInstance({ applicants: 400, hosts: 80, capacity: 5, candidatesPerApplicant: 30, countries: 27, maxPerCountryPerHost: 2, seed: 19 });
// About 4 s on a quiet machine: far beyond the time limit below however fast the machine is.
const heavier = randomMatchingInstance({ applicants: 600, hosts: 120, capacity: 5, candidatesPerApplicant: 30, countries: 27, maxPerCountryPerHost: 2, seed: 23 });
const small = {
  hosts: [{ id: 'h1', capacity: 1 }],
  applicants: [{ id: 'a1' }],
  pairs: [{ applicant: 'a1', host: 'h1', score: 3 }],
  rules: {},
};

const isProblem = (res: { statusCode: number; headers: Record<string, unknown> }) => String(res.headers['content-type']).startsWith('application/problem+json');

describe('solving in worker threads', () => {
  let t: TestApp;
  let manager: TestClient;
  let facilitator: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ SOLVER_THREADS: '1', SOLVER_RATE_PER_MINUTE: '3', SOLVER_TIMEOUT_MS: '120000' });
    manager = await t.signedIn('manager@demo.peercities.eu');
    facilitator = await t.signedIn('facilitator@demo.peercities.eu');
  });
  afterAll(() => t?.close());

  it('keeps /healthz answering while a heavy solve runs', async () => {
    const started = performance.now();
    const solving = manager.request({ method: 'POST', url: '/api/matching/solve?explain=true', payload: heavy });
    // Once the solve is in the pool, health checks are due every 100 ms, each timed from when
    // it was due: a blocked event loop delays the check itself, which a probe from outside sees.
    while (t.app.solverPool.solving === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const inPool = performance.now();
    const latencies = await Promise.all(
      [50, 150, 250, 350, 450].map(
        (due) =>
          new Promise<number>((resolve, reject) =>
            setTimeout(() => {
              t.app.inject({ method: 'GET', url: '/healthz' }).then((health) => {
                if (health.statusCode !== 200) reject(new Error(`healthz ${health.statusCode}`));
                resolve(performance.now() - inPool - due);
              }, reject);
            }, due),
          ),
      ),
    );
    const solved = await solving;
    const solveMs = performance.now() - started;
    expect(solved.statusCode, solved.body.slice(0, 300)).toBe(200);
    expect(solved.json().status).toBe('optimal');
    // The health checks were due while the solve ran, and each answered long
    // before it ended: on the event loop, the first (due after 50 ms) would
    // have waited for the rest of the solve. A fraction of the solve's time,
    // not a fixed number of milliseconds, so that a loaded machine (where the
    // solve and the checks both slow down) does not fail it; on a quiet one
    // the checks answer within a few milliseconds.
    expect(performance.now() - inPool).toBeGreaterThan(500);
    expect(Math.max(...latencies), `health checks answered ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms after they were due, during a ${solveMs.toFixed(0)} ms solve`).toBeLessThan(solveMs / 4);
  });

  it('answers a malformed instance with the same field errors as before, from the worker', async () => {
    const res = await manager.request({ method: 'POST', url: '/api/matching/solve', payload: { ...small, pairs: [{ applicant: 'a9', host: 'h1', score: 1 }] } });
    expect(res.statusCode).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.pairs[0].applicant', message: 'unknown applicant "a9"' })]);
  });

  it('refuses a second solve of the same person while the first runs (429), not another person', async () => {
    const first = facilitator.request({ method: 'POST', url: '/api/matching/solve', payload: heavy });
    // Once the first solve is in the pool (a fixed wait was too short on a loaded machine).
    while (t.app.solverPool.solving === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await facilitator.request({ method: 'POST', url: '/api/matching/solve', payload: small });
    expect(second.statusCode, second.body).toBe(429);
    expect(isProblem(second)).toBe(true);
    expect(second.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(second.headers['retry-after']).toBe('1');
    expect((await first).statusCode).toBe(200);
  });

  it('limits each person to SOLVER_RATE_PER_MINUTE solves a minute (429 with Retry-After)', async () => {
    const evaluator = await t.signedIn('evaluator@demo.peercities.eu');
    for (let i = 0; i < 3; i++) expect((await evaluator.request({ method: 'POST', url: '/api/matching/solve', payload: small })).statusCode).toBe(200);
    const refused = await evaluator.request({ method: 'POST', url: '/api/matching/solve', payload: small });
    expect(refused.statusCode).toBe(429);
    expect(isProblem(refused)).toBe(true);
    expect(refused.json().reason).toEqual({ code: 'MATCHING_SOLVE_RATE', params: { limit: 3, seconds: expect.any(Number) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Someone else still solves.
    const other = await t.signedIn('graz@demo.peercities.eu');
    expect((await other.request({ method: 'POST', url: '/api/matching/solve', payload: small })).statusCode).toBe(200);
  });
});

describe('the time limit of a solve', () => {
  let t: TestApp;
  let manager: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ SOLVER_THREADS: '1', SOLVER_TIMEOUT_MS: '500' });
    manager = await t.signedIn('manager@demo.peercities.eu');
  });
  afterAll(() => t?.close());

  it('stops a solve that takes longer than SOLVER_TIMEOUT_MS: 503 problem+json with Retry-After; the next solve works', async () => {
    // A first solve starts the thread.
    expect((await manager.request({ method: 'POST', url: '/api/matching/solve', payload: small })).statusCode).toBe(200);
    const started = performance.now();
    const res = await manager.request({ method: 'POST', url: '/api/matching/solve?explain=true', payload: heavier });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(503);
    expect(isProblem(res)).toBe(true);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: { code: 'MATCHING_SOLVE_TIMED_OUT' } });
    expect(res.headers['retry-after']).toBe('1');
    expect(performance.now() - started).toBeLessThan(500 + 1500);
    // The stopped thread is replaced.
    const next = await manager.request({ method: 'POST', url: '/api/matching/solve', payload: small });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().assignments).toEqual([{ applicant: 'a1', host: 'h1', score: 3 }]);
  });
});
