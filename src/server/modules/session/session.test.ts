import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { hashToken } from '../auth/tokens.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SESSION_POLICY } from './session-policy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs the demo programme manager in and returns their roles', async () => {
    const c = await t.client();
    const res = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'Manager@Demo.Peercities.eu ', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'manager@demo.peercities.eu', roles: [{ role: 'programme_manager' }] });
    const me = await c.request({ method: 'GET', url: '/api/me' });
    expect(me.json().name).toBe('Anna Lindqvist');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS', async () => {
    const c = await t.client();
    const res = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'expert@demo.peercities.eu', password: DEMO_PASSWORD } });
    const cookie = res.cookies.find((k) => k.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    const https = await createTestApp({ TRUST_PROXY: '1' });
    try {
      const hc = await https.client();
      const r = await hc.request({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'expert@demo.peercities.eu', password: DEMO_PASSWORD },
      });
      expect(r.cookies.find((k) => k.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await https.close();
    }
  });

  it('rotates the session id at sign-in and ends the previous session', async () => {
    const c = await t.signedIn('facilitator@demo.peercities.eu');
    const first = c.cookies.get(SESSION_COOKIE);
    await c.request({ method: 'POST', url: '/api/session', payload: { email: 'facilitator@demo.peercities.eu', password: DEMO_PASSWORD } });
    const second = c.cookies.get(SESSION_COOKIE);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = await t.app.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hashToken(first ?? '')).executeTakeFirst();
    expect(old).toBeUndefined();
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const c = await t.client();
    const wrong = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'evaluator@demo.peercities.eu', password: 'not-the-password' } });
    const unknown = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'nobody@example.org', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { requestId?: string }) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('stores only a hash of the session token', async () => {
    const c = await t.signedIn('evaluator2@demo.peercities.eu');
    const token = c.cookies.get(SESSION_COOKIE) ?? '';
    const raw = await t.app.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', token).executeTakeFirst();
    expect(raw).toBeUndefined();
    const hashed = await t.app.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hashToken(token)).executeTakeFirst();
    expect(hashed).toBeDefined();
  });
});

describe('sign-in rate limits', () => {
  it('locks an account for one address after repeated failures, even for the right password, and says when to retry', async () => {
    const c = await t.client();
    const email = 'lahti2@demo.peercities.eu';
    for (let i = 0; i < SESSION_POLICY.maxFailuresPerAccountAndAddress; i++) {
      const r = await c.request({ method: 'POST', url: '/api/session', payload: { email, password: `wrong-${i}` }, remoteAddress: '10.0.0.1' });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await c.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD }, remoteAddress: '10.0.0.1' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('locks an account whose password is guessed from many addresses (decision 0026)', async () => {
    const c = await t.client();
    const email = 'split@demo.peercities.eu';
    for (let i = 0; i < SESSION_POLICY.maxFailuresPerAccount; i++) {
      const r = await c.request({ method: 'POST', url: '/api/session', payload: { email, password: `wrong-${i}` }, remoteAddress: `10.1.${Math.floor(i / 4)}.${i % 4}` });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await c.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD }, remoteAddress: '10.2.0.1' });
    expect(blocked.statusCode).toBe(429);
  });

  it('limits failures from one address across accounts', async () => {
    const c = await t.client();
    const ip = '192.0.2.77';
    for (let i = 0; i < SESSION_POLICY.maxFailuresPerAddress; i++) {
      await c.request({ method: 'POST', url: '/api/session', payload: { email: `probe${i}@example.org`, password: 'whatever-it-is' }, remoteAddress: ip });
    }
    const blocked = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, remoteAddress: ip });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, remoteAddress: '192.0.2.78' });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('with one trusted hop, a client-set X-Forwarded-For changes neither the throttled nor the audited address', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: '1' });
    try {
      const c = await proxied.client();
      const proxy = '10.9.9.9';
      const client = '203.0.113.50';
      // The proxy appends the address it saw; what the client wrote before it is not believed.
      const viaProxy = (spoofed: string) => ({ remoteAddress: proxy, headers: { 'x-forwarded-for': `${spoofed}, ${client}` } });
      for (let i = 0; i < SESSION_POLICY.maxFailuresPerAddress; i++) {
        const r = await c.request({ method: 'POST', url: '/api/session', payload: { email: `probe${i}@example.org`, password: 'whatever-it-is' }, ...viaProxy(`198.51.100.${i + 1}`) });
        expect(r.statusCode).toBe(401);
      }
      const blocked = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, ...viaProxy('198.51.100.200') });
      expect(blocked.statusCode).toBe(429);
      const addresses = await proxied.app.db.selectFrom('sign_in_attempts').select('ip').distinct().where('email', 'like', 'probe%@example.org').execute();
      expect(addresses).toEqual([{ ip: client }]);
      // Another client behind the same proxy signs in, and the audit log records its address, not the one it claims.
      const ok = await c.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, remoteAddress: proxy, headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.51' } });
      expect(ok.statusCode).toBe(200);
      const audit = await proxied.app.db.selectFrom('audit_events').select('ip').where('action', '=', 'session.sign_in').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(audit.ip).toBe('203.0.113.51');
    } finally {
      await proxied.close();
    }
  });
});

describe('session lifetime', () => {
  it('ends the session on the server at sign-out', async () => {
    const c = await t.signedIn('manager2@demo.peercities.eu');
    const token = c.cookies.get(SESSION_COOKIE) ?? '';
    const out = await c.request({ method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    // Replaying the old cookie does not work: the server forgot the session.
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: token } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('UNAUTHENTICATED');
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const c = await t.signedIn('facilitator2@demo.peercities.eu');
    const hash = hashToken(c.cookies.get(SESSION_COOKIE) ?? '');
    await t.app.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - SESSION_POLICY.idleTimeoutMs - 1000) }).where('token_hash', '=', hash).execute();
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('keeps an active session alive but ends it 12 hours after sign-in', async () => {
    const c = await t.signedIn('facilitator3@demo.peercities.eu');
    const hash = hashToken(c.cookies.get(SESSION_COOKIE) ?? '');
    await t.app.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 20 * 60 * 1000) }).where('token_hash', '=', hash).execute();
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const touched = await t.app.db.selectFrom('sessions').select('last_seen_at').where('token_hash', '=', hash).executeTakeFirstOrThrow();
    expect(Date.now() - new Date(touched.last_seen_at).getTime()).toBeLessThan(5000);

    await t.app.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hash).execute();
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a change without the CSRF token', async () => {
    const c = await t.signedIn('manager@demo.peercities.eu');
    const res = await c.request({ method: 'PATCH', url: '/api/me', csrf: false, payload: { name: 'Mallory', locale: 'en' } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    const me = await c.request({ method: 'GET', url: '/api/me' });
    expect(me.json().name).toBe('Anna Lindqvist');
  });

  it('refuses a token that does not match the cookie', async () => {
    const c = await t.signedIn('manager@demo.peercities.eu');
    const res = await c.request({ method: 'PATCH', url: '/api/me', csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) }, payload: { name: 'Mallory', locale: 'en' } });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a valid cookie/header pair of another session (the token is bound to the session)', async () => {
    const a = await t.signedIn('facilitator3@demo.peercities.eu');
    const b = await t.signedIn('krakow@demo.peercities.eu');
    const pairOfA = { [CSRF_COOKIE]: a.cookies.get(CSRF_COOKIE) ?? a.csrfToken };
    const sessionOfB = b.cookies.get(SESSION_COOKIE) ?? '';
    expect(sessionOfB).not.toBe('');
    const before = (await b.request({ method: 'GET', url: '/api/me' })).json().name;
    for (const csrf of [a.csrfToken, pairOfA[CSRF_COOKIE]]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        cookies: { [SESSION_COOKIE]: sessionOfB, [CSRF_COOKIE]: csrf },
        headers: { [CSRF_HEADER]: csrf },
        payload: { name: 'Mallory', locale: 'en' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await b.request({ method: 'GET', url: '/api/me' })).json().name).toBe(before);
    // Each session's own token still works, and a new sign-in gives a new token.
    expect((await b.request({ method: 'PATCH', url: '/api/me', payload: { name: before, locale: 'en' } })).statusCode).toBe(200);
    const tokenBefore = b.csrfToken;
    await b.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD } });
    expect(b.csrfToken).not.toBe(tokenBefore);
    expect((await b.request({ method: 'PATCH', url: '/api/me', payload: { name: before, locale: 'en' } })).statusCode).toBe(200);
  });

  it('accepts the change with the token', async () => {
    const c = await t.signedIn('expert@demo.peercities.eu');
    const res = await c.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Sofia Rossi-Bianchi', locale: 'fr' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Sofia Rossi-Bianchi', locale: 'fr' });
  });
});

// A signed-in request is answered from the process's memory of the session
// for up to a minute (docs/decisions/0010-session-cache.md); every change to
// the person, their roles or their sessions reaches every process first.
describe('sessions remembered by the process', () => {
  it('answers a remembered session without asking the database', async () => {
    const c = await t.signedIn('facilitator@demo.peercities.eu');
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    // Deleted behind the platform's back, without the announcement that every
    // change carries: the process still answers from memory — which is why
    // the announcements exist.
    const hash = hashToken(c.cookies.get(SESSION_COOKIE) ?? '');
    await t.app.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE sessions DISABLE TRIGGER sessions_announce`.execute(trx);
      await trx.deleteFrom('sessions').where('token_hash', '=', hash).execute();
      await sql`ALTER TABLE sessions ENABLE TRIGGER sessions_announce`.execute(trx);
    });
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.app.sessionCache.forgetSession(hash);
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('applies a role withdrawn or a name changed directly in the database to the next request', async () => {
    const c = await t.signedIn('manager2@demo.peercities.eu');
    expect((await c.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    const person = await t.app.db.selectFrom('people').select('id').where('email', '=', 'manager2@demo.peercities.eu').executeTakeFirstOrThrow();
    await t.app.db.deleteFrom('role_grants').where('person_id', '=', person.id).where('role', '=', 'programme_manager').execute();
    expect((await c.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    await t.app.db.updateTable('people').set({ name: 'Renamed Manager' }).where('id', '=', person.id).execute();
    expect((await c.request({ method: 'GET', url: '/api/me' })).json().name).toBe('Renamed Manager');
    await t.app.db.updateTable('people').set({ disabled_at: new Date() }).where('id', '=', person.id).execute();
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('applies a city renamed directly in the database to the next request of its representatives', async () => {
    const c = await t.signedIn('lahti@demo.peercities.eu');
    const cityNames = async () => ((await c.request({ method: 'GET', url: '/api/me' })).json().roles as { cityName: string | null }[]).map((r) => r.cityName);
    expect(await cityNames()).toContain('Lahti');
    try {
      await t.app.db.updateTable('cities').set({ name: 'Lahden kaupunki' }).where('slug', '=', 'lahti').execute();
      expect(await cityNames()).toContain('Lahden kaupunki');
    } finally {
      await t.app.db.updateTable('cities').set({ name: 'Lahti' }).where('slug', '=', 'lahti').execute();
    }
  });

  it('asks the database on every request with SESSION_CACHE=false', async () => {
    const uncached = await createTestApp({ SESSION_CACHE: 'false' });
    try {
      const c = await uncached.signedIn('facilitator@demo.peercities.eu');
      expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect(uncached.app.sessionCache.live).toBe(false);
      expect(uncached.app.sessionCache.size).toBe(0);
    } finally {
      await uncached.close();
    }
  });

  // Two app processes share one PostgreSQL database (PGlite lives inside a single process).
  if (process.env.PEERCITIES_TEST_DB === 'postgres') {
    it('ends a session in every process when another process signs it out', async () => {
      const other = await buildApp(t.config);
      try {
        const c = await t.signedIn('expert@demo.peercities.eu');
        const token = c.cookies.get(SESSION_COOKIE) ?? '';
        const me = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: token } });
        expect((await me(t.app)).statusCode).toBe(200);
        expect((await me(other)).statusCode).toBe(200);
        expect(t.app.sessionCache.size).toBeGreaterThan(0);
        // Signed out through the other process:
        const out = await other.inject({ method: 'DELETE', url: '/api/session', cookies: { [SESSION_COOKIE]: token, [CSRF_COOKIE]: c.csrfToken }, headers: { [CSRF_HEADER]: c.csrfToken } });
        expect(out.statusCode).toBe(204);
        await t.app.sessionChangesHeard();
        expect((await me(t.app)).statusCode).toBe(401);
      } finally {
        await other.close();
      }
    });

    it('asks the database on every request while it cannot hear changes, and remembers again once it can', async () => {
      const c = await t.signedIn('facilitator2@demo.peercities.eu');
      expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect(t.app.sessionCache.size).toBeGreaterThan(0);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'peercities listen session_changes'`.execute(t.app.db);
      await until(() => !t.app.sessionCache.live);
      expect(t.app.sessionCache.size).toBe(0);
      expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect(t.app.sessionCache.size).toBe(0);
      await until(() => t.app.sessionCache.live);
      expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
      expect(t.app.sessionCache.size).toBeGreaterThan(0);
    });
  }
});

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
