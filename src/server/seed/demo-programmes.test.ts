import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow('2026-11-28T12:00:00Z');
});
afterAll(async () => t.close());

describe('programme demo data', () => {
  it('holds the finished 2025 edition, the 2027 edition before its host call, and the editions between', async () => {
    const list = (await t.app.inject('/api/programmes')).json();
    expect(list.items.map((p: { slug: string; phase: string; next: string | null }) => [p.slug, p.phase, p.next])).toEqual([
      ['group-study-visits-2027', 'running', 'host_call'],
      ['twinning-2027', 'running', 'host_selection'],
      ['group-study-visits-2026', 'running', 'visits'],
      ['twinning-2026', 'running', 'visits'],
      ['group-study-visits-2025', 'finished', null],
    ]);
  });

  it('has three hosts and nine visitors selected in 2025, with three visitors waitlisted', async () => {
    const manager = await t.signedIn('manager@demo.peercities.eu');
    const hosts = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/calls/host/selection' })).json();
    expect(hosts).toMatchObject({ limit: 3, selected: 3, waitlisted: 1, rejected: 1, problems: [] });
    expect(hosts.applications.filter((a: { outcome: string }) => a.outcome === 'selected').map((a: { cityName: string }) => a.cityName).sort()).toEqual(['Espoo', 'Milan', 'Valencia']);
    const visitors = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/calls/visitor/selection' })).json();
    expect(visitors).toMatchObject({ limit: 9, selected: 9, waitlisted: 3, problems: [] });
    expect(visitors.publishedAt).toBe('2025-03-24T10:00:00.000Z');
    const overview = (await manager.request({ method: 'GET', url: '/api/programmes/group-study-visits-2025/calls/visitor/evaluation' })).json();
    expect(overview.applications.every((a: { score: number | null }) => a.score !== null)).toBe(true);
  });

  it('is loaded once: a second start adds nothing', async () => {
    const { seedDemoData } = await import('./demo-seed.ts');
    expect(await seedDemoData(t.app.db, 10, new Date('2027-06-01T10:00:00Z'))).toBe(false);
    const n = await t.app.db.selectFrom('programmes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n.n).toBe(5);
  });
});
