import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { sendMeetingReminders } from './meeting-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('meeting reminders', () => {
  it('remind participants of a meeting the day before, once', async () => {
    t.setNow('2026-06-01T10:00:00Z');
    const manager = await t.signedIn('manager@demo.peercities.eu');
    await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Reminders edition', format: 'group_study_visits', editionYear: 2027, slug: 'sess-rem' } });
    const group = (await manager.request({ method: 'POST', url: '/api/programmes/sess-rem/groups', payload: { name: 'Energy', sectors: ['energy'], language: 'en', capacity: 5 } })).json();
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    const lahtiId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'lahti').executeTakeFirstOrThrow()).id;
    await lahti.request({ method: 'POST', url: `/api/groups/${group.id}/interest`, payload: { cityId: lahtiId } });
    await manager.request({ method: 'PUT', url: `/api/groups/${group.id}/members/${lahtiId}`, payload: { status: 'admitted' } });
    await manager.request({ method: 'POST', url: `/api/groups/${group.id}/meetings`, payload: { phaseNumber: 1, title: 'Kick-off', startsAtLocal: '2026-07-08T10:00', durationMinutes: 60 } });
    expect(await sendMeetingReminders(t.app.db, new Date('2026-07-06T09:00:00Z'), 'http://x')).toBe(0);
    // Lahti has two representatives (lahti@ and lahti2@).
    expect(await sendMeetingReminders(t.app.db, new Date('2026-07-07T09:00:00Z'), 'http://x')).toBe(2);
    expect(await sendMeetingReminders(t.app.db, new Date('2026-07-07T12:00:00Z'), 'http://x')).toBe(0);
    const reminders = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('subject', 'like', 'Tomorrow: Energy%').execute();
    expect(reminders).toHaveLength(2);
    expect(reminders[0]?.text_body).toContain('a reminder of the next meeting of Energy: “Kick-off”');
    expect(reminders[0]?.text_body).toMatch(/Calendar: http:\/\/x\/api\/meetings\/[0-9a-f-]{36}\/calendar\.ics/);
  });
});
