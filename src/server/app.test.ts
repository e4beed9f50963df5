import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support/test-app.ts';
import { loadConfig } from './config.ts';

let t: TestApp;
let webDir: string;
beforeAll(async () => {
  webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peercities-web-'));
  await fs.writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>peercities</title><div id="root"></div>');
  // A built asset with the compressed copies the build writes beside it.
  const script = 'console.log("peercities");'.repeat(100);
  await fs.mkdir(path.join(webDir, 'assets'));
  await fs.writeFile(path.join(webDir, 'assets', 'app-1a2b3c.js'), script);
  await fs.writeFile(path.join(webDir, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(script));
  await fs.writeFile(path.join(webDir, 'assets', 'app-1a2b3c.js.gz'), gzipSync(script));
  t = await createTestApp({ WEB_DIST_DIR: webDir });
});
afterAll(async () => {
  await t.close();
  await fs.rm(webDir, { recursive: true, force: true });
});

describe('operations', () => {
  it('answers /healthz and /readyz with the database kind', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(process.env.PEERCITIES_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
  });

  it('tells every page the programme team’s address (CONTACT_EMAIL, with a default)', async () => {
    expect((await t.app.inject('/api/site')).json()).toEqual({ contactEmail: 'programme-team@demo.peercities.eu', devMailbox: true });
    expect(loadConfig({ CONTACT_EMAIL: 'team@city.example' }).contactEmail).toBe('team@city.example');
    expect(() => loadConfig({ CONTACT_EMAIL: 'not an address' })).toThrow(/CONTACT_EMAIL/);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await t.app.inject('/healthz');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject('/api/cities');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/cities"');
  });

  it('shows the metrics only to the loopback address (not through a proxy) or with the bearer token', async () => {
    const fromOutside = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(fromOutside.statusCode).toBe(403);
    expect(fromOutside.headers['content-type']).toContain('application/problem+json');
    expect(fromOutside.body).not.toContain('http_request_duration_seconds');
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '::ffff:127.0.0.1' })).statusCode).toBe(200);
    // A reverse proxy on the same machine connects from the loopback address on every client's behalf.
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(403);
    // No token configured: a bearer token opens nothing.
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: 'Bearer anything-at-all' } })).statusCode).toBe(403);

    const withToken = await createTestApp({ METRICS_TOKEN: 'a-long-enough-metrics-token' });
    try {
      const ok = await withToken.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: 'Bearer a-long-enough-metrics-token' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('process_cpu_user_seconds_total');
      const wrong = await withToken.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: 'Bearer a-long-enough-metrics-tokeN' } });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect((await withToken.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(403);
    } finally {
      await withToken.close();
    }
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document describing every route with schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/invitations'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'name', 'role']),
    );
    expect(doc.paths['/api/session'].get.responses['200']).toBeDefined();
  });

  it('serves readable docs at /api/docs', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('errors', () => {
  it('answers unknown API routes with a 404 problem', async () => {
    const res = await t.app.inject('/api/no-such-thing?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', instance: '/api/no-such-thing' });
  });

  it('says why with a reason code and its English text', async () => {
    const res = await t.app.inject('/api/programmes/no-such-edition');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'NOT_FOUND',
      reason: { code: 'PROGRAMME_NOT_FOUND', params: { slug: 'no-such-edition' } },
      detail: 'There is no programme “no-such-edition”.',
    });
  });

  it('answers broken JSON with a 400 problem', async () => {
    const c = await t.client();
    const res = await c.request({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });

  it('lists each bad query parameter', async () => {
    const res = await t.app.inject('/api/cities?page=0&kind=village');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.kind', 'querystring.page']);
  });

  it('never leaks internals in a 500', async () => {
    const broken = await createTestApp();
    try {
      await broken.app.db.destroy();
      const res = await broken.app.inject('/api/cities');
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR', detail: 'The error has been logged; please try again later.' });
      expect(res.body).not.toMatch(/pglite|kysely|stack|driver|destroy/i);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});

describe('web app', () => {
  it('serves the single-page app for page URLs, but not for API URLs', async () => {
    const page = await t.app.inject('/invitations/some-token');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    expect((await t.app.inject('/api/invitations/some/thing/else')).headers['content-type']).toContain('problem+json');
  });

  it('sends the brotli or gzip copy of an asset that the browser accepts, cached for good', async () => {
    const url = '/assets/app-1a2b3c.js';
    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('peercities');
    expect((await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip');
    expect((await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } })).headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing asset (an old chunk, a source map) with 404, not the app', async () => {
    const missing = await t.app.inject('/assets/app-1a2b3c.js.map');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('problem+json');
  });
});

describe('security headers', () => {
  it('gives every page a policy that runs no inline script and no one may frame, and the other browser protections', async () => {
    const page = await t.app.inject('/library');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page.headers['permissions-policy']).toContain('camera=()');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    // Plain HTTP (the demo on localhost): no HSTS, which a browser would ignore or misapply.
    expect(page.headers['strict-transport-security']).toBeUndefined();
    // Errors carry them too.
    expect((await t.app.inject('/api/no-such-thing')).headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps API answers out of caches unless a route chose its caching', async () => {
    const session = await t.app.inject('/api/session');
    expect(session.headers['cache-control']).toBe('no-store');
    const mission = await t.app.inject('/api/programmes');
    expect(mission.headers['cache-control']).toBe('no-store');
    // The public site facts say they may be cached (health.routes.ts).
    expect((await t.app.inject('/api/site')).headers['cache-control']).toBe('public, max-age=300');
  });

  it('sends HSTS when the request came over HTTPS through a trusted proxy', async () => {
    const behindProxy = await createTestApp({ TRUST_PROXY: '1' });
    try {
      const secure = await behindProxy.app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect((await behindProxy.app.inject('/healthz')).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });
});

describe('city registry', () => {
  it('holds the 112 Mission Cities with coordinates, searchable and paged', async () => {
    const all = await t.app.inject('/api/cities?kind=mission&pageSize=200');
    expect(all.json().total).toBe(112);
    const valencia = all.json().items.find((c: { slug: string }) => c.slug === 'valencia');
    expect(valencia).toMatchObject({ country: 'ES', kind: 'mission', missionLabelDate: '2023-10-12' });
    expect(valencia.latitude).toBeCloseTo(39.47, 1);
    const search = await t.app.inject('/api/cities?q=%C5%81%C3%B3d');
    expect(search.json().items.map((c: { name: string }) => c.name)).toEqual(['Łódź']);
    const country = await t.app.inject('/api/cities?country=fi&kind=mission&pageSize=2&page=2');
    expect(country.json()).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(country.json().items).toHaveLength(2);
  });
});

describe('committed API document', () => {
  it('matches the routes (run `npm run openapi` after changing an API)', async () => {
    const committed = JSON.parse(await fs.readFile(path.resolve('docs/api/openapi.json'), 'utf8'));
    expect(t.app.swagger()).toEqual(committed);
  });
});
