import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import type { Reason } from '../../../shared/reason.ts';
import { englishText } from '../../../shared/reason-texts.ts';
import type { PlaceCandidate } from '../../../shared/city.schemas.ts';

let t: TestApp;
let anonymous: TestClient;
let manager: TestClient;
let lahti: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  anonymous = await t.client();
  manager = await t.signedIn('manager@demo.peercities.eu');
  lahti = await t.signedIn('lahti@demo.peercities.eu');
});
afterAll(async () => t.close());

async function registrySnapshot() {
  return t.app.db.selectFrom('cities').selectAll().orderBy('slug').execute();
}

describe('the public registry', () => {
  it('lists cities filtered by kind, country, sector and name, with pagination', async () => {
    const fi = (await anonymous.request({ method: 'GET', url: '/api/cities?country=fi&pageSize=100' })).json();
    expect(fi.items.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['espoo', 'helsinki', 'lahti', 'oulu', 'jyvaskyla']));
    const aspiringFi = (await anonymous.request({ method: 'GET', url: '/api/cities?country=FI&kind=aspiring&pageSize=100' })).json();
    expect(aspiringFi.items.every((c: { kind: string }) => c.kind === 'aspiring')).toBe(true);
    expect(aspiringFi.total).toBeLessThan(fi.total);
    const industry = (await anonymous.request({ method: 'GET', url: '/api/cities?sector=industry&kind=mission&pageSize=200' })).json();
    expect(industry.items.map((c: { slug: string }) => c.slug)).toContain('dunkerque');
    const page2 = (await anonymous.request({ method: 'GET', url: '/api/cities?pageSize=10&page=2' })).json();
    expect(page2.items).toHaveLength(10);
    expect(page2.total).toBeGreaterThan(150);
  });

  it('finds a city by its name typed without accents or with them, in any case', async () => {
    const names = async (q: string) =>
      ((await anonymous.request({ method: 'GET', url: `/api/cities?q=${encodeURIComponent(q)}&pageSize=20` })).json().items as { slug: string }[]).map((c) => c.slug);
    expect(await names('Krakow')).toContain('krakow');
    expect(await names('KRAKÓW')).toContain('krakow');
    expect(await names('jyvaskyla')).toContain('jyvaskyla');
    expect(await names('Malmo')).toContain('malmo');
    // A wildcard typed by a person is a character, not a pattern.
    expect(await names('%')).toEqual([]);
    expect(await names('50%')).toEqual([]);
    // One or two letters match the start of the name; three, any part of it.
    expect(await names('kr')).toContain('krakow');
    expect(await names('KŔ')).toContain('krakow');
    expect(await names('ak')).not.toContain('krakow');
    expect(await names('rak')).toContain('krakow');
  });

  it('shows a city’s public profile without any contact person', async () => {
    const res = await anonymous.request({ method: 'GET', url: '/api/cities/valencia' });
    expect(res.statusCode).toBe(200);
    const city = res.json();
    expect(city).toMatchObject({ slug: 'valencia', kind: 'mission', country: 'ES', climateTargetYear: 2030, canEdit: false });
    expect(city.languages).toContain('es');
    expect(city.solutionCount).toBeGreaterThan(3);
    const text = res.body.toLowerCase();
    expect(text).not.toContain('jorge.ferrer');
    expect(text).not.toContain('contacts');
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/atlantis' })).statusCode).toBe(404);
  });

  it('never answers contact persons to the public or to another city’s representative', async () => {
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/valencia/contacts' })).statusCode).toBe(401);
    const other = await lahti.request({ method: 'GET', url: '/api/cities/valencia/contacts' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('jorge');
    const facilitator = await t.signedIn('facilitator@demo.peercities.eu');
    expect((await facilitator.request({ method: 'GET', url: '/api/cities/valencia/contacts' })).statusCode).toBe(403);
    const valencia = await t.signedIn('valencia@demo.peercities.eu');
    const own = await valencia.request({ method: 'GET', url: '/api/cities/valencia/contacts' });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((c: { email: string }) => c.email)).toContain('jorge.ferrer@demo.peercities.eu');
    expect((await manager.request({ method: 'GET', url: '/api/cities/valencia/contacts' })).json().items).toHaveLength(2);
  });

  it('gives map points for every city, filterable by kind and sector', async () => {
    const all = (await anonymous.request({ method: 'GET', url: '/api/map/cities' })).json();
    const missions = (await anonymous.request({ method: 'GET', url: '/api/map/cities?kind=mission' })).json();
    expect(missions.total).toBe(all.items.filter((c: { kind: string }) => c.kind === 'mission').length);
    expect(missions.total).toBeGreaterThanOrEqual(112);
    const industry = (await anonymous.request({ method: 'GET', url: '/api/map/cities?sector=industry' })).json();
    expect(industry.total).toBeLessThan(all.total);
    expect(industry.items.map((c: { slug: string }) => c.slug)).toContain('dunkerque');
    expect(Object.keys(all.items[0]).sort()).toEqual(['country', 'kind', 'latitude', 'longitude', 'name', 'slug', 'solutionCount']);
  });
});

describe('GeoNames places (a city not in the registry yet)', () => {
  it('finds Joensuu and Pärnu typed loosely, with their country, coordinates and population, and says which the registry holds', async () => {
    const places = async (query: string) => (await anonymous.request({ method: 'GET', url: `/api/places?${query}` })).json().items as PlaceCandidate[];
    const joensuu = (await places('q=joensuu'))[0];
    expect(joensuu).toMatchObject({ name: 'Joensuu', country: 'FI', registeredCity: null });
    expect(joensuu?.population).toBeGreaterThan(50_000);
    expect(joensuu?.latitude).toBeCloseTo(62.6, 1);
    expect(joensuu?.longitude).toBeCloseTo(29.76, 1);
    expect((await places('q=PARNU&country=ee'))[0]).toMatchObject({ name: 'Pärnu', country: 'EE', registeredCity: null });
    // Kuopio is in the demo registry and Kraków is a Mission City: the answer points to their entries.
    expect((await places('q=kuopio'))[0]).toMatchObject({ name: 'Kuopio', registeredCity: { slug: 'kuopio', name: 'Kuopio' } });
    expect((await places('q=krakow'))[0]).toMatchObject({ name: 'Kraków', country: 'PL', registeredCity: { slug: 'krakow', name: 'Kraków' } });
  });

  it('answers a query of one letter, or of 101, with a problem naming the field', async () => {
    for (const q of ['k', 'k'.repeat(101)]) {
      const res = await anonymous.request({ method: 'GET', url: `/api/places?q=${q}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain('q');
    }
  });
});

describe('editing a city', () => {
  it('lets a representative edit their own city, records the change and shows it in the history', async () => {
    const before = (await lahti.request({ method: 'GET', url: '/api/cities/lahti' })).json();
    expect(before.canEdit).toBe(true);
    const res = await lahti.request({
      method: 'PATCH',
      url: '/api/cities/lahti',
      payload: { version: before.version, region: 'Päijät-Häme', sectorsOfInterest: ['energy', 'mobility'], climateTargetYear: 2025, profile: before.profile },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ region: 'Päijät-Häme', sectorsOfInterest: ['energy', 'mobility'], climateTargetYear: 2025, version: before.version + 1 });

    const history = (await lahti.request({ method: 'GET', url: '/api/cities/lahti/history' })).json();
    expect(history.items[0]).toMatchObject({ actorName: 'Mikko Virtanen', source: 'edit' });
    const fields = Object.fromEntries(history.items[0].changes.map((c: { field: string; before: unknown; after: unknown }) => [c.field, c]));
    expect(Object.keys(fields).sort()).toEqual(['climateTargetYear', 'region', 'sectorsOfInterest']);
    expect(fields.region).toMatchObject({ before: null, after: 'Päijät-Häme' });
    expect(fields.climateTargetYear).toMatchObject({ before: 2030, after: 2025 });
  });

  it('refuses a representative of another city with 403 and changes nothing', async () => {
    const before = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json();
    const res = await lahti.request({ method: 'PATCH', url: '/api/cities/valencia', payload: { version: before.version, name: 'Hijacked' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const put = await lahti.request({ method: 'PUT', url: '/api/cities/valencia/contacts', payload: { items: [] } });
    expect(put.statusCode).toBe(403);
    expect((await lahti.request({ method: 'GET', url: '/api/cities/valencia/history' })).statusCode).toBe(403);
    const after = (await anonymous.request({ method: 'GET', url: '/api/cities/valencia' })).json();
    expect(after).toEqual(before);
    expect((await manager.request({ method: 'GET', url: '/api/cities/valencia/contacts' })).json().items).toHaveLength(2);
  });

  it('answers 409 EDIT_CONFLICT to an edit based on an old version', async () => {
    const city = (await manager.request({ method: 'GET', url: '/api/cities/tartu' })).json();
    expect((await manager.request({ method: 'PATCH', url: '/api/cities/tartu', payload: { version: city.version, population: 95000 } })).statusCode).toBe(200);
    const stale = await manager.request({ method: 'PATCH', url: '/api/cities/tartu', payload: { version: city.version, population: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/tartu' })).json().population).toBe(95000);
  });

  it('names the bad fields of an edit', async () => {
    const res = await manager.request({ method: 'PATCH', url: '/api/cities/tartu', payload: { version: 1, climateTargetYear: 1999, languages: ['estonian'], sectorsOfInterest: ['rockets'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.climateTargetYear', 'body.languages.0', 'body.sectorsOfInterest.0']);
  });

  it('replaces contact persons and records the change for the city’s people only', async () => {
    const res = await lahti.request({
      method: 'PUT',
      url: '/api/cities/lahti/contacts',
      payload: { items: [{ name: 'Aino Korhonen', email: 'Aino@Lahti.example', phone: null, roleTitle: 'Energy expert' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ name: 'Aino Korhonen', email: 'aino@lahti.example', phone: null, roleTitle: 'Energy expert' }]);
    const history = (await manager.request({ method: 'GET', url: '/api/cities/lahti/history' })).json();
    expect(history.items[0]).toMatchObject({ source: 'contacts' });
    // Public answers still carry no contact data.
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/lahti' })).body).not.toContain('aino@lahti.example');
  });
});

describe('importing cities from CSV', () => {
  const header = 'slug,name,country,kind,latitude,longitude,population,geonames_id,languages,sectors_of_interest,climate_target_year';
  const good = [
    header,
    'pori,Pori,FI,aspiring,61.48333,21.78333,76772,640999,fi;sv,energy;industry,2045',
    ',Joensuu,FI,aspiring,62.60118,29.76316,53388,655808,fi,nature-based-solutions,2050',
  ].join('\n');

  it('refuses a file with any bad row, lists every bad row and leaves the registry unchanged', async () => {
    const before = await registrySnapshot();
    const bad = [
      header,
      'pori,Pori,FI,aspiring,61.48333,21.78333,76772,640999,fi;sv,energy,2045',
      'kotka,Kotka,XX,aspiring,60.46,26.94,53000,,fi,energy,2045',
      'rauma,Rauma,FI,aspiring,61.12,west,39000,,fi,rockets,2045',
    ].join('\n');
    const res = await manager.request({ method: 'POST', url: '/api/cities/import', payload: bad, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('CSV_INVALID');
    expect(problem.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`)).toEqual(['3:country', '4:longitude', '4:sectors_of_interest']);
    for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(5);
    expect(await registrySnapshot()).toEqual(before);
  });

  it('refuses a row that conflicts with the registry (slug of another GeoNames city) and writes nothing', async () => {
    const before = await registrySnapshot();
    const csv = `${header}\nespoo,Espoo,FI,mission,60.2,24.6,256760,1,fi,energy,2030\n`;
    const res = await manager.request({ method: 'POST', url: '/api/cities/import', payload: { csv } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ line: 2, column: 'geonames_id' });
    expect(await registrySnapshot()).toEqual(before);
  });

  it('imports a valid file, and importing it again changes nothing', async () => {
    const dry = await manager.request({ method: 'POST', url: '/api/cities/import?dryRun=true', payload: good, headers: { 'content-type': 'text/csv' } });
    expect(dry.json()).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: true });
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/pori' })).statusCode).toBe(404);

    const first = await manager.request({ method: 'POST', url: '/api/cities/import', payload: good, headers: { 'content-type': 'text/csv' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
    const pori = (await anonymous.request({ method: 'GET', url: '/api/cities/pori' })).json();
    expect(pori).toMatchObject({ name: 'Pori', kind: 'aspiring', languages: ['fi', 'sv'], sectorsOfInterest: ['energy', 'industry'], climateTargetYear: 2045 });
    const snapshot = await registrySnapshot();

    const again = await manager.request({ method: 'POST', url: '/api/cities/import', payload: { csv: good } });
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2, dryRun: false });
    expect(await registrySnapshot()).toEqual(snapshot);

    // A changed file updates by GeoNames id, even under another slug, without duplicating.
    const changed = good.replace('pori,Pori,FI,aspiring,61.48333,21.78333,76772', 'pori,Pori,FI,aspiring,61.48333,21.78333,80000');
    const third = await manager.request({ method: 'POST', url: '/api/cities/import', payload: { csv: changed } });
    expect(third.json()).toEqual({ created: 0, updated: 1, unchanged: 1, dryRun: false });
    expect((await registrySnapshot()).length).toBe(snapshot.length);
    const history = (await manager.request({ method: 'GET', url: '/api/cities/pori/history' })).json();
    expect(history.items[0]).toMatchObject({ source: 'import', changes: [{ field: 'population', before: 76772, after: 80000 }] });
  });

  it('is for programme managers only', async () => {
    const res = await lahti.request({ method: 'POST', url: '/api/cities/import', payload: { csv: good } });
    expect(res.statusCode).toBe(403);
  });
});

describe('exporting the registry', () => {
  it('exports CSV in the import format, which imports back unchanged', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/cities/export.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('peercities-cities.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('slug,name,country,kind,region,latitude,longitude,population,geonames_id,languages,climate_target_year,sectors_of_interest,mission_label_date,profile');
    const before = await registrySnapshot();
    const back = await manager.request({ method: 'POST', url: '/api/cities/import', payload: res.body, headers: { 'content-type': 'text/csv' } });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, updated: 0 });
    expect(await registrySnapshot()).toEqual(before);
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/export.csv' })).statusCode).toBe(401);
    expect((await lahti.request({ method: 'GET', url: '/api/cities/export.csv' })).statusCode).toBe(403);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const city = (await manager.request({ method: 'GET', url: '/api/cities/turku' })).json();
    await manager.request({ method: 'PATCH', url: '/api/cities/turku', payload: { version: city.version, profile: '=HYPERLINK("http://evil","x")' } });
    const csv = (await manager.request({ method: 'GET', url: '/api/cities/export.csv' })).body;
    const line = csv.split('\n').find((l) => l.startsWith('turku,'));
    expect(line).toContain(`'=HYPERLINK`);
  });

  it('exports an Excel workbook with one row per city', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/cities/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cities');
    const count = (await t.app.db.selectFrom('cities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(sheet?.rowCount).toBe(count + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('slug');
  });
});

describe('cities like mine', () => {
  it('ranks similar cities with reasons in words and lists Mission Cities matching the interests', async () => {
    const res = await anonymous.request({ method: 'GET', url: '/api/cities/oulu/similar' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.similar.length).toBeGreaterThan(3);
    expect(body.similar.map((s: { city: { slug: string } }) => s.city.slug)).not.toContain('oulu');
    const scores = body.similar.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of body.similar) expect(s.reasons.length).toBeGreaterThan(0);
    expect(body.similar.slice(0, 5).some((s: { reasons: Reason[] }) => s.reasons.map(englishText).includes('same country (FI)'))).toBe(true);
    expect(body.missionCities.length).toBeGreaterThan(0);
    for (const m of body.missionCities) {
      expect(m.city.kind).toBe('mission');
      expect(englishText(m.reason)).toMatch(/^solutions matching your interests: /);
    }
    // Deterministic: the same answer every time.
    expect((await anonymous.request({ method: 'GET', url: '/api/cities/oulu/similar' })).json()).toEqual(body);
  });
});
