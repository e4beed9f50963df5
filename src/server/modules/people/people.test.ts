import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
});
afterAll(async () => t.close());

interface Listed {
  id: string;
  name: string;
  email: string;
  roles: { role: string; cityId: string | null; cityName: string | null; primaryContact: boolean }[];
  lastSignInAt: string | null;
  deactivatedAt: string | null;
}

const directory = async (query = '') => (await manager.request({ method: 'GET', url: `/api/people${query}` })).json() as { items: Listed[]; total: number; cities: { id: string; name: string; country: string }[] };
const emails = async (query: string) => (await directory(query)).items.map((p) => p.email);
const idOf = async (email: string) => (await t.app.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const cityIdOf = async (slug: string) => (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const auditRows = (entityId: string) =>
  t.app.db.selectFrom('audit_events').select(['action', 'actor_id', 'details']).where('entity_id', '=', entityId).orderBy('id').execute();
const outboxTo = (email: string) => t.app.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).orderBy('created_at').execute();

describe('the people directory', () => {
  it('lists everybody by name with their roles, a page at a time', async () => {
    const everybody = await t.app.db.selectFrom('people').select('email').execute();
    const all = await directory('?pageSize=100');
    expect(all.total).toBe(everybody.length);
    expect(all.items.map((p) => p.email).sort()).toEqual(everybody.map((p) => p.email).sort());
    const names = all.items.map((p) => p.name);
    expect(names.indexOf('Aino Korhonen')).toBeLessThan(names.indexOf('Anna Lindqvist'));
    expect(names.indexOf('Anna Lindqvist')).toBeLessThan(names.indexOf('Tomás Herrera'));
    expect(all.items.find((p) => p.email === 'valencia@demo.peercities.eu')?.roles).toEqual([
      { role: 'city_representative', cityId: await cityIdOf('valencia'), cityName: 'Valencia', primaryContact: true },
    ]);
    expect(all.cities).toEqual(
      expect.arrayContaining([
        { id: await cityIdOf('valencia'), name: 'Valencia', country: 'ES' },
        { id: await cityIdOf('lahti'), name: 'Lahti', country: 'FI' },
      ]),
    );
    // Only cities somebody represents.
    expect(all.cities.map((c) => c.name)).not.toContain('Klagenfurt');

    const first = await directory('?pageSize=5&page=1');
    const second = await directory('?pageSize=5&page=2');
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(everybody.length);
    expect([...first.items, ...second.items].map((p) => p.email)).toEqual(all.items.slice(0, 10).map((p) => p.email));
  });

  it('searches names and email addresses, where % and _ mean themselves', async () => {
    expect(await emails('?q=lindq')).toEqual(['manager@demo.peercities.eu']);
    expect(await emails('?q=LAHTI')).toEqual(['lahti2@demo.peercities.eu', 'lahti@demo.peercities.eu']);
    expect(await emails('?q=%25')).toEqual([]);
    expect(await emails('?q=_')).toEqual([]);
  });

  it('filters by role, city, country and status, together', async () => {
    expect((await emails('?role=evaluator')).sort()).toEqual(['evaluator2@demo.peercities.eu', 'evaluator@demo.peercities.eu', 'manager2@demo.peercities.eu']);
    expect((await emails(`?cityId=${await cityIdOf('lahti')}`)).sort()).toEqual(['lahti2@demo.peercities.eu', 'lahti@demo.peercities.eu']);
    expect(await emails('?country=PL')).toContain('krakow@demo.peercities.eu');
    expect(await emails('?country=FI')).not.toContain('krakow@demo.peercities.eu');
    expect(await emails('?country=PL&role=evaluator')).toEqual([]);
    expect((await directory('?status=active')).total).toBe((await directory()).total);
    expect((await directory('?status=deactivated')).total).toBe(0);
    const none = await directory('?q=nobody-like-this');
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('refuses filters that are not filters', async () => {
    for (const query of ['?role=mayor', '?country=spain', '?cityId=valencia', '?status=gone', '?pageSize=101']) {
      const res = await manager.request({ method: 'GET', url: `/api/people${query}` });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('costs the same statements for a page of 5 and of 50 people', async () => {
    const { queries: five } = await t.queries.during(() => manager.request({ method: 'GET', url: '/api/people?pageSize=5' }));
    const { queries: fifty } = await t.queries.during(() => manager.request({ method: 'GET', url: '/api/people?pageSize=50&role=city_representative' }));
    expect(five).toBeLessThanOrEqual(4);
    expect(fifty).toBe(five);
  });

  it('is for programme managers only', async () => {
    const rep = await t.signedIn('valencia@demo.peercities.eu');
    expect((await rep.request({ method: 'GET', url: '/api/people' })).json().code).toBe('FORBIDDEN');
  });
});

describe("a person's page", () => {
  it('shows their roles per city, primary contact marked, when they last signed in and since when they exist', async () => {
    const before = Date.now();
    await t.signedIn('lahti@demo.peercities.eu');
    const res = await manager.request({ method: 'GET', url: `/api/people/${await idOf('lahti@demo.peercities.eu')}` });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person).toMatchObject({ name: 'Mikko Virtanen', deactivatedAt: null, roles: [{ role: 'city_representative', cityName: 'Lahti', primaryContact: true }] });
    expect(Date.parse(person.lastSignInAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(person.createdAt)).toBeLessThanOrEqual(before);
  });

  it('answers 404 with the reason for nobody', async () => {
    const res = await manager.request({ method: 'GET', url: '/api/people/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: { code: 'PERSON_NOT_FOUND' }, detail: 'There is no such person.' });
  });
});

describe('roles', () => {
  it('gives a role, emails the person, records before and after, and the person holds it at their next request', async () => {
    const expert = await t.signedIn('expert@demo.peercities.eu');
    const id = await idOf('expert@demo.peercities.eu');
    const res = await manager.request({ method: 'POST', url: `/api/people/${id}/roles`, payload: { role: 'evaluator' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.map((r: { role: string }) => r.role)).toEqual(['evaluator', 'expert']);
    expect((await expert.request({ method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    expect((await outboxTo('expert@demo.peercities.eu')).map((m) => m.subject)).toContain('You are now evaluator on peercities');
    expect((await auditRows(id)).at(-1)).toMatchObject({
      action: 'person.role_grant',
      actor_id: await idOf('manager@demo.peercities.eu'),
      details: { role: 'evaluator', before: { roles: ['expert'] }, after: { roles: ['evaluator', 'expert'] } },
    });
  });

  it('makes a representative of a city, optionally its primary contact', async () => {
    const id = await idOf('facilitator3@demo.peercities.eu');
    const krakow = await cityIdOf('krakow');
    const res = await manager.request({ method: 'POST', url: `/api/people/${id}/roles`, payload: { role: 'city_representative', cityId: krakow, primaryContact: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toContainEqual({ role: 'city_representative', cityId: krakow, cityName: 'Kraków', primaryContact: true });
    // The city has one primary contact: Piotr stays a representative.
    const piotr = (await manager.request({ method: 'GET', url: `/api/people/${await idOf('krakow@demo.peercities.eu')}` })).json();
    expect(piotr.roles).toEqual([{ role: 'city_representative', cityId: krakow, cityName: 'Kraków', primaryContact: false }]);
    const [mail] = await outboxTo('facilitator3@demo.peercities.eu');
    expect(mail?.text_body).toContain("city representative for Kraków on peercities, and Kraków's primary contact");
  });

  it('refuses a role already held, a representative without a city and an unknown city, and changes nothing', async () => {
    const id = await idOf('facilitator@demo.peercities.eu');
    const audits = (await auditRows(id)).length;
    const held = await manager.request({ method: 'POST', url: `/api/people/${id}/roles`, payload: { role: 'facilitator' } });
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ code: 'EMAIL_TAKEN', reason: { code: 'ROLE_ALREADY_HELD' } });
    const noCity = await manager.request({ method: 'POST', url: `/api/people/${id}/roles`, payload: { role: 'city_representative' } });
    expect(noCity.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.cityId']);
    const unknownCity = await manager.request({ method: 'POST', url: `/api/people/${id}/roles`, payload: { role: 'city_representative', cityId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownCity.json().errors).toEqual([{ field: 'body.cityId', message: 'Choose a city from the list.' }]);
    expect((await auditRows(id)).length).toBe(audits);
    expect((await outboxTo('facilitator@demo.peercities.eu')).length).toBe(0);
  });

  it('withdraws a role, records it, and the person loses it at their next request', async () => {
    const evaluator = await t.signedIn('evaluator2@demo.peercities.eu');
    const id = await idOf('evaluator2@demo.peercities.eu');
    expect((await evaluator.request({ method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    const res = await manager.request({ method: 'DELETE', url: `/api/people/${id}/roles/evaluator` });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([]);
    expect((await evaluator.request({ method: 'GET', url: '/api/evaluations' })).statusCode).toBe(403);
    expect((await auditRows(id)).at(-1)).toMatchObject({ action: 'person.role_withdraw', details: { before: { roles: ['evaluator'] }, after: { roles: [] } } });
    const again = await manager.request({ method: 'DELETE', url: `/api/people/${id}/roles/evaluator` });
    expect(again.statusCode).toBe(404);
    expect(again.json().reason).toEqual({ code: 'ROLE_NOT_HELD', params: { name: 'Ingrid Hansen' } });
  });

  it("keeps a city's last representative and its primary contact until someone takes over", async () => {
    const valencia = await cityIdOf('valencia');
    // Valencia with Lucía alone (the direct exchange's demo adds Jorge, valencia2@).
    await t.app.db.deleteFrom('role_grants').where('person_id', '=', await idOf('valencia2@demo.peercities.eu')).execute();
    const lucia = await idOf('valencia@demo.peercities.eu');
    const last = await manager.request({ method: 'DELETE', url: `/api/people/${lucia}/roles/city_representative?cityId=${valencia}` });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({
      code: 'CONFLICT',
      reason: { code: 'LAST_REPRESENTATIVE', params: { name: 'Lucía Martínez', city: 'Valencia' } },
      detail: 'Lucía Martínez is the last representative of Valencia: invite or add another representative first.',
    });

    const lahti = await cityIdOf('lahti');
    const mikko = await idOf('lahti@demo.peercities.eu');
    const primary = await manager.request({ method: 'DELETE', url: `/api/people/${mikko}/roles/city_representative?cityId=${lahti}` });
    expect(primary.json().reason.code).toBe('HAND_OVER_PRIMARY_CONTACT_FIRST');
    // Without the city, no representative role is named.
    expect((await manager.request({ method: 'DELETE', url: `/api/people/${mikko}/roles/city_representative` })).statusCode).toBe(404);

    const grants = await t.app.db.selectFrom('role_grants').select(['person_id', 'primary_contact']).where('city_id', 'in', [valencia, lahti]).orderBy('person_id').execute();
    expect(grants).toHaveLength(3);
    expect(grants.filter((g) => g.primary_contact)).toHaveLength(2);
  });
});
