import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../../../shared/reason-texts.ts';
import type { Reason } from '../../../shared/reason.ts';
import { givePriorities } from '../../test-support/city-priorities.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let t: TestApp;
let manager: TestClient;
let group: { id: string; sectors: string[] };

const SECTORS = ['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions'];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  const row = await t.app.db.selectFrom('discussion_groups').select(['id', 'sectors']).orderBy('created_at').orderBy('id').executeTakeFirstOrThrow();
  group = row;
});
afterAll(async () => t.close());

const proposed = async (client: TestClient) => client.request({ method: 'GET', url: `/api/groups/${group.id}/proposed-cities` });

describe('GET /api/groups/:id/proposed-cities', () => {
  it('proposes the cities whose priority sectors (support-needs survey) are among the group’s, not yet in it, most shared first', async () => {
    const inGroup = group.sectors[0]!;
    const outside = SECTORS.find((s) => !group.sectors.includes(s))!;
    // Four cities outside the group (the demo groups have members of their own).
    const ids = Object.fromEntries((await t.app.db.selectFrom('cities').select(['id', 'slug']).where('slug', 'in', ['krakow', 'lahti', 'graz', 'brno']).execute()).map((c) => [c.slug, c.id]));
    await t.app.db.deleteFrom('group_memberships').where('group_id', '=', group.id).where('city_id', 'in', Object.values(ids)).execute();
    const surveyId = await givePriorities(t.app.db, 'krakow', { sectors: [inGroup] });
    await givePriorities(t.app.db, 'lahti', { sectors: [outside], surveyId });
    await givePriorities(t.app.db, 'graz', { sectors: [...group.sectors], surveyId });
    await givePriorities(t.app.db, 'brno', { sectors: [...group.sectors], surveyId });
    await t.app.db.insertInto('group_memberships').values({ group_id: group.id, city_id: ids.graz!, status: 'interested' }).execute();

    const res = await proposed(manager);
    expect(res.statusCode, res.body).toBe(200);
    const items: { city: { slug: string; name: string }; sharedSectors: string[]; reason: Reason }[] = res.json().items;
    const slugs = items.map((i) => i.city.slug);
    expect(slugs).toContain('krakow');
    expect(slugs).toContain('brno');
    expect(slugs).not.toContain('lahti');
    // Already interested in the group.
    expect(slugs).not.toContain('graz');
    expect(slugs.indexOf('brno')).toBeLessThanOrEqual(slugs.indexOf('krakow'));
    const krakow = items.find((i) => i.city.slug === 'krakow')!;
    expect(krakow.sharedSectors).toEqual([inGroup]);
    expect(englishText(krakow.reason)).toBe(`Kraków’s priority sectors (support-needs survey) include this group’s: ${inGroup}`);
  });

  it('is for the group’s facilitators and programme managers: others 403, a missing group 404', async () => {
    expect((await proposed(await t.signedIn('krakow@demo.peercities.eu'))).statusCode).toBe(403);
    const facilitatorOfNone = await t.signedIn('facilitator2@demo.peercities.eu');
    const facilitates = await t.app.db
      .selectFrom('group_facilitators as f')
      .innerJoin('people as p', 'p.id', 'f.person_id')
      .select('p.email')
      .where('f.group_id', '=', group.id)
      .execute();
    if (!facilitates.some((f) => f.email === 'facilitator2@demo.peercities.eu')) expect((await proposed(facilitatorOfNone)).statusCode).toBe(403);
    expect((await manager.request({ method: 'GET', url: '/api/groups/00000000-0000-4000-8000-000000000000/proposed-cities' })).statusCode).toBe(404);
  });
});
