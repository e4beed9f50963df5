import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

// The development mailbox shows what the platform would send without SMTP,
// reset and invitation links included: only where there is no SMTP server,
// and never the mail of people whose role ranks as high as the reader's.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const mailboxOf = async (email: string) => {
  const c = await t.signedIn(email);
  const res = await c.request({ method: 'GET', url: '/api/mailbox?pageSize=100' });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { to: string; subject: string; text: string }[]; total: number };
};

describe('development mailbox', () => {
  it('is announced to the web app when there is no SMTP server', async () => {
    expect((await t.app.inject('/api/site')).json()).toMatchObject({ devMailbox: true });
  });

  it('never shows a manager the reset links of managers (their own included), but those of representatives and facilitators', async () => {
    const anon = await t.client();
    for (const email of ['manager2@demo.peercities.eu', 'manager@demo.peercities.eu', 'valencia@demo.peercities.eu', 'facilitator@demo.peercities.eu']) {
      expect((await anon.request({ method: 'POST', url: '/api/password-resets', payload: { email } })).statusCode).toBe(202);
    }
    const seen = await mailboxOf('manager@demo.peercities.eu');
    const to = new Set(seen.items.map((m) => m.to));
    expect(to.has('valencia@demo.peercities.eu')).toBe(true);
    expect(to.has('facilitator@demo.peercities.eu')).toBe(true);
    expect(to.has('manager2@demo.peercities.eu')).toBe(false);
    expect(to.has('manager@demo.peercities.eu')).toBe(false);
    expect(seen.items.some((m) => m.text.includes('/reset-password/') && m.to.startsWith('manager'))).toBe(false);
    // The total counts what the reader may see, so the pages add up.
    expect(seen.total).toBe(seen.items.length);
  });

  it('hides an invitation link that grants a role as high as the reader’s, even before the person exists', async () => {
    const manager = await t.signedIn('manager@demo.peercities.eu');
    const invited = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'new.manager@example.org', name: 'New Manager', role: 'programme_manager' } });
    expect(invited.statusCode).toBe(201);
    const rep = await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'new.rep@example.org', name: 'New Rep', role: 'expert' } });
    expect(rep.statusCode).toBe(201);
    const to = new Set((await mailboxOf('manager2@demo.peercities.eu')).items.map((m) => m.to));
    expect(to.has('new.manager@example.org')).toBe(false);
    expect(to.has('new.rep@example.org')).toBe(true);
  });
});

describe('with SMTP configured', () => {
  it('has no mailbox at all (404), and tells the web app so', async () => {
    const smtp = await createTestApp({ SMTP_URL: 'smtp://mail.example.org:587' });
    try {
      const manager = await smtp.signedIn('manager@demo.peercities.eu');
      const res = await manager.request({ method: 'GET', url: '/api/mailbox' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await smtp.app.inject('/api/site')).json()).toMatchObject({ devMailbox: false });
    } finally {
      await smtp.close();
    }
  });
});
