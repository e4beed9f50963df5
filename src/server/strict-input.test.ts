import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-support/test-app.ts';

// Impossible dates and times and text PostgreSQL cannot store are refused by
// the schema (src/shared/text.ts) with the field and a reason, never stored
// normalised (a meeting at 2027-02-30T25:61 was saved as 3 March 01:01) and
// never a 500.

let t: TestApp;
let manager: TestClient;
let groupId: string;
let visitId: string;

const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]?.n;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  groupId = (await t.app.db.selectFrom('discussion_groups').select('id').executeTakeFirstOrThrow()).id;
  visitId = (await t.app.db.selectFrom('study_visits').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('strict dates and times', () => {
  it('refuses a meeting at 2027-02-30T25:61 (and other impossible local times) with 400 and stores nothing', async () => {
    const before = await count('group_meetings');
    for (const startsAtLocal of ['2027-02-30T25:61', '2027-02-30T10:00', '2027-03-01T24:00', '0000-00-00T00:00', '2027-03-01T10:00Z']) {
      const res = await manager.request({ method: 'POST', url: `/api/groups/${groupId}/meetings`, payload: { phaseNumber: 1, title: 'Impossible', startsAtLocal, durationMinutes: 60, joinUrl: null } });
      expect(res.statusCode, startsAtLocal).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, startsAtLocal).toContainEqual(expect.objectContaining({ field: 'body.startsAtLocal', reason: { code: 'DATE_TIME_INVALID' } }));
    }
    expect(await count('group_meetings')).toBe(before);
  });

  it('refuses agenda times outside 00:00–23:59 and days that do not exist', async () => {
    const agenda = await manager.request({ method: 'POST', url: `/api/visits/${visitId}/agenda`, payload: { day: 1, startsAt: '99:99', endsAt: '24:00', kind: 'other', title: 'Never' } });
    expect(agenda.statusCode).toBe(400);
    expect(agenda.json().errors.map((e: { field: string; reason: { code: string } }) => [e.field, e.reason.code])).toEqual(
      expect.arrayContaining([
        ['body.startsAt', 'TIME_INVALID'],
        ['body.endsAt', 'TIME_INVALID'],
      ]),
    );
    const days = await manager.request({ method: 'PUT', url: `/api/visits/${visitId}/host-unavailable`, payload: { dates: ['2027-02-30', '0000-00-00'] } });
    expect(days.statusCode).toBe(400);
    expect(days.json().errors.map((e: { field: string; reason: { code: string } }) => [e.field, e.reason.code])).toEqual([
      ['body.dates.0', 'DATE_INVALID'],
      ['body.dates.1', 'DATE_INVALID'],
    ]);
  });

  it('refuses an impossible instant in a query (the audit log from 2027-02-30)', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/audit?from=2027-02-30T10:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'querystring.from', reason: { code: 'DATE_TIME_INVALID' } });
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses NUL and lone surrogates in body, query and path with the field named', async () => {
    const body = await manager.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Ann\u0000a' } });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors[0]).toMatchObject({ field: 'body.name', reason: { code: 'TEXT_CHARACTERS_INVALID' } });
    const surrogate = await manager.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Ann\ud800a' } });
    expect(surrogate.json().errors[0]).toMatchObject({ field: 'body.name', reason: { code: 'TEXT_CHARACTERS_INVALID' } });
    const anonymous = await t.client();
    const query = await anonymous.request({ method: 'GET', url: '/api/cities?q=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0]).toMatchObject({ field: 'querystring.q', reason: { code: 'TEXT_CHARACTERS_INVALID' } });
    const path = await anonymous.request({ method: 'GET', url: '/api/programmes/a%00b' });
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0]).toMatchObject({ field: 'params.slug', reason: { code: 'TEXT_CHARACTERS_INVALID' } });
  });
});
