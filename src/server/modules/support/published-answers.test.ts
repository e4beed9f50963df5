import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let krakow: TestClient;
let sofia: TestClient;
let manager: TestClient;
let valencia: TestClient;
let visitor: TestClient;
let id: string;
/** Answers the library held for "green bonds" before ours (the demo's Kraków entry). */
let greenBondAnswers: number;

const HEATING = {
  title: 'Financing the heat network of Nowa Huta',
  question:
    'Piotr Nowak here (piotr.nowak@krakow.pl, +48 12 616 12 34). Kraków must replace 120 km of district heating pipes by 2035: how can we finance it, with EU funds, green bonds or a tariff model?',
  sectors: ['energy'],
  levers: ['finance-funding'],
  languages: ['pl', 'en'],
  kind: 'answer',
  urgency: 'normal',
};
const ANSWER =
  'Dear Piotr, combine a Modernisation Fund grant with a municipal green bond; Sofia Rossi can share the Bologna term sheet (sofia.rossi@example.eu). A heat tariff indexed on avoided carbon costs repays the bond.';

/** What a refused request must leave untouched. */
const snapshot = async () => ({
  publications: (await sql<{ n: string }>`SELECT coalesce(string_agg(concat_ws('|', request_id, consent_at, title, published_at, version), ';'), '') AS n FROM support_publications`.execute(t.app.db)).rows[0]?.n,
  audit: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(t.app.db)).rows[0]?.n,
  notifications: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications`.execute(t.app.db)).rows[0]?.n,
});

const library = async (query: string) => (await visitor.request({ method: 'GET', url: `/api/library?${query}` })).json();
const publication = async (c: TestClient) => (await c.request({ method: 'GET', url: `/api/support-requests/${id}/publication` })).json();

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-12-07T10:00:00Z');
  [krakow, sofia, manager, valencia] = await Promise.all([
    t.signedIn('krakow@demo.peercities.eu'),
    t.signedIn('expert@demo.peercities.eu'),
    t.signedIn('manager@demo.peercities.eu'),
    t.signedIn('valencia@demo.peercities.eu'),
  ]);
  visitor = await t.client();
  const krakowId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'krakow').executeTakeFirstOrThrow()).id;
  const created = await krakow.request({ method: 'POST', url: '/api/support-requests', payload: { cityId: krakowId, ...HEATING } });
  expect(created.statusCode, created.body).toBe(201);
  id = created.json().id;
  expect(created.json().expert.name).toBe('Sofia Rossi');
});
afterAll(async () => t.close());

describe('answers become knowledge', () => {
  it('refuses consent before the request is answered, and writes nothing', async () => {
    const before = await snapshot();
    const res = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: true, version: 0 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toEqual({ code: 'PUBLICATION_NOT_ANSWERED' });
    expect(await snapshot()).toEqual(before);
  });

  it('pre-fills the entry with the personal data removed: emails, phone numbers and the names of the people on the request', async () => {
    const answered = await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/answers`, payload: { body: `<p>${ANSWER}</p>`, version: 1 } });
    expect(answered.statusCode, answered.body).toBe(200);
    const p = await publication(manager);
    expect(p.draft.question).toBe(
      '[name removed] here ([email removed], [phone removed]). Kraków must replace 120 km of district heating pipes by 2035: how can we finance it, with EU funds, green bonds or a tariff model?',
    );
    expect(p.draft.answer).toBe(
      'Dear [name removed], combine a Modernisation Fund grant with a municipal green bond; [name removed] can share the Bologna term sheet ([email removed]). A heat tariff indexed on avoided carbon costs repays the bond.',
    );
    expect(p.draft.title).toBe(HEATING.title);
    expect(p).toMatchObject({ consent: null, publishedId: null, version: 0, can: { consent: false, withdrawConsent: false, publish: false, unpublish: false } });
    expect((await publication(krakow)).can).toEqual({ consent: true, withdrawConsent: false, publish: false, unpublish: false });
  });

  it('refuses to publish without the city’s consent: 409 PUBLICATION_CONSENT_REQUIRED, nothing written', async () => {
    const before = await snapshot();
    const res = await manager.request({ method: 'POST', url: `/api/support-requests/${id}/publication`, payload: { title: HEATING.title, question: HEATING.question, answer: ANSWER, version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'PUBLICATION_CONSENT_REQUIRED', type: expect.stringContaining('publication-consent-required'), reason: { code: 'PUBLICATION_CONSENT_MISSING' } });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the consent and the publishing to their owners: other cities and strangers 404, the expert 403', async () => {
    const before = await snapshot();
    expect((await valencia.request({ method: 'GET', url: `/api/support-requests/${id}/publication` })).statusCode).toBe(404);
    expect((await valencia.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: true, version: 0 } })).statusCode).toBe(404);
    expect((await sofia.request({ method: 'POST', url: `/api/support-requests/${id}/publication`, payload: { title: 'x'.repeat(10), question: 'q'.repeat(30), answer: 'a'.repeat(30), version: 1 } })).statusCode).toBe(403);
    expect((await visitor.request({ method: 'GET', url: `/api/support-requests/${id}/publication` })).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the city consent and withdraw before publication, with audit entries; the managers are told', async () => {
    const given = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: true, version: 0 } });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toMatchObject({ consent: { by: 'Piotr Nowak' }, version: 1, can: { consent: false, withdrawConsent: true } });
    const managerId = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'manager@demo.peercities.eu').executeTakeFirstOrThrow()).id;
    const told = await t.app.db.selectFrom('notifications').select(['title', 'link']).where('person_id', '=', managerId).where('title', 'like', '%consents to publishing%').execute();
    expect(told).toEqual([{ title: `Kraków consents to publishing “${HEATING.title}” in the library`, link: `/support/${id}` }]);

    const stale = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: false, version: 0 } });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: false, version: 1 } });
    expect(withdrawn.json()).toMatchObject({ consent: null, version: 2, can: { consent: true } });
    const again = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: true, version: 2 } });
    expect(again.json()).toMatchObject({ version: 3, can: { withdrawConsent: true } });
    expect((await publication(manager)).can).toEqual({ consent: false, withdrawConsent: false, publish: true, unpublish: false });
    const audit = await t.app.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', id).where('action', '=', 'support_request.publication_consent').orderBy('id').execute();
    expect(audit.map((a) => (a.details as { consent: boolean }).consent)).toEqual([true, false, true]);
  });

  it('publishes the edited entry, tells the city, and the public library finds it by word, sector and lever, with the facets counting it', async () => {
    const before = await library('q=heat');
    greenBondAnswers = (await library('q=green%20bonds')).facets.kind.find((f: { value: string }) => f.value === 'answer').count;
    const draft = (await publication(manager)).draft;
    const res = await manager.request({
      method: 'POST',
      url: `/api/support-requests/${id}/publication`,
      payload: { title: 'Financing a district heating network off coal', question: draft.question, answer: draft.answer, version: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const entryId = res.json().publishedId;
    expect(res.json()).toMatchObject({ publishedAt: '2026-12-07T10:00:00.000Z', version: 4, can: { withdrawConsent: false, unpublish: true } });

    const krakowReps = await t.app.db.selectFrom('notifications').innerJoin('people', 'people.id', 'notifications.person_id').select(['people.email', 'notifications.link']).where('notifications.title', 'like', 'Your question is in the library%').execute();
    expect(krakowReps).toEqual([{ email: 'krakow@demo.peercities.eu', link: `/library/answers/${entryId}` }]);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).where('action', '=', 'support_request.publish').execute();
    expect(audit).toHaveLength(1);

    // The public page, without signing in: no personal data.
    const page = await visitor.request({ method: 'GET', url: `/api/published-answers/${entryId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ title: 'Financing a district heating network off coal', sectors: ['energy'], levers: ['finance-funding'], city: { slug: 'krakow' } });
    expect(page.body).not.toMatch(/Piotr|Nowak|Sofia|Rossi|@krakow\.pl|616/);

    // Found by a word of the answer (stemmed: "bonds" finds "bond"), with highlights.
    const found = await library('q=green%20bonds');
    const hit = found.items.find((i: { id: string }) => i.id === entryId);
    expect(hit).toMatchObject({ kind: 'answer', city: { name: 'Kraków' }, sectors: ['energy'], levers: ['finance-funding'] });
    expect(hit.snippet.some((s: { text: string; match: boolean }) => s.match && /bond/i.test(s.text))).toBe(true);

    // The facets count it: one more answer, one more in energy and in finance, for the same search.
    const after = await library('q=heat');
    const count = (r: typeof after, dim: string, value: string) => r.facets[dim].find((f: { value: string }) => f.value === value).count;
    expect(count(after, 'kind', 'answer')).toBe(count(before, 'kind', 'answer') + 1);
    expect(count(after, 'sector', 'energy')).toBe(count(before, 'sector', 'energy') + 1);
    expect(count(after, 'lever', 'finance-funding')).toBe(count(before, 'lever', 'finance-funding') + 1);
    expect(after.total).toBe(before.total + 1);

    // The same sector and lever filters find it; another lever, or a solutions-only stage, leaves it out.
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    expect(ids(await library('q=heat&sector=energy&lever=finance-funding'))).toContain(entryId);
    expect(ids(await library('q=heat&kind=answer'))).toContain(entryId);
    expect((await library('q=heat&kind=answer')).items.every((i: { kind: string }) => i.kind === 'answer')).toBe(true);
    expect(ids(await library('q=heat&lever=governance-policy'))).not.toContain(entryId);
    expect(ids(await library('q=heat&stage=implemented'))).not.toContain(entryId);
    expect(ids(await library('q=heat&kind=solution'))).not.toContain(entryId);
    // /api/solutions stays solutions only.
    const solutions = (await visitor.request({ method: 'GET', url: '/api/solutions?q=green%20bonds' })).json();
    expect(ids(solutions)).not.toContain(entryId);
  });

  it('refuses to withdraw consent once published, and writes nothing', async () => {
    const before = await snapshot();
    const res = await krakow.request({ method: 'PUT', url: `/api/support-requests/${id}/publication/consent`, payload: { consent: false, version: 4 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toEqual({ code: 'PUBLICATION_WITHDRAW_PUBLISHED' });
    expect(await snapshot()).toEqual(before);
  });

  it('unpublishes: the entry leaves the library and its page, and the city may withdraw again', async () => {
    const entryId = (await publication(manager)).publishedId;
    const res = await manager.request({ method: 'POST', url: `/api/support-requests/${id}/publication/unpublish`, payload: { version: 4 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ publishedId: null, publishedAt: null, version: 5 });
    expect((await visitor.request({ method: 'GET', url: `/api/published-answers/${entryId}` })).statusCode).toBe(404);
    const found = await library('q=green%20bonds');
    expect(found.items.map((i: { id: string }) => i.id)).not.toContain(entryId);
    expect(found.facets.kind.find((f: { value: string }) => f.value === 'answer').count).toBe(greenBondAnswers);
    // Kept as prepared: the manager's title, not the request's.
    expect((await publication(manager)).draft.title).toBe('Financing a district heating network off coal');
    expect((await publication(krakow)).can.withdrawConsent).toBe(true);
    const twice = await manager.request({ method: 'POST', url: `/api/support-requests/${id}/publication/unpublish`, payload: { version: 5 } });
    expect(twice.statusCode).toBe(409);
  });
});
