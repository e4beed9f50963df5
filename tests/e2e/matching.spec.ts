import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

interface Api {
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  cityId: string | null;
  close(): Promise<void>;
}

/** A signed-in HTTP client, as the browser would be: session cookie and CSRF token. */
async function apiAs(email: string): Promise<Api> {
  const context = await browser.newContext({ baseURL: platform.baseUrl });
  const request: APIRequestContext = context.request;
  const { csrfToken } = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  const signedIn = await request.post('/api/session', { data: { email, password: DEMO_PASSWORD }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(signedIn.status(), email).toBe(200);
  const session = (await signedIn.json()) as { csrfToken: string; user: { roles: { role: string; cityId: string | null }[] } };
  return {
    cityId: session.user.roles.find((r) => r.role === 'city_representative')?.cityId ?? null,
    async call(method, url, data) {
      const res = await request.fetch(url, { method, headers: { 'X-CSRF-Token': session.csrfToken }, ...(data === undefined ? {} : { data }) });
      const text = await res.text();
      return { status: res.status(), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    close: () => context.close(),
  };
}

/** A city applies to a call and submits (the call must be open at the platform's clock). */
async function applyAndSubmit(email: string, slug: string, kind: 'host' | 'visitor'): Promise<string> {
  const rep = await apiAs(email);
  const created = await rep.call('POST', `/api/programmes/${slug}/calls/${kind}/applications`, { cityId: rep.cityId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await rep.call('POST', `/api/applications/${String(created.body.id)}/submit`, { version: created.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  await rep.close();
  return String(created.body.id);
}

/** The page's h1 is shown and nothing is loading any more. */
async function ready(page: Page, heading: string) {
  await pageReady(page, heading);
}

describe('matching', () => {
  it('a programme manager opens the published 2025 matching: breakdown per host, the map and its table, no accessibility problems', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.goto('/programmes/group-study-visits-2025/matching');
    await ready(page, 'Matching: Group Study Visits 2025');
    await page.getByText('The matching is published', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'See the study visits' }).waitFor();
    await page.getByRole('heading', { name: 'Run 1 (' }).waitFor();
    // The fit breakdown of each visiting city, per host.
    const valencia = page.getByRole('table', { name: 'Visiting cities placed with Valencia and their fit' });
    await valencia.getByRole('rowheader', { name: /Cologne/ }).waitFor();
    await expect.poll(() => valencia.getByRole('columnheader').allTextContents()).toEqual(['Visiting city', 'Fit', 'Shared themes', 'Evaluation', 'Similar cities', 'Shared language', 'Low-carbon travel', 'Next best host']);
    await page.getByRole('heading', { name: 'Milan: 3 of 3 places taken' }).waitFor();
    await page.getByText('Facilitator: Giulia Bianchi').waitFor();
    // The map, its text alternative and the total CO2.
    await page.getByRole('group', { name: 'Map of Europe with the hosts, the visiting cities and their trips' }).waitFor();
    await page.getByText(/^Total travel: [\d,]+ kg CO2e/).waitFor();
    const trips = page.getByRole('table', { name: 'Trips of the visiting cities to their hosts' });
    await expect.poll(() => trips.getByRole('row').count()).toBe(10);
    // Keyboard: a point of the map reads out its trips.
    const point = page.getByRole('button', { name: /^Valencia \(Host city\)/ });
    await point.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => point.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('status').filter({ hasText: /^Valencia \(Host city\): Cologne – Valencia: \d/ }).waitFor();
    // Published: nothing to run, lock or publish any more.
    expect(await page.getByRole('button', { name: 'Run again' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Lock / }).count()).toBe(0);
    await expectAccessible(page, 'the published 2025 matching');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('on a programme whose selection is published, a manager runs, locks a pair, runs again, sees what moved and publishes; the visits appear', async () => {
    const slug = 'matching-e2e-2026';
    // ── The programme and its published selection, through the API, with the clock moved along its timeline.
    platform.setNow(new Date('2025-11-15T10:00:00Z'));
    const manager = await apiAs(DEMO.manager);
    const created = await manager.call('POST', '/api/programmes', { title: 'Matching e2e 2026', format: 'group_study_visits', editionYear: 2026, slug });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The cities below submit without answering: one optional question per call. Then the draft is published.
    for (const kind of ['host', 'visitor'] as const) {
      const call = await manager.call('GET', `/api/programmes/${slug}/calls/${kind}`);
      const form = { version: call.body.version, questions: [{ id: 'motivation', type: 'long_text', label: 'Why?', required: false }], criteria: [{ id: 'overall', name: 'Overall', weight: 1, scaleMax: 5 }] };
      expect((await manager.call('PUT', `/api/programmes/${slug}/calls/${kind}`, form)).status).toBe(200);
    }
    const draft = await manager.call('GET', `/api/programmes/${slug}`);
    expect((await manager.call('POST', `/api/programmes/${slug}/actions/publish`, { version: draft.body.version })).status).toBe(200);
    platform.setNow(new Date('2025-12-10T10:00:00Z'));
    const hostApps = [await applyAndSubmit(DEMO.valencia, slug, 'host'), await applyAndSubmit(DEMO.lahti, slug, 'host')];
    platform.setNow(new Date('2026-01-10T10:00:00Z'));
    for (const id of hostApps) expect((await manager.call('PUT', `/api/applications/${id}/decision`, { outcome: 'selected', reason: 'Strong solutions to visit.' })).status).toBe(200);
    expect((await manager.call('POST', `/api/programmes/${slug}/calls/host/selection/publish`)).status).toBe(200);
    const visitors = ['cologne', 'graz', 'bilbao', 'tallinn'];
    const cityIds = new Map<string, string>();
    for (const v of visitors) {
      const city = await manager.call('GET', `/api/cities/${v}`);
      cityIds.set(v, String(city.body.id));
      expect((await manager.call('PUT', `/api/programmes/${slug}/learning-completions/${String(city.body.id)}`)).status).toBeLessThan(300);
    }
    platform.setNow(new Date('2026-02-10T10:00:00Z'));
    const visitorApps: string[] = [];
    for (const v of visitors) visitorApps.push(await applyAndSubmit(`${v}@demo.peercities.eu`, slug, 'visitor'));
    platform.setNow(new Date('2026-03-10T10:00:00Z'));
    for (const id of visitorApps) expect((await manager.call('PUT', `/api/applications/${id}/decision`, { outcome: 'selected', reason: 'Clear learning goals.' })).status).toBe(200);
    expect((await manager.call('POST', `/api/programmes/${slug}/calls/visitor/selection/publish`)).status).toBe(200);
    platform.setNow(new Date('2026-03-20T10:00:00Z'));

    // ── The manager's page: run the matching.
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.goto(`/programmes/${slug}/matching`);
    await ready(page, 'Matching: Matching e2e 2026');
    await page.getByRole('heading', { name: '2 selected hosts' }).waitFor();
    await page.getByText('No run yet. Check the weights and rules, then run the matching.').waitFor();
    await expectAccessible(page, 'the matching page before the first run');
    await page.getByRole('button', { name: 'Run the matching' }).click();
    await page.getByText('Run 1 is ready.').waitFor();
    await page.getByText('This is the first run of the programme.').waitFor();
    await page.getByText(/^The best possible placement: 4 visiting cities placed/).waitFor();
    await ready(page, 'Matching: Matching e2e 2026');

    // ── Lock a visiting city to its next best host, with one click, and run again.
    const lockElsewhere = page.getByRole('button', { name: /^Lock .+ to (Valencia|Lahti)$/ }).filter({ hasText: /^Lock to / }).first();
    const label = (await lockElsewhere.getAttribute('aria-label')) ?? '';
    const [, moving = '', target = ''] = /^Lock (.+) to (.+)$/.exec(label) ?? [];
    await lockElsewhere.click();
    await page.getByText(`${moving} is locked to ${target}.`).waitFor();
    // The shown run is now out of date: it cannot be published.
    await page.getByText('This run is out of date', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish run 1' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Run again' }).click();
    await page.getByText('Run 2 is ready.').waitFor();
    await page.getByRole('heading', { name: 'Compared with run 1' }).waitFor();
    await page.getByRole('list', { name: 'Cities that moved' }).getByText(new RegExp(`^${moving}: .+ → ${target}$`)).waitFor();
    const targetTable = page.getByRole('table', { name: `Visiting cities placed with ${target} and their fit` });
    await targetTable.getByRole('rowheader', { name: new RegExp(`^${moving} .*locked`) }).waitFor();
    await expectAccessible(page, 'the second run with what moved');

    // ── Publish: the dialog says what happens; the visits are created.
    await page.getByRole('button', { name: 'Publish run 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish run 2?' });
    await dialog.getByText(/Publishing creates 2 study visits \(4 visiting cities with 2 hosts/).waitFor();
    await dialog.getByText('The representatives of every host and visiting city are emailed where they go or who comes.').waitFor();
    await expectAccessible(page, 'the publish confirmation');
    await dialog.getByRole('button', { name: 'Publish and create the visits' }).click();
    await page.getByText('The matching is published: the study visits are created and the cities are being emailed.').waitFor();
    await page.getByText('The matching is published', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Run again' }).count()).toBe(0);
    await expectAccessible(page, 'the published matching');

    const visits = await manager.call('GET', `/api/programmes/${slug}/visits`);
    const items = visits.body.items as { host: { name: string }; visitors: { name: string }[] }[];
    expect(items).toHaveLength(2);
    expect(items.flatMap((v) => v.visitors.map((c) => c.name)).sort()).toEqual(['Bilbao', 'Cologne', 'Graz', 'Tallinn']);
    expect(items.find((v) => v.host.name === target)?.visitors.map((c) => c.name)).toContain(moving);
    await manager.close();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
