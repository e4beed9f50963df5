import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { dueNotice, sendVisitNotices } from './visit-notices.ts';

describe('which visit notice is due', () => {
  const visit = { startsOn: '2027-05-20', endsOn: '2027-05-21' };
  it('follows the visit from a week before to a year after', () => {
    expect(dueNotice(visit, '2027-05-12')).toBeNull();
    expect(dueNotice(visit, '2027-05-13')).toBe('week_before');
    expect(dueNotice(visit, '2027-05-22')).toBe('feedback');
    expect(dueNotice(visit, '2027-08-21')).toBe('update_3');
    expect(dueNotice(visit, '2027-11-21')).toBe('update_6');
    expect(dueNotice(visit, '2028-05-21')).toBe('update_12');
    expect(dueNotice(visit, '2028-06-30')).toBeNull();
  });
});

describe('visit notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('send each person one 12-month update request for the 2025 visits', async () => {
    // The demo 2025 visits ended in May and June 2025; their 12-month update falls in May–June 2026.
    const first = await sendVisitNotices(t.app.db, new Date('2026-05-22T09:00:00Z'), 'http://x');
    expect(first).toBeGreaterThan(0);
    expect(await sendVisitNotices(t.app.db, new Date('2026-05-23T09:00:00Z'), 'http://x')).toBe(0);
    const mail = await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', '=', '12 months after Valencia: update your replication plan').execute();
    expect(mail.map((m) => m.to_address)).toContain('graz@demo.peercities.eu');
    // One notification per person and notice (kind 'visit_notice'), leading to the visit.
    const told = await t.app.db
      .selectFrom('notifications')
      .innerJoin('people', 'people.id', 'notifications.person_id')
      .select(['people.email', 'notifications.link'])
      .where('notifications.kind', '=', 'visit_notice')
      .where('notifications.title', '=', '12 months after Valencia: update your replication plan')
      .execute();
    expect(told.map((n) => n.email).sort()).toEqual(mail.map((m) => m.to_address).sort());
    for (const n of told) expect(n.link).toMatch(/^\/visits\/[0-9a-f-]{36}$/);
  });
});
