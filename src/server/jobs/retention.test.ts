import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { pruneExpiredData } from './retention.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RETENTION_SIGN_IN_ATTEMPTS_DAYS: '10', RETENTION_SENT_EMAIL_DAYS: '5', RETENTION_UNSELECTED_ATTACHMENTS_DAYS: '20', RETENTION_NOTIFICATIONS_DAYS: '30' });
});
afterAll(async () => t.close());

const NOW = new Date('2031-06-15T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const PDF = new Uint8Array(Buffer.from('%PDF-1.4 test'));

describe('the retention job', () => {
  it('reads its periods from the settings, with defaults', () => {
    expect(t.config.retention).toEqual({ signInAttemptsDays: 10, sentEmailDays: 5, unselectedAttachmentsDays: 20, notificationsDays: 30 });
    expect(loadConfig({}).retention).toEqual({ signInAttemptsDays: 90, sentEmailDays: 30, unselectedAttachmentsDays: 365, notificationsDays: 180 });
    expect(() => loadConfig({ RETENTION_SENT_EMAIL_DAYS: '0' })).toThrow(/RETENTION_SENT_EMAIL_DAYS/);
  });

  it('deletes what is older than its period and keeps what is newer, and a second run deletes nothing more', async () => {
    const db = t.app.db;
    const person = await db.selectFrom('people').select('id').where('email', '=', 'evaluator@demo.peercities.eu').executeTakeFirstOrThrow();
    await db
      .insertInto('sessions')
      .values([
        { token_hash: 'retention-expired', person_id: person.id, expires_at: daysAgo(0.01), last_seen_at: daysAgo(3) },
        { token_hash: 'retention-live', person_id: person.id, expires_at: daysAgo(-1), last_seen_at: daysAgo(0) },
      ])
      .execute();
    await db
      .insertInto('sign_in_attempts')
      .values([
        { email: 'old@retention.test', ip: '192.0.2.1', succeeded: false, attempted_at: daysAgo(11) },
        { email: 'new@retention.test', ip: '192.0.2.1', succeeded: false, attempted_at: daysAgo(9) },
      ])
      .execute();
    await db
      .insertInto('registration_attempts')
      .values([
        { kind: 'sign_up', ip: '192.0.2.1', email: 'old@retention.test', attempted_at: daysAgo(11) },
        { kind: 'sign_up', ip: '192.0.2.1', email: 'new@retention.test', attempted_at: daysAgo(9) },
      ])
      .execute();
    await db
      .insertInto('outbox')
      .values([
        { to_address: 'sent-old@retention.test', subject: 'Reset', text_body: 'link', status: 'sent', sent_at: daysAgo(6), created_at: daysAgo(6) },
        { to_address: 'sent-new@retention.test', subject: 'Reset', text_body: 'link', status: 'sent', sent_at: daysAgo(4), created_at: daysAgo(4) },
        { to_address: 'failed-old@retention.test', subject: 'Reset', text_body: 'link', status: 'failed', created_at: daysAgo(6) },
        { to_address: 'pending-old@retention.test', subject: 'Reset', text_body: 'link', status: 'pending', created_at: daysAgo(30) },
      ])
      .execute();

    // Three applications of one call whose decisions were published 21 days before NOW: rejected, selected, waitlisted then promoted.
    const call = await db
      .selectFrom('applications')
      .select('call_id')
      .where('submitted_at', 'is not', null)
      .groupBy('call_id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .executeTakeFirstOrThrow();
    const apps = await db.selectFrom('applications').select('id').where('call_id', '=', call.call_id).where('submitted_at', 'is not', null).orderBy('id').limit(3).execute();
    const [rejected, selected, promoted] = apps.map((a) => a.id) as [string, string, string];
    await db.updateTable('calls').set({ decisions_published_at: daysAgo(21) }).where('id', '=', call.call_id).execute();
    for (const [app, outcome] of [
      [rejected, 'rejected'],
      [selected, 'selected'],
      [promoted, 'waitlisted'],
    ] as const) {
      await db.deleteFrom('application_decisions').where('application_id', '=', app).execute();
      await db
        .insertInto('application_decisions')
        .values({ application_id: app, outcome, reason: 'Decided for the retention test', waitlist_position: outcome === 'waitlisted' ? 1 : null, promoted_at: outcome === 'waitlisted' ? daysAgo(20) : null })
        .execute();
      await db.deleteFrom('application_attachments').where('application_id', '=', app).execute();
      await db.insertInto('application_attachments').values({ application_id: app, question_id: 'plan', filename: 'plan.pdf', content_type: 'application/pdf', size_bytes: PDF.length, content: PDF }).execute();
    }
    const attachmentsLeft = async () => (await db.selectFrom('application_attachments').select('application_id').where('application_id', 'in', [rejected, selected, promoted]).execute()).map((r) => r.application_id).sort();
    // Two days earlier the decisions were only 19 days old: the rejected application keeps its attachment.
    expect((await pruneExpiredData(db, daysAgo(2), t.config.retention)).attachments).toBe(0);
    expect(await attachmentsLeft()).toEqual([rejected, selected, promoted].sort());
    await db.insertInto('data_exports').values([
      { person_id: person.id, status: 'ready', progress: 100, content: PDF, size_bytes: PDF.length, ready_at: daysAgo(1.1), expires_at: daysAgo(0.1) },
    ]).execute();

    const result = await pruneExpiredData(db, NOW, t.config.retention);

    const left = async () => ({
      sessions: (await db.selectFrom('sessions').select('token_hash').where('token_hash', 'like', 'retention-%').execute()).map((r) => r.token_hash),
      attempts: (await db.selectFrom('sign_in_attempts').select('email').where('email', 'like', '%@retention.test').execute()).map((r) => r.email),
      registrationAttempts: (await db.selectFrom('registration_attempts').select('email').where('email', 'like', '%@retention.test').execute()).map((r) => r.email),
      outbox: (await db.selectFrom('outbox').select('to_address').where('to_address', 'like', '%@retention.test').orderBy('to_address').execute()).map((r) => r.to_address),
      attachments: await attachmentsLeft(),
      exports: (await db.selectFrom('data_exports').select('id').where('person_id', '=', person.id).execute()).length,
    });
    const after = await left();
    expect(after.sessions).toEqual(['retention-live']);
    expect(after.attempts).toEqual(['new@retention.test']);
    expect(after.registrationAttempts).toEqual(['new@retention.test']);
    expect(after.outbox).toEqual(['pending-old@retention.test', 'sent-new@retention.test']);
    expect(after.exports).toBe(0);
    // The rejected application loses its attachment; the selected and the promoted one keep theirs.
    expect(after.attachments).toEqual([selected, promoted].sort());
    expect(result).toMatchObject({ attempts: 2, emails: 2, attachments: 1, dataExports: 1 });
    expect(result.sessions).toBeGreaterThanOrEqual(1);

    expect(await pruneExpiredData(db, NOW, t.config.retention)).toEqual({ sessions: 0, attempts: 0, emails: 0, attachments: 0, dataExports: 0, notifications: 0 });
    expect(await left()).toEqual(after);
  });

  it('deletes notifications older than RETENTION_NOTIFICATIONS_DAYS, read or not, and keeps newer ones', async () => {
    const db = t.app.db;
    const person = await db.selectFrom('people').select('id').where('email', '=', 'lahti@demo.peercities.eu').executeTakeFirstOrThrow();
    const base = { person_id: person.id, kind: 'decision', body: '', link: '/applications', delivery: 'immediate' } as const;
    await db
      .insertInto('notifications')
      .values([
        { ...base, title: 'retention: old unread', created_at: daysAgo(31) },
        { ...base, title: 'retention: old read', created_at: daysAgo(40), read_at: daysAgo(39) },
        { ...base, title: 'retention: new', created_at: daysAgo(29) },
      ])
      .execute();
    const left = async () => (await db.selectFrom('notifications').select('title').where('title', 'like', 'retention:%').orderBy('title').execute()).map((r) => r.title);
    expect((await pruneExpiredData(db, NOW, t.config.retention)).notifications).toBe(2);
    expect(await left()).toEqual(['retention: new']);
    expect((await pruneExpiredData(db, NOW, t.config.retention)).notifications).toBe(0);
  });
});
