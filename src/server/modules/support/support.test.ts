import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let krakow: TestClient;
let sofia: TestClient;
let manager: TestClient;
let krakowId: string;
let sofiaId: string;

const count = async (table: 'support_requests' | 'support_answers' | 'support_events' | 'audit_events' | 'notifications') =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.app.db)).rows[0]?.n ?? 0;

const DISTRICT_HEATING = {
  title: 'Financing the modernisation of district heating',
  question: 'Kraków must replace 120 km of district heating pipes and move the network off coal by 2035. How can we finance it: EU funds, green bonds, a tariff model?',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['pl', 'en'],
  kind: 'answer',
  urgency: 'normal',
};

beforeAll(async () => {
  t = await createTestApp();
  // Monday 7 December 2026, 11:00 in Brussels.
  t.setNow('2026-12-07T10:00:00Z');
  [krakow, sofia, manager] = await Promise.all([t.signedIn('krakow@demo.peercities.eu'), t.signedIn('expert@demo.peercities.eu'), t.signedIn('manager@demo.peercities.eu')]);
  krakowId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
  sofiaId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'expert@demo.peercities.eu').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('expert support: the Kraków example', () => {
  let id: string;

  it('routes a district-heating finance question in Polish and English to Sofia Rossi, with the reasons, due in five working days', async () => {
    const res = await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...DISTRICT_HEATING } });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    id = r.id;
    expect(r.state).toBe('assigned');
    expect(r.expert).toEqual({ id: sofiaId, name: 'Sofia Rossi' });
    expect(r.assignment.by).toBe('routing');
    expect(r.assignment.reasons).toEqual([
      { code: 'SUPPORT_SHARES_SECTORS', params: { sectors: 'energy' } },
      { code: 'SUPPORT_SHARES_LEVERS', params: { levers: 'finance & funding' } },
      { code: 'SUPPORT_SPEAKS', params: { languages: 'pl, en' } },
      { code: 'SUPPORT_COVERS_COUNTRY', params: { country: 'PL' } },
      // The demo's peer session of Lahti takes one of her slots.
      { code: 'SUPPORT_FREE_SLOTS', params: { free: 4, capacity: 5 } },
    ]);
    // Monday + 5 working days: the end of next Monday in Brussels.
    expect(r.firstAnswerDueAt).toBe('2026-12-14T22:59:59.000Z');
    expect(r.overdue).toBe(false);
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'assigned']);
    expect(r.can).toEqual({ answer: false, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true });
    expect(r.version).toBe(1);

    const note = await t.app.db.selectFrom('notifications').select(['title', 'link', 'kind']).where('person_id', '=', sofiaId).where('kind', '=', 'support').executeTakeFirstOrThrow();
    expect(note).toEqual({ kind: 'support', title: `Kraków asks for your support: ${DISTRICT_HEATING.title}`, link: `/support/${id}` });
    const email = await t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'expert@demo.peercities.eu').where('subject', 'like', 'Support request from%').executeTakeFirstOrThrow();
    expect(email.text_body).toContain('speaks pl, en');
    expect(email.text_body).toContain(`http://peercities.test/support/${id}`);
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['support_request.create']);
  });

  it('shows it to Sofia in her assigned list and on her start page, with answering allowed', async () => {
    const list = (await sofia.request({ method: 'GET', url: '/api/support-requests?scope=assigned' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    const detail = (await sofia.request({ method: 'GET', url: `/api/support-requests/${id}` })).json();
    expect(detail.can).toEqual({ answer: true, markSessionHeld: false, close: false, reopen: false, reassign: false, seePublication: true });
    const work = (await sofia.request({ method: 'GET', url: '/api/me/work' })).json();
    const queue = work.sections.find((s: { kind: string }) => s.kind === 'support_requests');
    // With the demo's peer session of Lahti, also waiting for her.
    expect(queue.items.map((i: { link: string }) => i.link)).toContain(`/support/${id}`);
    expect(queue.items.find((i: { link: string }) => i.link === `/support/${id}`).label).toEqual({ code: 'WORK_EXPERT_SUPPORT_REQUEST', params: { city: 'Kraków', title: DISTRICT_HEATING.title } });
  });

  it('answers 404 on every route to people who are not party to it', async () => {
    const valencia = await t.signedIn('valencia@demo.peercities.eu');
    const otherExpert = await t.signedIn('expert2@demo.peercities.eu');
    const giulia = await t.signedIn('facilitator3@demo.peercities.eu');
    const before = await count('support_events');
    for (const c of [valencia, otherExpert, giulia]) expect((await c.request({ method: 'GET', url: `/api/support-requests/${id}` })).statusCode).toBe(404);
    for (const c of [otherExpert, giulia]) {
      expect((await c.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: 'Hello', version: 1 } })).statusCode).toBe(404);
      expect((await c.request({ method: 'POST', url: `/api/support-requests/${id}/session-held`, payload: { note: '', version: 1 } })).statusCode).toBe(404);
    }
    expect((await valencia.request({ method: 'POST', url: `/api/support-requests/${id}/close`, payload: { score: 1, comment: '', version: 1 } })).statusCode).toBe(404);
    expect((await valencia.request({ method: 'POST', url: `/api/support-requests/${id}/reopen`, payload: { reason: 'Still open', version: 1 } })).statusCode).toBe(404);
    const unknown = await krakow.request({ method: 'GET', url: '/api/support-requests/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
    expect((await valencia.request({ method: 'GET', url: '/api/support-requests?scope=mine' })).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await count('support_events')).toBe(before);
  });

  it('refuses a request for a city the caller does not represent', async () => {
    const valencia = await t.signedIn('valencia@demo.peercities.eu');
    const res = await valencia.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...DISTRICT_HEATING } });
    expect(res.statusCode).toBe(403);
  });

  it('takes Sofia’s answer, sanitised, and tells Kraków; a stale version is refused with 409', async () => {
    const res = await sofia.request({
      method: 'POST',
      url: `/api/support-requests/${id}/answers`,
      payload: { body: '<p>Combine a <b>Modernisation Fund</b> grant with a green bond.</p><script>alert(1)</script>', version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.state).toBe('answered');
    expect(r.firstAnsweredAt).toBe('2026-12-07T10:00:00.000Z');
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0].author).toBe('Sofia Rossi');
    expect(r.answers[0].bodyHtml).toContain('<b>Modernisation Fund</b>');
    expect(r.answers[0].bodyHtml).not.toContain('script');
    expect(r.version).toBe(2);

    const before = await count('support_answers');
    const stale = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: 'Again', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().reason.code).toBe('SUPPORT_REQUEST_CHANGED');
    expect(await count('support_answers')).toBe(before);

    const told = await t.app.db
      .selectFrom('notifications as n')
      .innerJoin('people as p', 'p.id', 'n.person_id')
      .select(['p.email', 'n.title'])
      .where('n.kind', '=', 'support')
      .where('n.link', '=', `/support/${id}`)
      .where('p.email', '=', 'krakow@demo.peercities.eu')
      .execute();
    expect(told).toEqual([{ email: 'krakow@demo.peercities.eu', title: `Sofia Rossi answered: ${DISTRICT_HEATING.title}` }]);
  });

  it('lets Kraków close it with a rating of 5, then reopen it back to Sofia', async () => {
    const detail = (await krakow.request({ method: 'GET', url: `/api/support-requests/${id}` })).json();
    expect(detail.can).toEqual({ answer: false, markSessionHeld: false, close: true, reopen: true, reassign: false, seePublication: true });
    const closed = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/close`, payload: { score: 5, comment: 'Exactly what we needed.', version: 2 } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', rating: { score: 5, comment: 'Exactly what we needed.' }, version: 3 });
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'assigned', 'answered', 'closed']);
    const note = await t.app.db.selectFrom('notifications').select('title').where('person_id', '=', sofiaId).where('title', 'like', 'Kraków closed%').executeTakeFirstOrThrow();
    expect(note.title).toBe(`Kraków closed “${DISTRICT_HEATING.title}” (5/5)`);
    // Closing twice is not possible.
    expect((await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/close`, payload: { score: 4, comment: '', version: 3 } })).statusCode).toBe(409);

    const reopened = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/reopen`, payload: { reason: 'What about the tariff model?', version: 3 } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'assigned', rating: null, version: 4 });
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['support_request.create', 'support_request.answer', 'support_request.close', 'support_request.reopen']);
  });

  it('refuses bad input with 400 problem+json naming the fields, and writes nothing', async () => {
    const before = await Promise.all([count('support_requests'), count('support_events'), count('audit_events'), count('notifications')]);
    const bad = await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { ...DISTRICT_HEATING, cityId: krakowId, title: 'x', languages: [], kind: 'visit' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.kind', 'body.languages', 'body.title']);
    const badScore = await krakow.request({ method: 'POST', url: `/api/support-requests/${id}/close`, payload: { score: 9, comment: '', version: 4 } });
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.score']);
    const empty = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: '<script>alert(1)</script>', version: 4 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.body']);
    expect(await Promise.all([count('support_requests'), count('support_events'), count('audit_events'), count('notifications')])).toEqual(before);
  });
});

describe('expert support: managers', () => {
  it('reassigns a request, never to an expert with a conflict of interest (409 with the reason)', async () => {
    const created = (await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...DISTRICT_HEATING, title: 'A second question on heat tariffs' } })).json();
    expect(created.expert.name).toBe('Sofia Rossi');
    // Giulia declares a conflict with Kraków.
    const giulia = await t.signedIn('facilitator3@demo.peercities.eu');
    const profile = (await giulia.request({ method: 'GET', url: '/api/me/expert-profile' })).json();
    expect(profile).toMatchObject({ sectors: ['buildings'], languages: ['it', 'en'], version: 1 });
    const saved = await giulia.request({ method: 'PUT', url: '/api/me/expert-profile', payload: { ...profile, conflictCityIds: [krakowId] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ conflictCityIds: [krakowId], version: 2 });
    expect((await giulia.request({ method: 'PUT', url: '/api/me/expert-profile', payload: { ...profile, conflictCityIds: [krakowId] } })).statusCode).toBe(409);
    const giuliaId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'facilitator3@demo.peercities.eu').executeTakeFirstOrThrow()).id;

    const before = await count('support_events');
    const refused = await manager.request({ method: 'POST', url: `/api/support-requests/${created.id}/assignment`, payload: { expertId: giuliaId, reason: 'Try someone else', version: 1 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason.code).toBe('SUPPORT_OVERRIDE_CONFLICT');
    expect(await count('support_events')).toBe(before);

    const aoifeId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'expert2@demo.peercities.eu').executeTakeFirstOrThrow()).id;
    const stale = await manager.request({ method: 'POST', url: `/api/support-requests/${created.id}/assignment`, payload: { expertId: aoifeId, reason: 'Heat networks', version: 7 } });
    expect(stale.statusCode).toBe(409);
    const moved = await manager.request({ method: 'POST', url: `/api/support-requests/${created.id}/assignment`, payload: { expertId: aoifeId, reason: 'Heat networks are her field', version: 1 } });
    expect(moved.statusCode, moved.body).toBe(200);
    const r = moved.json();
    expect(r.expert).toEqual({ id: aoifeId, name: 'Aoife Byrne' });
    expect(r.assignment.by).toBe('manager');
    expect(r.assignment.reasons.map((x: { code: string }) => x.code)).toEqual(['SUPPORT_SHARES_SECTORS', 'SUPPORT_SPEAKS', 'SUPPORT_FREE_SLOTS', 'SUPPORT_ASSIGNED_BY_MANAGER']);
    expect(r.events.at(-1)).toMatchObject({ kind: 'reassigned', actor: 'Anna Lindqvist', note: 'Aoife Byrne: Heat networks are her field' });
    expect((await sofia.request({ method: 'GET', url: `/api/support-requests/${created.id}` })).statusCode).toBe(404);
    const unknown = await manager.request({ method: 'POST', url: `/api/support-requests/${created.id}/assignment`, payload: { expertId: krakowId, reason: 'Not an expert', version: 2 } });
    expect(unknown.statusCode).toBe(400);
  });

  it('lists every request for managers only, filters by state and overdue, and lists the experts with their load', async () => {
    expect((await krakow.request({ method: 'GET', url: '/api/support-requests?scope=all' })).statusCode).toBe(403);
    const mine = (await krakow.request({ method: 'GET', url: '/api/support-requests?scope=mine' })).json();
    // The two asked here, and the demo's answered and published one (demo-support-knowledge.ts).
    expect(mine.total).toBe(3);
    const all = (await manager.request({ method: 'GET', url: '/api/support-requests?scope=all&pageSize=2' })).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(2);
    const closed = (await manager.request({ method: 'GET', url: '/api/support-requests?scope=all&state=closed' })).json();
    expect(closed.items.every((i: { state: string }) => i.state === 'closed')).toBe(true);
    // Valencia's and Kraków's in the demo.
    expect(closed.total).toBe(2);
    t.setNow('2026-12-21T10:00:00Z');
    const overdue = (await manager.request({ method: 'GET', url: '/api/support-requests?scope=all&overdue=true' })).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    t.setNow('2026-12-07T10:00:00Z');
    const experts = (await manager.request({ method: 'GET', url: '/api/experts' })).json();
    const byName = Object.fromEntries(experts.items.map((e: { name: string; openLoad: number }) => [e.name, e.openLoad]));
    // Sofia: the reopened Kraków request and Lahti's peer session (demo); Giulia: Lahti's; Aoife: the reassigned one.
    expect(byName).toEqual({ 'Sofia Rossi': 2, 'Giulia Bianchi': 1, 'Aoife Byrne': 1 });
  });
});

describe('expert support: erasure', () => {
  it('deletes an erased expert\'s profile and conflicts, and keeps their requests under "Former participant"', async () => {
    t.setNow('2026-12-07T10:00:00Z');
    const aoife = await t.app.db.selectFrom('people').select('id').where('email', '=', 'expert2@demo.peercities.eu').executeTakeFirstOrThrow();
    const before = await t.app.db.selectFrom('support_requests').select('id').where('expert_id', '=', aoife.id).execute();
    expect(before).toHaveLength(1);
    const fresh = await t.signedIn('manager@demo.peercities.eu');
    const res = await fresh.request({ method: 'POST', url: `/api/people/${aoife.id}/erasure`, payload: { reason: 'Asked by email', confirmation: 'ERASE' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.app.db.selectFrom('expert_profiles').select('person_id').where('person_id', '=', aoife.id).execute()).toEqual([]);
    const detail = (await fresh.request({ method: 'GET', url: `/api/support-requests/${before[0]!.id}` })).json();
    expect(detail.expert).toEqual({ id: aoife.id, name: 'Former participant' });
    expect((await fresh.request({ method: 'GET', url: '/api/experts' })).json().items.map((e: { name: string }) => e.name)).not.toContain('Former participant');
  });
});
