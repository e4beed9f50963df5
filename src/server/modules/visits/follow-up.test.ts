import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
let valenciaVisit: { id: string; visitors: { id: string; slug: string }[]; host: { id: string } };

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T12:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  const visits = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/visits' })).json().items;
  valenciaVisit = visits.find((v: { host: { slug: string } }) => v.host.slug === 'valencia');
});
afterAll(async () => t.close());

describe('the finished 2025 edition', () => {
  it('shows three completed visits with agendas, delegations and travel CO2', async () => {
    const visits = (await (await t.client()).request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/visits' })).json().items;
    expect(visits.map((v: { host: { name: string }; visitors: unknown[]; confirmed: boolean }) => [v.host.name, v.visitors.length, v.confirmed])).toEqual([
      ['Espoo', 3, true],
      ['Milan', 3, true],
      ['Valencia', 3, true],
    ]);
    const visit = (await manager.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}` })).json();
    expect(visit.agenda).toHaveLength(4);
    expect(visit.delegates).toHaveLength(9);
    expect(visit.co2Kg).toBeGreaterThan(1000);
  });

  it('keeps the agenda of a visit that is over as it was', async () => {
    const add = await manager.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/agenda`, payload: { day: 1, startsAt: '18:00', endsAt: '19:00', kind: 'other', title: 'Added afterwards' } });
    expect(add.statusCode).toBe(409);
    expect(add.json().reason).toEqual({ code: 'VISIT_AGENDA_ENDED', params: { date: expect.stringMatching(/^2025-/) } });
    expect((await manager.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}` })).json().agenda).toHaveLength(4);
  });

  it('summarises the feedback of a visit for the programme team', async () => {
    const summary = (await manager.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}/feedback` })).json();
    expect(summary.responses).toBe(3);
    expect(summary.averages.relevance).toBe(5);
  });

  it('counts the funnel and the replication on the dashboard, and exports it', async () => {
    const d = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/dashboard' })).json();
    expect(d.funnel).toEqual([
      { step: 'in_groups', cities: 12 },
      { step: 'completed_phases', cities: 12 },
      { step: 'applied', cities: 12 },
      { step: 'selected', cities: 9 },
      { step: 'visited', cities: 9 },
      { step: 'replicating', cities: 6 },
    ]);
    expect(d.impact).toMatchObject({ plans: 9, replicated: 3, inProgress: 3 });
    const xlsx = await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/dashboard.xlsx' });
    const book = new ExcelJS.Workbook();
    const bytes = xlsx.rawPayload;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.getWorksheet('Dashboard')?.getRow(7).values).toEqual([undefined, 'cities: replicating', 6]);
  });

  it('counts as having completed the learning phases exactly the cities the visitor call counts: a manager’s mark too', async () => {
    const funnel = async () => (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/dashboard' })).json().funnel.find((f: { step: string }) => f.step === 'completed_phases').cities;
    const lahtiId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'lahti').executeTakeFirstOrThrow()).id;
    expect(await funnel()).toBe(12);
    expect((await manager.request({ method: 'PUT', url: `/api/programmes/group-study-visits-2025/learning-completions/${lahtiId}` })).statusCode).toBe(204);
    try {
      expect(await funnel()).toBe(13);
    } finally {
      await manager.request({ method: 'DELETE', url: `/api/programmes/group-study-visits-2025/learning-completions/${lahtiId}` });
    }
    expect(await funnel()).toBe(12);
  });
});

describe('replication follow-up', () => {
  it('lets a visiting city add its 12-month update, which the dashboard counts', async () => {
    const plans = (await (await t.client()).request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}/replication-plans` })).json().items;
    const graz = plans.find((p: { cityName: string }) => p.cityName === 'Graz');
    expect(graz.status).toBe('in_progress');
    const rep = await t.signedIn('graz@demo.peercities.eu');
    const res = await rep.request({ method: 'PUT', url: `/api/replication-plans/${graz.id}/updates`, payload: { checkpoint: 12, status: 'done', evidenceText: 'Council approved the pilot', evidenceUrl: 'https://graz.example/pilot' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done' });
    const d = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/dashboard' })).json();
    expect(d.impact).toMatchObject({ replicated: 4, inProgress: 2 });
    const other = await t.signedIn('ghent@demo.peercities.eu');
    expect((await other.request({ method: 'PUT', url: `/api/replication-plans/${graz.id}/updates`, payload: { checkpoint: 3, status: 'dropped' } })).statusCode).toBe(403);
  });

  it('takes a new plan only for one of the host’s solutions', async () => {
    const rep = await t.signedIn('ghent@demo.peercities.eu');
    const ghent = valenciaVisit.visitors.find((c) => c.slug === 'ghent');
    const otherSolution = await t.app.db.selectFrom('solutions').select('id').where('city_id', '!=', valenciaVisit.host.id).executeTakeFirstOrThrow();
    const bad = await rep.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/replication-plans`, payload: { cityId: ghent?.id, solutionId: otherSolution.id, title: 'Something else' } });
    expect(bad.json().errors).toEqual([{ field: 'body.solutionId', message: 'Choose one of the host’s solutions.', reason: reason('PLAN_CHOOSE_HOST_SOLUTION') }]);
    // 23:30 UTC on 28 November is already the 29th in Brussels: the 28th is in the past there.
    t.setNow('2026-11-28T23:30:00Z');
    const past = await rep.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/replication-plans`, payload: { cityId: ghent?.id, title: 'Superblock pilot', targetDate: '2026-11-28' } });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.json().errors).toEqual([{ field: 'body.targetDate', message: 'Choose a target date from today (2026-11-29) on: a plan aims ahead.', reason: reason('PLAN_TARGET_IN_PAST', { today: '2026-11-29' }) }]);
    const plansOfGhent = async () => (await t.app.db.selectFrom('replication_plans').select('id').where('city_id', '=', ghent?.id ?? '').execute()).length;
    const before = await plansOfGhent();
    expect((await rep.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/replication-plans`, payload: { cityId: ghent?.id, title: 'Superblock pilot', targetDate: '2026-11-28' } })).statusCode).toBe(400);
    expect(await plansOfGhent()).toBe(before);
    t.setNow('2026-11-28T12:00:00Z');
    const ok = await rep.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/replication-plans`, payload: { cityId: ghent?.id, title: 'Superblock pilot', steps: [{ text: 'Pick a neighbourhood' }] } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ cityName: 'Ghent', status: 'not_started', steps: [{ text: 'Pick a neighbourhood', owner: '', targetDate: null }] });
  });

  it('takes feedback only from cities that took part, once the visit has started', async () => {
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    const lahtiId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'lahti').executeTakeFirstOrThrow()).id;
    const refused = await lahti.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/feedback`, payload: { cityId: lahtiId, ratings: { overall: 1, relevance: 1, organisation: 1 } } });
    expect(refused.statusCode).toBe(404);
    const host = await t.signedIn('valencia@demo.peercities.eu');
    const res = await host.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/feedback`, payload: { cityId: valenciaVisit.host.id, ratings: { overall: 5, relevance: 4, organisation: 5 }, comments: 'Great delegations' } });
    // The answer holds only what the host city may read: its own feedback, not the visiting cities' comments.
    expect(res.json()).toMatchObject({ responses: 1, averages: { overall: 5, relevance: 4, organisation: 5 } });
    expect(res.json().comments).toEqual([{ role: 'host', city: 'Valencia', text: 'Great delegations' }]);
    const all = (await manager.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}/feedback` })).json();
    expect(all.responses).toBe(4);
    expect(all.comments.some((c: { role: string; text: string }) => c.role === 'host' && c.text === 'Great delegations')).toBe(true);
  });

  it('shows a visiting city only its own feedback in the answer to its post', async () => {
    const ghent = valenciaVisit.visitors.find((c) => c.slug === 'ghent');
    const rep = await t.signedIn('ghent@demo.peercities.eu');
    const res = await rep.request({ method: 'POST', url: `/api/visits/${valenciaVisit.id}/feedback`, payload: { cityId: ghent?.id, ratings: { overall: 3, relevance: 3, organisation: 3 }, comments: 'Ghent says so' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().responses).toBe(1);
    expect(res.json().comments).toEqual([{ role: 'visitor', city: 'Ghent', text: 'Ghent says so' }]);
  });

  it('lets a facilitator read the feedback only of the visits they accompany', async () => {
    const visit = await t.app.db.selectFrom('study_visits as v').innerJoin('people as p', 'p.id', 'v.facilitator_id').select(['v.id', 'p.email']).where('v.id', '=', valenciaVisit.id).executeTakeFirstOrThrow();
    const own = await t.signedIn(visit.email);
    const mine = await own.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}/feedback` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().responses).toBeGreaterThan(0);
    const other = await t.app.db
      .selectFrom('people as p')
      .innerJoin('role_grants as r', 'r.person_id', 'p.id')
      .select('p.email')
      .where('r.role', '=', 'facilitator')
      .where('p.id', '!=', (eb) => eb.selectFrom('study_visits').select('facilitator_id').where('id', '=', valenciaVisit.id))
      .where('p.id', 'not in', (eb) => eb.selectFrom('role_grants').select('person_id').where('role', '=', 'programme_manager'))
      .executeTakeFirstOrThrow();
    const stranger = await t.signedIn(other.email);
    const refused = await stranger.request({ method: 'GET', url: `/api/visits/${valenciaVisit.id}/feedback` });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).not.toContain('Great delegations');
  });

  it('opens feedback on the visit’s first day in the programme’s time zone, not in UTC', async () => {
    const espoo = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/visits' })).json().items.find((v: { host: { slug: string } }) => v.host.slug === 'espoo');
    expect(espoo.startsOn).toBe('2025-06-17');
    const oulu = espoo.visitors.find((c: { slug: string }) => c.slug === 'oulu');
    const rep = await t.signedIn('oulu@demo.peercities.eu');
    const give = () => rep.request({ method: 'POST', url: `/api/visits/${espoo.id}/feedback`, payload: { cityId: oulu.id, ratings: { overall: 4, relevance: 4, organisation: 4 } } });
    try {
      t.setNow('2025-06-16T21:30:00Z'); // 23:30 on 16 June in Brussels: the day before
      const early = await give();
      expect(early.statusCode).toBe(409);
      expect(early.json().reason).toEqual(reason('FEEDBACK_NOT_YET'));
      t.setNow('2025-06-16T22:30:00Z'); // 00:30 on 17 June in Brussels, still 16 June in UTC
      expect((await give()).statusCode).toBe(200);
    } finally {
      t.setNow('2026-11-28T12:00:00Z');
    }
  });

  it('never shows delegates’ personal data in public answers', async () => {
    const anon = await t.client();
    for (const url of [`/api/visits/${valenciaVisit.id}`, '/api/programmes/group-study-visits-2025/visits', `/api/visits/${valenciaVisit.id}/replication-plans`]) {
      const res = await anon.request({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/Delegate \d of/);
    }
  });
});
