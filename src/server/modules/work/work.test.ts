import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyWork, WorkItem, WorkSectionKind } from '../../../shared/work.schemas.ts';
import { programmeWithScoredHostCall } from '../../test-support/host-call.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
const reps: Record<string, TestClient> = {};
const appIds: Record<string, string> = {};
const SLUG = 'work-test';
const TITLE = 'Work test edition';
// The host call of a 2027 edition closes at the end of 31 December 2026 in Brussels; evaluations are due 14 days later.
const CLOSES = '2026-12-31T22:59:59.000Z';
const EVALUATIONS_DUE = '2027-01-14T22:59:59.000Z';
const HOSTS_CHOSEN_BY = '2027-01-31T22:59:59.000Z';

async function workOf(c: TestClient): Promise<MyWork> {
  const res = await c.request({ method: 'GET', url: '/api/me/work' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The items of one queue about the test edition (the demo's own 2027 edition runs beside it). */
async function itemsOf(c: TestClient, kind: WorkSectionKind): Promise<WorkItem[]> {
  const section = (await workOf(c)).sections.find((s) => s.kind === kind);
  return (section?.items ?? []).filter((i) => i.label.params?.programme === undefined || i.label.params.programme === TITLE);
}

const cityId = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await programmeWithScoredHostCall(manager, { slug: SLUG, title: TITLE });
  for (const slug of ['valencia', 'lahti', 'krakow', 'tilburg']) reps[slug] = await t.signedIn(`${slug}@demo.peercities.eu`);
});
afterAll(async () => t.close());

describe('the start page of each role', () => {
  it('gives every role its queues, and an expert the place where support requests will arrive', async () => {
    const kinds = async (email: string) => (await workOf(await t.signedIn(email))).sections.map((s) => `${s.role}:${s.kind}`).sort();
    expect(await kinds('expert@demo.peercities.eu')).toEqual(['expert:support_requests']);
    expect(await kinds('evaluator@demo.peercities.eu')).toEqual(['evaluator:evaluations_to_do']);
    expect(await kinds('facilitator3@demo.peercities.eu')).toEqual(['expert:support_requests', 'facilitator:attendance_to_record', 'facilitator:next_meetings', 'facilitator:threads_waiting', 'facilitator:visits_to_accompany']);
    expect(await kinds('manager2@demo.peercities.eu')).toEqual([
      'evaluator:evaluations_to_do',
      ...['applications_to_assign', 'calls_closing', 'decisions_to_publish', 'evaluations_overdue', 'feedback_missing', 'registrations_to_decide', 'visits_to_confirm'].map((k) => `programme_manager:${k}`),
    ]);
    // Valencia's primary contact also sees the claims on the city (open registration).
    expect(await kinds('valencia@demo.peercities.eu')).toEqual(['city_applications', 'city_claims', 'city_deadlines', 'city_follow_up', 'city_groups', 'city_visits'].map((k) => `city_representative:${k}`));
  });
});

describe('during the call', () => {
  it('shows a Mission City the call it may apply to, then its draft with the deadline in place of it', async () => {
    t.setNow('2026-12-20T10:00:00Z');
    const valencia = reps.valencia;
    if (!valencia) throw new Error('no Valencia client');
    const [mayApply] = await itemsOf(valencia, 'city_deadlines');
    expect(mayApply).toMatchObject({
      label: { code: 'WORK_CITY_MAY_APPLY_HOST', params: { city: 'Valencia', programme: TITLE } },
      date: CLOSES,
      dateMeaning: 'closes',
      urgency: 'later',
      link: `/programmes/${SLUG}/calls/host`,
    });
    // An aspiring city is not asked to host.
    expect(await itemsOf(reps.tilburg ?? valencia, 'city_deadlines')).toEqual([]);

    const draft = (await valencia.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId: await cityId('valencia'), answers: {} } })).json();
    appIds.valencia = draft.id;
    expect(await itemsOf(valencia, 'city_deadlines')).toEqual([]);
    t.setNow('2026-12-27T10:00:00Z');
    expect(await itemsOf(valencia, 'city_applications')).toEqual([
      expect.objectContaining({ key: `application:${draft.id}`, status: 'draft', date: CLOSES, dateMeaning: 'closes', urgency: 'soon', link: `/applications/${draft.id}` }),
    ]);
  });

  it('counts submitted applications and drafts for the manager, and shows no city another city’s application', async () => {
    for (const slug of ['lahti', 'krakow']) {
      const c = reps[slug];
      if (!c) throw new Error(`no ${slug} client`);
      const draft = (await c.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId: await cityId(slug), answers: { motivation: `${slug} has much to show` } } })).json();
      expect((await c.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } })).statusCode).toBe(200);
      appIds[slug] = draft.id;
    }
    expect(await itemsOf(manager, 'calls_closing')).toEqual([
      expect.objectContaining({ label: { code: 'WORK_HOST_CALL_CLOSING', params: { programme: TITLE, submitted: 2, drafts: 1 } }, date: CLOSES, urgency: 'soon', link: `/programmes/${SLUG}/calls/host` }),
    ]);
    const keysOf = async (slug: string) => (await itemsOf(reps[slug] ?? manager, 'city_applications')).map((i) => i.key);
    expect(await keysOf('valencia')).toEqual([`application:${appIds.valencia}`]);
    expect(await keysOf('lahti')).toEqual([`application:${appIds.lahti}`]);
    expect(await keysOf('krakow')).toEqual([`application:${appIds.krakow}`]);
    // A fixed number of statements, however many programmes, calls and applications: the session is cached;
    // three for the programmes, their steps and calls; three for the manager's queues (with the registrations waiting),
    // five for a city's and one more for the claims on a primary contact's city.
    expect((await t.queries.during(() => manager.request({ method: 'GET', url: '/api/me/work' }))).queries).toBe(6);
    expect((await t.queries.during(() => (reps.valencia ?? manager).request({ method: 'GET', url: '/api/me/work' }))).queries).toBe(9);
    // Lahti's second representative sees the city's work too.
    expect((await itemsOf(await t.signedIn('lahti2@demo.peercities.eu'), 'city_applications')).map((i) => i.status)).toEqual(['submitted']);
  });
});

describe('after the call', () => {
  it('asks the manager to assign evaluators, by the day evaluations are due, until they are assigned', async () => {
    t.setNow('2027-01-05T10:00:00Z');
    expect(await itemsOf(manager, 'calls_closing')).toEqual([]);
    expect(await itemsOf(manager, 'applications_to_assign')).toEqual([
      expect.objectContaining({
        label: { code: 'WORK_HOST_APPLICATIONS_TO_ASSIGN', params: { programme: TITLE } },
        count: 2,
        date: EVALUATIONS_DUE,
        dateMeaning: 'due',
        urgency: 'later',
        link: `/programmes/${SLUG}/calls/host/evaluation`,
      }),
    ]);
    expect((await itemsOf(reps.lahti ?? manager, 'city_applications')).map((i) => [i.status, i.date])).toEqual([['under_review', null]]);
    expect((await itemsOf(reps.valencia ?? manager, 'city_applications')).map((i) => [i.status, i.urgency])).toEqual([['draft', 'later']]);

    expect((await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/assignments` })).statusCode).toBe(200);
    expect(await itemsOf(manager, 'applications_to_assign')).toEqual([]);
    expect(await itemsOf(manager, 'evaluations_overdue')).toEqual([]);
    expect(await itemsOf(manager, 'decisions_to_publish')).toEqual([]);
  });

  it('shows each evaluator their own evaluations to do, with the deadline, and nobody else’s', async () => {
    const assigned = new Map<string, string[]>();
    for (const email of ['evaluator@demo.peercities.eu', 'evaluator2@demo.peercities.eu', 'manager2@demo.peercities.eu']) {
      const c = await t.signedIn(email);
      const mine = (await c.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
      const todo = await itemsOf(c, 'evaluations_to_do');
      expect(todo.map((i) => i.key).sort()).toEqual(mine.map((m: { applicationId: string }) => `evaluation:${m.applicationId}`).sort());
      for (const item of todo) expect(item).toMatchObject({ date: EVALUATIONS_DUE, dateMeaning: 'due', urgency: 'later', link: `/applications/${item.key.slice('evaluation:'.length)}/evaluation` });
      assigned.set(email, todo.map((i) => i.key));
    }
    expect([...assigned.values()].flat().sort()).toEqual([`evaluation:${appIds.krakow}`, `evaluation:${appIds.krakow}`, `evaluation:${appIds.lahti}`, `evaluation:${appIds.lahti}`].sort());
  });

  it('makes evaluations overdue after their day in the programme’s time zone, for evaluators and the manager', async () => {
    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    t.setNow('2027-01-14T22:30:00Z'); // 23:30 on the 14th in Brussels: still due today
    expect((await itemsOf(jan, 'evaluations_to_do')).every((i) => i.urgency === 'soon')).toBe(true);
    expect(await itemsOf(manager, 'evaluations_overdue')).toEqual([]);
    t.setNow('2027-01-14T23:30:00Z'); // 00:30 on the 15th in Brussels
    expect((await itemsOf(jan, 'evaluations_to_do')).every((i) => i.urgency === 'overdue')).toBe(true);
    expect(await itemsOf(manager, 'evaluations_overdue')).toEqual([
      expect.objectContaining({ label: { code: 'WORK_HOST_EVALUATIONS_OVERDUE', params: { programme: TITLE } }, count: 4, date: EVALUATIONS_DUE, urgency: 'overdue' }),
    ]);
    // Overdue comes first on the page.
    expect((await workOf(jan)).sections[0]?.items[0]?.urgency).toBe('overdue');
  });

  it('asks for the decisions once every evaluation is in, and clears them when published', async () => {
    for (const email of ['evaluator@demo.peercities.eu', 'evaluator2@demo.peercities.eu', 'manager2@demo.peercities.eu']) {
      const c = await t.signedIn(email);
      for (const item of await itemsOf(c, 'evaluations_to_do')) {
        const id = item.key.slice('evaluation:'.length);
        const current = (await c.request({ method: 'GET', url: `/api/applications/${id}/evaluation` })).json();
        const r = await c.request({ method: 'POST', url: `/api/applications/${id}/evaluation/submit`, payload: { version: current.version, scores: { solutions: 4, capacity: 3 } } });
        expect(r.statusCode).toBe(200);
      }
      expect(await itemsOf(c, 'evaluations_to_do')).toEqual([]);
    }
    expect(await itemsOf(manager, 'evaluations_overdue')).toEqual([]);
    expect(await itemsOf(manager, 'decisions_to_publish')).toEqual([
      expect.objectContaining({ label: { code: 'WORK_HOST_DECISIONS_TO_PUBLISH', params: { programme: TITLE } }, count: 2, date: HOSTS_CHOSEN_BY, urgency: 'later', link: `/programmes/${SLUG}/calls/host/selection` }),
    ]);
    for (const slug of ['lahti', 'krakow']) {
      await manager.request({ method: 'PUT', url: `/api/applications/${appIds[slug]}/decision`, payload: { outcome: 'selected', reason: 'Strong solutions to visit' } });
    }
    expect((await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/selection/publish` })).statusCode).toBe(200);
    expect(await itemsOf(manager, 'decisions_to_publish')).toEqual([]);
    expect((await itemsOf(reps.lahti ?? manager, 'city_applications')).map((i) => i.status)).toEqual(['selected']);
  });
});
