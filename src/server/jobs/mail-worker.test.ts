import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../modules/email/outbox.repository.ts';
import { decodeQuotedPrintable, startSmtpCatcher } from '../test-support/smtp-catcher.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { retryDelayMs } from './mail-worker.ts';

type Catcher = Awaited<ReturnType<typeof startSmtpCatcher>>;

describe('email over SMTP', () => {
  let smtp: Catcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'peercities <no-reply@peercities.test>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => {
    smtp.received.length = 0;
  });

  it('delivers an invitation to a real SMTP server with a working link', async () => {
    const manager = await t.signedIn('manager@demo.peercities.eu');
    await manager.request({ method: 'POST', url: '/api/invitations', payload: { email: 'new.facilitator@example.org', name: 'Nia', role: 'facilitator' } });
    expect(await t.app.mailWorker.flush()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(['new.facilitator@example.org']);
    expect(mail?.from).toBe('no-reply@peercities.test');
    const body = decodeQuotedPrintable(mail?.raw ?? '');
    expect(body).toContain('Subject: You are invited to peercities as facilitator');
    const token = /http:\/\/peercities\.test\/invitations\/([\w-]+)/.exec(body)?.[1] ?? '';
    const preview = await (await t.client()).request({ method: 'GET', url: `/api/invitations/by-token/${token}` });
    expect(preview.json().email).toBe('new.facilitator@example.org');

    const row = await t.app.db.selectFrom('outbox').selectAll().where('to_address', '=', 'new.facilitator@example.org').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'smtp' });
    expect(body).toContain(`Message-ID: <${row.id}@peercities.test>`);
  });

  it('sends each email once, however often the worker runs', async () => {
    await enqueueEmail(t.app.db, { to: 'once@example.org', subject: 'Once', text: 'Only once' });
    await Promise.all([t.app.mailWorker.flush(), t.app.mailWorker.flush(), t.app.mailWorker.flush()]);
    await t.app.mailWorker.flush();
    expect(smtp.received.filter((m) => m.to.includes('once@example.org'))).toHaveLength(1);
  });

  it('writes no email when the change that causes it is rolled back', async () => {
    await t.app.db
      .transaction()
      .execute(async (trx) => {
        await enqueueEmail(trx, { to: 'rolledback@example.org', subject: 'Never', text: 'Never sent' });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await t.app.mailWorker.flush();
    expect(smtp.received).toHaveLength(0);
    const rows = await t.app.db.selectFrom('outbox').select('id').where('to_address', '=', 'rolledback@example.org').execute();
    expect(rows).toHaveLength(0);
  });

  it('delivers an email claimed by a worker that died, once its lease runs out', async () => {
    const id = await enqueueEmail(t.app.db, { to: 'orphan@example.org', subject: 'Orphan', text: 'Claimed then abandoned' });
    // A worker claimed it and died before sending: the lease keeps others off…
    await t.app.db.updateTable('outbox').set({ locked_until: new Date(Date.now() + 60_000), attempts: 1 }).where('id', '=', id).execute();
    await t.app.mailWorker.flush();
    expect(smtp.received).toHaveLength(0);
    // …until it expires; then the email goes out.
    await t.app.db.updateTable('outbox').set({ locked_until: new Date(Date.now() - 1) }).where('id', '=', id).execute();
    await t.app.mailWorker.flush();
    expect(smtp.received.map((m) => m.to[0])).toEqual(['orphan@example.org']);
  });
});

describe('email delivery failures', () => {
  it('keeps a refused email and retries it later', async () => {
    const smtp = await startSmtpCatcher({ failFirst: 1 });
    const t = await createTestApp({ SMTP_URL: smtp.url });
    try {
      const id = await enqueueEmail(t.app.db, { to: 'retry@example.org', subject: 'Retry', text: 'Second time lucky' });
      await t.app.mailWorker.flush();
      const failed = await t.app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(failed.status).toBe('pending');
      expect(failed.attempts).toBe(1);
      expect(failed.last_error).toContain('Mailbox temporarily unavailable');
      expect(new Date(failed.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 20_000);

      await t.app.db.updateTable('outbox').set({ next_attempt_at: new Date() }).where('id', '=', id).execute();
      await t.app.mailWorker.flush();
      expect(smtp.received.map((m) => m.to[0])).toEqual(['retry@example.org']);
      const sent = await t.app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    } finally {
      await t.close();
      await smtp.close();
    }
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });
});

describe('development mailbox (no SMTP_URL)', () => {
  it('lists outgoing email for programme managers', async () => {
    const t = await createTestApp();
    try {
      const manager = await t.signedIn('manager@demo.peercities.eu');
      await manager.request({ method: 'POST', url: '/api/password-resets', payload: { email: 'expert@demo.peercities.eu' } });
      await t.app.mailWorker.flush();
      const mailbox = await manager.request({ method: 'GET', url: '/api/mailbox' });
      expect(mailbox.json().items[0]).toMatchObject({ to: 'expert@demo.peercities.eu', subject: 'Reset your peercities password', status: 'sent' });
      const expert = await t.signedIn('expert@demo.peercities.eu');
      expect((await expert.request({ method: 'GET', url: '/api/mailbox' })).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
