import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAnswerDueAt } from '../../../domain/support/working-days.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { SUPPORT_CALENDAR } from './support-calendar.ts';

let t: TestApp;
let manager: TestClient;
let city: { id: string; name: string; country: string };
let other: { id: string; name: string; country: string };
let sofiaId: string;
let aoifeId: string;
const ids: Record<string, string> = {};

const H = 3_600_000;
// Monday 16 November 2026, 10:00 in Brussels.
const MONDAY = new Date('2026-11-16T09:00:00Z');

interface Seed {
  key: string;
  cityId: string;
  createdAt: Date;
  sectors: string[];
  expertId?: string;
  answeredAfterHours?: number;
  rating?: { score: number; comment: string };
}

async function insert(s: Seed) {
  const answered = s.answeredAfterHours !== undefined ? new Date(s.createdAt.getTime() + s.answeredAfterHours * H) : null;
  const state = s.rating ? 'closed' : answered ? 'answered' : s.expertId ? 'assigned' : 'submitted';
  const row = await t.app.db
    .insertInto('support_requests')
    .values({
      city_id: s.cityId,
      title: `Request ${s.key}`,
      question: 'A question long enough for the table.',
      sectors: s.sectors,
      languages: ['en'],
      kind: 'answer',
      state,
      expert_id: s.expertId ?? null,
      assigned_by: s.expertId ? 'routing' : null,
      assigned_at: s.expertId ? s.createdAt : null,
      first_answer_due_at: firstAnswerDueAt(s.createdAt, SUPPORT_CALENDAR, 5),
      first_answered_at: answered,
      rating: s.rating?.score ?? null,
      rating_comment: s.rating?.comment ?? '',
      closed_at: s.rating && answered ? new Date(answered.getTime() + H) : null,
      created_at: s.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids[s.key] = row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  // Monday 7 December 2026, 11:00 in Brussels.
  t.setNow('2026-12-07T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await sql`DELETE FROM support_requests`.execute(t.app.db);
  const cities = await t.app.db.selectFrom('cities').select(['id', 'name', 'country']).where('slug', 'in', ['krakow', 'valencia']).orderBy('slug').execute();
  [city, other] = cities as [typeof city, typeof other];
  const person = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  [sofiaId, aoifeId] = await Promise.all([person('expert@demo.peercities.eu'), person('expert2@demo.peercities.eu')]);
  const day = 24;
  // Five first answers after 2 h (same day: 0 working days), 1, 2, 3 days and a week (Monday to Monday: 5 working days).
  await insert({ key: 'a', cityId: city.id, createdAt: MONDAY, sectors: ['energy', 'buildings'], expertId: sofiaId, answeredAfterHours: 2, rating: { score: 5, comment: 'Very clear.' } });
  await insert({ key: 'b', cityId: city.id, createdAt: MONDAY, sectors: ['energy'], expertId: sofiaId, answeredAfterHours: day, rating: { score: 4, comment: '' } });
  await insert({ key: 'c', cityId: other.id, createdAt: MONDAY, sectors: ['mobility'], expertId: sofiaId, answeredAfterHours: 2 * day, rating: { score: 4, comment: 'Useful.' } });
  await insert({ key: 'd', cityId: other.id, createdAt: MONDAY, sectors: ['energy'], expertId: aoifeId, answeredAfterHours: 3 * day });
  await insert({ key: 'e', cityId: other.id, createdAt: MONDAY, sectors: [], expertId: aoifeId, answeredAfterHours: 7 * day });
  // Monday 23 November: due at the end of Monday 30 November, unanswered on 7 December: 5 working days late.
  await insert({ key: 'late', cityId: city.id, createdAt: new Date('2026-11-23T09:00:00Z'), sectors: ['buildings'], expertId: aoifeId });
  // Sunday 1 November, 00:30 in Brussels (still 31 October in UTC), and Saturday 31 October, 23:30 in Brussels.
  await insert({ key: 'firstMinutes', cityId: city.id, createdAt: new Date('2026-10-31T23:30:00Z'), sectors: ['industry'] });
  await insert({ key: 'october', cityId: city.id, createdAt: new Date('2026-10-31T22:30:00Z'), sectors: ['industry'] });
  // a is in the library; b has the city's consent and is not published yet.
  await t.app.db
    .insertInto('support_publications')
    .values([
      { request_id: ids.a!, city_id: city.id, consent_at: MONDAY, title: 'A', question: 'Q', answer: 'A', published_at: new Date(MONDAY.getTime() + 3 * H) },
      { request_id: ids.b!, city_id: city.id, consent_at: MONDAY },
    ])
    .execute();
  // After c, the city wrote what it takes away.
  await t.app.db.updateTable('support_requests').set({ takeaway: 'Ask the utility for the tariff model.', takeaway_at: MONDAY }).where('id', '=', ids.c!).execute();
});
afterAll(async () => t.close());

const dashboard = async (query = '') => {
  const res = await manager.request({ method: 'GET', url: `/api/support/dashboard${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the managers’ support dashboard', () => {
  it('gives the median and 90th percentile of the time to a first answer in working days and hours', async () => {
    const d = await dashboard('?from=2026-11-01&to=2026-11-30');
    // Working days 0, 1, 2, 3, 5 and hours 2, 24, 48, 72, 168, as percentile_cont interpolates them.
    expect(d.firstAnswer).toEqual({ answered: 5, medianWorkingDays: 2, p90WorkingDays: 4.2, medianHours: 48, p90Hours: 129.6 });
  });

  it('counts a request with two sectors once in each, and counts by state and country', async () => {
    const d = await dashboard('?from=2026-11-01&to=2026-11-30');
    expect(d.total).toBe(7);
    expect(d.bySector).toEqual([
      { sector: 'energy', count: 3 },
      { sector: 'buildings', count: 2 },
      { sector: 'industry', count: 1 },
      { sector: 'mobility', count: 1 },
    ]);
    expect(d.byState).toEqual([
      { state: 'answered', count: 2 },
      { state: 'assigned', count: 1 },
      { state: 'closed', count: 3 },
      { state: 'submitted', count: 1 },
    ]);
    expect(d.byCountry).toEqual(
      [
        { country: city.country, count: 4 },
        { country: other.country, count: 3 },
      ].sort((x, y) => y.count - x.count),
    );
  });

  it('takes the period in Brussels days: 00:30 on 1 November is in, 23:30 on 31 October is out', async () => {
    const november = await dashboard('?from=2026-11-01');
    expect(november.bySector.find((s: { sector: string }) => s.sector === 'industry')).toEqual({ sector: 'industry', count: 1 });
    const october = await dashboard('?to=2026-10-31');
    expect(october.total).toBe(1);
    expect((await dashboard()).total).toBe(8);
    const inverted = await manager.request({ method: 'GET', url: '/api/support/dashboard?from=2026-11-30&to=2026-11-01' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().code).toBe('VALIDATION_FAILED');
  });

  it('lists the overdue requests with their working days late, and leaves out the answered and the not yet due', async () => {
    const d = await dashboard();
    // Saturday 31 October and Sunday 1 November (Brussels) are both due at the end of Friday 6 November: the older first.
    expect(d.overdue).toEqual([
      { id: ids.october, title: 'Request october', city: { id: city.id, name: city.name }, expert: null, dueAt: '2026-11-06T22:59:59.000Z', daysOverdue: 20 },
      { id: ids.firstMinutes, title: 'Request firstMinutes', city: { id: city.id, name: city.name }, expert: null, dueAt: '2026-11-06T22:59:59.000Z', daysOverdue: 20 },
      { id: ids.late, title: 'Request late', city: { id: city.id, name: city.name }, expert: { id: aoifeId, name: 'Aoife Byrne' }, dueAt: '2026-11-30T22:59:59.000Z', daysOverdue: 5 },
    ]);
  });

  it('gives each expert’s load, answers and median time, and the satisfaction', async () => {
    const d = await dashboard('?from=2026-11-01&to=2026-11-30');
    const sofia = d.experts.find((e: { id: string }) => e.id === sofiaId);
    const aoife = d.experts.find((e: { id: string }) => e.id === aoifeId);
    // Sofia: a, b, c answered and closed (0, 1, 2 working days); Aoife: d, e answered (3, 5) and the late one open.
    expect(sofia).toMatchObject({ name: 'Sofia Rossi', openLoad: 0, answeredInPeriod: 3, medianWorkingDays: 1, medianHours: 24 });
    expect(aoife).toMatchObject({ name: 'Aoife Byrne', openLoad: 3, answeredInPeriod: 2, medianWorkingDays: 4, medianHours: 120 });
    expect(sofia.weeklyCapacity).toBeGreaterThan(0);
    expect(d.satisfaction).toEqual({
      ratings: 3,
      mean: 4.33,
      byScore: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 0 },
        { score: 4, count: 2 },
        { score: 5, count: 1 },
      ],
      comments: 2,
    });
    expect(d.publishedAnswers).toBe(1);
    expect(d.takeaways).toBe(1);
  });

  it('says so when the period has no requests', async () => {
    const d = await dashboard('?from=2027-01-01&to=2027-01-31');
    expect(d.total).toBe(0);
    expect(d.firstAnswer).toEqual({ answered: 0, medianWorkingDays: null, p90WorkingDays: null, medianHours: null, p90Hours: null });
    expect(d.overdue).toEqual([]);
    expect(d.satisfaction.mean).toBeNull();
  });

  it('refuses everyone but programme managers with 403', async () => {
    for (const email of ['expert@demo.peercities.eu', 'krakow@demo.peercities.eu', 'facilitator@demo.peercities.eu']) {
      const c = await t.signedIn(email);
      for (const url of ['/api/support/dashboard', '/api/support/dashboard/requests.csv', '/api/support/dashboard/requests.xlsx']) {
        const res = await c.request({ method: 'GET', url });
        expect(res.statusCode, `${email} ${url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    expect((await (await t.client()).request({ method: 'GET', url: '/api/support/dashboard' })).statusCode).toBe(401);
  });
});

describe('the export of the requests', () => {
  const HEADER = ['id', 'submitted (Brussels)', 'city', 'country', 'sectors', 'levers', 'kind', 'state', 'expert', 'first answer at (Brussels)', 'working days to first answer', 'overdue', 'rating'];

  it('answers a CSV that parses, one row per request of the period, with a BOM', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/support/dashboard/requests.csv?from=2026-11-01&to=2026-11-30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="support-requests-2026-11-01-2026-11-30.csv"');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(res.body, { bom: true });
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + 7);
    const a = rows.find((r) => r[0] === ids.a)!;
    expect(a).toEqual([ids.a, '2026-11-16 10:00', city.name, city.country, 'energy; buildings', '', 'answer', 'closed', 'Sofia Rossi', '2026-11-16 12:00', '0', 'false', '5']);
    const late = rows.find((r) => r[0] === ids.late)!;
    expect(late.slice(7)).toEqual(['assigned', 'Aoife Byrne', '', '', 'true', '']);
  });

  it('answers an Excel workbook that opens, with the same rows', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/support/dashboard/requests.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Support requests')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet.rowCount).toBe(1 + 8);
    const d = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === ids.d)!;
    expect(d.getCell(9).value).toBe('Aoife Byrne');
    expect(d.getCell(11).value).toBe(3);
    expect(d.getCell(12).value).toBe(false);
  });

  it('refuses an unknown format', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/support/dashboard/requests.pdf' });
    expect(res.statusCode).toBe(400);
  });
});
