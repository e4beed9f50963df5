import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProgramme, useMinimalCallForm } from '../test-support/programmes.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { sendDeadlineReminders } from './deadline-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T10:00:00Z');
  const manager = await t.signedIn('manager@demo.peercities.eu');
  await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Reminder edition', format: 'group_study_visits', editionYear: 2027, slug: 'reminders' } });
  await useMinimalCallForm(manager, 'reminders', 'host');
  await publishProgramme(manager, 'reminders');
  t.setNow('2026-12-02T10:00:00Z');
  const valencia = await t.signedIn('valencia@demo.peercities.eu');
  const lahti = await t.signedIn('lahti@demo.peercities.eu');
  const id = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  await valencia.request({ method: 'POST', url: '/api/programmes/reminders/calls/host/applications', payload: { cityId: await id('valencia') } });
  const draft = (await lahti.request({ method: 'POST', url: '/api/programmes/reminders/calls/host/applications', payload: { cityId: await id('lahti') } })).json();
  await lahti.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } });
});
afterAll(async () => t.close());

const subjects = async () => (await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', 'like', '%closes').orderBy('created_at').execute()).map((r) => `${r.to_address}: ${r.subject}`);

describe('deadline reminders', () => {
  it('reminds drafts 7 days and 1 day before the call closes, once each, and never submitted ones', async () => {
    // The host call closes on 31 December 2026 at 23:59:59 Brussels time.
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-20T10:00:00Z'), 'http://x')).toBe(0);
    // Valencia's two representatives (valencia@, and valencia2@ of the direct exchange's demo).
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-25T10:00:00Z'), 'http://x')).toBe(2);
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-26T10:00:00Z'), 'http://x')).toBe(0);
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-31T08:00:00Z'), 'http://x')).toBe(2);
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-31T20:00:00Z'), 'http://x')).toBe(0);
    expect(await sendDeadlineReminders(t.app.db, new Date('2027-01-01T10:00:00Z'), 'http://x')).toBe(0);
    expect((await subjects()).sort()).toEqual([
      'valencia2@demo.peercities.eu: In 7 days: the host call of Reminder edition closes',
      'valencia2@demo.peercities.eu: Tomorrow: the host call of Reminder edition closes',
      'valencia@demo.peercities.eu: In 7 days: the host call of Reminder edition closes',
      'valencia@demo.peercities.eu: Tomorrow: the host call of Reminder edition closes',
    ]);
    // Each reminder is also a notification (kind 'deadline') leading to the draft.
    const told = await t.app.db
      .selectFrom('notifications')
      .innerJoin('people', 'people.id', 'notifications.person_id')
      .select(['people.email', 'notifications.title', 'notifications.link'])
      .where('notifications.kind', '=', 'deadline')
      .orderBy('notifications.created_at')
      .execute();
    expect(told.map((n) => `${n.email}: ${n.title}`).sort()).toEqual([
      'valencia2@demo.peercities.eu: In 7 days: the host call of Reminder edition closes',
      'valencia2@demo.peercities.eu: Tomorrow: the host call of Reminder edition closes',
      'valencia@demo.peercities.eu: In 7 days: the host call of Reminder edition closes',
      'valencia@demo.peercities.eu: Tomorrow: the host call of Reminder edition closes',
    ]);
    for (const n of told) expect(n.link).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
  });

  it('tells a representative who chose "only here" without an email', async () => {
    const valencia = await t.app.db.selectFrom('people').select('id').where('email', '=', 'valencia@demo.peercities.eu').executeTakeFirstOrThrow();
    await t.app.db.insertInto('notification_preferences').values({ person_id: valencia.id, kind: 'deadline', delivery: 'app' }).execute();
    await t.app.db.deleteFrom('application_reminders').execute();
    await t.app.db.deleteFrom('outbox').execute();
    // Only valencia2@, who kept the default, is emailed.
    expect(await sendDeadlineReminders(t.app.db, new Date('2026-12-31T08:00:00Z'), 'http://x')).toBe(1);
    expect(await subjects()).toEqual(['valencia2@demo.peercities.eu: Tomorrow: the host call of Reminder edition closes']);
    const latest = await t.app.db
      .selectFrom('notifications')
      .select(['delivery', 'emailed_at'])
      .where('kind', '=', 'deadline')
      .where('person_id', '=', valencia.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(latest).toEqual({ delivery: 'app', emailed_at: null });
  });
});
