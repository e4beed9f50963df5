import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  // Remove the demo 2025 visits to create them again from the 2025 selections.
  const p = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', 'group-study-visits-2025').executeTakeFirstOrThrow();
  await t.app.db.deleteFrom('study_visits').where('programme_id', '=', p.id).execute();
  for (const slug of ['valencia', 'milan', 'espoo', 'vitoria-gasteiz', 'cologne', 'graz', 'ghent', 'bilbao', 'brno', 'gdansk', 'galway']) {
    id[slug] = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  }
  id.pierre = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'facilitator@demo.peercities.eu').executeTakeFirstOrThrow()).id;
  id.jan = (await t.app.db.selectFrom('people').select('id').where('email', '=', 'evaluator@demo.peercities.eu').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('creating the visits from a placement', () => {
  it('refuses hosts and visitors that were not selected, double placements, full hosts and non-facilitators, and writes nothing', async () => {
    const res = await manager.request({
      method: 'POST',
      url: '/api/programmes/group-study-visits-2025/visits',
      payload: {
        placements: [
          { hostCityId: id['vitoria-gasteiz'], visitorCityIds: [id.cologne], facilitatorId: id.jan },
          { hostCityId: id.valencia, visitorCityIds: [id.cologne, id.graz, id.ghent, id.bilbao], facilitatorId: id.pierre },
          { hostCityId: id.milan, visitorCityIds: [id.galway], facilitatorId: null },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.placements.0.hostCityId', message: 'Not a selected host of this programme.', reason: reason('PLACEMENT_NOT_A_HOST') },
      { field: 'body.placements.0.facilitatorId', message: 'Choose a person with the facilitator role.', reason: reason('CHOOSE_A_FACILITATOR') },
      { field: 'body.placements.1.visitorCityIds', message: 'A host receives at most 3 cities.', reason: reason('PLACEMENT_HOST_CAPACITY', { max: 3 }) },
      { field: 'body.placements.1.visitorCityIds', message: 'A city can visit only one host.', reason: reason('PLACEMENT_VISITOR_TWICE') },
      { field: 'body.placements.2.visitorCityIds', message: 'Every visitor must be a selected visiting city.', reason: reason('PLACEMENT_NOT_A_VISITOR') },
    ]);
    expect((await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/visits' })).json().items).toEqual([]);
  });

  it('creates one visit per host, once', async () => {
    const payload = {
      placements: [
        { hostCityId: id.valencia, visitorCityIds: [id.cologne, id.graz, id.ghent], facilitatorId: id.pierre },
        { hostCityId: id.milan, visitorCityIds: [id.bilbao, id.brno, id.gdansk], facilitatorId: null },
      ],
    };
    const res = await manager.request({ method: 'POST', url: '/api/programmes/group-study-visits-2025/visits', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((v: { host: { name: string }; visitors: { name: string }[]; facilitator: string | null }) => [v.host.name, v.visitors.length, v.facilitator])).toEqual([
      ['Milan', 3, null],
      ['Valencia', 3, 'Pierre Dubois'],
    ]);
    expect((await manager.request({ method: 'POST', url: '/api/programmes/group-study-visits-2025/visits', payload })).statusCode).toBe(409);
  });
});
