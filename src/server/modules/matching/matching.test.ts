import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchCommand } from '../../../cli/match.command.ts';
import { givePriorities } from '../../test-support/city-priorities.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import type { Reason } from '../../../shared/reason.ts';
import { englishText, reason } from '../../../shared/reason-texts.ts';

let t: TestApp;
let manager: TestClient;
const SLUG = 'group-study-visits-2025';
const id: Record<string, string> = {};

interface RunBody {
  id: string;
  number: number;
  status: string;
  objective: number | null;
  inputsHash: string;
  reason: Reason | null;
  stale: Reason | null;
  published: boolean;
  hosts: { cityId: string; name: string; facilitator: { name: string } | null; visitors: { cityId: string; name: string; score: number; locked: boolean; components: { key: string; contribution: number; reasons: Reason[] }[]; runnerUp: { hostName: string; reason: Reason } | null }[] }[];
  unplaced: { name: string; reasons: { reason: Reason }[] }[];
  diff: { previousNumber: number; moved: { name: string; from: string | null; to: string | null }[]; objectiveChange: number | null } | null;
  lines: { from: string; to: string; co2Kg: number }[];
  points: { id: string; kind: string }[];
  totalCo2Kg: number | null;
}

const placement = (run: RunBody) => Object.fromEntries(run.hosts.map((h) => [h.name, h.visitors.map((v) => v.name).sort()]));

async function overview(slug = SLUG) {
  const res = await manager.request({ method: 'GET', url: `/api/programmes/${slug}/matching` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function run(): Promise<RunBody> {
  const { settings } = await overview();
  const res = await manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/matching/runs`, payload: { settingsVersion: settings.version } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function pair(host: string, visitor: string, rule: 'locked' | 'forbidden' | 'none') {
  const res = await manager.request({ method: 'PUT', url: `/api/programmes/${SLUG}/matching/pairs`, payload: { hostCityId: id[host], visitorCityId: id[visitor], rule } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function count(table: 'study_visits' | 'outbox' | 'matching_publications' | 'matching_pair_rules' | 'matching_runs') {
  const row = await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('manager@demo.peercities.eu');
  for (const c of await t.app.db.selectFrom('cities').select(['id', 'slug']).execute()) id[c.slug] = c.id;
});
afterAll(async () => t.close());

describe('the demo 2025 matching', () => {
  it('is published and reproduces the visits that took place, with facilitators, travel and explanations', async () => {
    const o = await overview();
    expect(o.selection.blocker).toBeNull();
    expect(o.selection.hosts.map((h: { name: string }) => h.name)).toEqual(['Espoo', 'Milan', 'Valencia']);
    expect(o.selection.visitors).toHaveLength(9);
    expect(o.runs.total).toBe(1);
    expect(o.published.number).toBe(1);
    const res = await manager.request({ method: 'GET', url: `/api/matching-runs/${o.published.runId}` });
    expect(res.statusCode).toBe(200);
    const published: RunBody = res.json();
    expect(published.status).toBe('optimal');
    expect(published.published).toBe(true);
    expect(published.stale).toBeNull();
    expect(placement(published)).toEqual({ Espoo: ['Oulu', 'Plovdiv', 'Tallinn'], Milan: ['Bilbao', 'Brno', 'Gdańsk'], Valencia: ['Cologne', 'Ghent', 'Graz'] });
    expect(published.hosts.map((h) => [h.name, h.facilitator?.name])).toEqual([
      ['Espoo', 'Giulia Bianchi'],
      ['Milan', 'Katrin Müller'],
      ['Valencia', 'Pierre Dubois'],
    ]);
    const visitor = published.hosts[0]!.visitors[0]!;
    expect(visitor.locked).toBe(true);
    expect(visitor.components.map((c) => c.key)).toEqual(['thematic', 'evaluation', 'likeness', 'language', 'travel']);
    expect(visitor.score).toBeCloseTo(visitor.components.reduce((s, c) => s + c.contribution, 0), 4);
    expect(published.lines).toHaveLength(9);
    expect(published.totalCo2Kg).toBeCloseTo(published.lines.reduce((s, l) => s + l.co2Kg, 0), 0);
    const visits = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/visits` })).json().items;
    expect(visits.map((v: { host: { name: string }; visitors: { name: string }[] }) => [v.host.name, v.visitors.map((c) => c.name).sort()])).toEqual(Object.entries(placement(published)));
  });

  it('shows a run stored before reasons existed, with English text where reasons are now, as it was written', async () => {
    const runId = (await overview()).published.runId;
    const get = async (): Promise<RunBody> => (await manager.request({ method: 'GET', url: `/api/matching-runs/${runId}` })).json();
    const row = await t.app.db.selectFrom('matching_runs').select(['context', 'result']).where('id', '=', runId).executeTakeFirstOrThrow();
    // The demo run as a database seeded before issue 16 holds it: text in place of each reason.
    const asText = <T extends { why: Reason }>({ why, ...rest }: T) => ({ ...rest, text: englishText(why) });
    const explanation = row.result.explanation;
    const older = {
      context: {
        ...row.context,
        fits: row.context.fits.map((f) => ({ ...f, components: f.components.map((c) => ('reasons' in c ? { key: c.key, value: c.value, weight: c.weight, contribution: c.contribution, text: c.reasons.map(englishText).join(', ') } : c)) })),
      },
      result: {
        ...row.result,
        ...(explanation && {
          explanation: { ...explanation, applicants: explanation.applicants.map((a) => ({ ...a, runnerUp: a.runnerUp && 'why' in a.runnerUp ? asText(a.runnerUp) : a.runnerUp, notGiven: a.notGiven.map((n) => ('why' in n ? asText(n) : n)) })) },
        }),
      },
    };
    const said = (run: RunBody) => run.hosts.flatMap((h) => h.visitors.map((v) => [v.runnerUp && englishText(v.runnerUp.reason), v.components.map((c) => c.reasons.map(englishText).join(', '))]));
    const now = await get();
    await t.app.db.updateTable('matching_runs').set({ context: JSON.stringify(older.context), result: JSON.stringify(older.result) }).where('id', '=', runId).execute();
    try {
      const then = await get();
      expect(said(then)).toEqual(said(now));
      // Its visitors are all locked (the visits that took place), so the fit breakdown is what it explains.
      const [first] = now.hosts[0]!.visitors[0]!.components;
      expect(first?.reasons[0]?.code).toMatch(/^FIT_/);
      expect(then.hosts[0]!.visitors[0]!.components[0]?.reasons).toEqual([reason('STORED_TEXT', { text: first!.reasons.map(englishText).join(', ') })]);
    } finally {
      await t.app.db.updateTable('matching_runs').set({ context: JSON.stringify(row.context), result: JSON.stringify(row.result) }).where('id', '=', runId).execute();
    }
  });

  it('explains that the 2027 edition has nothing to match before its selection is published', async () => {
    const o = await overview('group-study-visits-2027');
    expect(englishText(o.selection.blocker)).toMatch(/host selection is not published yet/);
    expect(o.selection.hosts).toEqual([]);
    expect(o.runs.items).toEqual([]);
    const res = await manager.request({ method: 'POST', url: '/api/programmes/group-study-visits-2027/matching/runs', payload: { settingsVersion: o.settings.version } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/not published yet/);
  });

  it('refuses to publish a second time', async () => {
    const o = await overview();
    const res = await manager.request({ method: 'POST', url: `/api/matching-runs/${o.published.runId}/publish`, payload: { confirm: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already published/);
  });

  it('refuses new runs and pair rules once published, saying why: they could never be published', async () => {
    const o = await overview();
    const pairsBefore = await count('matching_pair_rules');
    const runsBefore = await count('matching_runs');
    const runRes = await manager.request({ method: 'POST', url: '/api/programmes/group-study-visits-2025/matching/runs', payload: { settingsVersion: o.settings.version } });
    expect(runRes.statusCode).toBe(409);
    expect(runRes.json().reason).toEqual(reason('MATCHING_PUBLISHED_FINAL', { number: o.published.number }));
    const [host, visitor] = [o.selection.hosts[0], o.selection.visitors[0]];
    const pairRes = await manager.request({ method: 'PUT', url: '/api/programmes/group-study-visits-2025/matching/pairs', payload: { hostCityId: host.id, visitorCityId: visitor.id, rule: 'forbidden' } });
    expect(pairRes.statusCode).toBe(409);
    expect(pairRes.json().reason).toEqual(reason('MATCHING_PUBLISHED_FINAL', { number: o.published.number }));
    expect([await count('matching_pair_rules'), await count('matching_runs')]).toEqual([pairsBefore, runsBefore]);
  });
});

describe('settings', () => {
  it('validates weights and rules, naming the bad field, and refuses a stale version', async () => {
    const { settings } = await overview();
    const bad = await manager.request({
      method: 'PUT',
      url: `/api/programmes/${SLUG}/matching/settings`,
      payload: { version: settings.version, weights: { ...settings.weights, thematic: 140 }, rules: { ...settings.rules, maxPerCountryPerHost: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.rules.maxPerCountryPerHost', 'body.weights.thematic']);
    const notFacilitator = await manager.request({
      method: 'PUT',
      url: `/api/programmes/${SLUG}/matching/settings`,
      payload: { version: settings.version, weights: settings.weights, rules: { ...settings.rules, facilitators: [{ personId: id.valencia, languages: ['en'], maxVisits: 1 }] } },
    });
    expect(notFacilitator.statusCode).toBe(400);
    expect(notFacilitator.json().errors[0].field).toBe('body.rules.facilitators.0.personId');
    const stale = await manager.request({ method: 'PUT', url: `/api/programmes/${SLUG}/matching/settings`, payload: { version: settings.version + 5, weights: settings.weights, rules: settings.rules } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EDIT_CONFLICT');
  });

  it('is for programme managers only', async () => {
    const facilitator = await t.signedIn('facilitator@demo.peercities.eu');
    expect((await facilitator.request({ method: 'GET', url: `/api/programmes/${SLUG}/matching` })).statusCode).toBe(403);
    const anonymous = await t.client();
    expect((await anonymous.request({ method: 'GET', url: `/api/programmes/${SLUG}/matching` })).statusCode).toBe(401);
  });
});

describe('running, locking and publishing (the 2025 selection without its visits)', () => {
  beforeAll(async () => {
    // Start again from the published selection: no visits, no publication, no pair rules.
    const p = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await t.app.db.deleteFrom('study_visits').where('programme_id', '=', p.id).execute();
    await t.app.db.deleteFrom('matching_publications').where('programme_id', '=', p.id).execute();
    for (const r of await t.app.db.selectFrom('matching_pair_rules').select(['host_city_id', 'visitor_city_id']).where('programme_id', '=', p.id).execute()) {
      await manager.request({ method: 'PUT', url: `/api/programmes/${SLUG}/matching/pairs`, payload: { hostCityId: r.host_city_id, visitorCityId: r.visitor_city_id, rule: 'none' } });
    }
  });

  let first: RunBody;
  let second: RunBody;

  it('runs the matching exactly and deterministically: the same inputs give the same result', async () => {
    first = await run();
    expect(first.status).toBe('optimal');
    expect(first.number).toBe(2);
    expect(first.hosts.flatMap((h) => h.visitors)).toHaveLength(9);
    expect(first.unplaced).toEqual([]);
    expect(first.diff?.previousNumber).toBe(1);
    second = await run();
    expect(second.inputsHash).toBe(first.inputsHash);
    expect(second.objective).toBe(first.objective);
    expect(placement(second)).toEqual(placement(first));
    expect(second.diff?.moved).toEqual([]);
    expect(second.diff?.objectiveChange).toBe(0);
    // Every placed visitor names its runner-up host and what moving there would cost.
    const v = second.hosts[0]!.visitors[0]!;
    expect(v.runnerUp && englishText(v.runnerUp.reason)).toMatch(/lower the total by|full/);
    // An older run is out of date once a newer exists.
    const old = (await manager.request({ method: 'GET', url: `/api/matching-runs/${first.id}` })).json();
    expect(englishText(old.stale)).toMatch(/newer run/);
  });

  it('locks a pair with one call and shows what moved in the next run; refuses to publish the run before the lock', async () => {
    const host = second.hosts.find((h) => h.visitors.length > 0)!;
    const other = second.hosts.find((h) => h.cityId !== host.cityId)!;
    const moving = host.visitors[0]!;
    const slugOf = (cityId: string) => Object.entries(id).find(([, v]) => v === cityId)![0];
    const settings = await pair(slugOf(other.cityId), slugOf(moving.cityId), 'locked');
    expect(settings.pairRules).toEqual([{ hostCityId: other.cityId, visitorCityId: moving.cityId, rule: 'locked' }]);

    const before = await count('study_visits');
    const refused = await manager.request({ method: 'POST', url: `/api/matching-runs/${second.id}/publish`, payload: { confirm: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/out of date.*changed after this run/);
    expect(await count('study_visits')).toBe(before);
    expect(await count('matching_publications')).toBe(0);

    const third = await run();
    const placedAt = third.hosts.find((h) => h.visitors.some((v) => v.cityId === moving.cityId))!;
    expect(placedAt.cityId).toBe(other.cityId);
    expect(placedAt.visitors.find((v) => v.cityId === moving.cityId)!.locked).toBe(true);
    expect(third.diff?.moved).toContainEqual({ cityId: moving.cityId, name: moving.name, from: host.name, to: other.name });
    expect(third.objective!).toBeLessThanOrEqual(second.objective!);
  });

  it('says which rule makes a run infeasible and refuses to publish it', async () => {
    const visitors = ['cologne', 'graz', 'ghent', 'bilbao'];
    for (const v of visitors) await pair('milan', v, 'locked');
    const infeasible = await run();
    expect(infeasible.status).toBe('infeasible');
    expect(infeasible.reason && englishText(infeasible.reason)).toMatch(/Milan/);
    expect(infeasible.hosts.flatMap((h) => h.visitors)).toEqual([]);
    const refused = await manager.request({ method: 'POST', url: `/api/matching-runs/${infeasible.id}/publish`, payload: { confirm: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/infeasible/);
    for (const v of visitors) await pair('milan', v, 'none');
  });

  it('forbids a pair and undoes it', async () => {
    const forbidden = await pair('espoo', 'oulu', 'forbidden');
    expect(forbidden.pairRules).toContainEqual({ hostCityId: id.espoo, visitorCityId: id.oulu, rule: 'forbidden' });
    const r = await run();
    expect(r.hosts.find((h) => h.cityId === id.espoo)!.visitors.map((v) => v.cityId)).not.toContain(id.oulu);
    const undone = await pair('espoo', 'oulu', 'none');
    expect(undone.pairRules.some((p: { visitorCityId: string; hostCityId: string }) => p.visitorCityId === id.oulu && p.hostCityId === id.espoo)).toBe(false);
    const bad = await manager.request({ method: 'PUT', url: `/api/programmes/${SLUG}/matching/pairs`, payload: { hostCityId: id.lahti, visitorCityId: id.oulu, rule: 'locked' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.hostCityId');
  });

  it('refuses to publish a run whose inputs changed after it (a selected city’s data), and changes nothing', async () => {
    const latest = await run();
    const before = await t.app.db.selectFrom('cities').select('population').where('id', '=', id.cologne!).executeTakeFirstOrThrow();
    await t.app.db.updateTable('cities').set({ population: 5_000_000 }).where('id', '=', id.cologne!).execute();
    const outbox = await count('outbox');
    const refused = await manager.request({ method: 'POST', url: `/api/matching-runs/${latest.id}/publish`, payload: { confirm: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/selected cities or their data changed/);
    expect([await count('study_visits'), await count('matching_publications'), await count('outbox')]).toEqual([0, 0, outbox]);
    await t.app.db.updateTable('cities').set({ population: before.population }).where('id', '=', id.cologne!).execute();
  });

  it('publishes the latest run: records it, creates the visits and emails the cities, once', async () => {
    const latest = await run();
    const outboxBefore = await count('outbox');
    const res = await manager.request({ method: 'POST', url: `/api/matching-runs/${latest.id}/publish`, payload: { confirm: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().published).toBe(true);
    const visits = (await manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/visits` })).json().items;
    expect(visits.map((v: { host: { name: string }; visitors: { name: string }[] }) => [v.host.name, v.visitors.map((c) => c.name).sort()])).toEqual(Object.entries(placement(latest)));
    expect(visits.every((v: { facilitator: string | null }) => v.facilitator !== null)).toBe(true);
    const linked = await t.app.db.selectFrom('study_visits').select('matching_run_id').execute();
    expect(linked.every((v) => v.matching_run_id === latest.id)).toBe(true);
    const emails = await t.app.db.selectFrom('outbox').select(['to_address', 'subject']).orderBy('created_at').execute();
    expect(emails.length).toBeGreaterThan(outboxBefore);
    expect(emails.some((e) => e.to_address === 'valencia@demo.peercities.eu' && /visiting Valencia/.test(e.subject))).toBe(true);
    const audit = await t.app.db.selectFrom('audit_events').select('action').where('entity_id', '=', latest.id).execute();
    expect(audit.map((a) => a.action)).toContain('matching.publish');
    const again = await manager.request({ method: 'POST', url: `/api/matching-runs/${latest.id}/publish`, payload: { confirm: true } });
    expect(again.statusCode).toBe(409);
    expect((await overview()).published.runId).toBe(latest.id);
  });
});

describe('POST /api/matching/solve', () => {
  const instance = {
    hosts: [{ id: 'h1', capacity: 1, country: 'ES' }, { id: 'h2', capacity: 1, country: 'IT' }],
    applicants: [{ id: 'a1', country: 'DE' }, { id: 'a2', country: 'DE' }, { id: 'a3', country: 'FR' }],
    pairs: [
      { applicant: 'a1', host: 'h1', score: 12.5 },
      { applicant: 'a2', host: 'h1', score: 10 },
      { applicant: 'a2', host: 'h2', score: 3 },
      { applicant: 'a3', host: 'h2', score: 4.25 },
    ],
    rules: { maxPerCountryPerHost: 1, locked: [{ applicant: 'a2', host: 'h2' }] },
  };

  it('answers exactly what `peercities match --explain` prints for the same instance', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'match-'));
    const file = path.join(dir, 'instance.json');
    await writeFile(file, JSON.stringify(instance));
    let printed = '';
    expect(await matchCommand([file, '--explain'], { stdout: (s) => (printed += s), stderr: () => undefined })).toBe(0);
    const res = await manager.request({ method: 'POST', url: '/api/matching/solve?explain=true', payload: instance });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(JSON.parse(printed));
    expect(res.json().assignments).toEqual([
      { applicant: 'a1', host: 'h1', score: 12.5 },
      { applicant: 'a2', host: 'h2', score: 3 },
    ]);
  });

  it('names the bad field of a malformed instance, like the command line', async () => {
    const res = await manager.request({ method: 'POST', url: '/api/matching/solve', payload: { ...instance, pairs: [{ applicant: 'a9', host: 'h1', score: 1 }], rules: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.pairs[0].applicant', message: 'unknown applicant "a9"', reason: reason('INSTANCE_UNKNOWN_APPLICANT', { id: 'a9' }) }]);
    const unknownField = await manager.request({ method: 'POST', url: '/api/matching/solve', payload: { ...instance, rulez: {} } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].field).toBe('body');
    expect(unknownField.json().errors[0].message).toMatch(/rulez/);
    const typed = await manager.request({ method: 'POST', url: '/api/matching/solve', payload: { ...instance, pairs: [{ applicant: 'a1', host: 'h1', score: 'high' }] } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors[0].field).toMatch(/^body\.pairs\.0\.score/);
  });

  it('needs a signed-in person', async () => {
    const anonymous = await t.client();
    expect((await anonymous.request({ method: 'POST', url: '/api/matching/solve', payload: instance })).statusCode).toBe(401);
  });
});

describe('statements per request', () => {
  // 23 and 29 before the programme was loaded once per request (issue 16); a run reads
  // the publication first since issue 17 (20 -> 21: a published matching refuses runs).
  it('reads the overview and starts a run in a fixed number of database statements', async () => {
    // Runs are refused once published: measure on the selection without its publication.
    const p = await t.app.db.selectFrom('programmes').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await t.app.db.deleteFrom('study_visits').where('programme_id', '=', p.id).execute();
    await t.app.db.deleteFrom('matching_publications').where('programme_id', '=', p.id).execute();
    const read = await t.queries.during(() => manager.request({ method: 'GET', url: `/api/programmes/${SLUG}/matching` }));
    expect(read.result.statusCode, read.result.body).toBe(200);
    const started = await t.queries.during(() => manager.request({ method: 'POST', url: `/api/programmes/${SLUG}/matching/runs`, payload: { settingsVersion: read.result.json().settings.version } }));
    expect(started.result.statusCode, started.result.body).toBe(201);
    expect({ overview: read.queries, startRun: started.queries }).toEqual({ overview: 18, startRun: 21 });
  });
});

describe('a visitor’s priorities from the support-needs survey (Group Study Visits 2026, not yet matched)', () => {
  const GSV26 = 'group-study-visits-2026';
  const runOf = async (): Promise<RunBody> => {
    const { settings } = await overview(GSV26);
    const res = await manager.request({ method: 'POST', url: `/api/programmes/${GSV26}/matching/runs`, payload: { settingsVersion: settings.version } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const visitorIn = (r: RunBody, slug: string) => r.hosts.flatMap((h) => h.visitors.map((v) => ({ host: h.name, ...v }))).find((v) => v.cityId === id[slug]);

  it('shows the priorities weight in the settings, with its default', async () => {
    expect((await overview(GSV26)).settings.weights.priorities).toBe(15);
  });

  it('adds the priorities component to the fit, and the explanation names the survey', async () => {
    const before = await runOf();
    expect(visitorIn(before, 'hamburg')?.components.map((c) => c.key)).toEqual(['thematic', 'evaluation', 'likeness', 'language', 'travel']);
    await givePriorities(t.app.db, 'hamburg', { sectors: ['mobility', 'energy'] });
    const after = await runOf();
    expect(after.inputsHash).not.toBe(before.inputsHash);
    const hamburg = visitorIn(after, 'hamburg')!;
    const priorities = hamburg.components.find((c) => c.key === 'priorities')!;
    expect(priorities.reasons).toHaveLength(1);
    expect(englishText(priorities.reasons[0]!)).toMatch(new RegExp(`^Hamburg’s priority sectors \\(support-needs survey\\): mobility, energy — ${hamburg.host} has (solutions in|no solutions in them)`));
    expect(hamburg.score).toBeCloseTo(hamburg.components.reduce((s, c) => s + c.contribution, 0), 4);
    // Cities without priorities keep their components.
    expect(visitorIn(after, 'zurich')?.components.map((c) => c.key)).not.toContain('priorities');
  });

  it('takes a weight of 0 from the settings: the reason stays, the contribution is 0', async () => {
    const { settings } = await overview(GSV26);
    const res = await manager.request({ method: 'PUT', url: `/api/programmes/${GSV26}/matching/settings`, payload: { version: settings.version, weights: { ...settings.weights, priorities: 0 }, rules: settings.rules } });
    expect(res.statusCode, res.body).toBe(200);
    const hamburg = visitorIn(await runOf(), 'hamburg')!;
    expect(hamburg.components.find((c) => c.key === 'priorities')).toMatchObject({ weight: 0, contribution: 0 });
  });
});
