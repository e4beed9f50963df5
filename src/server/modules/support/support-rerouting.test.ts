import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

// Requests in Lithuanian: no demo expert speaks it until Aoife Byrne says she does.
let t: TestApp;
let krakow: TestClient;
let aoife: TestClient;
let manager: TestClient;
let krakowId: string;
let aoifeId: string;

const ASK = {
  title: 'Heat pumps in Soviet-era blocks',
  question: 'Which heat pumps work in the prefabricated blocks of our eastern districts, and how did other cities finance them?',
  sectors: ['energy'],
  levers: [],
  languages: ['lt'],
  kind: 'answer',
  urgency: 'normal',
};

const ask = async (title: string) => {
  const res = await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...ASK, title } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const read = async (id: string) => (await manager.request({ method: 'GET', url: `/api/support-requests/${id}` })).json();
const saveProfile = async (change: Record<string, unknown>) => {
  const profile = (await aoife.request({ method: 'GET', url: '/api/me/expert-profile' })).json();
  const res = await aoife.request({ method: 'PUT', url: '/api/me/expert-profile', payload: { ...profile, ...change } });
  expect(res.statusCode, res.body).toBe(200);
};
const notificationsOfAoife = async () => (await t.app.db.selectFrom('notifications').select('title').where('person_id', '=', aoifeId).where('kind', '=', 'support').execute()).map((n) => n.title);

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  [krakow, aoife, manager] = await Promise.all([t.signedIn('krakow@demo.peercities.eu'), t.signedIn('expert2@demo.peercities.eu'), t.signedIn('manager@demo.peercities.eu')]);
  krakowId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
  aoifeId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'expert2@demo.peercities.eu').executeTakeFirstOrThrow()).id;
  await sql`DELETE FROM support_requests`.execute(t.app.db);
});
afterAll(async () => t.close());

describe('re-routing the requests that found no expert', () => {
  let first: string;
  let second: string;

  it('routes a waiting request when an expert saves a profile that now fits it', async () => {
    const r = await ask('Heat pumps in Soviet-era blocks');
    first = r.id;
    expect(r.state).toBe('submitted');
    expect(r.unassignedReason.code).toBe('SUPPORT_UNASSIGNED_LANGUAGE');

    await saveProfile({ languages: ['en', 'lt'], weeklyCapacity: 1 });
    const after = await read(first);
    expect(after.state).toBe('assigned');
    expect(after.expert).toEqual({ id: aoifeId, name: 'Aoife Byrne' });
    expect(after.assignment.by).toBe('routing');
    expect(after.assignment.reasons).toContainEqual({ code: 'SUPPORT_SPEAKS', params: { languages: 'lt' } });
    expect(after.unassignedReason).toBeNull();
    expect(after.version).toBe(2);
    expect(after.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'unassigned', 'assigned']);
    expect(await notificationsOfAoife()).toContain('Kraków asks for your support: Heat pumps in Soviet-era blocks');
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', first).where('action', '=', 'support_request.route').executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'support_request.route', actor_id: aoifeId, details: { expertId: aoifeId, trigger: 'expert_profile' } });
  });

  it('routes a waiting request when a closed request frees the only fitting expert’s slot', async () => {
    const r = await ask('Heat pumps, the second district');
    second = r.id;
    expect(r.state).toBe('submitted');
    expect(r.unassignedReason.code).toBe('SUPPORT_UNASSIGNED_NO_CAPACITY');

    const answered = await aoife.request({ method: 'POST', url: `/api/support-requests/${first}/answers`, payload: { body: '<p>Air-to-water pumps on the roofs; see Vilnius.</p>', version: 2 } });
    expect(answered.statusCode, answered.body).toBe(200);
    // Answered is not closed: the slot is still taken.
    expect((await read(second)).state).toBe('submitted');

    const closed = await krakow.request({ method: 'POST', url: `/api/support-requests/${first}/close`, payload: { score: 5, comment: '', version: answered.json().version } });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await read(second);
    expect(after.state).toBe('assigned');
    expect(after.expert.id).toBe(aoifeId);
    const audit = await t.app.db.selectFrom('audit_events').select('details').where('entity_id', '=', second).where('action', '=', 'support_request.route').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ expertId: aoifeId, trigger: 'request_closed' });
  });

  it('lets a manager route a waiting request again: still waiting when nothing changed, assigned once an expert has room', async () => {
    const r = await ask('Heat pumps, the third district');
    expect(r.state).toBe('submitted');
    const url = `/api/support-requests/${r.id}/route`;

    const same = await manager.request({ method: 'POST', url, payload: { version: 1 } });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ state: 'submitted', expert: null, version: 1, unassignedReason: { code: 'SUPPORT_UNASSIGNED_NO_CAPACITY' } });
    expect(same.json().events.at(-1)).toMatchObject({ kind: 'unassigned', actor: expect.any(String) });

    // Room made outside the profile page (say, a data fix): only "Route again" notices it.
    await t.app.db.updateTable('expert_profiles').set({ weekly_capacity: 2 }).where('person_id', '=', aoifeId).execute();

    const stale = await manager.request({ method: 'POST', url, payload: { version: 7 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await read(r.id)).state).toBe('submitted');

    const routed = await manager.request({ method: 'POST', url, payload: { version: 1 } });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toMatchObject({ state: 'assigned', expert: { id: aoifeId }, version: 2, assignment: { by: 'routing' } });

    const again = await manager.request({ method: 'POST', url, payload: { version: 2 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason.code).toBe('SUPPORT_NOT_NOW');
  });

  it('refuses "Route again" to everyone but managers, and answers 404 for no such request', async () => {
    const anyId = (await t.app.db.selectFrom('support_requests').select('id').executeTakeFirstOrThrow()).id;
    for (const c of [krakow, aoife]) {
      const res = await c.request({ method: 'POST', url: `/api/support-requests/${anyId}/route`, payload: { version: 1 } });
      expect(res.statusCode).toBe(403);
    }
    const missing = await manager.request({ method: 'POST', url: '/api/support-requests/00000000-0000-4000-8000-000000000000/route', payload: { version: 1 } });
    expect(missing.statusCode).toBe(404);
  });
});
