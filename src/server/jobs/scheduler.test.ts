import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { claimJob } from './scheduler.repository.ts';
import { sendSessionReminders } from './session-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('scheduled jobs', () => {
  it('are claimed by one caller per period', async () => {
    const at = new Date('2027-01-01T10:00:00Z');
    const claims = await Promise.all([claimJob(t.app.db, 'test-job', 60_000, at), claimJob(t.app.db, 'test-job', 60_000, at), claimJob(t.app.db, 'test-job', 60_000, at)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(t.app.db, 'test-job', 60_000, new Date('2027-01-01T10:00:30Z'))).toBe(false);
    expect(await claimJob(t.app.db, 'test-job', 60_000, new Date('2027-01-01T10:01:00Z'))).toBe(true);
  });

  it('remind participants of a session the day before, once', async () => {
    t.setNow('2026-06-01T10:00:00Z');
    const manager = await t.signedIn('manager@demo.peercities.eu');
    await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Reminders edition', format: 'group_study_visits', editionYear: 2027, slug: 'sess-rem' } });
    const group = (await manager.request({ method: 'POST', url: '/api/programmes/sess-rem/groups', payload: { name: 'Energy', sectors: ['energy'], language: 'en', capacity: 5 } })).json();
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    const lahtiId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'lahti').executeTakeFirstOrThrow()).id;
    await lahti.request({ method: 'POST', url: `/api/groups/${group.id}/interest`, payload: { cityId: lahtiId } });
    await manager.request({ method: 'PUT', url: `/api/groups/${group.id}/members/${lahtiId}`, payload: { status: 'admitted' } });
    await manager.request({ method: 'POST', url: `/api/groups/${group.id}/sessions`, payload: { phaseNumber: 1, title: 'Kick-off', startsAtLocal: '2026-07-08T10:00', durationMinutes: 60 } });
    expect(await sendSessionReminders(t.app.db, new Date('2026-07-06T09:00:00Z'), 'http://x')).toBe(0);
    // Lahti has two representatives (lahti@ and lahti2@).
    expect(await sendSessionReminders(t.app.db, new Date('2026-07-07T09:00:00Z'), 'http://x')).toBe(2);
    expect(await sendSessionReminders(t.app.db, new Date('2026-07-07T12:00:00Z'), 'http://x')).toBe(0);
    const subjects = await t.app.db.selectFrom('outbox').select('subject').where('subject', 'like', 'Tomorrow: Energy%').execute();
    expect(subjects).toHaveLength(2);
  });
});
