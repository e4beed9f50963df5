import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T12:00:00Z');
});
afterAll(async () => t.close());

describe('the public outcomes of a programme', () => {
  it('lists the hosts, visiting cities, confirmed visits and replication of the 2025 edition, to anyone', async () => {
    const res = await (await t.client()).request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/outcomes' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.programme).toEqual({ slug: 'group-study-visits-2025', title: 'Group Study Visits 2025', editionYear: 2025 });
    expect(body.hosts.map((c: { name: string }) => c.name)).toEqual(['Espoo', 'Milan', 'Valencia']);
    expect(body.visitingCities).toHaveLength(9);
    expect(body.visits.map((v: { host: { name: string }; startsOn: string; plans: number }) => [v.host.name, v.startsOn, v.plans])).toEqual([
      ['Espoo', '2025-06-17', 3],
      ['Milan', '2025-06-03', 3],
      ['Valencia', '2025-05-20', 3],
    ]);
    expect(body.impact).toMatchObject({ plans: 9, replicated: 3, inProgress: 3 });
    expect(body.travelCo2Kg).toBeGreaterThan(1000);
  });

  it('never carries personal data: no delegates, needs, emails, facilitators or plan owners', async () => {
    // Give a delegation unmistakable personal data first.
    const manager = await t.signedIn('manager@demo.peercities.eu');
    const visits = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/visits' })).json().items;
    const valencia = visits.find((v: { host: { slug: string } }) => v.host.slug === 'valencia');
    const graz = valencia.visitors.find((c: { slug: string }) => c.slug === 'graz');
    const saved = await manager.request({
      method: 'PUT',
      url: `/api/visits/${valencia.id}/delegations/${graz.id}`,
      payload: { mode: 'rail', delegates: [{ name: 'Zelda Secretname', roleTitle: 'Mayor', email: 'zelda@graz.example', dietary: 'gluten-free', accessNeeds: 'wheelchair user' }] },
    });
    expect(saved.statusCode).toBe(200);

    const res = await (await t.client()).request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/outcomes' });
    expect(res.statusCode).toBe(200);
    for (const secret of ['Zelda', 'Secretname', 'zelda@graz.example', 'gluten-free', 'wheelchair', 'Delegate 1 of', '@', 'Pierre Dubois', 'Katrin', 'Giulia', 'Climate coordinator']) {
      expect(res.body, secret).not.toContain(secret);
    }
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          keys.add(k);
          walk(v);
        }
      }
    };
    walk(res.json());
    for (const key of ['delegates', 'email', 'dietary', 'accessNeeds', 'facilitator', 'owner', 'steps', 'evidenceText', 'evidenceUrl']) expect(keys.has(key), key).toBe(false);
  });

  it('answers 404 for an unknown programme and leaves out visits whose dates are not confirmed', async () => {
    const anon = await t.client();
    expect((await anon.request({ method: 'GET', url: '/api/programmes/no-such-edition/outcomes' })).statusCode).toBe(404);
    const p = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', 'group-study-visits-2025').executeTakeFirstOrThrow();
    const espoo = await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'espoo').executeTakeFirstOrThrow();
    await t.app.db.updateTable('study_visits').set({ schedule_confirmed_at: null }).where('programme_id', '=', p.id).where('host_city_id', '=', espoo.id).execute();
    const body = (await anon.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/outcomes' })).json();
    expect(body.visits.map((v: { host: { name: string } }) => v.host.name)).toEqual(['Milan', 'Valencia']);
    expect(body.hosts.map((c: { name: string }) => c.name)).toEqual(['Milan', 'Valencia']);
  });
});
