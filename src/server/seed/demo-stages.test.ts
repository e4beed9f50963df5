import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineProblems, type Milestone } from '../../domain/programmes/programme-template.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

interface ListedProgramme {
  slug: string;
  title: string;
  format: string;
  editionYear: number;
  phase: string;
  current: string | null;
  next: string | null;
}
interface WorkSection {
  kind: string;
  role: string;
  items: { label: { code: string; params: Record<string, unknown> }; date: string | null; urgency: string; status: string | null }[];
}

const DAY_MS = 24 * 3600 * 1000;

// The demo started for the first time on two dates far apart (another season,
// another side of a daylight-saving change, another year): each time, every
// stage is there and every demo account's start page has work to show.
describe.each([
  { firstStart: '2027-03-15T08:00:00Z', years: 0 },
  { firstStart: '2028-09-02T16:30:00Z', years: 2 },
])('the demo first started at $firstStart', ({ firstStart, years }) => {
  const now = new Date(firstStart);
  let t: TestApp;
  let manager: TestClient;
  let programmes: ListedProgramme[];
  beforeAll(async () => {
    t = await createTestApp({}, { firstStart: now });
    manager = await t.signedIn('manager@demo.peercities.eu');
    programmes = (await manager.request({ method: 'GET', url: '/api/programmes' })).json().items;
  });
  afterAll(async () => t?.close());

  const work = async (email: string): Promise<WorkSection[]> => {
    const client = await t.signedIn(`${email}@demo.peercities.eu`);
    const res = await client.request({ method: 'GET', url: '/api/me/work' });
    expect(res.statusCode).toBe(200);
    return res.json().sections;
  };
  const section = (sections: WorkSection[], kind: string) => sections.find((s) => s.kind === kind)?.items ?? [];
  const find = (predicate: (p: ListedProgramme) => boolean) => {
    const found = programmes.filter(predicate);
    expect(found).toHaveLength(1);
    return found[0] as ListedProgramme;
  };

  it('has five published editions with edition years unique per format, moved with the start date', () => {
    expect(programmes).toHaveLength(5);
    expect(new Set(programmes.map((p) => `${p.format} ${p.editionYear}`)).size).toBe(5);
    expect(programmes.map((p) => [p.slug, p.title])).toEqual(
      [
        [`group-study-visits-${2027 + years}`, `Group Study Visits ${2027 + years}`],
        [`twinning-${2027 + years}`, `Twinning ${2027 + years}`],
        [`group-study-visits-${2026 + years}`, `Group Study Visits ${2026 + years}`],
        [`twinning-${2026 + years}`, `Twinning ${2026 + years}`],
        [`group-study-visits-${2025 + years}`, `Group Study Visits ${2025 + years}`],
      ],
    );
  });

  it('has sound timelines', async () => {
    const rows = await t.app.db.selectFrom('programme_milestones').select(['programme_id', 'kind', 'starts_on', 'ends_on']).execute();
    const byProgramme = new Map<string, Milestone[]>();
    for (const r of rows) byProgramme.set(r.programme_id, [...(byProgramme.get(r.programme_id) ?? []), { kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on }]);
    expect(byProgramme.size).toBe(5);
    for (const milestones of byProgramme.values()) expect(timelineProblems(milestones)).toEqual([]);
  });

  it('has an edition whose host call is open', async () => {
    const open = find((p) => p.current === 'host_call');
    const call = (await manager.request({ method: 'GET', url: `/api/programmes/${open.slug}/calls/host` })).json();
    expect(call.state).toBe('open');
    expect(new Date(call.closesAt).getTime()).toBeGreaterThan(now.getTime() + 14 * DAY_MS);
  });

  it('has an edition in evaluation: evaluations due in the future, one conflict of interest declared', async () => {
    const inEvaluation = find((p) => p.current === 'host_selection');
    const overview = (await manager.request({ method: 'GET', url: `/api/programmes/${inEvaluation.slug}/calls/host/evaluation` })).json();
    const statuses = overview.applications.flatMap((a: { evaluators: { status: string | null }[] }) => a.evaluators.map((e) => e.status));
    expect(statuses.filter((s: string | null) => s === null || s === 'draft').length).toBeGreaterThan(5);
    expect(overview.evaluators.reduce((n: number, e: { conflicts: number }) => n + e.conflicts, 0)).toBe(1);
    // Each application still has the two evaluators the settings ask for.
    expect(overview.applications.every((a: { evaluators: { status: string | null }[] }) => a.evaluators.filter((e) => e.status !== 'conflict').length === 2)).toBe(true);
  });

  it('has an edition in selection with a waiting list, its decisions to publish', async () => {
    const inSelection = find((p) => p.current === 'visitor_selection');
    const selection = (await manager.request({ method: 'GET', url: `/api/programmes/${inSelection.slug}/calls/visitor/selection` })).json();
    expect(selection).toMatchObject({ selected: selection.limit, waitlisted: 2, publishedAt: null, problems: [] });
  });

  it('has an edition whose visitors are selected (after the learning phases) and not yet matched', async () => {
    const selected = find((p) => p.phase === 'running' && p.current === null && p.next === 'visits');
    const matching = (await manager.request({ method: 'GET', url: `/api/programmes/${selected.slug}/matching` })).json();
    expect(matching.selection).toMatchObject({ hostsPublished: true, visitorsPublished: true, blocker: null });
    expect(matching.selection.visitors).toHaveLength(9);
    expect(matching.runs.total).toBe(0);
    expect(matching.published).toBeNull();
    const visits = (await t.app.inject(`/api/programmes/${selected.slug}/visits`)).json();
    expect(visits.items).toEqual([]);
  });

  it('has a finished edition with visits, feedback and replication follow-up', async () => {
    const finished = find((p) => p.phase === 'finished');
    const outcomes = (await t.app.inject(`/api/programmes/${finished.slug}/outcomes`)).json();
    expect(outcomes.visits).toHaveLength(3);
    expect(outcomes.visits.every((v: { endsOn: string }) => new Date(v.endsOn) < now)).toBe(true);
    expect(outcomes.visits.reduce((n: number, v: { replicated: number }) => n + v.replicated, 0)).toBeGreaterThan(0);
    const feedback = await t.app.db
      .selectFrom('visit_feedback as f')
      .innerJoin('study_visits as v', 'v.id', 'f.visit_id')
      .innerJoin('programmes as p', 'p.id', 'v.programme_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.slug', '=', finished.slug)
      .executeTakeFirstOrThrow();
    expect(Number(feedback.n)).toBeGreaterThan(0);
  });

  it("gives every demo role real work on its start page", async () => {
    const managerWork = await work('manager');
    expect(section(managerWork, 'calls_closing').map((i) => i.label.code)).toContain('WORK_HOST_CALL_CLOSING');
    expect(section(managerWork, 'decisions_to_publish').map((i) => i.label.code)).toContain('WORK_VISITOR_DECISIONS_TO_PUBLISH');

    for (const evaluator of ['evaluator', 'evaluator2', 'manager2']) {
      const items = section(await work(evaluator), 'evaluations_to_do');
      expect(items.length, evaluator).toBeGreaterThan(0);
      // Due in the future: the demo's evaluators are never late on the first start.
      expect(items.every((i) => i.date !== null && new Date(i.date) > now && i.urgency !== 'overdue'), evaluator).toBe(true);
    }

    expect(section(await work('facilitator'), 'threads_waiting').length).toBeGreaterThan(0);
    expect(section(await work('facilitator2'), 'threads_waiting').length).toBeGreaterThan(0);
    // Sofia Rossi's first demo request is answered and closed; Lahti's peer session waits for her to invite Mission Cities.
    expect((await work('expert')).map((s) => [s.kind, s.items.length])).toEqual([['support_requests', 1]]);

    for (const city of ['valencia', 'lahti', 'lahti2', 'krakow']) {
      expect(section(await work(city), 'city_deadlines').map((i) => i.label.code), city).toContain('WORK_CITY_MAY_APPLY_HOST');
    }
    expect(section(await work('split'), 'city_groups').map((i) => i.label.code)).toEqual(['WORK_CITY_GROUP_PROGRESS']);
    expect(section(await work('tilburg'), 'city_groups').map((i) => i.label.code)).toEqual(['WORK_CITY_GROUP_COMPLETE']);
    expect(section(await work('rotterdam'), 'city_applications').map((i) => i.status)).toEqual(['under_review']);
    expect(section(await work('genoa'), 'city_applications').map((i) => i.status)).toEqual(['under_review']);
    expect(section(await work('hamburg'), 'city_applications').map((i) => i.status)).toEqual(['selected']);
  });
});
