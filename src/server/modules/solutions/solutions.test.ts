import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let anonymous: TestClient;
let valencia: TestClient;
let manager: TestClient;
let valenciaId: string;
let lahtiId: string;

type Segment = { text: string; match: boolean };
const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text.toLowerCase());

beforeAll(async () => {
  t = await createTestApp();
  anonymous = await t.client();
  valencia = await t.signedIn('valencia@demo.peercities.eu');
  manager = await t.signedIn('manager@demo.peercities.eu');
  valenciaId = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json().id;
  lahtiId = (await anonymous.request({ method: 'GET', url: '/api/cities/lahti' })).json().id;
});
afterAll(async () => t.close());

const newSolution = (overrides: Record<string, unknown> = {}) => ({
  cityId: valenciaId,
  title: 'Solar canopies over the port car parks',
  summary: 'Photovoltaic canopies shade the car parks of the port and feed its electric cranes.',
  bodyHtml: '<p>Canopies.</p>',
  sectors: ['energy'],
  lever: 'technology-infrastructure',
  stage: 'planned',
  ...overrides,
});

describe('the demo library', () => {
  it('holds at least ten published demo solutions in each of the six sectors', async () => {
    const res = await anonymous.request({ method: 'GET', url: '/api/solutions?pageSize=1' });
    expect(res.statusCode).toBe(200);
    const { facets, total } = res.json();
    expect(total).toBeGreaterThanOrEqual(60);
    for (const f of facets.sector) expect(f.count, f.value).toBeGreaterThanOrEqual(10);
  });
});

describe('searching the library', () => {
  it('finds "district heating" with the matched words highlighted as plain-text segments', async () => {
    const res = await anonymous.request({ method: 'GET', url: '/api/solutions?q=district%20heating' });
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(5);
    const espoo = body.items.find((i: { city: { slug: string } }) => i.city.slug === 'espoo');
    expect(plain(espoo.titleHighlight)).toBe('Carbon-free district heating with data-centre waste heat');
    expect(marked(espoo.titleHighlight)).toEqual(expect.arrayContaining(['district', 'heating']));
    expect(marked(espoo.snippet)).toContain('district');
    // Ranked: a solution with the words in its title comes before one with them only in tags.
    const titles = body.items.map((i: { title: string }) => i.title);
    expect(titles[0]).toMatch(/district heating/i);
  });

  it('stems English words: "heat pump" finds "heat pumps"', async () => {
    const body = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=heat%20pump' })).json();
    expect(body.items.map((i: { title: string }) => i.title)).toContain('Heat pumps replace oil boilers in public buildings');
  });

  it('counts each facet with the other filters applied, so a ticked value keeps its siblings', async () => {
    const res = await anonymous.request({ method: 'GET', url: '/api/solutions?q=district%20heating&sector=energy,buildings&country=FI' });
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.city.country).toBe('FI');
      expect(item.sectors.some((s: string) => s === 'energy' || s === 'buildings')).toBe(true);
    }
    expect(body.items.map((i: { city: { slug: string } }) => i.city.slug)).toEqual(expect.arrayContaining(['espoo', 'helsinki']));
    // Country counts ignore the country filter itself: other countries still show.
    const countries = Object.fromEntries(body.facets.country.map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(countries.FI).toBe(body.total);
    expect(Object.keys(countries).length).toBeGreaterThan(1);
    // Sector counts are within Finland and the text query.
    const unfiltered = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=district%20heating&country=FI' })).json();
    expect(body.facets.sector).toEqual(unfiltered.facets.sector);
    const total = unfiltered.items.filter((i: { sectors: string[] }) => i.sectors.includes('energy') || i.sectors.includes('buildings')).length;
    expect(body.total).toBe(total);
  });

  it('filters by stage, lever, Mission City or not, and visitable, and sorts by impact', async () => {
    const body = (await anonymous.request({ method: 'GET', url: '/api/solutions?stage=implemented&visitable=true&mission=mission&sort=impact&pageSize=100' })).json();
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item).toMatchObject({ stage: 'implemented', visitable: true });
      expect(item.city.kind).toBe('mission');
    }
    const impacts = body.items.map((i: { impactTco2ePerYear: number | null }) => i.impactTco2ePerYear ?? -1);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    const visitable = Object.fromEntries(body.facets.visitable.map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(visitable.true).toBe(body.total);
    expect(visitable.false).toBeGreaterThan(0);
  });

  it('pages through results without overlap', async () => {
    const first = (await anonymous.request({ method: 'GET', url: '/api/solutions?pageSize=10&page=1&sort=title' })).json();
    const second = (await anonymous.request({ method: 'GET', url: '/api/solutions?pageSize=10&page=2&sort=title' })).json();
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(20);
    const titles = [...first.items, ...second.items].map((i: { title: string }) => i.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('answers an empty page for a query that matches nothing, and refuses a bad filter value', async () => {
    const none = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=zzzzqqqq' })).json();
    expect(none).toMatchObject({ items: [], total: 0 });
    const bad = await anonymous.request({ method: 'GET', url: '/api/solutions?sector=rockets' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('never lets stored text inject markup into highlights', async () => {
    const created = await valencia.request({
      method: 'POST',
      url: '/api/solutions',
      payload: newSolution({ title: 'Geothermal <img src=x onerror=alert(1)> pilot', summary: 'Geothermal wells <script>alert(1)</script> for schools.', status: 'published' }),
    });
    expect(created.statusCode).toBe(201);
    const body = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=geothermal%20pilot' })).json();
    const item = body.items.find((i: { id: string }) => i.id === created.json().id);
    // The text comes back as text: segments, no HTML added, nothing interpreted.
    expect(plain(item.titleHighlight)).toBe('Geothermal <img src=x onerror=alert(1)> pilot');
    expect(item.titleHighlight.every((s: Segment) => typeof s.text === 'string' && typeof s.match === 'boolean')).toBe(true);
    expect(marked(item.titleHighlight)).toEqual(['geothermal', 'pilot']);
    await valencia.request({ method: 'DELETE', url: `/api/solutions/${created.json().id}` });
  });
});

describe('publishing solutions', () => {
  it('says what is wrong with a field in words for people, with the limit, and a reason the web app translates (issue 17)', async () => {
    const res = await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ title: 'T'.repeat(201), startYear: 2030, endYear: 2020, impactTco2ePerYear: 'lots' }) });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; message: string; reason?: { code: string; params?: Record<string, unknown> } }[];
    expect(errors).toContainEqual({ field: 'body.title', message: 'Use at most 200 characters.', reason: { code: 'TEXT_TOO_LONG', params: { max: 200 } } });
    expect(errors).toContainEqual({ field: 'body.impactTco2ePerYear', message: 'Enter a number.', reason: { code: 'NUMBER_EXPECTED' } });
    for (const e of errors) expect(e.message).not.toMatch(/Too big|Invalid input|expected/);
  });

  it('lets a representative publish a solution for their city that search finds at once', async () => {
    const res = await valencia.request({
      method: 'POST',
      url: '/api/solutions',
      payload: newSolution({ title: 'Tidal lagoon heat exchanger', status: 'published', tags: ['Lagoon'], links: [{ label: 'Plan', url: 'https://example.org/plan' }] }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'published', canEdit: true, tags: ['lagoon'], city: { slug: 'valencia' } });
    const found = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=tidal%20lagoon' })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    const city = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json();
    expect(city.solutionSectors).toContain('energy');
  });

  it('keeps drafts private until published', async () => {
    const draft = await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ title: 'Secret draft about hydrogen buses' }) });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect(draft.json().status).toBe('draft');

    expect((await anonymous.request({ method: 'GET', url: `/api/solutions/${id}` })).statusCode).toBe(404);
    const krakow = await t.signedIn('krakow@demo.peercities.eu');
    expect((await krakow.request({ method: 'GET', url: `/api/solutions/${id}` })).statusCode).toBe(404);
    expect((await anonymous.request({ method: 'GET', url: '/api/solutions?q=hydrogen%20buses' })).json().total).toBe(0);
    const publicList = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia/solutions' })).json().items;
    expect(publicList.map((s: { id: string }) => s.id)).not.toContain(id);
    const ownList = (await valencia.request({ method: 'GET', url: '/api/cities/valencia/solutions' })).json().items;
    expect(ownList.map((s: { id: string }) => s.id)).toContain(id);
    expect((await manager.request({ method: 'GET', url: `/api/solutions/${id}` })).statusCode).toBe(200);

    const published = await valencia.request({ method: 'PATCH', url: `/api/solutions/${id}`, payload: { version: 1, status: 'published' } });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 2 });
    expect(published.json().publishedAt).not.toBeNull();
    expect((await anonymous.request({ method: 'GET', url: '/api/solutions?q=hydrogen%20buses' })).json().total).toBe(1);
  });

  it('refuses a representative of another city: 403 on create, edit and delete, nothing changed', async () => {
    const lahti = await t.signedIn('lahti@demo.peercities.eu');
    const create = await lahti.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ cityId: valenciaId }) });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');

    const own = (await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ status: 'published' }) })).json();
    const edit = await lahti.request({ method: 'PATCH', url: `/api/solutions/${own.id}`, payload: { version: own.version, title: 'Hijacked' } });
    expect(edit.statusCode).toBe(403);
    const del = await lahti.request({ method: 'DELETE', url: `/api/solutions/${own.id}` });
    expect(del.statusCode).toBe(403);
    const after = (await anonymous.request({ method: 'GET', url: `/api/solutions/${own.id}` })).json();
    expect(after).toMatchObject({ title: own.title, version: own.version });

    // ... while a programme manager may act for any city.
    const managed = await manager.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ cityId: lahtiId, title: 'Managed for Lahti' }) });
    expect(managed.statusCode).toBe(201);
  });

  it('answers 409 EDIT_CONFLICT when the solution changed since it was read', async () => {
    const s = (await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution() })).json();
    const first = await valencia.request({ method: 'PATCH', url: `/api/solutions/${s.id}`, payload: { version: 1, summary: 'First edit.' } });
    expect(first.statusCode).toBe(200);
    const stale = await manager.request({ method: 'PATCH', url: `/api/solutions/${s.id}`, payload: { version: 1, summary: 'Stale edit.' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');
    expect((await valencia.request({ method: 'GET', url: `/api/solutions/${s.id}` })).json().summary).toBe('First edit.');
  });

  it('stores the body sanitised: no script, no event handlers, no javascript: links', async () => {
    const res = await valencia.request({
      method: 'POST',
      url: '/api/solutions',
      payload: newSolution({
        bodyHtml:
          '<h2>Plan</h2><p onclick="steal()">Step <strong>one</strong></p><script>alert(1)</script>' +
          '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">bad</a> <a href="https://example.org">good</a><iframe src="https://evil"></iframe>',
      }),
    });
    const stored = (await t.app.db.selectFrom('solutions').select('body_html').where('id', '=', res.json().id).executeTakeFirstOrThrow()).body_html;
    expect(stored).not.toMatch(/script|onerror|onclick|javascript:|<img|<iframe|alert/i);
    expect(stored).toContain('<h2>Plan</h2>');
    expect(stored).toContain('<strong>one</strong>');
    expect(stored).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">good</a>');
  });

  it('validates the fields and names the bad ones', async () => {
    const res = await valencia.request({
      method: 'POST',
      url: '/api/solutions',
      payload: newSolution({ title: 'x', sectors: [], startYear: 2030, endYear: 2020, links: [{ label: 'x', url: 'javascript:alert(1)' }] }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.sectors', 'body.links.0.url']));
  });

  it('deletes a solution and updates the city’s counts', async () => {
    const before = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json().solutionCount;
    const s = (await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ status: 'published', title: 'Short-lived solution' }) })).json();
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json().solutionCount).toBe(before + 1);
    expect((await valencia.request({ method: 'DELETE', url: `/api/solutions/${s.id}` })).statusCode).toBe(204);
    expect((await anonymous.request({ method: 'GET', url: `/api/solutions/${s.id}` })).statusCode).toBe(404);
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json().solutionCount).toBe(before);
  });
});

describe('answers kept in memory (docs/decisions/0007)', () => {
  it('answers the same search from the cache with an ETag, and 304 to a client that holds it', async () => {
    const url = '/api/solutions?q=renovation&sector=buildings';
    const first = await anonymous.request({ method: 'GET', url });
    const second = await anonymous.request({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toBe(first.body);
    const held = await anonymous.request({ method: 'GET', url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(held.statusCode).toBe(304);
    expect(held.body).toBe('');
    const zipped = await anonymous.request({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip;q=0.8' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
    const refused = await anonymous.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(first.body);
  });

  it('shows a change at once, whoever wrote it: a new solution, and a city moved to another country by plain SQL', async () => {
    const url = '/api/solutions?q=kelp%20forest&country=ES';
    expect((await anonymous.request({ method: 'GET', url })).json().total).toBe(0);
    const created = await valencia.request({ method: 'POST', url: '/api/solutions', payload: newSolution({ title: 'Kelp forest restoration off the port', status: 'published', sectors: ['nature-based-solutions'] }) });
    expect(created.statusCode).toBe(201);
    const found = (await anonymous.request({ method: 'GET', url })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
    const mapBefore = (await anonymous.request({ method: 'GET', url: '/api/map/cities' })).json();
    expect(mapBefore.items.find((c: { slug: string }) => c.slug === 'valencia').country).toBe('ES');

    // Not through the API: the copies on the solutions and the cached answers follow anyway.
    await sql`UPDATE cities SET country = 'PT' WHERE slug = 'valencia'`.execute(t.app.db);
    expect((await anonymous.request({ method: 'GET', url })).json().total).toBe(0);
    const moved = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=kelp%20forest&country=PT' })).json();
    expect(moved.items[0]).toMatchObject({ id: created.json().id, city: { slug: 'valencia', country: 'PT' } });
    expect(moved.facets.country).toEqual([{ value: 'PT', count: 1 }]);
    const mapAfter = (await anonymous.request({ method: 'GET', url: '/api/map/cities' })).json();
    expect(mapAfter.items.find((c: { slug: string }) => c.slug === 'valencia').country).toBe('PT');
    await sql`UPDATE cities SET country = 'ES' WHERE slug = 'valencia'`.execute(t.app.db);
    expect((await anonymous.request({ method: 'GET', url })).json().total).toBe(1);
  });
});

describe('a solution page', () => {
  it('shows related solutions of the same sector and other cities with something similar', async () => {
    const search = (await anonymous.request({ method: 'GET', url: '/api/solutions?q=superblocks&city=barcelona' })).json();
    const barcelona = search.items[0];
    expect(barcelona.city.slug).toBe('barcelona');
    const detail = (await anonymous.request({ method: 'GET', url: `/api/solutions/${barcelona.id}` })).json();
    expect(detail).toMatchObject({ canEdit: false, demo: true });
    expect(detail.bodyHtml).toContain('<p>');
    const related = (await anonymous.request({ method: 'GET', url: `/api/solutions/${barcelona.id}/related` })).json();
    expect(related.solutions.length).toBeGreaterThan(0);
    for (const s of related.solutions) {
      expect(s.id).not.toBe(barcelona.id);
      expect(s.sectors.some((x: string) => barcelona.sectors.includes(x))).toBe(true);
    }
    const cities = related.cities.map((c: { city: { slug: string } }) => c.city.slug);
    expect(cities).toEqual(expect.arrayContaining(['vitoria-gasteiz', 'valencia']));
    expect(cities).not.toContain('barcelona');
  });
});
