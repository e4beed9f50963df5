import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;
/** The machine running these may be busy: each step waits for axe and a real browser. */
const SLOW = 300_000;
const Y2025 = 'group-study-visits-2025';
const Y2027 = 'group-study-visits-2027';
const GRAZ = 'graz@demo.peercities.eu';
/** Personal data a delegation gives in this test; it must never reach a public page. */
const DIETARY = 'Vegetarian, no nuts (e2e)';
const ACCESS = 'Step-free access (e2e)';

/** A page's h1 is shown and nothing is still loading. */
async function ready(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
}

interface Api {
  userId: string;
  cityId: string | null;
  send(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Someone using the HTTP API as the browser does: session cookie and CSRF token. */
async function apiAs(email: string): Promise<Api> {
  const context = await browser.newContext({ baseURL: platform.baseUrl });
  const request = context.request;
  const { csrfToken } = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  const signedIn = await request.post('/api/session', { data: { email, password: DEMO_PASSWORD }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(signedIn.status(), email).toBe(200);
  const session = (await signedIn.json()) as { csrfToken: string; user: { id: string; roles: { role: string; cityId: string | null }[] } };
  return {
    userId: session.user.id,
    cityId: session.user.roles.find((r) => r.role === 'city_representative')?.cityId ?? null,
    async send(method, url, data) {
      const res = await request.fetch(url, { method, ...(data === undefined ? {} : { data }), headers: { 'X-CSRF-Token': session.csrfToken } });
      if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
      return res.status() === 204 ? null : res.json();
    },
    close: () => context.close(),
  };
}

/**
 * The 2027 edition up to its visits, through the HTTP API as the people
 * would do it: three Mission Cities apply to host and are selected, three
 * cities apply to visit and are selected, and the manager creates one visit
 * per host (as publishing a match does) — Pierre Dubois facilitating two.
 */
async function prepare2027Visits(): Promise<void> {
  const manager = await apiAs(DEMO.manager);
  const apply = async (kind: 'host' | 'visitor', slug: string, answers: Record<string, unknown>) => {
    const rep = await apiAs(`${slug}@demo.peercities.eu`);
    const draft = (await rep.send('POST', `/api/programmes/${Y2027}/calls/${kind}/applications`, { cityId: rep.cityId, answers })) as { id: string; version: number };
    await rep.send('POST', `/api/applications/${draft.id}/submit`, { version: draft.version });
    await rep.close();
    return { applicationId: draft.id, cityId: rep.cityId ?? '' };
  };
  const select = async (kind: 'host' | 'visitor', applications: { applicationId: string }[]) => {
    for (const a of applications) await manager.send('PUT', `/api/applications/${a.applicationId}/decision`, { outcome: 'selected', reason: 'Selected for the e2e edition.' });
    await manager.send('POST', `/api/programmes/${Y2027}/calls/${kind}/selection/publish`);
  };

  platform.setNow(new Date('2026-12-05T10:00:00Z'));
  const hosts: Record<string, { applicationId: string; cityId: string }> = {};
  for (const slug of ['valencia', 'lahti', 'krakow']) {
    hosts[slug] = await apply('host', slug, { motivation: 'We want to show our Climate City Contract at work.', solutions: 'Our solutions in the library.', sectors: ['energy'] });
  }
  platform.setNow(new Date('2027-01-10T10:00:00Z'));
  await select('host', Object.values(hosts));

  platform.setNow(new Date('2027-02-10T10:00:00Z'));
  const visitors: Record<string, { applicationId: string; cityId: string }> = {};
  for (const slug of ['tilburg', 'poznan', 'malaga']) {
    const city = (await manager.send('GET', `/api/cities/${slug}`)) as { id: string };
    await manager.send('PUT', `/api/programmes/${Y2027}/learning-completions/${city.id}`);
    visitors[slug] = await apply('visitor', slug, { motivation: 'We want to learn from a Mission City.', sectors: ['energy'], replication: 'A pilot within two years.', delegates: 2 });
  }
  platform.setNow(new Date('2027-03-10T10:00:00Z'));
  await select('visitor', Object.values(visitors));

  const pierre = await apiAs(DEMO.facilitator);
  const katrin = await apiAs('facilitator2@demo.peercities.eu');
  await manager.send('POST', `/api/programmes/${Y2027}/visits`, {
    placements: [
      { hostCityId: hosts.valencia?.cityId, visitorCityIds: [visitors.tilburg?.cityId], facilitatorId: pierre.userId },
      { hostCityId: hosts.lahti?.cityId, visitorCityIds: [visitors.poznan?.cityId], facilitatorId: pierre.userId },
      { hostCityId: hosts.krakow?.cityId, visitorCityIds: [visitors.malaga?.cityId], facilitatorId: katrin.userId },
    ],
  });
  await Promise.all([pierre.close(), katrin.close(), manager.close()]);
  platform.setNow(new Date('2027-04-01T10:00:00Z'));
}

let valenciaVisitPath = '';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
  await prepare2027Visits();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('study visits, delegations and follow-up', () => {
  it('the finished 2025 edition shows three visits with agendas, delegations, feedback and replication plans; its programme prints to PDF', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    // Anyone sees the visits of the edition.
    await page.goto(`/programmes/${Y2025}/visits`);
    await ready(page, 'Study visits: Group Study Visits 2025');
    const table = page.getByRole('table', { name: 'Study visits of this programme, by host city' });
    for (const host of ['Espoo', 'Milan', 'Valencia']) await table.getByRole('row', { name: new RegExp(`Study visit to ${host}`) }).getByText('completed').waitFor();
    await expectAccessible(page, 'the 2025 visits, signed out');

    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await ready(page, 'My account');
    for (const host of ['Espoo', 'Milan', 'Valencia']) {
      await page.goto(`/programmes/${Y2025}/visits`);
      await ready(page, 'Study visits: Group Study Visits 2025');
      await page.getByRole('link', { name: `Study visit to ${host}` }).click();
      await ready(page, `Study visit to ${host}`);
      if (host === 'Valencia') valenciaVisitPath = new URL(page.url()).pathname;
      const agenda = page.getByRole('region', { name: 'Agenda' });
      await agenda.getByRole('heading', { name: /^Day 1: / }).waitFor();
      await agenda.getByRole('heading', { name: /^Day 2: / }).waitFor();
      await agenda.getByText('Lunch with the project team').waitFor();
      await agenda.getByText('Replication workshop: what could work at home?').waitFor();
      const delegations = page.getByRole('region', { name: 'Delegations' });
      await expect.poll(() => delegations.getByRole('table').count()).toBe(3);
      await delegations.getByText(/^9 people travel to this visit/).waitFor();
      await page.getByRole('region', { name: 'Feedback' }).getByText('3 responses so far.').waitFor();
      const plans = page.getByRole('region', { name: 'Replication plans' });
      await expect.poll(() => plans.getByRole('article').count()).toBe(3);
      await expectAccessible(page, `the 2025 visit to ${host}, as a programme manager`);
    }

    // The calendar file parses, in Brussels time.
    await page.goto(valenciaVisitPath);
    await ready(page, 'Study visit to Valencia');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click()]);
    const ics = await (await download.createReadStream()).toArray();
    const calendar = new ICAL.Component(ICAL.parse(Buffer.concat(ics).toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toContain('Study visit to Valencia');
    expect(events).toHaveLength(5);

    // The printable programme: no navigation on paper, and a real PDF.
    await page.getByRole('link', { name: 'Printable programme' }).click();
    await ready(page, 'Programme of the study visit to Valencia');
    await page.getByRole('heading', { name: /^Day 1: Tuesday,? 20 May 2025$/ }).waitFor();
    await expectAccessible(page, 'the printable programme');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Programme of the study visit to Valencia' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // Chromium writes the document title into the PDF's metadata (as UTF-16 when it is not plain ASCII).
    const raw = pdf.toString('latin1');
    const utf16 = Buffer.from('Valencia', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(raw.includes('Valencia') || raw.toUpperCase().includes(utf16)).toBe(true);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, SLOW);

  it('a visiting city names its delegates, gives feedback and adds a replication update', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, GRAZ, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(valenciaVisitPath);
    await ready(page, 'Study visit to Valencia');
    // Graz sees its own delegates, not the other cities'.
    const delegations = page.getByRole('region', { name: 'Delegations' });
    await delegations.getByText('Delegate 1 of graz (demo)').waitFor();
    expect(await delegations.getByText('Delegate 1 of ghent (demo)').count()).toBe(0);
    await delegations.getByRole('button', { name: 'Name the delegates of Graz' }).click();
    const form = page.getByRole('form', { name: 'Delegation of Graz' });
    const first = form.getByRole('group', { name: 'Delegate 1' });
    await field(first, 'Dietary needs').fill(DIETARY);
    await field(first, 'Access needs').fill(ACCESS);
    await field(form, 'Travel by').selectOption('rail');
    await expect.poll(() => form.getByRole('button', { name: 'Add a delegate' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the delegation form');
    await form.getByRole('button', { name: 'Save the delegation' }).click();
    await page.getByText('The delegation of Graz is saved; its travel CO2 is updated.').waitFor();
    await delegations.getByText(/^Train, 3 travellers/).waitFor();
    await delegations.getByText(`${DIETARY}; ${ACCESS}`).waitFor();

    // Feedback after the visit.
    const feedback = page.getByRole('form', { name: 'Your feedback on the visit' });
    await feedback.getByRole('button', { name: 'Send the feedback' }).click();
    await feedback.getByText('Choose a rating.').first().waitFor();
    await feedback.getByRole('radio', { name: 'Overall: 5 out of 5' }).check();
    await feedback.getByRole('radio', { name: 'Relevance for your city: 5 out of 5' }).check();
    await feedback.getByRole('radio', { name: 'Organisation: 4 out of 5' }).check();
    await field(feedback, 'Comments').fill('The site visit convinced our council. (e2e)');
    await feedback.getByRole('button', { name: 'Send the feedback' }).click();
    await feedback.getByText('Thank you: your feedback is saved.', { exact: false }).waitFor();

    // The 12-month update of Graz's plan: done, with evidence.
    const plan = page.getByRole('article', { name: /^Graz: / });
    await plan.getByRole('button', { name: /^Add an update: Graz/ }).click();
    const update = page.getByRole('form', { name: 'Update of the replication plan of Graz' });
    await field(update, 'Update after').selectOption('12');
    await field(update, 'Status').selectOption('done');
    await field(update, 'What has happened').fill('The council approved the pilot. (e2e)');
    await field(update, 'Link to evidence').fill('ftp://graz.example/pilot');
    await update.getByRole('button', { name: 'Save the update' }).click();
    await update.getByText('Use a web address starting with http:// or https://.').waitFor();
    await expectAccessible(page, 'the replication update form with an error');
    await field(update, 'Link to evidence').fill('https://graz.example/pilot');
    await update.getByRole('button', { name: 'Save the update' }).click();
    await plan.getByRole('status').getByText('Update saved: 12 months, done.').waitFor();
    await plan.getByRole('row', { name: /12 months done The council approved the pilot/ }).waitFor();
    await plan.getByText('done', { exact: true }).first().waitFor();
    await expectAccessible(page, 'the visit, as a visiting city after its update');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, SLOW);

  it('the programme dashboard counts that update, with charts, tables and exports', async () => {
    // 4 replicated (was 3), 2 in progress (was 3).
    const manager = await openSession(browser, platform);
    const mp = manager.page;
    await signIn(mp, DEMO.manager, DEMO_PASSWORD);
    await ready(mp, 'My account');
    await mp.goto(`/programmes/${Y2025}/dashboard`);
    await ready(mp, 'Dashboard: Group Study Visits 2025');
    const impact = mp.getByRole('region', { name: 'Impact' });
    await expect.poll(() => impact.textContent()).toContain('Solutions replicated4');
    await expect.poll(() => impact.textContent()).toContain('Replications in progress2');
    const funnel = mp.getByRole('table', { name: 'Cities at each step' });
    await funnel.getByRole('row', { name: 'Replicating 6 cities' }).waitFor();
    await funnel.getByRole('row', { name: 'Visited 9 cities' }).waitFor();
    await mp.getByRole('img', { name: /^Cities at each step/ }).waitFor();
    await mp.getByRole('table', { name: 'Replications done or in progress, by sector' }).waitFor();
    await mp.getByRole('table', { name: 'Travel CO2 by visit' }).waitFor();
    // Who visited whom: a map, and the same links as a table.
    await mp.getByRole('group', { name: 'Map of the host cities and their visiting cities' }).waitFor();
    const links = mp.getByRole('table', { name: 'Visiting cities and their hosts' });
    await links.getByRole('row', { name: /Graz.*Valencia.*Graz visits Valencia/ }).waitFor();
    await expect.poll(() => links.getByRole('row').count()).toBe(10);
    await expectAccessible(mp, 'the programme dashboard');
    const csv = await mp.request.get(await mp.getByRole('link', { name: 'Download as CSV' }).getAttribute('href') ?? '');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/replicated,4/);
    const xlsx = await mp.request.get(await mp.getByRole('link', { name: 'Download as Excel (XLSX)' }).getAttribute('href') ?? '');
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(manager.pageErrors).toEqual([]);
    await manager.context.close();
  }, SLOW);

  it('a programme manager schedules the 2027 visits, sees a facilitator clash explained, resolves it and confirms', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(`/programmes/${Y2027}/visits`);
    await ready(page, 'Study visits: Group Study Visits 2027');
    const table = page.getByRole('table', { name: 'Study visits of this programme, by host city' });
    await expect.poll(() => table.getByText('to schedule').count()).toBe(3);
    await expectAccessible(page, 'the 2027 visits before scheduling');

    const form = page.getByRole('form', { name: 'Schedule the visits' });
    await field(form, 'First day of the visit to Valencia').fill('2027-05-18');
    await field(form, 'First day of the visit to Lahti').fill('2027-05-19');
    await form.getByRole('button', { name: 'Propose a schedule' }).click();
    const clash = page.getByRole('alert').filter({ hasText: 'The platform cannot find a schedule' });
    await clash.getByText(/Pierre Dubois accompanies the visits to Lahti and Valencia, and they cannot all fit/).waitFor();
    await expectAccessible(page, 'the facilitator clash explained');

    // Let the platform choose Lahti's dates instead.
    await field(form, 'First day of the visit to Lahti').fill('');
    await form.getByRole('button', { name: 'Propose a schedule' }).click();
    const proposal = page.getByRole('table', { name: 'Proposed dates (not yet confirmed)' });
    await proposal.getByRole('row', { name: /^Valencia Tuesday,? 18 May 2027 Wednesday,? 19 May 2027$/ }).waitFor();
    await expect.poll(() => proposal.getByRole('row').count()).toBe(4);
    // The days no visit took, and why: Ascension Day is a public holiday in Finland.
    await page.getByText('No visit to Lahti on 2027-05-06: a public holiday there (Ascension Day).').waitFor();
    await expectAccessible(page, 'the proposed schedule');

    await page.getByRole('button', { name: 'Confirm this schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm the schedule?' });
    await dialog.getByText(/a confirmation email goes to every host and visiting city representative/).waitFor();
    await expectAccessible(page, 'the confirmation dialog');
    await dialog.getByRole('button', { name: 'Confirm and send the emails' }).click();
    await page.getByText('The schedule is confirmed').waitFor();
    await expect.poll(() => table.getByText('confirmed', { exact: true }).count()).toBe(3);
    await table.getByRole('row', { name: /Study visit to Valencia .*18 May 2027 to 19 May 2027/ }).waitFor();
    await expectAccessible(page, 'the confirmed 2027 schedule');

    // The confirmation reached the host.
    await page.goto('/admin/mailbox');
    await ready(page, 'Mailbox');
    await page.getByRole('row').filter({ hasText: /Group Study Visits 2027: the study visit to Valencia is on Tuesday,? 18 May 2027/ }).first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, SLOW);

  it('the public outcomes page and the public visit page show no delegate’s personal data', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await page.goto(`/programmes/${Y2025}/outcomes`);
    await ready(page, 'Outcomes: Group Study Visits 2025');
    await page.getByRole('list', { name: 'Host cities' }).getByRole('link', { name: 'Valencia' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Visiting cities' }).getByRole('listitem').count()).toBe(9);
    await page.getByRole('article', { name: 'Study visit to Valencia' }).getByText(/^3 replication plans: 2 done/).waitFor();
    await page.getByRole('img', { name: /^Replications done or in progress, by sector/ }).waitFor();
    await expectAccessible(page, 'the public outcomes of 2025');
    // The page's content: the footer gives the programme team's address, which is no one's personal data.
    const shown = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['Delegate 1 of', DIETARY, ACCESS, '@demo.peercities.eu', 'Pierre Dubois', 'Climate coordinator']) expect(shown, secret).not.toContain(secret);
    const json = await (await page.request.get(`/api/programmes/${Y2025}/outcomes`)).text();
    for (const secret of ['Delegate 1 of', DIETARY, ACCESS, '@', 'Pierre Dubois']) expect(json, secret).not.toContain(secret);

    await page.getByRole('link', { name: 'Study visit to Valencia' }).click();
    await ready(page, 'Study visit to Valencia');
    await page.getByText(/^Delegates' names and needs are personal data/).waitFor();
    const visitText = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['Delegate 1 of', DIETARY, ACCESS]) expect(visitText, secret).not.toContain(secret);
    await expectAccessible(page, 'the public visit page');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, SLOW);
});
