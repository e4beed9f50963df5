import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, READ_NOTICE, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { SESSION_COOKIE } from '../session/session-policy.ts';
import { CHALLENGE_COOKIE, DEVICE_COOKIE } from './two-factor.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/**
 * A code of the next 30-second step (accepted: one step of drift each way).
 * Enrolment uses the current step and each step is accepted once, so a test
 * uses this once per secret.
 */
const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function enrol(c: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment' });
  expect(start.statusCode).toBe(200);
  const { secret } = start.json();
  // Codes in this file are of the current step or the next; confirm with the current one so later ones are fresh.
  const code = await generate({ secret });
  const confirm = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment/confirm', payload: { code } });
  expect(confirm.statusCode, confirm.body).toBe(200);
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

const signInStep1 = async (email: string, c?: TestClient) => {
  const client = c ?? (await t.client());
  const res = await client.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
  return { client, res };
};

describe('enrolment', () => {
  it('shows the secret as text and as a QR image once, and turns on only with a right code', async () => {
    const c = await t.signedIn('expert@demo.peercities.eu');
    const before = await c.request({ method: 'GET', url: '/api/me/two-factor' });
    expect(before.json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0, required: false });

    const start = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment' });
    expect(start.statusCode).toBe(200);
    expect(start.headers['cache-control']).toBe('no-store');
    const body = start.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(body.otpauthUri).toContain(`secret=${body.secret}`);
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/peercities:expert%40demo\.peercities\.eu\?/);
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment/confirm', payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors[0].field).toBe('body.code');
    expect((await c.request({ method: 'GET', url: '/api/me/two-factor' })).json().enabled).toBe(false);

    const malformed = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment/confirm', payload: { code: '12ab' } });
    expect(malformed.statusCode).toBe(400);

    const ok = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment/confirm', payload: { code: await generate({ secret: body.secret }) } });
    expect(ok.statusCode).toBe(200);
    const { recoveryCodes } = ok.json();
    expect(recoveryCodes).toHaveLength(10);

    const after = (await c.request({ method: 'GET', url: '/api/me/two-factor' })).json();
    expect(after).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The secret is never returned again, and the codes are stored only hashed.
    expect(JSON.stringify(after)).not.toContain(body.secret);
    const stored = await t.app.db.selectFrom('two_factor_recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    const again = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment' });
    expect(again.statusCode).toBe(409);

    const audit = await t.app.db.selectFrom('audit_events').select('action').where('action', '=', 'person.two_factor_enable').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('is refused to strangers', async () => {
    const c = await t.client();
    const res = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment' });
    expect(res.statusCode).toBe(401);
  });
});

describe('signing in with two steps', () => {
  it('asks for a code after the right password, without starting a session', async () => {
    const email = 'facilitator2@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    const { client, res } = await signInStep1(email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: null, secondStep: true });
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(client.cookies.has(CHALLENGE_COOKIE)).toBe(true);
    expect((await client.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);

    const wrong = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);

    const ok = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await codeFor(secret) } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.email).toBe(email);
    expect(client.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(client.cookies.has(CHALLENGE_COOKIE)).toBe(false);
    expect((await client.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('refuses the second step without the pending sign-in, and a code used once', async () => {
    const email = 'facilitator3@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    const stranger = await t.client();
    const none = await stranger.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await generate({ secret }) } });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('UNAUTHENTICATED');

    const code = await codeFor(secret);
    const first = await signInStep1(email);
    expect((await first.client.request({ method: 'POST', url: '/api/session/second-step', payload: { code } })).statusCode).toBe(200);
    const second = await signInStep1(email);
    const replay = await second.client.request({ method: 'POST', url: '/api/session/second-step', payload: { code } });
    expect(replay.statusCode).toBe(401);
  });

  it('throttles wrong codes: five end the pending step and lock the account like wrong passwords', async () => {
    const email = 'lahti2@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    const { client } = await signInStep1(email);
    for (let i = 0; i < 5; i++) {
      const res = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: String(100000 + i) } });
      expect(res.statusCode).toBe(401);
    }
    const sixth = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await codeFor(secret) } });
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().code).toBe('UNAUTHENTICATED');
    const again = await signInStep1(email);
    expect(again.res.statusCode).toBe(429);
    expect(again.res.headers['content-type']).toContain('application/problem+json');
  });

  it('accepts each recovery code once', async () => {
    const email = 'evaluator2@demo.peercities.eu';
    const { recoveryCodes } = await enrol(await t.signedIn(email));
    const [code = ''] = recoveryCodes;
    const first = await signInStep1(email);
    const ok = await first.client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: code.toUpperCase() } });
    expect(ok.statusCode).toBe(200);
    expect((await first.client.request({ method: 'GET', url: '/api/me/two-factor' })).json().recoveryCodesLeft).toBe(9);
    const second = await signInStep1(email);
    const reused = await second.client.request({ method: 'POST', url: '/api/session/second-step', payload: { code } });
    expect(reused.statusCode).toBe(401);
  });

  it('remembers a browser for 30 days, and forgets it when the password changes', async () => {
    const email = 'krakow@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    const { client } = await signInStep1(email);
    const ok = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await codeFor(secret), rememberDevice: true } });
    expect(ok.statusCode).toBe(200);
    const device = ok.cookies.find((k) => k.name === DEVICE_COOKIE);
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 30 * 24 * 3600 });

    // The same browser signs in again with the password only; another browser still needs the code.
    await client.request({ method: 'DELETE', url: '/api/session' });
    const remembered = await client.request({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
    expect(remembered.json().user?.email).toBe(email);
    expect((await signInStep1(email)).res.json().secondStep).toBe(true);
    const status = (await client.request({ method: 'GET', url: '/api/me/two-factor' })).json();
    expect(status.rememberedDevices).toHaveLength(1);

    const change = await client.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a new and long passphrase 2027' },
    });
    expect(change.statusCode, change.body).toBe(204);
    await client.request({ method: 'DELETE', url: '/api/session' });
    const afterChange = await client.request({ method: 'POST', url: '/api/session', payload: { email, password: 'a new and long passphrase 2027' } });
    expect(afterChange.json()).toMatchObject({ user: null, secondStep: true });
  });

  it('lets a remembered browser of one person skip nothing for another', async () => {
    const email = 'lahti@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    const other = 'valencia@demo.peercities.eu';
    const { secret: otherSecret } = await enrol(await t.signedIn(other));
    const { client } = await signInStep1(email);
    await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await codeFor(secret), rememberDevice: true } });
    await client.request({ method: 'DELETE', url: '/api/session' });
    const res = await client.request({ method: 'POST', url: '/api/session', payload: { email: other, password: DEMO_PASSWORD } });
    expect(res.json()).toMatchObject({ user: null, secondStep: true });
    expect(otherSecret).toBeTruthy();
  });
});

describe('accepting an invitation into an existing account', () => {
  it('does not skip the second step: the password grants the role, a code is still asked before a session', async () => {
    const email = 'facilitator@demo.peercities.eu';
    const { secret } = await enrol(await t.signedIn(email));
    // The manager invites the facilitator to a further role; the link comes by email (development mailbox).
    const manager = await t.signedIn('manager@demo.peercities.eu');
    const invite = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email, name: 'Facilitator', role: 'expert' } });
    expect(invite.statusCode, invite.body).toBe(201);
    const mail = await manager.request({ method: 'GET', url: '/api/mailbox?pageSize=100' });
    const message = mail.json().items.find((m: { to: string }) => m.to === email);
    const token = /\/invitations\/([\w-]{40,})/.exec(message?.text ?? '')?.[1];
    expect(token).toBeDefined();

    const c = await t.client();
    const accept = await c.request({ method: 'POST', url: `/api/invitations/by-token/${token}/accept`, payload: { name: 'Facilitator', password: DEMO_PASSWORD, ...READ_NOTICE } });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json()).toMatchObject({ user: null, secondStep: true });
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
    const ok = await c.request({ method: 'POST', url: '/api/session/second-step', payload: { code: await codeFor(secret) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.roles.map((r: { role: string }) => r.role)).toContain('expert');
  });
});

describe('recovery codes and turning off', () => {
  it('regenerates the codes (old ones stop working) and turns off with password and code, forgetting browsers', async () => {
    const email = 'evaluator@demo.peercities.eu';
    const c = await t.signedIn(email);
    const { secret, recoveryCodes } = await enrol(c);
    const regen = await c.request({ method: 'POST', url: '/api/me/two-factor/recovery-codes', payload: { code: await codeFor(secret) } });
    expect(regen.statusCode).toBe(200);
    const fresh: string[] = regen.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);

    const { client } = await signInStep1(email);
    const old = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: recoveryCodes[0] } });
    expect(old.statusCode).toBe(401);
    const remembered = await client.request({ method: 'POST', url: '/api/session/second-step', payload: { code: fresh[0], rememberDevice: true } });
    expect(remembered.statusCode).toBe(200);

    const wrongPassword = await c.request({ method: 'POST', url: '/api/me/two-factor/disable', payload: { password: 'nope', code: fresh[1] } });
    expect(wrongPassword.statusCode).toBe(401);
    const noCode = await c.request({ method: 'POST', url: '/api/me/two-factor/disable', payload: { password: DEMO_PASSWORD, code: '000000' } });
    expect(noCode.statusCode).toBe(400);
    expect((await c.request({ method: 'GET', url: '/api/me/two-factor' })).json().enabled).toBe(true);

    // A recovery code does too (the app's code of this step was used by the regeneration).
    const off = await c.request({ method: 'POST', url: '/api/me/two-factor/disable', payload: { password: DEMO_PASSWORD, code: fresh[1] } });
    expect(off.statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/me/two-factor' })).json()).toMatchObject({ enabled: false, rememberedDevices: [] });
    const person = await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const left = await t.app.db.selectFrom('remembered_devices').select('id').where('person_id', '=', person.id).execute();
    expect(left).toEqual([]);
    const plain = await signInStep1(email);
    expect(plain.res.json().user?.email).toBe(email);
  });
});

describe('required for programme managers', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ SECOND_FACTOR_FOR_MANAGERS: 'true' });
  });
  afterAll(async () => strict.close());

  it('sends a manager without it to enrolment before anything else, then lets them through', async () => {
    const c = await strict.signedIn('manager2@demo.peercities.eu');
    const blocked = await c.request({ method: 'GET', url: '/api/people' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ code: 'SECOND_FACTOR_ENROLMENT_REQUIRED', type: 'https://peercities.eu/problems/second-factor-enrolment-required' });
    // What the set-up needs stays open.
    expect((await c.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/me/two-factor' })).json()).toMatchObject({ enabled: false, required: true });

    const start = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment' });
    const secret = start.json().secret;
    const confirm = await c.request({ method: 'POST', url: '/api/me/two-factor/enrolment/confirm', payload: { code: await generate({ secret }) } });
    expect(confirm.statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/people' })).statusCode).toBe(200);

    // Required: a manager may not turn it off.
    const off = await c.request({ method: 'POST', url: '/api/me/two-factor/disable', payload: { password: DEMO_PASSWORD, code: confirm.json().recoveryCodes[0] } });
    expect(off.statusCode).toBe(403);
  });

  it('asks nothing more of other roles', async () => {
    const c = await strict.signedIn('expert@demo.peercities.eu');
    expect((await c.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('is off with the demo data unless set, and on without it', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(loadConfig({}).secondFactorForManagers).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).secondFactorForManagers).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false', SECOND_FACTOR_FOR_MANAGERS: 'false' }).secondFactorForManagers).toBe(false);
    expect(loadConfig({ SECOND_FACTOR_FOR_MANAGERS: 'true' }).secondFactorForManagers).toBe(true);
  });
});
