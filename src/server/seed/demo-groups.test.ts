import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDayProblem } from '../../domain/groups/learning-phases.ts';
import { localDateAt } from '../../domain/time/zoned-time.ts';
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

  it('holds every meeting within the days of its learning phase (the rule the meeting form checks)', async () => {
    const meetings = await t.app.db
      .selectFrom('group_meetings as m')
      .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
      .innerJoin('programmes as p', 'p.id', 'g.programme_id')
      .innerJoin('learning_phases as l', (j) => j.onRef('l.programme_id', '=', 'g.programme_id').onRef('l.number', '=', 'm.phase_number'))
      .select(['m.starts_at', 'p.settings', 'l.number', 'l.starts_on', 'l.ends_on'])
      .execute();
    expect(meetings.length).toBeGreaterThan(10);
    const outside = meetings.filter((m) => meetingDayProblem({ number: m.number, startsOn: m.starts_on, endsOn: m.ends_on }, localDateAt(new Date(m.starts_at), m.settings.timeZone)));
    expect(outside).toEqual([]);
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
