import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeWithScoredHostCall } from '../../test-support/host-call.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
const reps: Record<string, TestClient> = {};
const appIds: Record<string, string> = {};
const SLUG = 'review-test';

async function outboxSubjects(email: string) {
  return (await t.app.db.selectFrom('outbox').select('subject').where('to_address', '=', email).execute()).map((r) => r.subject);
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await programmeWithScoredHostCall(manager, { slug: SLUG, title: 'Review test edition' });
  // Representatives for four Mission Cities (Valencia, Lahti and Kraków have demo ones).
  const munich = await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'munich').executeTakeFirstOrThrow();
  const expert = await t.app.db.selectFrom('people').select('id').where('email', '=', 'expert@demo.peercities.eu').executeTakeFirstOrThrow();
  await t.app.db.insertInto('role_grants').values({ person_id: expert.id, role: 'city_representative', city_id: munich.id }).execute();

  t.setNow('2026-12-05T10:00:00Z');
  for (const [slug, email] of [['valencia', 'valencia@demo.peercities.eu'], ['lahti', 'lahti@demo.peercities.eu'], ['krakow', 'krakow@demo.peercities.eu'], ['munich', 'expert@demo.peercities.eu']] as const) {
    const c = await t.signedIn(email);
    reps[slug] = c;
    const cityId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const draft = (await c.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId, answers: { motivation: `${slug} has much to show` } } })).json();
    const submitted = await c.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.json().status).toBe('submitted');
    appIds[slug] = draft.id;
  }
  t.setNow('2027-01-05T10:00:00Z');
});
afterAll(async () => t.close());

describe('what a withdrawal would do (the confirmation says it)', () => {
  it('before the deadline: nothing but the application itself; after it, before the decisions: refused, saying why', async () => {
    const lahti = reps.lahti;
    if (!lahti) throw new Error('no Lahti client');
    const url = `/api/applications/${appIds.lahti}/withdrawal`;
    t.setNow('2026-12-05T10:00:00Z');
    const open = await lahti.request({ method: 'GET', url });
    t.setNow('2027-01-05T10:00:00Z');
    expect(open.json()).toEqual({ case: 'before_decisions', outcome: null, promotesWaitlisted: false, leavesVisitTo: null, tellsProgrammeTeam: false, tellsHost: null, refusal: null });
    const closed = (await lahti.request({ method: 'GET', url })).json();
    expect(closed).toMatchObject({ case: 'refused', refusal: { code: 'CALL_CLOSED_ON' } });
    // Another city's application is not theirs to withdraw.
    expect((await reps.krakow?.request({ method: 'GET', url }))?.statusCode).toBe(404);
  });
});

describe('evaluation', () => {
  it('assigns two evaluators to each application with even loads', async () => {
    const res = await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/assignments` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 8, complete: true, maxLoad: 3, shortfalls: [] });
    // Each evaluator is told once, of all their new applications (kind 'evaluation_assigned').
    const told = await t.app.db.selectFrom('notifications').select(['person_id', 'title', 'link', 'delivery']).where('kind', '=', 'evaluation_assigned').execute();
    expect(told).toHaveLength(3);
    expect(new Set(told.map((n) => n.person_id)).size).toBe(3);
    for (const n of told) expect(n).toMatchObject({ title: expect.stringMatching(/applications to evaluate, the host call of Review test edition$/), link: '/evaluations', delivery: 'immediate' });
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` })).json();
    expect(overview.evaluators.map((e: { assigned: number }) => e.assigned).sort()).toEqual([2, 3, 3]);
  });

  it('shows evaluators only what is assigned to them', async () => {
    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    const mine = (await jan.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
    expect(mine.length).toBeGreaterThan(0);
    const assigned = new Set(mine.map((m: { applicationId: string }) => m.applicationId));
    const other = Object.values(appIds).find((id) => !assigned.has(id));
    if (other) {
      expect((await jan.request({ method: 'GET', url: `/api/applications/${other}` })).statusCode).toBe(404);
      expect((await jan.request({ method: 'GET', url: `/api/applications/${other}/evaluation` })).statusCode).toBe(404);
    }
    expect((await jan.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` })).statusCode).toBe(403);
  });

  it('refuses a save based on a stale version, and checks scores against the scale', async () => {
    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    const [first] = (await jan.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
    const url = `/api/applications/${first.applicationId}/evaluation`;
    const saved = await jan.request({ method: 'PUT', url, payload: { version: 0, scores: { solutions: 4 }, comment: 'Strong' } });
    expect(saved.json()).toMatchObject({ status: 'draft', version: 1 });
    const stale = await jan.request({ method: 'PUT', url, payload: { version: 0, scores: { solutions: 1 } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');
    const bad = await jan.request({ method: 'PUT', url, payload: { version: 1, scores: { solutions: 9, charm: 3 } } });
    expect(bad.json().errors).toEqual([
      { field: 'body.scores.solutions', message: 'Give a whole number from 0 to 5.', reason: reason('SCORE_RANGE', { max: 5 }) },
      { field: 'body.scores.charm', message: 'Not a criterion of this call.', reason: reason('SCORE_NOT_A_CRITERION') },
    ]);
    const incomplete = await jan.request({ method: 'POST', url: `${url}/submit`, payload: { version: 1, scores: { solutions: 4 } } });
    expect(incomplete.json().errors).toEqual([{ field: 'body.scores.capacity', message: 'Score “Capacity to host” before submitting.', reason: reason('SCORE_REQUIRED', { criterion: 'Capacity to host' }) }]);
  });

  it('releases an application to another evaluator when one declares a conflict', async () => {
    const ingrid = await t.signedIn('evaluator2@demo.peercities.eu');
    const [first] = (await ingrid.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
    const res = await ingrid.request({ method: 'POST', url: `/api/applications/${first.applicationId}/evaluation/conflict`, payload: { reason: 'I advised this city last year' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 1, complete: true });
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` })).json();
    const app = overview.applications.find((a: { applicationId: string }) => a.applicationId === first.applicationId);
    expect(app.evaluators.filter((e: { status: string | null }) => e.status !== 'conflict')).toHaveLength(2);
    expect(app.evaluators.some((e: { name: string; status: string }) => e.name === 'Ingrid Hansen' && e.status === 'conflict')).toBe(true);
  });

  it('lets a manager assign and unassign by hand, within the same rules', async () => {
    const idOf = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const ingrid = await t.signedIn('evaluator2@demo.peercities.eu');
    const mine = (await ingrid.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
    const conflicted = mine.find((i: { status: string | null }) => i.status === 'conflict');
    expect(conflicted).toBeDefined();
    const back = await manager.request({ method: 'POST', url: `/api/applications/${conflicted.applicationId}/assignments`, payload: { evaluatorId: await idOf('evaluator2@demo.peercities.eu') } });
    expect(back.statusCode).toBe(409);
    expect(back.json().detail).toBe(`Ingrid Hansen declared a conflict of interest with ${conflicted.cityName}.`);
    const notEvaluator = await manager.request({ method: 'POST', url: `/api/applications/${appIds.valencia}/assignments`, payload: { evaluatorId: await idOf('expert@demo.peercities.eu') } });
    expect(notEvaluator.statusCode).toBe(400);
    expect(notEvaluator.json().errors).toEqual([{ field: 'body.evaluatorId', message: 'This person is not an evaluator.', reason: reason('EVALUATOR_NOT_ONE') }]);

    const janId = await idOf('evaluator@demo.peercities.eu');
    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    const [drafted] = (await jan.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string; status: string | null }) => i.programmeSlug === SLUG && i.status === 'draft');
    const removed = await manager.request({ method: 'DELETE', url: `/api/applications/${drafted.applicationId}/assignments/${janId}` });
    expect(removed.statusCode).toBe(200);
    const row = removed.json().applications.find((a: { applicationId: string }) => a.applicationId === drafted.applicationId);
    expect(row.evaluators.map((e: { id: string }) => e.id)).not.toContain(janId);
    expect((await jan.request({ method: 'GET', url: `/api/applications/${drafted.applicationId}/evaluation` })).statusCode).toBe(404);
    const again = await manager.request({ method: 'DELETE', url: `/api/applications/${drafted.applicationId}/assignments/${janId}` });
    expect(again.statusCode).toBe(404);

    const added = await manager.request({ method: 'POST', url: `/api/applications/${drafted.applicationId}/assignments`, payload: { evaluatorId: janId } });
    expect(added.statusCode).toBe(200);
    // The draft went with the assignment: Jan starts afresh.
    expect((await jan.request({ method: 'GET', url: `/api/applications/${drafted.applicationId}/evaluation` })).json()).toMatchObject({ status: null, version: 0, scores: {} });
    const audit = (await manager.request({ method: 'GET', url: `/api/audit?entityId=${drafted.applicationId}&action=evaluation.unassign` })).json();
    expect(audit.items[0].details.before).toMatchObject({ evaluator: 'Jan Kowalski', draft: { scores: { solutions: 4 }, comment: 'Strong' } });
  });

  it('refuses a save and a submit by an evaluator who has since become a representative of the applicant city, and flags it for the managers', async () => {
    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    const janId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'evaluator@demo.peercities.eu').executeTakeFirstOrThrow()).id;
    const [item] = (await jan.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string; status: string | null }) => i.programmeSlug === SLUG && i.status !== 'conflict');
    const url = `/api/applications/${item.applicationId}/evaluation`;
    const app = await t.app.db.selectFrom('applications').select('city_id').where('id', '=', item.applicationId).executeTakeFirstOrThrow();
    const grant = await t.app.db.insertInto('role_grants').values({ person_id: janId, role: 'city_representative', city_id: app.city_id }).returning('id').executeTakeFirstOrThrow();
    try {
      const signedInAgain = await t.signedIn('evaluator@demo.peercities.eu');
      const before = await t.app.db.selectFrom('evaluations').selectAll().where('application_id', '=', item.applicationId).where('evaluator_id', '=', janId).executeTakeFirst();
      const current = (await signedInAgain.request({ method: 'GET', url })).json();
      for (const [path, payload] of [
        [url, { version: current.version, scores: { solutions: 5 }, comment: 'My own city' }],
        [`${url}/submit`, { version: current.version, scores: { solutions: 5, capacity: 5 } }],
      ] as const) {
        const refused = await signedInAgain.request({ method: path === url ? 'PUT' : 'POST', url: path, payload });
        expect(refused.statusCode).toBe(409);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.json().reason).toEqual(reason('EVALUATION_CONFLICT_OWN_CITY', { city: item.cityName }));
        expect(refused.json().detail).toBe(englishText(reason('EVALUATION_CONFLICT_OWN_CITY', { city: item.cityName })));
      }
      expect(await t.app.db.selectFrom('evaluations').selectAll().where('application_id', '=', item.applicationId).where('evaluator_id', '=', janId).executeTakeFirst()).toEqual(before);
      const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` })).json();
      const row = overview.applications.find((a: { applicationId: string }) => a.applicationId === item.applicationId);
      expect(row.evaluators.find((e: { id: string }) => e.id === janId).conflictOfInterest).toEqual(reason('EVALUATOR_REPRESENTS_CITY'));
      expect(row.evaluators.filter((e: { id: string }) => e.id !== janId).every((e: { conflictOfInterest: unknown }) => e.conflictOfInterest === null)).toBe(true);
    } finally {
      await t.app.db.deleteFrom('role_grants').where('id', '=', grant.id).execute();
    }
  });

  it('ranks by weighted score with the spread between evaluators', async () => {
    const ingridsOwn = (await (await t.signedIn('evaluator2@demo.peercities.eu')).request({ method: 'GET', url: '/api/evaluations' })).json().items;
    // The demo data holds her declared conflict in another edition (Twinning 2027); this one is in ours.
    expect(ingridsOwn.filter((i: { status: string | null; programmeSlug: string }) => i.status === 'conflict' && i.programmeSlug === SLUG)).toHaveLength(1);
    const scores: Record<string, [number, number]> = { valencia: [5, 5], munich: [5, 4], lahti: [4, 4], krakow: [2, 3] };
    for (const email of ['evaluator@demo.peercities.eu', 'evaluator2@demo.peercities.eu', 'manager2@demo.peercities.eu']) {
      const c = await t.signedIn(email);
      for (const item of (await c.request({ method: 'GET', url: '/api/evaluations' })).json().items) {
        if (item.status === 'conflict' || item.programmeSlug !== SLUG) continue;
        const slug = Object.entries(appIds).find(([, id]) => id === item.applicationId)?.[0] ?? '';
        const [solutions, capacity] = scores[slug] ?? [0, 0];
        const current = (await c.request({ method: 'GET', url: `/api/applications/${item.applicationId}/evaluation` })).json();
        const r = await c.request({ method: 'POST', url: `/api/applications/${item.applicationId}/evaluation/submit`, payload: { version: current.version, scores: { solutions, capacity } } });
        expect(r.statusCode).toBe(200);
      }
    }
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` })).json();
    expect(overview.applications.map((a: { cityName: string; score: number; rank: number }) => [a.cityName, a.score, a.rank])).toEqual([
      ['Valencia', 100, 1],
      ['Munich', 93.33, 2],
      ['Lahti', 80, 3],
      ['Kraków', 46.67, 4],
    ]);
    expect(overview.applications[0].spread).toBe(0);
  });
});

describe('selection', () => {
  it('shows the effect before confirming and will not publish more hosts than the programme takes', async () => {
    for (const slug of ['valencia', 'munich', 'lahti', 'krakow']) {
      await manager.request({ method: 'PUT', url: `/api/applications/${appIds[slug]}/decision`, payload: { outcome: 'selected', reason: 'Strong solutions to visit' } });
    }
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/selection` })).json();
    expect(overview).toMatchObject({ limit: 3, selected: 4, problems: [reason('SELECTION_TOO_MANY_HOSTS', { selected: 4, limit: 3, excess: 1 })] });
    expect(overview.problems.map(englishText)).toEqual(['4 hosts are selected but the programme takes 3. Move 1 to the waiting list or reject them.']);
    const refused = await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/selection/publish` });
    expect(refused.statusCode).toBe(409);
    const after = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host` })).json();
    expect(after.decisionsPublishedAt).toBeNull();
  });

  it('publishes together, emails every city its outcome, and hides decisions until then', async () => {
    const before = (await reps.krakow?.request({ method: 'GET', url: `/api/applications/${appIds.krakow}` }))?.json();
    expect(before).toMatchObject({ status: 'under_review', decisionReason: null });
    await manager.request({ method: 'PUT', url: `/api/applications/${appIds.krakow}/decision`, payload: { outcome: 'waitlisted', reason: 'Fourth by score', waitlistPosition: 1 } });
    // Lahti's second representative chose to hear of decisions only in the app.
    const lahti2 = await t.signedIn('lahti2@demo.peercities.eu');
    const chose = await lahti2.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { preferences: [{ kind: 'decision', delivery: 'app' }] } });
    expect(chose.json().items).toContainEqual({ kind: 'decision', delivery: 'app', isDefault: false });
    const published = await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/selection/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ selected: 3, waitlisted: 1, problems: [] });
    expect(await outboxSubjects('valencia@demo.peercities.eu')).toContain('Review test edition: Valencia selected');
    expect(await outboxSubjects('krakow@demo.peercities.eu')).toContain('Review test edition: Kraków on the waiting list');
    expect(await outboxSubjects('lahti@demo.peercities.eu')).toContain('Review test edition: Lahti selected');
    expect(await outboxSubjects('lahti2@demo.peercities.eu')).not.toContain('Review test edition: Lahti selected');
    // Both of Lahti's representatives find the decision under the bell, with a link to the application.
    const bell = (await lahti2.request({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'decision', title: 'Review test edition: Lahti selected', link: `/applications/${appIds.lahti}`, read: false }));
    const mikko = (await reps.lahti?.request({ method: 'GET', url: '/api/me/notifications' }))?.json();
    expect(mikko.items).toContainEqual(expect.objectContaining({ kind: 'decision', title: 'Review test edition: Lahti selected' }));
    const after = (await reps.krakow?.request({ method: 'GET', url: `/api/applications/${appIds.krakow}` }))?.json();
    expect(after).toMatchObject({ status: 'waitlisted', decisionReason: 'Fourth by score' });
    const again = await manager.request({ method: 'PUT', url: `/api/applications/${appIds.krakow}/decision`, payload: { outcome: 'selected', reason: 'x' } });
    expect(again.statusCode).toBe(409);
    const programme = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}` })).json();
    expect(programme.steps.find((s: { kind: string }) => s.kind === 'host_selection').status).toBe('done');
  });

  it('promotes the first waitlisted city when a selected one withdraws, with an email', async () => {
    const lahti = reps.lahti;
    if (!lahti) throw new Error('no Lahti client');
    const current = (await lahti.request({ method: 'GET', url: `/api/applications/${appIds.lahti}` })).json();
    const preview = (await lahti.request({ method: 'GET', url: `/api/applications/${appIds.lahti}/withdrawal` })).json();
    expect(preview).toEqual({ case: 'promote', outcome: 'selected', promotesWaitlisted: true, leavesVisitTo: null, tellsProgrammeTeam: false, tellsHost: null, refusal: null });
    const res = await lahti.request({ method: 'POST', url: `/api/applications/${appIds.lahti}/withdraw`, payload: { version: current.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    const krakow = (await reps.krakow?.request({ method: 'GET', url: `/api/applications/${appIds.krakow}` }))?.json();
    expect(krakow).toMatchObject({ status: 'selected', decisionReason: 'Moved up from the waiting list after Lahti withdrew.' });
    expect(await outboxSubjects('krakow@demo.peercities.eu')).toContain('Review test edition: Kraków moves up from the waiting list');
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/calls/host/selection` })).json();
    expect(overview).toMatchObject({ selected: 3, waitlisted: 0 });
    expect(overview.applications.find((a: { cityName: string }) => a.cityName === 'Kraków')).toMatchObject({ outcome: 'selected', promoted: true });
    expect(overview.applications.find((a: { cityName: string }) => a.cityName === 'Lahti')).toMatchObject({ withdrawn: true, promoted: false });
  });
});
