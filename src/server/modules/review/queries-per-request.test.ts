import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeWithScoredHostCall } from '../../test-support/host-call.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

// How many statements a request of the call's life sends to the database.
// The figures are exact on purpose: a service that loads the programme or the
// call again shows up here first (issue 16, "context once per request").

let t: TestApp;
let manager: TestClient;
const appIds: Record<string, string> = {};
const SLUG = 'queries-test';
const CITIES = [
  ['valencia', 'valencia@demo.peercities.eu'],
  ['lahti', 'lahti@demo.peercities.eu'],
  ['krakow', 'krakow@demo.peercities.eu'],
] as const;

/**
 * The statements one request costs, beyond resolving the session: a fresh
 * sign-in and one request before have the session in the cache, so what is
 * counted is the route's own work.
 */
async function measure(email: string, request: InjectOptions) {
  const client = await t.signedIn(email);
  await client.request({ method: 'GET', url: '/api/session' });
  const { result, queries } = await t.queries.during(() => client.request(request));
  expect(result.statusCode, result.body).toBeLessThan(300);
  return { res: result, queries };
}

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-20T10:00:00Z');
  manager = await t.signedIn('manager@demo.peercities.eu');
  await programmeWithScoredHostCall(manager, { slug: SLUG, title: 'Queries test edition' });
});
afterAll(async () => t.close());

describe('statements per request', () => {
  it('creating an application', async () => {
    t.setNow('2026-12-05T10:00:00Z');
    const counts: number[] = [];
    for (const [slug, email] of CITIES) {
      const cityId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
      const { res, queries } = await measure(email, { method: 'POST', url: `/api/programmes/${SLUG}/calls/host/applications`, payload: { cityId, answers: { motivation: `${slug} has much to show` } } });
      counts.push(queries);
      const draft = res.json();
      appIds[slug] = draft.id;
      const rep = await t.signedIn(email);
      expect((await rep.request({ method: 'POST', url: `/api/applications/${draft.id}/submit`, payload: { version: draft.version } })).statusCode).toBe(200);
    }
    expect(counts).toEqual([9, 9, 9]);
  });

  it('reading an application', async () => {
    const { queries } = await measure('valencia@demo.peercities.eu', { method: 'GET', url: `/api/applications/${appIds.valencia}` });
    expect(queries).toBe(4);
  });

  it('the evaluation overview, and saving an evaluation', async () => {
    t.setNow('2027-01-05T10:00:00Z');
    expect((await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/calls/host/assignments` })).statusCode).toBe(200);
    const overview = await measure('manager@demo.peercities.eu', { method: 'GET', url: `/api/programmes/${SLUG}/calls/host/evaluation` });
    // The fifth statement beside the other four: the evaluators' ties to cities (conflicts of interest that arose after the assignment).
    expect(overview.queries).toBe(8);

    const jan = await t.signedIn('evaluator@demo.peercities.eu');
    const [first] = (await jan.request({ method: 'GET', url: '/api/evaluations' })).json().items.filter((i: { programmeSlug: string }) => i.programmeSlug === SLUG);
    const saved = await measure('evaluator@demo.peercities.eu', { method: 'PUT', url: `/api/applications/${first.applicationId}/evaluation`, payload: { version: 0, scores: { solutions: 4 }, comment: 'Strong' } });
    // One of them re-checks the evaluator's ties to cities (a conflict of interest since the assignment).
    expect(saved.queries).toBe(10);
  });

  it('deciding, the selection overview, publishing and a withdrawal after it', async () => {
    const outcomes = { valencia: 'selected', lahti: 'selected', krakow: 'waitlisted' } as const;
    const decided: number[] = [];
    for (const [slug] of CITIES) {
      const outcome = outcomes[slug];
      const { queries } = await measure('manager@demo.peercities.eu', {
        method: 'PUT',
        url: `/api/applications/${appIds[slug]}/decision`,
        payload: { outcome, reason: 'By score', ...(outcome === 'waitlisted' ? { waitlistPosition: 1 } : {}) },
      });
      decided.push(queries);
    }
    expect(decided).toEqual([10, 10, 10]);

    const selection = await measure('manager@demo.peercities.eu', { method: 'GET', url: `/api/programmes/${SLUG}/calls/host/selection` });
    expect(selection.queries).toBe(7);

    const published = await measure('manager@demo.peercities.eu', { method: 'POST', url: `/api/programmes/${SLUG}/calls/host/selection/publish` });
    expect(published.res.json()).toMatchObject({ selected: 2, waitlisted: 1, problems: [] });
    // 11 before issue 20; + each recipient's choice of delivery (notifyEach, whatever the number of cities); the in-app notifications go with the emails.
    expect(published.queries).toBe(12);

    const exported = await measure('manager@demo.peercities.eu', { method: 'GET', url: `/api/programmes/${SLUG}/calls/host/applications/export.csv` });
    expect(exported.queries).toBe(8);

    const current = (await (await t.signedIn('lahti@demo.peercities.eu')).request({ method: 'GET', url: `/api/applications/${appIds.lahti}` })).json();
    const withdrawn = await measure('lahti@demo.peercities.eu', { method: 'POST', url: `/api/applications/${appIds.lahti}/withdraw`, payload: { version: current.version } });
    expect(withdrawn.res.json().status).toBe('withdrawn');
    // 13 before issue 17; + the matching publication and the city's visit (which withdrawal case applies);
    // + 1 in issue 20: the promoted city's representatives' choices (their notifications go with the emails).
    expect(withdrawn.queries).toBe(16);
  });
});
