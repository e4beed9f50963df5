import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, READ_NOTICE, DEMO_PASSWORD, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../session/session-policy.ts';

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

const idOf = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const subjectsTo = async (email: string) =>
  (await t.app.db.selectFrom('outbox').select('subject').where('to_address', '=', email).orderBy('created_at').execute()).map((m) => m.subject);
const signIn = async (email: string, password = DEMO_PASSWORD) => (await t.client()).request({ method: 'POST', url: '/api/session', payload: { email, password } });

/** What a refused request must leave as it was. */
async function snapshot() {
  const count = async (table: 'people' | 'role_grants' | 'sessions' | 'audit_events' | 'outbox') =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]?.n;
  const people = await t.app.db.selectFrom('people').select(['id', 'disabled_at', 'updated_at']).orderBy('id').execute();
  const grants = await t.app.db.selectFrom('role_grants').select(['person_id', 'role', 'city_id', 'primary_contact']).orderBy('id').execute();
  return { counts: await Promise.all((['people', 'role_grants', 'sessions', 'audit_events', 'outbox'] as const).map(count)), people, grants };
}

describe('deactivating an account', () => {
  it('ends every session at once, refuses sign-in with a clear message, keeps the records, and is recorded', async () => {
    const email = 'facilitator2@demo.peercities.eu';
    const laptop = await t.signedIn(email);
    const phone = await t.signedIn(email);
    expect((await laptop.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const id = await idOf(email);

    const res = await manager.request({ method: 'PUT', url: `/api/people/${id}/deactivation` });
    expect(res.statusCode).toBe(200);
    expect(res.json().deactivatedAt).toEqual(expect.any(String));
    expect(res.json().roles).toEqual([{ role: 'facilitator', cityId: null, cityName: null, primaryContact: false }]);

    for (const session of [laptop, phone]) expect((await session.request({ method: 'GET', url: '/api/me' })).json().code).toBe('UNAUTHENTICATED');
    expect(await t.app.db.selectFrom('sessions').select('token_hash').where('person_id', '=', id).execute()).toEqual([]);

    const refused = await signIn(email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'FORBIDDEN',
      reason: { code: 'ACCOUNT_DEACTIVATED' },
      detail: 'Your account has been deactivated. Ask the programme team if you need it again.',
    });
    // Only the right password learns that the account exists and was deactivated.
    expect((await signIn(email, 'not the password at all')).json().code).toBe('INVALID_CREDENTIALS');
    // No reset link either.
    await (await t.client()).request({ method: 'POST', url: '/api/password-resets', payload: { email } });
    expect(await subjectsTo(email)).toEqual(['Your peercities account has been deactivated']);

    expect((await manager.request({ method: 'GET', url: '/api/people?status=deactivated' })).json().items.map((p: { email: string }) => p.email)).toEqual([email]);
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', id).where('action', '=', 'person.deactivate').execute();
    expect(audit).toEqual([{ action: 'person.deactivate', actor_id: await idOf('manager@demo.peercities.eu'), details: { before: { deactivatedAt: null }, after: { deactivatedAt: res.json().deactivatedAt } } }]);

    // Deactivating again changes nothing.
    const again = await manager.request({ method: 'PUT', url: `/api/people/${id}/deactivation` });
    expect(again.json().deactivatedAt).toBe(res.json().deactivatedAt);
    expect(await subjectsTo(email)).toHaveLength(1);
  });

  it('lets the person sign in again once reactivated, without reviving their old sessions', async () => {
    const email = 'evaluator@demo.peercities.eu';
    const before = await t.signedIn(email);
    const id = await idOf(email);
    await manager.request({ method: 'PUT', url: `/api/people/${id}/deactivation` });
    const res = await manager.request({ method: 'DELETE', url: `/api/people/${id}/deactivation` });
    expect(res.statusCode).toBe(200);
    expect(res.json().deactivatedAt).toBeNull();
    expect((await before.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await signIn(email)).statusCode).toBe(200);
    expect(await subjectsTo(email)).toEqual(['Your peercities account has been deactivated', 'Your peercities account is active again']);
    const actions = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).where('action', 'like', 'person.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['person.deactivate', 'person.reactivate']);
  });

  it('is never for oneself, and keeps the last active programme manager; a refused request changes nothing', async () => {
    const anna = await idOf('manager@demo.peercities.eu');
    const before = await snapshot();
    const self = await manager.request({ method: 'PUT', url: `/api/people/${anna}/deactivation` });
    expect(self.statusCode).toBe(409);
    expect(self.json().reason).toEqual({ code: 'CANNOT_DEACTIVATE_YOURSELF' });
    expect(await snapshot()).toEqual(before);

    // With Tomás deactivated, Anna is the last active manager: her role stays.
    const tomas = await idOf('manager2@demo.peercities.eu');
    await manager.request({ method: 'PUT', url: `/api/people/${tomas}/deactivation` });
    const last = await snapshot();
    const own = await manager.request({ method: 'DELETE', url: `/api/people/${anna}/roles/programme_manager` });
    expect(own.statusCode).toBe(409);
    expect(own.json().reason).toEqual({ code: 'LAST_PROGRAMME_MANAGER', params: { name: 'Anna Lindqvist' } });
    expect(await snapshot()).toEqual(last);
    await manager.request({ method: 'DELETE', url: `/api/people/${tomas}/deactivation` });
    expect((await signIn('manager2@demo.peercities.eu')).statusCode).toBe(200);
  });

  it('answers 404 for nobody, and is for programme managers only', async () => {
    expect((await manager.request({ method: 'PUT', url: '/api/people/00000000-0000-4000-8000-000000000000/deactivation' })).json().reason).toEqual({ code: 'PERSON_NOT_FOUND' });
    const rep = await t.signedIn('valencia@demo.peercities.eu');
    expect((await rep.request({ method: 'PUT', url: `/api/people/${await idOf('lahti@demo.peercities.eu')}/deactivation` })).statusCode).toBe(403);
  });

  it('keeps invitations away from a deactivated account', async () => {
    const email = 'expert@demo.peercities.eu';
    const id = await idOf(email);
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email, name: 'Sofia Rossi', role: 'facilitator' } });
    const [mail] = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', email).orderBy('created_at', 'desc').execute();
    const token = /\/invitations\/([\w-]+)/.exec(mail?.text_body ?? '')?.[1] ?? '';
    await manager.request({ method: 'PUT', url: `/api/people/${id}/deactivation` });

    const accept = await (await t.client()).request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Sofia', password: DEMO_PASSWORD, ...READ_NOTICE } });
    expect(accept.statusCode).toBe(403);
    expect(accept.json().reason).toEqual({ code: 'ACCOUNT_DEACTIVATED' });
    const invite = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email, name: 'Sofia Rossi', role: 'evaluator' } });
    expect(invite.statusCode).toBe(409);
    expect(invite.json().reason).toEqual({ code: 'PERSON_DEACTIVATED', params: { name: 'Sofia Rossi' } });
    await manager.request({ method: 'DELETE', url: `/api/people/${id}/deactivation` });
  });

  // Two app processes share one PostgreSQL database (PGlite lives inside a single process).
  if (process.env.PEERCITIES_TEST_DB === 'postgres') {
    it("ends the person's sessions in every process's cache when another process deactivates them", async () => {
      const other: FastifyInstance = await buildApp(t.config);
      try {
        const c = await t.signedIn('facilitator3@demo.peercities.eu');
        const token = c.cookies.get(SESSION_COOKIE) ?? '';
        const me = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: token } });
        expect((await me(t.app)).statusCode).toBe(200);
        expect((await me(other)).statusCode).toBe(200);
        expect(t.app.sessionCache.size).toBeGreaterThan(0);

        // Deactivated through the other process:
        const id = await idOf('facilitator3@demo.peercities.eu');
        const managerToken = manager.cookies.get(SESSION_COOKIE) ?? '';
        const res = await other.inject({
          method: 'PUT',
          url: `/api/people/${id}/deactivation`,
          cookies: { [SESSION_COOKIE]: managerToken, [CSRF_COOKIE]: manager.csrfToken },
          headers: { [CSRF_HEADER]: manager.csrfToken },
        });
        expect(res.statusCode).toBe(200);
        await t.app.sessionChangesHeard();
        expect((await me(t.app)).statusCode).toBe(401);
        expect((await me(other)).statusCode).toBe(401);
      } finally {
        await other.close();
      }
    });
  }
});
