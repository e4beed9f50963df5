import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { completeAnswers } from './survey-test-answers.ts';

let t: TestApp;
let manager: TestClient;
let valencia: TestClient;
let valencia2: TestClient;
let lahti: TestClient;
let krakow: TestClient;
const city = {} as Record<'valencia' | 'lahti' | 'krakow' | 'tartu', string>;
const person = {} as Record<'valencia' | 'valencia2' | 'lahti' | 'krakow' | 'tartu', string>;
const NEEDS = SURVEY_TEMPLATES['support-needs'].definition;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  [manager, valencia, valencia2, lahti, krakow] = await Promise.all([t.signedIn('manager@demo.peercities.eu'), t.signedIn('valencia@demo.peercities.eu'), t.signedIn('valencia2@demo.peercities.eu'), t.signedIn('lahti@demo.peercities.eu'), t.signedIn('krakow@demo.peercities.eu')]);
  for (const c of await t.app.db.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', ['valencia', 'lahti', 'krakow', 'tartu']).execute()) city[c.slug as keyof typeof city] = c.id;
  for (const p of await t.app.db.selectFrom('people').select(['id', 'email']).where('email', 'like', '%@demo.peercities.eu').execute()) person[p.email.split('@')[0] as keyof typeof person] = p.id;
});
afterAll(async () => t.close());

async function sent(payload: object): Promise<string> {
  const created = await manager.request({ method: 'POST', url: '/api/surveys', payload });
  expect(created.statusCode, created.body).toBe(201);
  const res = await manager.request({ method: 'POST', url: `/api/surveys/${created.json().id}/send`, payload: { version: created.json().version } });
  expect(res.statusCode, res.body).toBe(200);
  return created.json().id;
}

describe('a per-city survey: the support-needs survey', () => {
  let id: string;
  beforeAll(async () => {
    id = await sent({ template: 'support-needs', title: 'Support needs, winter', audience: { kind: 'list', cityIds: [city.valencia, city.lahti], personIds: [] } });
  });

  it('is in my surveys, once for my city, not started', async () => {
    const mine = (await valencia.request({ method: 'GET', url: '/api/my-surveys' })).json().items.filter((i: { id: string }) => i.id === id);
    expect(mine).toEqual([
      { id, title: 'Support needs, winter', description: expect.any(String), anonymous: false, respondent: 'city', city: { id: city.valencia, name: 'Valencia' }, closesOn: '2027-01-04', status: 'not-started', draftSavedAt: null },
    ]);
    const one = (await valencia.request({ method: 'GET', url: `/api/my-surveys/${id}?cityId=${city.valencia}` })).json();
    expect(one.definition).toEqual(NEEDS);
    expect(one.draft).toBeNull();
  });

  it('is not found by someone not invited, nor for a city that is not theirs (404)', async () => {
    expect((await krakow.request({ method: 'GET', url: `/api/my-surveys/${id}` })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: city.krakow, answers: {} } })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.krakow, answers: {} } })).statusCode).toBe(404);
    expect((await valencia.request({ method: 'GET', url: `/api/my-surveys/${id}?cityId=${city.lahti}` })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'GET', url: '/api/my-surveys' })).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('keeps a draft per city: a colleague sees it and continues it', async () => {
    const bad = await valencia.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: city.valencia, answers: { 'interest-exchange': 9 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('answers.interest-exchange');
    const saved = await valencia.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: city.valencia, answers: { 'interest-exchange': 4 } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ savedAt: '2026-12-07T10:00:00.000Z' });
    const colleague = (await valencia2.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json();
    expect(colleague).toMatchObject({ status: 'draft', city: { id: city.valencia }, draft: { 'interest-exchange': 4 }, draftSavedAt: '2026-12-07T10:00:00.000Z' });
    const resumed = await valencia2.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: city.valencia, answers: { 'interest-exchange': 4, 'interest-visits': 5 } } });
    expect(resumed.statusCode).toBe(200);
    expect((await valencia.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json().draft).toEqual({ 'interest-exchange': 4, 'interest-visits': 5 });
    expect(await t.app.db.selectFrom('survey_drafts').select(['city_id', 'person_id', 'saved_by']).where('survey_id', '=', id).execute()).toEqual([
      { city_id: city.valencia, person_id: null, saved_by: person.valencia2 },
    ]);
  });

  it('refuses an incomplete answer, with each question’s reason', async () => {
    const res = await valencia.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.valencia, answers: { 'interest-exchange': 4 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'answers.interest-visits', reason: { code: 'SURVEY_ANSWER_REQUIRED' } })]));
  });

  it('takes the city’s one answer: the rows, the segment, the priorities; all its representatives have answered; a second answer is refused', async () => {
    const answers = completeAnswers(NEEDS, city.krakow, { 'would-send-delegation': 'no', 'delegation-size': 3 });
    const [first, second] = await Promise.all([
      valencia2.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.valencia, answers } }),
      valencia.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.valencia, answers } }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const ok = first.statusCode === 201 ? first : second;
    const refused = first.statusCode === 201 ? second : first;
    expect(ok.json()).toEqual({ submittedOn: '2026-12-07' });
    expect(refused.json().code).toBe('SURVEY_ALREADY_ANSWERED');
    const responses = await t.app.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', id).execute();
    expect(responses).toHaveLength(1);
    const r = responses[0]!;
    expect(r).toMatchObject({ city_id: city.valencia, respondent_key: `city:${city.valencia}`, country: 'ES', city_kind: 'mission', population_band: '500k-1m', programme_id: null, submitted_on: '2026-12-07' });
    expect([person.valencia, person.valencia2]).toContain(r.person_id);
    // The hidden question's answer is not kept.
    expect(r.answers).not.toHaveProperty('delegation-size');
    const rows = await t.app.db.selectFrom('survey_answers').select(['question_id', 'item', 'choice', 'number']).where('response_id', '=', r.id).where('question_id', '=', 'priority-sectors').orderBy('choice').execute();
    expect(rows.map((x) => x.choice)).toEqual(['energy', 'mobility']);
    const priorities = await t.app.db.selectFrom('city_priorities').selectAll().where('city_id', '=', city.valencia).executeTakeFirstOrThrow();
    expect(priorities).toMatchObject({ sectors: ['energy', 'mobility'], survey_id: id, response_id: r.id, answered_on: '2026-12-07' });
    const invitations = await t.app.db.selectFrom('survey_invitations').select(['person_id', 'answered']).where('survey_id', '=', id).where('city_id', '=', city.valencia).execute();
    expect(invitations.every((i) => i.answered)).toBe(true);
    expect(await t.app.db.selectFrom('survey_drafts').select('survey_id').where('survey_id', '=', id).execute()).toEqual([]);
    for (const client of [valencia, valencia2]) {
      const item = (await client.request({ method: 'GET', url: '/api/my-surveys' })).json().items.find((i: { id: string }) => i.id === id);
      expect(item.status).toBe('answered');
    }
    const again = await valencia.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.valencia, answers } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SURVEY_ALREADY_ANSWERED');
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', id).where('action', '=', 'survey.answer').execute();
    expect(audit).toEqual([{ action: 'survey.answer', actor_id: r.person_id }]);
    // Lahti has not answered: still waiting.
    expect((await lahti.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json().status).toBe('not-started');
  });
});

describe('a per-person survey', () => {
  it('is answered by each person once, in its window only (409 SURVEY_NOT_OPEN before and after)', async () => {
    const id = await sent({ template: 'six-months-after-visit', respondent: 'person', opensOn: '2026-12-09', closesOn: '2026-12-20', audience: { kind: 'list', cityIds: [city.tartu], personIds: [person.krakow] } });
    const def = SURVEY_TEMPLATES['six-months-after-visit'].definition;
    const answers = completeAnswers(def, city.lahti);
    const early = await krakow.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'SURVEY_NOT_OPEN', reason: { code: 'SURVEY_OPENS_ON', params: { opensOn: '2026-12-09' } } });
    t.setNow('2026-12-10T10:00:00Z');
    try {
      const item = (await krakow.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json();
      expect(item).toMatchObject({ city: null, respondent: 'person', status: 'not-started' });
      const unknownCity = await krakow.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers: { ...answers, 'in-touch-with': '00000000-0000-4000-8000-000000000000' } } });
      expect(unknownCity.statusCode).toBe(400);
      expect(unknownCity.json().errors).toEqual([expect.objectContaining({ field: 'answers.in-touch-with', reason: { code: 'SURVEY_ANSWER_CITY_UNKNOWN' } })]);
      const ok = await krakow.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
      expect(ok.statusCode, ok.body).toBe(201);
      const r = await t.app.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', id).executeTakeFirstOrThrow();
      // Named as a person, not through a city of the audience: no city, the segment unknown.
      expect(r).toMatchObject({ person_id: person.krakow, city_id: null, respondent_key: `person:${person.krakow}`, country: null, population_band: 'unknown', submitted_on: '2026-12-10' });
      const again = await krakow.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
      expect(again.json().code).toBe('SURVEY_ALREADY_ANSWERED');
      t.setNow('2026-12-21T10:00:00Z');
      const tartu = await t.signedIn('tartu@demo.peercities.eu');
      const late = await tartu.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers } });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'SURVEY_NOT_OPEN', reason: { code: 'SURVEY_CLOSED_ON', params: { closesOn: '2026-12-20' } } });
      expect((await tartu.request({ method: 'GET', url: `/api/my-surveys/${id}` })).json().status).toBe('closed');
      // Open ones first: the support-needs survey of other tests is not Tartu's; the closed one is listed after.
      const list = (await tartu.request({ method: 'GET', url: '/api/my-surveys' })).json().items;
      expect(list.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[id, 'closed']]);
    } finally {
      t.setNow('2026-12-07T10:00:00Z');
    }
  });
});

describe('a representative of two cities asked', () => {
  it('sees the survey once per city, and answers for each; a colleague’s answer for one leaves the other waiting', async () => {
    const lahti2 = await t.app.db.selectFrom('people').select('id').where('email', '=', 'lahti2@demo.peercities.eu').executeTakeFirstOrThrow();
    await t.app.db.insertInto('role_grants').values({ person_id: lahti2.id, role: 'city_representative', city_id: city.tartu }).execute();
    const both = await t.signedIn('lahti2@demo.peercities.eu');
    const id = await sent({ template: 'support-needs', title: 'Support needs, two cities', audience: { kind: 'list', cityIds: [city.lahti, city.tartu], personIds: [] } });
    // One invitation per person (the table's key): three people, both cities asked.
    const invitations = await t.app.db.selectFrom('survey_invitations').select(['person_id', 'city_id']).where('survey_id', '=', id).execute();
    expect(invitations).toHaveLength(3);
    expect(new Set(invitations.map((i) => i.city_id))).toEqual(new Set([city.lahti, city.tartu]));
    const items = (await both.request({ method: 'GET', url: '/api/my-surveys' })).json().items.filter((i: { id: string }) => i.id === id);
    expect(items.map((i: { city: { name: string } }) => i.city.name).sort()).toEqual(['Lahti', 'Tartu']);
    const tartu = await t.signedIn('tartu@demo.peercities.eu');
    const answered = await tartu.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.tartu, answers: completeAnswers(NEEDS, city.lahti) } });
    expect(answered.statusCode, answered.body).toBe(201);
    const after = (await both.request({ method: 'GET', url: '/api/my-surveys' })).json().items.filter((i: { id: string }) => i.id === id);
    expect(after.map((i: { city: { name: string }; status: string }) => [i.city.name, i.status]).sort()).toEqual([['Lahti', 'not-started'], ['Tartu', 'answered']]);
    const forTartu = await both.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.tartu, answers: completeAnswers(NEEDS, city.lahti) } });
    expect(forTartu.json().code).toBe('SURVEY_ALREADY_ANSWERED');
    const forLahti = await both.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: city.lahti, answers: completeAnswers(NEEDS, city.tartu) } });
    expect(forLahti.statusCode, forLahti.body).toBe(201);
    await t.app.db.deleteFrom('role_grants').where('person_id', '=', lahti2.id).where('city_id', '=', city.tartu).execute();
  });
});

describe('erasing a person who answered', () => {
  it('keeps their named answer without them, and deletes their invitations and drafts', async () => {
    const id = await sent({ template: 'group-meeting-feedback', respondent: 'person', anonymous: false, audience: { kind: 'list', cityIds: [city.tartu], personIds: [person.krakow] } });
    const def = SURVEY_TEMPLATES['group-meeting-feedback'].definition;
    const tartu = await t.signedIn('tartu@demo.peercities.eu');
    expect((await tartu.request({ method: 'POST', url: `/api/my-surveys/${id}/answers`, payload: { cityId: null, answers: completeAnswers(def, city.tartu, { 'next-step': 'Tartu will try it.' }) } })).statusCode).toBe(201);
    expect((await krakow.request({ method: 'PUT', url: `/api/my-surveys/${id}/draft`, payload: { cityId: null, answers: { overall: 3 } } })).statusCode).toBe(200);
    for (const who of [person.tartu, person.krakow]) {
      const res = await manager.request({ method: 'POST', url: `/api/people/${who}/erasure`, payload: { reason: 'Asked by email', confirmation: 'ERASE' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const responses = await t.app.db.selectFrom('survey_responses').select(['person_id', 'city_id', 'respondent_key', 'answers']).where('survey_id', '=', id).execute();
    expect(responses).toEqual([{ person_id: null, city_id: city.tartu, respondent_key: expect.stringMatching(/^erased:/), answers: expect.objectContaining({ 'next-step': 'Tartu will try it.' }) }]);
    expect(await t.app.db.selectFrom('survey_invitations').select('person_id').where('survey_id', '=', id).execute()).toEqual([]);
    expect(await t.app.db.selectFrom('survey_drafts').select('survey_id').where('survey_id', '=', id).execute()).toEqual([]);
  });
});
