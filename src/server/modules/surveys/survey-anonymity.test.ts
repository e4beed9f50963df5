import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { completeAnswers } from './survey-test-answers.ts';

// The anonymity guarantee (docs/decisions/0036-survey-anonymity.md): once an
// anonymous answer is in, nothing in the database leads from it to its
// person (or city): no column holds them, the answer's rows were not written
// in the transaction that marked the invitation answered, and the audit log
// says nothing of who answered.

let t: TestApp;
let manager: TestClient;
let lahti: TestClient;
let tartu: TestClient;
const city = {} as Record<'lahti' | 'tartu', string>;
const person = {} as Record<'lahti' | 'lahti2' | 'tartu', string>;
const DEF = SURVEY_TEMPLATES['group-meeting-feedback'].definition;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  [manager, lahti, tartu] = await Promise.all([t.signedIn('manager@demo.peercities.eu'), t.signedIn('lahti@demo.peercities.eu'), t.signedIn('tartu@demo.peercities.eu')]);
  for (const c of await t.app.db.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', ['lahti', 'tartu']).execute()) city[c.slug as keyof typeof city] = c.id;
  for (const p of await t.app.db.selectFrom('people').select(['id', 'email']).where('email', 'in', ['lahti@demo.peercities.eu', 'lahti2@demo.peercities.eu', 'tartu@demo.peercities.eu']).execute()) {
    person[p.email.split('@')[0] as keyof typeof person] = p.id;
  }
});
afterAll(async () => t.close());

async function sendAnonymous(respondent: 'person' | 'city'): Promise<string> {
  const created = await manager.request({ method: 'POST', url: '/api/surveys', payload: { template: 'group-meeting-feedback', respondent, anonymous: true, audience: { kind: 'list', cityIds: [city.lahti, city.tartu], personIds: [] } } });
  expect(created.statusCode, created.body).toBe(201);
  const res = await manager.request({ method: 'POST', url: `/api/surveys/${created.json().id}/send`, payload: { version: created.json().version } });
  expect(res.statusCode, res.body).toBe(200);
  return created.json().id;
}

/** Every value of every column of the survey's responses and answer rows, as text. */
async function storedValues(surveyId: string): Promise<string[]> {
  const rows = await sql<{ v: string | null }>`
    SELECT j.value #>> '{}' AS v FROM survey_responses r, jsonb_each(to_jsonb(r)) j WHERE r.survey_id = ${surveyId}
    UNION ALL
    SELECT j.value #>> '{}' AS v FROM survey_answers a, jsonb_each(to_jsonb(a)) j WHERE a.survey_id = ${surveyId}`.execute(t.app.db);
  return rows.rows.map((r) => r.v ?? '');
}

describe('an anonymous survey', () => {
  let id: string;
  beforeAll(async () => {
    id = await sendAnonymous('person');
  });

  it('keeps no link from the answer to its person: no column holds the person or the city, other transactions, nothing in the audit log', async () => {
    const draft = await lahti.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: null, answers: { overall: 4 } } });
    expect(draft.statusCode).toBe(200);
    const answers = completeAnswers(DEF, city.tartu, { 'next-step': 'Talk to our energy agency about heat pumps.' });
    const res = await lahti.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ submittedOn: '2026-12-07' });

    const response = await t.app.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', id).executeTakeFirstOrThrow();
    expect(response).toMatchObject({ person_id: null, city_id: null, respondent_key: null, submitted_on: '2026-12-07' });
    // The segment is kept: Lahti's country, kind and population band.
    expect(response).toMatchObject({ country: 'FI', city_kind: 'mission', population_band: '50k-100k' });
    expect(response.answers).toMatchObject({ overall: 5, 'next-step': 'Talk to our energy agency about heat pumps.' });

    const values = await storedValues(id);
    expect(values.length).toBeGreaterThan(10);
    for (const secret of [person.lahti, city.lahti]) expect(values.filter((v) => v.includes(secret!))).toEqual([]);

    // Written in its own transaction: not the one that marked the invitation answered and deleted the draft.
    const xmins = await sql<{ response: string; invitation: string; answers: string[] }>`
      SELECT (SELECT xmin::text FROM survey_responses WHERE survey_id = ${id}) AS response,
             (SELECT xmin::text FROM survey_invitations WHERE survey_id = ${id} AND person_id = ${person.lahti}) AS invitation,
             (SELECT array_agg(DISTINCT xmin::text) FROM survey_answers WHERE survey_id = ${id}) AS answers`.execute(t.app.db);
    const x = xmins.rows[0]!;
    expect(x.response).not.toBe(x.invitation);
    expect(x.answers).not.toContain(x.invitation);
    // No row lock was taken on the invitation by the answering transaction: its xmax holds no transaction.
    const invitation = await sql<{ answered: boolean; xmax: string }>`SELECT answered, xmax::text FROM survey_invitations WHERE survey_id = ${id} AND person_id = ${person.lahti}`.execute(t.app.db);
    expect(invitation.rows[0]).toEqual({ answered: true, xmax: '0' });
    expect(await t.app.db.selectFrom('survey_drafts').select('survey_id').where('survey_id', '=', id).execute()).toEqual([]);

    // The audit log: nothing by Lahti about this survey, nothing naming the response.
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_events
       WHERE (actor_id = ${person.lahti} AND (entity_id = ${id} OR details::text LIKE ${`%${id}%`}))
          OR details::text LIKE ${`%${response.id}%`} OR entity_id = ${response.id}`.execute(t.app.db);
    expect(audit.rows[0]!.n).toBe(0);

    // The person sees it answered, and cannot answer twice.
    expect((await lahti.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json().status).toBe('answered');
    const again = await lahti.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SURVEY_ALREADY_ANSWERED');
  });

  it('takes one answer per person when two arrive at once', async () => {
    const answers = completeAnswers(DEF, city.tartu);
    const results = await Promise.all([1, 2, 3].map(() => tartu.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const n = await t.app.db.selectFrom('survey_responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });
});

describe('an anonymous per-city survey', () => {
  it('takes one answer for the city, from either representative, with no link to either', async () => {
    const id = await sendAnonymous('city');
    const lahti2 = await t.signedIn('lahti2@demo.peercities.eu');
    const answers = completeAnswers(DEF, city.tartu);
    const [a, b] = await Promise.all([
      lahti.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.lahti, answers } }),
      lahti2.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.lahti, answers } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const values = await storedValues(id);
    for (const secret of [person.lahti, person.lahti2, city.lahti]) expect(values.filter((v) => v.includes(secret!))).toEqual([]);
    const invitations = await t.app.db.selectFrom('survey_invitations').select(['person_id', 'answered']).where('survey_id', '=', id).where('city_id', '=', city.lahti).execute();
    expect(invitations.length).toBe(2);
    expect(invitations.every((i) => i.answered)).toBe(true);
    // Tartu is still asked.
    expect((await tartu.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json()).toMatchObject({ status: 'not-started', city: { id: city.tartu } });
  });
});
