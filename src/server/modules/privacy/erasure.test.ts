import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

const personBy = (email: string) => t.app.db.selectFrom('people').select(['id', 'name', 'email']).where('email', '=', email).executeTakeFirstOrThrow();

/** Every text-like column of every table (text, varchar, char, json, arrays), as the database lists them. */
async function textColumns() {
  const rows = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
     ORDER BY 1, 2`.execute(t.app.db);
  return rows.rows;
}

/** Where any of the values still appears (case-insensitive), as "table.column: value (rows)". */
async function whereFound(values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { table_name, column_name } of await textColumns()) {
    for (const value of values) {
      const row = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE strpos(lower(${sql.ref(column_name)}::text), lower(${value})) > 0`.execute(t.app.db);
      const n = row.rows[0]?.n ?? 0;
      if (n) found.push(`${table_name}.${column_name}: ${value} (${n})`);
    }
  }
  return found;
}

/** Row counts of every table: what a refused request must leave as it was. */
async function counts() {
  const tables = [...new Set((await textColumns()).map((c) => c.table_name))];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]!.n;
  return out;
}

describe('erasing an account', () => {
  it('a manager erases on request: no personal field of the person remains anywhere, the programme records still read, a report says what was kept and why', async () => {
    const person = await personBy('evaluator@demo.peercities.eu');
    const phone = '+48 12 555 0199';
    // Personal data of theirs beyond the account: a city contact with their phone, a visit delegate,
    // a sign-in (session, attempt, audit), an email to them, and others mentioning them by name.
    const city = await t.app.db.selectFrom('cities').select('id').orderBy('name').executeTakeFirstOrThrow();
    await t.app.db.insertInto('city_contacts').values({ city_id: city.id, position: 9, name: person.name, email: person.email, phone, role_title: 'Advisor' }).execute();
    const visit = await t.app.db.selectFrom('study_visits').select(['id', 'host_city_id']).executeTakeFirst();
    if (visit) {
      await t.app.db
        .insertInto('visit_delegates')
        .values({ visit_id: visit.id, city_id: visit.host_city_id, name: person.name, role_title: 'Advisor', email: person.email.toUpperCase(), dietary: 'vegetarian', access_needs: 'none' })
        .execute();
    }
    const own = await t.signedIn(person.email);
    await t.app.db
      .insertInto('outbox')
      .values([
        { to_address: person.email, subject: 'Your evaluations', text_body: `Dear ${person.name}, …` },
        { to_address: 'manager@demo.peercities.eu', subject: `${person.name} asked`, text_body: `Call ${person.name} on ${phone} or write to ${person.email}.` },
      ])
      .execute();
    await t.app.db
      .insertInto('audit_events')
      .values({ actor_id: null, action: 'test.mention', entity_type: 'person', entity_id: person.id, details: JSON.stringify({ before: { name: person.name, email: person.email } }) })
      .execute();
    const before = await whereFound([person.email, person.name, phone]);
    expect(before.length).toBeGreaterThan(4);

    const evaluationsBefore = await t.app.db.selectFrom('evaluations').select(['application_id', 'scores', 'status']).where('evaluator_id', '=', person.id).orderBy('application_id').execute();
    const call = await t.app.db
      .selectFrom('evaluator_assignments as x')
      .innerJoin('applications as a', 'a.id', 'x.application_id')
      .innerJoin('calls as c', 'c.id', 'a.call_id')
      .innerJoin('programmes as p', 'p.id', 'c.programme_id')
      .select(['p.slug', 'c.kind'])
      .where('x.evaluator_id', '=', person.id)
      .executeTakeFirst();
    const overviewOf = async () => {
      if (!call) return null;
      const overview = await manager.request({ method: 'GET', url: `/api/programmes/${call.slug}/calls/${call.kind}/evaluation` });
      expect(overview.statusCode).toBe(200);
      return overview.json().applications.map((a: { applicationId: string; score: number; evaluators: { id: string; total: number }[] }) => ({
        id: a.applicationId,
        score: a.score,
        totals: a.evaluators.map((e) => [e.id, e.total]),
      }));
    };
    const overviewBefore = await overviewOf();

    const res = await manager.request({
      method: 'POST',
      url: `/api/people/${person.id}/erasure`,
      payload: { reason: `Request from ${person.name} by email on 3 December`, confirmation: 'ERASE' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.formerName).toBe('Former participant');
    const outcome = (table: string) => report.items.find((i: { table: string }) => i.table === table);
    expect(outcome('people')).toMatchObject({ outcome: 'anonymised', rows: 1 });
    expect(outcome('sessions')).toMatchObject({ outcome: 'deleted' });
    expect(outcome('role_grants')).toMatchObject({ outcome: 'deleted', rows: 1 });
    expect(outcome('city_contacts')).toMatchObject({ outcome: 'deleted', rows: 1 });
    if (call) expect(outcome('evaluator_assignments')).toMatchObject({ outcome: 'kept', why: expect.stringContaining('programme') });
    for (const item of report.items) expect(item.why, item.table).not.toBe('');

    // Nothing of the person is left in any text column of any table.
    expect(await whereFound([person.email, person.name, phone])).toEqual([]);

    // Signed out everywhere, and no way back in.
    expect((await own.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await (await t.client()).request({ method: 'POST', url: '/api/session', payload: { email: person.email, password: DEMO_PASSWORD } });
    expect(again.statusCode).toBe(401);

    // The programme's record still reads, under "Former participant".
    const evaluationsAfter = await t.app.db.selectFrom('evaluations').select(['application_id', 'scores', 'status']).where('evaluator_id', '=', person.id).orderBy('application_id').execute();
    expect(evaluationsAfter).toEqual(evaluationsBefore);
    // The call's ranking still counts the erased evaluator's scores.
    expect(await overviewOf()).toEqual(overviewBefore);
    const people = await manager.request({ method: 'GET', url: `/api/people/${person.id}` });
    expect(people.statusCode).toBe(200);
    expect(people.json().name).toBe('Former participant');

    // Audited with the reason (without the name) and the counts, never the values erased.
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', person.id).where('action', '=', 'person.erase').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe((await personBy('manager@demo.peercities.eu')).id);
    expect(audit.details).toMatchObject({ reason: 'Request from Former participant by email on 3 December' });

    // An erased account is never reactivated.
    const reactivate = await manager.request({ method: 'DELETE', url: `/api/people/${person.id}/deactivation` });
    expect(reactivate.statusCode).toBe(409);
    expect(reactivate.json().reason.code).toBe('ACCOUNT_ALREADY_ERASED');
    // Nor given a role; the manager's page says it was erased.
    const role = await manager.request({ method: 'POST', url: `/api/people/${person.id}/roles`, payload: { role: 'expert', cityId: null, primaryContact: false } });
    expect(role.statusCode).toBe(409);
    expect(role.json().reason.code).toBe('ACCOUNT_ALREADY_ERASED');
    expect(people.json().erasedAt).toEqual(expect.any(String));

    // Erasing twice is refused, and changes nothing.
    const snapshot = await counts();
    const twice = await manager.request({ method: 'POST', url: `/api/people/${person.id}/erasure`, payload: { reason: 'Asked again by phone', confirmation: 'ERASE' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().reason.code).toBe('ACCOUNT_ALREADY_ERASED');
    expect(await counts()).toEqual(snapshot);
  });

  it('refuses without the typed word or a reason, erasing oneself as a manager, or an unknown person; a refusal changes nothing', async () => {
    const target = await personBy('evaluator2@demo.peercities.eu');
    const me = await personBy('manager@demo.peercities.eu');
    const snapshot = await counts();
    const noWord = await manager.request({ method: 'POST', url: `/api/people/${target.id}/erasure`, payload: { reason: 'Asked by email on 1 December', confirmation: 'yes' } });
    expect(noWord.statusCode).toBe(400);
    expect(noWord.headers['content-type']).toContain('application/problem+json');
    expect(noWord.json().errors[0]).toMatchObject({ field: 'body.confirmation', reason: { code: 'ERASURE_CONFIRMATION' } });
    expect((await manager.request({ method: 'POST', url: `/api/people/${target.id}/erasure`, payload: { reason: 'short', confirmation: 'ERASE' } })).statusCode).toBe(400);
    const self = await manager.request({ method: 'POST', url: `/api/people/${me.id}/erasure`, payload: { reason: 'I want to leave the platform', confirmation: 'ERASE' } });
    expect(self.statusCode).toBe(409);
    expect(self.json().reason.code).toBe('CANNOT_ERASE_YOURSELF_HERE');
    const unknown = await manager.request({ method: 'POST', url: '/api/people/00000000-0000-4000-8000-000000000000/erasure', payload: { reason: 'Asked by email on 1 December', confirmation: 'ERASE' } });
    expect(unknown.statusCode).toBe(404);
    expect(await counts()).toEqual(snapshot);
  });

  it('a person erases their own account with their password and the word typed; a wrong password changes nothing', async () => {
    const person = await personBy('expert@demo.peercities.eu');
    const own = await t.signedIn(person.email);
    const snapshot = await counts();
    const wrong = await own.request({ method: 'POST', url: '/api/me/erasure', payload: { password: 'not my password', confirmation: 'ERASE' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect((await own.request({ method: 'POST', url: '/api/me/erasure', payload: { password: DEMO_PASSWORD, confirmation: '' } })).statusCode).toBe(400);
    expect(await counts()).toEqual(snapshot);

    const res = await own.request({ method: 'POST', url: '/api/me/erasure', payload: { password: DEMO_PASSWORD, confirmation: 'erase' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((i: { table: string }) => i.table === 'people')).toMatchObject({ outcome: 'anonymised' });
    expect((await own.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(await whereFound([person.email, person.name])).toEqual([]);
    const audit = await t.app.db.selectFrom('audit_events').select(['actor_id']).where('entity_id', '=', person.id).where('action', '=', 'person.erase_self').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(person.id);
  });
});
