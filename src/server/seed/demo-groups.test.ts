import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T12:00:00Z');
});
afterAll(async () => t.close());

describe('discussion groups demo data', () => {
  it('has three 2025 groups whose cities completed all four phases', async () => {
    const groups = (await t.app.inject('/api/programmes/group-study-visits-2025/groups')).json().items;
    expect(groups).toHaveLength(3);
    const facilitator = await t.signedIn('manager@demo.peercities.eu');
    const progress = (await facilitator.request({ method: 'GET', url: `/api/groups/${groups[0].id}/progress` })).json();
    expect(progress.cities).toHaveLength(4);
    expect(progress.cities.every((c: { complete: boolean }) => c.complete)).toBe(true);
  });

  it('has two 2027 groups with cities at different stages, which the visitor call explains', async () => {
    const groups = (await t.app.inject('/api/programmes/group-study-visits-2027/groups')).json().items;
    expect(groups.map((g: { admitted: number }) => g.admitted)).toEqual([4, 4]);
    const split = await t.signedIn('split@demo.peercities.eu');
    const splitId = (await t.app.db.selectFrom('cities').select('id').where('slug', '=', 'split').executeTakeFirstOrThrow()).id;
    const res = (await split.request({ method: 'GET', url: `/api/programmes/group-study-visits-2027/calls/visitor/eligibility?cityId=${splitId}` })).json();
    expect(res.reasons).toContain("Split has not yet completed the discussion groups' learning phases 2, 3 and 4.");
    const threads = (await split.request({ method: 'GET', url: `/api/groups/${groups[0].id}/threads` })).json();
    expect(threads.total).toBe(2);
  });
});
