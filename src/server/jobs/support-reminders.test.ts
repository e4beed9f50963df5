import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { sendSupportReminders } from './support-reminders.ts';

let t: TestApp;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const eventsOf = async (kind: 'reminded' | 'escalated') =>
  (await t.app.db.selectFrom('support_events').select('at').where('request_id', '=', id).where('kind', '=', kind).execute()).map((e) => new Date(e.at).toISOString());
const notified = (title: string) =>
  t.app.db
    .selectFrom('notifications as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select('p.email')
    .where('n.kind', '=', 'support')
    .where('n.title', 'like', title)
    .orderBy('p.email')
    .execute()
    .then((rows) => rows.map((r) => r.email));

describe('support reminders', () => {
  it('remind the expert one working day before the first answer is due, then tell the managers once it is overdue; each once', async () => {
    // Monday 7 December 2026: due at the end of Monday 14 December (Brussels).
    t.setNow('2026-12-07T10:00:00Z');
    const krakow = await t.signedIn('krakow@demo.peercities.eu');
    const cityId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
    const created = await krakow.request({
      method: 'POST',
      url: '/api/support-requests',
      payload: { cityId, title: 'Heat tariffs after the coal exit', question: 'How do other cities set district heating tariffs once coal is gone?', sectors: ['energy'], levers: ['finance-funding'], languages: ['pl', 'en'], kind: 'answer', urgency: 'normal' },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json().firstAnswerDueAt).toBe('2026-12-14T22:59:59.000Z');

    // Thursday: two working days before (Friday, Monday): nothing yet.
    await sendSupportReminders(t.app.db, new Date('2026-12-10T10:00:00Z'), 'http://x');
    expect(await eventsOf('reminded')).toEqual([]);

    // Friday: one working day before (Monday): Sofia is reminded, by the scheduler, once.
    t.setNow('2026-12-11T10:00:00Z');
    await t.app.scheduler.tick();
    expect(await eventsOf('reminded')).toEqual(['2026-12-11T10:00:00.000Z']);
    expect(await notified('An answer to Kraków is due%')).toEqual(['expert@demo.peercities.eu']);
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'expert@demo.peercities.eu').where('subject', 'like', 'Due by%Kraków').executeTakeFirstOrThrow();
    expect(email.subject).toBe('Due by Monday 14 December: an answer to Kraków');
    await sendSupportReminders(t.app.db, new Date('2026-12-11T12:00:00Z'), 'http://x');
    expect(await eventsOf('reminded')).toHaveLength(1);
    expect(await eventsOf('escalated')).toEqual([]);

    // Monday 23:59:59 in Brussels is still in time.
    await sendSupportReminders(t.app.db, new Date('2026-12-14T22:59:00Z'), 'http://x');
    expect(await eventsOf('escalated')).toEqual([]);

    // Tuesday: overdue, the programme managers are told, once.
    await sendSupportReminders(t.app.db, new Date('2026-12-15T08:00:00Z'), 'http://x');
    await sendSupportReminders(t.app.db, new Date('2026-12-15T09:00:00Z'), 'http://x');
    expect(await eventsOf('escalated')).toEqual(['2026-12-15T08:00:00.000Z']);
    expect(await notified('Overdue: Kraków%')).toEqual(['manager2@demo.peercities.eu', 'manager@demo.peercities.eu']);
    const escalation = await t.app.db.selectFrom('outbox').select('text_body').where('to_address', '=', 'manager@demo.peercities.eu').where('subject', '=', "Overdue: Kraków's support request").executeTakeFirstOrThrow();
    expect(escalation.text_body).toContain('from Sofia Rossi');

    // The city sees both in the request's history.
    t.setNow('2026-12-15T09:00:00Z');
    const later = await t.signedIn('krakow@demo.peercities.eu');
    const detail = (await later.request({ method: 'GET', url: `/api/support-requests/${id}` })).json();
    expect(detail.overdue).toBe(true);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'assigned', 'reminded', 'escalated']);
  });

  it('remind no one of a request answered in time', async () => {
    t.setNow('2026-12-15T09:00:00Z');
    const sofia = await t.signedIn('expert@demo.peercities.eu');
    const krakow = await t.signedIn('krakow@demo.peercities.eu');
    const cityId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
    const created = (
      await krakow.request({
        method: 'POST',
        url: '/api/support-requests',
        payload: { cityId, title: 'Green bonds for heat', question: 'Has any city issued a green bond for its heat network?', sectors: ['energy'], levers: ['finance-funding'], languages: ['en'], kind: 'answer', urgency: 'urgent' },
      })
    ).json();
    id = created.id;
    expect((await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: 'Yes: Gothenburg and Paris.', version: 1 } })).statusCode).toBe(200);
    await sendSupportReminders(t.app.db, new Date('2026-12-21T09:00:00Z'), 'http://x');
    await sendSupportReminders(t.app.db, new Date('2026-12-31T09:00:00Z'), 'http://x');
    expect([...(await eventsOf('reminded')), ...(await eventsOf('escalated'))]).toEqual([]);
  });
});
