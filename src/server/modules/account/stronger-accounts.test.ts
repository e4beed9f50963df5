import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import { createTestApp, DEMO_PASSWORD, READ_NOTICE, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { hashToken } from '../auth/tokens.ts';
import { SessionCache } from '../session/session-cache.ts';
import { SESSION_COOKIE, SESSION_POLICY } from '../session/session-policy.ts';
import { resolveSession } from '../session/session.service.ts';
import { endMySession } from '../session/my-sessions.service.ts';
import { changePassword } from './me.service.ts';
import { deactivateAccount } from './deactivation.service.ts';

// Stronger accounts (issue 19, docs/decisions/0026-stronger-accounts.md):
// refused passwords, the current-password check throttled, the owner told of
// a new password, my sessions listed and ended at once, failed sign-ins,
// lock-outs and sign-outs in the audit log, throttling that one attacker
// cannot turn against everyone behind the same address.

let t: TestApp;
let manager: TestClient;
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

const COMMON = '1qaz2wsx3edc'; // 12 characters, among the 100,000 most common passwords
const GOOD = 'slow rivers carry warm stones';

async function outboxTo(email: string) {
  return t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('created_at', 'desc').execute();
}

async function auditOf(action: string, ip?: string) {
  let q = t.app.db.selectFrom('audit_events').select(['actor_id', 'entity_id', 'ip', 'details']).where('action', '=', action);
  if (ip) q = q.where('ip', '=', ip);
  return q.orderBy('id').execute();
}

const count = async (table: 'registrations' | 'people' | 'outbox' | 'invitations' | 'password_resets' | 'sessions') =>
  Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, field: string, code: string) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: { code: 'PASSWORD_NOT_ALLOWED' }, errors: [{ field, reason: { code } }] });
}

describe('passwords nobody may choose', () => {
  it('refuses a common password and one containing the email at registration, and keeps nothing', async () => {
    expect((await manager.request({ method: 'PUT', url: '/api/registration/settings', payload: { open: true } })).statusCode).toBe(200);
    const form = {
      name: 'Aino Virtanen',
      citySource: 'geonames',
      geonamesId: 640999,
      roleTitle: 'Climate coordinator',
      climateTargetYear: 2030,
      hasClimatePlan: true,
      covenantSignatory: true,
      ...READ_NOTICE,
    };
    const before = [await count('registrations'), await count('outbox')];
    const c = await t.client();
    const common = await c.request({ method: 'POST', url: '/api/registrations', payload: { ...form, email: 'aino.virtanen@pori.fi', password: COMMON }, remoteAddress: nextIp() });
    expectRefused(common, 'body.password', 'PASSWORD_TOO_COMMON');
    expect(common.json().errors[0].message).toContain('100,000 most common passwords');
    const own = await c.request({ method: 'POST', url: '/api/registrations', payload: { ...form, email: 'aino.virtanen@pori.fi', password: 'I am Aino.Virtanen of Pori' }, remoteAddress: nextIp() });
    expectRefused(own, 'body.password', 'PASSWORD_CONTAINS_EMAIL');
    expect([await count('registrations'), await count('outbox')]).toEqual(before);
    const fine = await c.request({ method: 'POST', url: '/api/registrations', payload: { ...form, email: 'aino.virtanen@pori.fi', password: GOOD }, remoteAddress: nextIp() });
    expect(fine.statusCode, fine.body).toBe(202);
  });

  it('refuses them when an invitation is accepted, and the invitation stays open', async () => {
    const invite = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'mart.kask@example.org', name: 'Mart Kask', role: 'expert' } });
    expect(invite.statusCode).toBe(201);
    const [mail] = await outboxTo('mart.kask@example.org');
    const token = /\/invitations\/([\w-]+)/.exec(mail?.text_body ?? '')?.[1] ?? '';
    const c = await t.client();
    const accept = (password: string) => c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Mart Kask', password, ...READ_NOTICE } });
    expectRefused(await accept('QWERTY123456'), 'body.password', 'PASSWORD_TOO_COMMON');
    expectRefused(await accept('mart.kask@example.org!'), 'body.password', 'PASSWORD_CONTAINS_EMAIL');
    expect((await c.request({ method: 'GET', url: `/api/invitations/by-token/${token}` })).statusCode).toBe(200);
    expect(await t.app.db.selectFrom('people').select('id').where('email', '=', 'mart.kask@example.org').executeTakeFirst()).toBeUndefined();
    expect((await accept(GOOD)).statusCode).toBe(200);
  });

  it('refuses them with a reset link, which keeps working', async () => {
    const email = 'evaluator2@demo.peercities.eu';
    const c = await t.client();
    await c.request({ method: 'POST', url: '/api/password-resets', payload: { email } });
    const token = /\/reset-password\/([\w-]+)/.exec((await outboxTo(email))[0]?.text_body ?? '')?.[1] ?? '';
    expectRefused(await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: COMMON } }), 'body.password', 'PASSWORD_TOO_COMMON');
    expectRefused(await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'evaluator2 forever and ever' } }), 'body.password', 'PASSWORD_CONTAINS_EMAIL');
    // Nothing changed: the old password still signs in, the link still works.
    await t.signedIn(email);
    expect((await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: GOOD } })).statusCode).toBe(204);
    await t.signedIn(email, GOOD);
  });

  it('refuses them when I change my password, which stays as it was', async () => {
    const email = 'expert@demo.peercities.eu';
    const me = await t.signedIn(email);
    const change = (newPassword: string) => me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword } });
    expectRefused(await change(COMMON), 'body.newPassword', 'PASSWORD_TOO_COMMON');
    expectRefused(await change('Expert@Demo.Peercities.EU 2027'), 'body.newPassword', 'PASSWORD_CONTAINS_EMAIL');
    await t.signedIn(email);
  });
});

describe('the current-password check when changing my password', () => {
  it('answers 429 with Retry-After after a few wrong current passwords, even for the right one, for this account only', async () => {
    const email = 'facilitator3@demo.peercities.eu';
    const me = await t.signedIn(email);
    for (let i = 0; i < SESSION_POLICY.maxPasswordCheckFailures; i++) {
      const wrong = await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: `guess number ${i}`, newPassword: GOOD } });
      expect(wrong.statusCode).toBe(401);
    }
    const blocked = await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: GOOD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', status: 429 });
    expect(String(blocked.headers['content-type'])).toContain('application/problem+json');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SESSION_POLICY.failureWindowMs / 1000);
    // The password did not change; signing in is throttled apart and still works.
    await t.signedIn(email);
    // Another account is not affected.
    const other = await t.signedIn('lahti2@demo.peercities.eu');
    expect((await other.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: GOOD } })).statusCode).toBe(204);
    // Once the window has passed, the right password works again.
    await t.app.db
      .updateTable('sign_in_attempts')
      .set({ attempted_at: new Date(Date.now() - SESSION_POLICY.failureWindowMs - 1000) })
      .where('email', '=', email)
      .where('kind', '=', 'password_check')
      .execute();
    expect((await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: GOOD } })).statusCode).toBe(204);
  });
});

describe('the owner is told when their password changes', () => {
  it('emails after a change on the account page and after a reset', async () => {
    const email = 'split@demo.peercities.eu';
    const me = await t.signedIn(email);
    expect((await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: GOOD } })).statusCode).toBe(204);
    const [changed] = await outboxTo(email);
    expect(changed?.subject).toBe('Your peercities password was changed');
    expect(changed?.text_body).toContain('was changed on the account page');
    expect(changed?.text_body).toContain('http://peercities.test/forgot-password');

    const c = await t.client();
    await c.request({ method: 'POST', url: '/api/password-resets', payload: { email } });
    const token = /\/reset-password\/([\w-]+)/.exec((await outboxTo(email))[0]?.text_body ?? '')?.[1] ?? '';
    expect((await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'another slow river of stones' } })).statusCode).toBe(204);
    const [reset] = await outboxTo(email);
    expect(reset?.subject).toBe('Your peercities password was changed');
    expect(reset?.text_body).toContain('was reset through a link');
    // The reset link itself is not repeated in the notice.
    expect(reset?.text_body).not.toContain(token);
  });
});

describe('my sessions', () => {
  const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

  it('lists where I am signed in, this session marked, and ends another one at once', async () => {
    const email = 'valencia@demo.peercities.eu';
    const laptop = await t.signedIn(email);
    const phone = await t.client();
    expect((await phone.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD }, headers: { 'user-agent': FIREFOX } })).statusCode).toBe(200);

    const list = await laptop.request({ method: 'GET', url: '/api/me/sessions' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const items = list.json().items as { id: string; current: boolean; device: string | null; signedInAt: string; lastUsedAt: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current);
    expect(other).toMatchObject({ device: 'Firefox on Windows' });
    expect(Number.isNaN(Date.parse(other?.lastUsedAt ?? ''))).toBe(false);
    expect(JSON.stringify(items)).not.toContain(laptop.cookies.get(SESSION_COOKIE));

    // Nobody else can end it: someone else's session is as good as none.
    const stranger = await t.signedIn('krakow@demo.peercities.eu');
    const notTheirs = await stranger.request({ method: 'DELETE', url: `/api/me/sessions/${other?.id}` });
    expect(notTheirs.statusCode).toBe(404);
    expect(notTheirs.json()).toMatchObject({ code: 'NOT_FOUND', reason: { code: 'SESSION_NOT_FOUND' } });
    expect((await stranger.request({ method: 'DELETE', url: '/api/me/sessions/not-an-id' })).statusCode).toBe(400);
    expect((await phone.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);

    const end = await laptop.request({ method: 'DELETE', url: `/api/me/sessions/${other?.id}` });
    expect(end.statusCode).toBe(204);
    // The very next request, without waiting for any announcement.
    const next = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: phone.cookies.get(SESSION_COOKIE) ?? '' } });
    expect(next.statusCode).toBe(401);
    expect((await laptop.request({ method: 'GET', url: '/api/me/sessions' })).json().items).toHaveLength(1);
    expect(await auditOf('session.end')).toHaveLength(1);
  });

  it('signs out everywhere else', async () => {
    const email = 'lahti@demo.peercities.eu';
    const others = [await t.signedIn(email), await t.signedIn(email)];
    const me = await t.signedIn(email);
    const res = await me.request({ method: 'DELETE', url: '/api/me/sessions' });
    expect(res.json()).toEqual({ ended: 2 });
    for (const o of others) expect((await t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: o.cookies.get(SESSION_COOKIE) ?? '' } })).statusCode).toBe(401);
    expect((await me.request({ method: 'GET', url: '/api/me/sessions' })).json().items).toMatchObject([{ current: true }]);
    expect((await me.request({ method: 'DELETE', url: '/api/me/sessions' })).json()).toEqual({ ended: 0 });
  });

  it('ends my other sessions at once when I change my password: the very next request with one is 401', async () => {
    const email = 'facilitator2@demo.peercities.eu';
    const other = await t.signedIn(email);
    const me = await t.signedIn(email);
    const otherToken = other.cookies.get(SESSION_COOKIE) ?? '';
    const direct = () => t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: otherToken } });
    expect((await direct()).statusCode).toBe(200); // now remembered by the process
    expect((await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: GOOD } })).statusCode).toBe(204);
    // No waiting for the database's announcement (test clients wait for it; this does not).
    expect((await direct()).statusCode).toBe(401);
    expect((await me.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('forgets the ended sessions in the changing process itself, whatever the announcements do', async () => {
    // A cache that hears no announcement at all: only the change itself can make it forget.
    const cache = new SessionCache();
    cache.goLive();
    const email = 'evaluator@demo.peercities.eu';
    const other = await t.signedIn(email);
    const me = await t.signedIn(email);
    const otherToken = other.cookies.get(SESSION_COOKIE) ?? '';
    const myToken = me.cookies.get(SESSION_COOKIE) ?? '';
    const resolved = await resolveSession(t.app.db, otherToken, cache);
    expect(resolved).not.toBeNull();
    expect(await resolveSession(t.app.db, otherToken, cache)).not.toBeNull();
    expect(cache.size).toBe(1);
    const user = resolved?.user as CurrentUser;
    await changePassword(t.app.db, {
      user,
      body: { currentPassword: DEMO_PASSWORD, newPassword: GOOD },
      sessionToken: myToken,
      passwordHashCost: t.config.passwordHashCost,
      ip: '127.0.0.1',
      publicUrl: t.config.publicUrl,
      cache,
    });
    expect(await resolveSession(t.app.db, otherToken, cache)).toBeNull();
    expect(await resolveSession(t.app.db, myToken, cache)).not.toBeNull();

    // Ending one session by its id, likewise.
    const third = await t.signedIn(email, GOOD);
    const thirdToken = third.cookies.get(SESSION_COOKIE) ?? '';
    expect(await resolveSession(t.app.db, thirdToken, cache)).not.toBeNull();
    const row = await t.app.db.selectFrom('sessions').select('id').where('token_hash', '=', hashToken(thirdToken)).executeTakeFirstOrThrow();
    await endMySession(t.app.db, { user, id: row.id, ip: '127.0.0.1', cache });
    expect(await resolveSession(t.app.db, thirdToken, cache)).toBeNull();

    // A deactivated account, likewise.
    const fourth = await t.signedIn(email, GOOD);
    const fourthToken = fourth.cookies.get(SESSION_COOKIE) ?? '';
    expect(await resolveSession(t.app.db, fourthToken, cache)).not.toBeNull();
    const managerUser = (await manager.request({ method: 'GET', url: '/api/me' })).json() as CurrentUser;
    await deactivateAccount(t.app.db, { personId: user.id, actor: managerUser, ip: '127.0.0.1', cache });
    expect(await resolveSession(t.app.db, fourthToken, cache)).toBeNull();
  });
});

describe('sign-in throttling and its audit', () => {
  it('lets user B sign in from the address where an attacker hammers account A, and the owner of A from elsewhere', async () => {
    const proxy = nextIp();
    const a = 'manager2@demo.peercities.eu';
    const c = await t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 3 * SESSION_POLICY.maxFailuresPerAccountAndAddress; i++) {
      statuses.push((await c.request({ method: 'POST', url: '/api/session', payload: { email: a, password: `guess ${i} of many` }, remoteAddress: proxy })).statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(SESSION_POLICY.maxFailuresPerAccountAndAddress);
    expect(statuses.slice(SESSION_POLICY.maxFailuresPerAccountAndAddress).every((s) => s === 429)).toBe(true);
    // Even A's right password from the attacker's address waits.
    const blocked = await c.request({ method: 'POST', url: '/api/session', payload: { email: a, password: DEMO_PASSWORD }, remoteAddress: proxy });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    // User B, behind the same address:
    const b = await t.client();
    expect((await b.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, remoteAddress: proxy })).statusCode).toBe(200);
    // A's owner from home:
    const owner = await t.client();
    expect((await owner.request({ method: 'POST', url: '/api/session', payload: { email: a, password: DEMO_PASSWORD }, remoteAddress: nextIp() })).statusCode).toBe(200);

    // The audit log has each failure (refused tries are not failures) and one lock-out, with the address.
    const failures = await auditOf('session.sign_in_failed', proxy);
    expect(failures).toHaveLength(SESSION_POLICY.maxFailuresPerAccountAndAddress);
    expect(failures[0]?.details).toMatchObject({ email: a, reason: 'wrong_password' });
    const lockOuts = await auditOf('session.lock_out', proxy);
    expect(lockOuts).toHaveLength(1);
    expect(lockOuts[0]?.details).toMatchObject({ email: a, limit: 'account_and_address', minutes: 15 });
    expect(lockOuts[0]?.entity_id).toBe(failures[0]?.entity_id);
  });

  it('records a failure for an unknown account without naming a person', async () => {
    const ip = nextIp();
    const c = await t.client();
    expect((await c.request({ method: 'POST', url: '/api/session', payload: { email: 'nobody@example.org', password: 'whatever it is' }, remoteAddress: ip })).statusCode).toBe(401);
    expect(await auditOf('session.sign_in_failed', ip)).toMatchObject([{ actor_id: null, entity_id: null, details: { email: 'nobody@example.org', reason: 'unknown_account' } }]);
  });

  it('records sign-outs', async () => {
    const ip = nextIp();
    const c = await t.client();
    expect((await c.request({ method: 'POST', url: '/api/session', payload: { email: 'krakow@demo.peercities.eu', password: DEMO_PASSWORD }, remoteAddress: ip })).statusCode).toBe(200);
    expect((await c.request({ method: 'DELETE', url: '/api/session', remoteAddress: ip })).statusCode).toBe(204);
    const [out] = await auditOf('session.sign_out', ip);
    const krakow = await t.app.db.selectFrom('people').select('id').where('email', '=', 'krakow@demo.peercities.eu').executeTakeFirstOrThrow();
    expect(out).toMatchObject({ actor_id: krakow.id, entity_id: krakow.id, ip });
    // Signing out without a session records nothing.
    expect((await c.request({ method: 'DELETE', url: '/api/session', remoteAddress: ip })).statusCode).toBe(204);
    expect(await auditOf('session.sign_out', ip)).toHaveLength(1);
  });
});
