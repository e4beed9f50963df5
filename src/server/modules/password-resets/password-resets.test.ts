import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function outboxTo(email: string) {
  return t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('created_at', 'desc').execute();
}

describe('password reset', () => {
  it('answers the same for unknown and known addresses, and mails only the known one', async () => {
    const c = await t.client();
    const unknown = await c.request({ method: 'POST', url: '/api/password-resets', payload: { email: 'ghost@example.org' } });
    const known = await c.request({ method: 'POST', url: '/api/password-resets', payload: { email: 'evaluator@demo.peercities.eu' } });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await outboxTo('ghost@example.org')).toHaveLength(0);
    expect(await outboxTo('evaluator@demo.peercities.eu')).toHaveLength(1);
  });

  it('sets the new password, ends existing sessions and works only once', async () => {
    const email = 'lahti@demo.peercities.eu';
    const existing = await t.signedIn(email);
    const c = await t.client();
    await c.request({ method: 'POST', url: '/api/password-resets', payload: { email } });
    const [mail] = await outboxTo(email);
    const token = /\/reset-password\/([\w-]+)/.exec(mail?.text_body ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThan(40);

    const tooShort = await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'short' } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors).toEqual([{ field: 'body.password', message: 'Use at least 12 characters.', reason: { code: 'TEXT_TOO_SHORT', params: { min: 12 } } }]);

    const done = await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'a brand new passphrase' } });
    expect(done.statusCode).toBe(204);
    expect((await existing.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await t.signedIn(email, 'a brand new passphrase');
    const old = await c.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
    expect(old.statusCode).toBe(401);

    const reuse = await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'yet another passphrase' } });
    expect(reuse.statusCode).toBe(410);
    // The owner is told that the reset link was used, with no link in it.
    const [notice] = await outboxTo(email);
    expect(notice?.subject).toBe('Your peercities password was changed');
    expect(notice?.text_body).toContain('was reset through a link sent to this address');
    expect(notice?.text_body).not.toMatch(/reset-password\//);
    expect((await outboxTo(email)).filter((m) => m.subject === 'Your peercities password was changed')).toHaveLength(1);
  });

  it('accepts long passphrases up to 128 characters and refuses longer ones', async () => {
    const email = 'krakow@demo.peercities.eu';
    const c = await t.client();
    await c.request({ method: 'POST', url: '/api/password-resets', payload: { email } });
    const token = /\/reset-password\/([\w-]+)/.exec((await outboxTo(email))[0]?.text_body ?? '')?.[1] ?? '';
    expect((await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'x'.repeat(129) } })).statusCode).toBe(400);
    expect((await c.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: 'ü'.repeat(128) } })).statusCode).toBe(204);
    await t.signedIn(email, 'ü'.repeat(128));
  });
});

describe('changing my password', () => {
  it('needs the current password and keeps only the current session', async () => {
    const email = 'facilitator2@demo.peercities.eu';
    const other = await t.signedIn(email);
    const me = await t.signedIn(email);
    const wrong = await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'wrong one', newPassword: 'another fine passphrase' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await me.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'another fine passphrase' } });
    expect(ok.statusCode).toBe(204);
    expect((await me.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
