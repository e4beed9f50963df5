import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProgramme } from '../../test-support/programmes.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
let valencia: TestClient;
let krakow: TestClient;
const city: Record<string, string> = {};

const DURING_HOST_CALL = '2026-12-10T10:00:00Z';
const AFTER_HOST_CALL = '2027-01-01T00:00:00Z'; // 01:00 in Brussels: closed

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  valencia = await t.signedIn('valencia@demo.peercities.eu');
  krakow = await t.signedIn('krakow@demo.peercities.eu');
  for (const slug of ['valencia', 'krakow', 'lahti']) {
    const r = await manager.request({ method: 'GET', url: `/api/cities?q=${slug === 'krakow' ? 'krak' : slug}` });
    city[slug] = r.json().items[0].id;
  }
});
afterAll(async () => t.close());

describe('programmes', () => {
  it('creates an edition from the template with the default numbers and timeline', async () => {
    const res = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Group Study Visits 2027 test', format: 'group_study_visits', editionYear: 2027, slug: 'gsv-2027-test' } });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.settings).toMatchObject({ hostCount: 3, visitorsPerHost: 3, timeZone: 'Europe/Brussels' });
    expect(p.milestones.find((m: { kind: string }) => m.kind === 'host_call')).toEqual({ kind: 'host_call', startsOn: '2026-12-01', endsOn: '2026-12-31' });
    expect(p).toMatchObject({ current: 'discussion_groups', next: 'host_call', phase: 'running' });
    const again = await manager.request({ method: 'POST', url: '/api/programmes', payload: { title: 'Again', format: 'group_study_visits', editionYear: 2027, slug: 'gsv-2027-test' } });
    expect(again.statusCode).toBe(409);
    // A new edition is a draft: the rest of this file needs it public.
    await publishProgramme(manager, 'gsv-2027-test');
  });

  it('lets numbers and dates change only before the step they govern, and refuses a stale version', async () => {
    const p = (await manager.request({ method: 'GET', url: '/api/programmes/gsv-2027-test' })).json();
    const ok = await manager.request({ method: 'PATCH', url: '/api/programmes/gsv-2027-test', payload: { version: p.version, settings: { hostCount: 4 } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().settings.hostCount).toBe(4);
    const stale = await manager.request({ method: 'PATCH', url: '/api/programmes/gsv-2027-test', payload: { version: p.version, settings: { hostCount: 3 } } });
    expect(stale.statusCode).toBe(409);
    const started = await manager.request({
      method: 'PATCH',
      url: '/api/programmes/gsv-2027-test',
      payload: { version: ok.json().version, settings: { learningPhases: 5 }, milestones: [{ kind: 'discussion_groups', startsOn: '2026-08-01', endsOn: '2026-11-30' }] },
    });
    expect(started.statusCode).toBe(400);
    expect(started.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.milestones.discussion_groups', 'body.settings.learningPhases']);
    const back = await manager.request({ method: 'PATCH', url: '/api/programmes/gsv-2027-test', payload: { version: ok.json().version, settings: { hostCount: 3 } } });
    expect(back.statusCode).toBe(200);
  });

  it('is public to read, for managers to change', async () => {
    const anon = await t.client();
    expect((await anon.request({ method: 'GET', url: '/api/programmes/gsv-2027-test' })).statusCode).toBe(200);
    expect((await valencia.request({ method: 'PATCH', url: '/api/programmes/gsv-2027-test', payload: { version: 1 } })).statusCode).toBe(403);
  });
});

describe('the host call', () => {
  it('takes questions before it opens', async () => {
    const call = (await manager.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host' })).json();
    expect(call).toMatchObject({ state: 'upcoming', opensAt: '2026-11-30T23:00:00.000Z', closesAt: '2026-12-31T22:59:59.000Z' });
    const res = await manager.request({
      method: 'PUT',
      url: '/api/programmes/gsv-2027-test/calls/host',
      payload: {
        version: call.version,
        questions: [
          { id: 'motivation', type: 'long_text', label: 'Why do you want to host?', required: true },
          { id: 'sites', type: 'text', label: 'Which sites could visitors see?', required: false },
          { id: 'dates', type: 'preferred_dates', label: 'Dates in the visit period that suit you', required: false },
        ],
        criteria: [{ id: 'quality', name: 'Quality of the solutions', weight: 2, scaleMax: 5 }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().questions).toHaveLength(3);
  });

  it('refuses applications before it opens', async () => {
    const res = await valencia.request({ method: 'POST', url: '/api/programmes/gsv-2027-test/calls/host/applications', payload: { cityId: city.valencia } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CALL_NOT_OPEN');
  });

  it('lets a Mission City apply, save, submit with a confirmation email, but not twice', async () => {
    t.setNow(DURING_HOST_CALL);
    const created = await valencia.request({ method: 'POST', url: '/api/programmes/gsv-2027-test/calls/host/applications', payload: { cityId: city.valencia } });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', cityName: 'Valencia' });

    const incomplete = await valencia.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors).toEqual([{ field: 'body.answers.motivation', message: 'Answer “Why do you want to host?” before submitting.', reason: reason('ANSWER_REQUIRED', { label: 'Why do you want to host?' }) }]);

    // Preferred dates outside the study visits (1 May to 30 June 2027) are refused on their question, and nothing is kept.
    const outside = await valencia.request({
      method: 'PATCH',
      url: `/api/applications/${draft.id}`,
      payload: { version: draft.version, answers: { motivation: 'Our superblocks.', dates: ['2027-04-29', '2027-05-20'] } },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json().errors).toEqual([
      {
        field: 'body.answers.dates',
        message: 'Choose dates in the study visits period, 2027-05-01 to 2027-06-30; outside it: 2027-04-29.',
        reason: reason('ANSWER_DATES_OUTSIDE_VISITS', { dates: '2027-04-29', windowStart: '2027-05-01', windowEnd: '2027-06-30' }),
      },
    ]);
    expect((await valencia.request({ method: 'GET', url: `/api/applications/${draft.id}` })).json()).toMatchObject({ version: draft.version, answers: {} });

    const saved = await valencia.request({ method: 'PATCH', url: `/api/applications/${draft.id}`, payload: { version: draft.version, answers: { motivation: 'Our superblocks and one-stop-shop.', dates: ['2027-05-20'] } } });
    expect(saved.statusCode).toBe(200);
    const submitted = await valencia.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: saved.json().version } });
    expect(submitted.json().status).toBe('submitted');
    const mail = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'valencia@demo.peercities.eu').execute();
    expect(mail.map((m) => m.subject)).toContain('Valencia: application to the host call of Group Study Visits 2027 test received');

    const twice = await valencia.request({ method: 'POST', url: '/api/programmes/gsv-2027-test/calls/host/applications', payload: { cityId: city.valencia } });
    expect(twice.json().code).toBe('APPLICATION_EXISTS');
  });

  it('refuses a save based on a stale version', async () => {
    const list = (await valencia.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host/applications' })).json();
    const app = list.items[0];
    const stale = await valencia.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: app.version - 1, answers: { motivation: 'Old' } } });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps a city from applying for, reading or changing another city', async () => {
    const forOther = await krakow.request({ method: 'POST', url: '/api/programmes/gsv-2027-test/calls/host/applications', payload: { cityId: city.valencia } });
    expect(forOther.statusCode).toBe(403);
    const list = (await valencia.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host/applications' })).json();
    const id = list.items[0].id;
    expect((await krakow.request({ method: 'GET', url: `/api/applications/${id}` })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'PATCH', url: `/api/applications/${id}`, payload: { version: 1, answers: {} } })).statusCode).toBe(404);
    expect((await krakow.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host/applications' })).json().items).toEqual([]);
    expect((await manager.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host/applications' })).json().items).toHaveLength(1);
  });

  it('refuses changes after the deadline, with the closing date in Brussels time', async () => {
    const list = (await valencia.request({ method: 'GET', url: '/api/programmes/gsv-2027-test/calls/host/applications' })).json();
    const app = list.items[0];
    t.setNow(AFTER_HOST_CALL);
    const late = await valencia.request({ method: 'PATCH', url: `/api/applications/${app.id}`, payload: { version: app.version, answers: { motivation: 'Late change' } } });
    expect(late.statusCode).toBe(409);
    // The reason (translated by the web app) with the local date and time; its English text as the detail.
    expect(late.json()).toMatchObject({
      code: 'CALL_CLOSED',
      detail: 'The host call closed on 2026-12-31 at 23:59 (Europe/Brussels time).',
      reason: { code: 'CALL_CLOSED_ON', params: { call: 'host', date: '2026-12-31', time: '23:59', timeZone: 'Europe/Brussels' } },
    });
    const after = (await valencia.request({ method: 'GET', url: `/api/applications/${app.id}` })).json();
    expect(after).toMatchObject({ status: 'under_review', answers: { motivation: 'Our superblocks and one-stop-shop.' } });
    t.setNow(DURING_HOST_CALL);
  });
});

describe('visitor call eligibility', () => {
  it('explains why a Mission City or an unprepared city may not apply to visit', async () => {
    const res = await valencia.request({ method: 'GET', url: `/api/programmes/gsv-2027-test/calls/visitor/eligibility?cityId=${city.valencia}` });
    expect(res.json().eligible).toBe(false);
    expect(res.json().reasons[0]).toBe('Valencia is a Mission City: Mission Cities host visits rather than apply to visit.');
    expect((await krakow.request({ method: 'GET', url: `/api/programmes/gsv-2027-test/calls/visitor/eligibility?cityId=${city.valencia}` })).statusCode).toBe(403);
  });

  it('refuses a non-Mission City at the host call with the reason', async () => {
    const aspiring = await t.app.db
      .insertInto('cities')
      .values({ slug: 'tarragona-test', name: 'Tarragona', country: 'ES', kind: 'aspiring', latitude: 41.12, longitude: 1.25, population: 134515 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rep = await t.app.db.selectFrom('people').select('id').where('email', '=', 'lahti2@demo.peercities.eu').executeTakeFirstOrThrow();
    await t.app.db.insertInto('role_grants').values({ person_id: rep.id, role: 'city_representative', city_id: aspiring.id }).execute();
    const lahti2 = await t.signedIn('lahti2@demo.peercities.eu');
    const res = await lahti2.request({ method: 'POST', url: '/api/programmes/gsv-2027-test/calls/host/applications', payload: { cityId: aspiring.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NOT_ELIGIBLE', detail: 'Only Mission Cities may host study visits; Tarragona is not a Mission City.' });
  });
});
