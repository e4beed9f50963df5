import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs as apiAsIn, signedInSession } from './api-and-mail.ts';
import { DEMO, expectAccessible, field, launchBrowser, pageReady, startPlatform, type BrowserSession, type Platform } from './harness.ts';

// Issue 17, the whole path with the real clock (no setNow in this file) and
// no database writes: a programme manager runs a new edition from the
// template to its study visits through the pages; the cities apply through
// the API as their own representatives (the application pages are covered
// by programmes.spec.ts); an evaluator scores in the evaluation page. Each
// role's start page is checked before and after the steps that give it work.

let platform: Platform;
let browser: Browser;

// Two years ahead, so that none of its dates has passed, whenever this runs.
const YEAR = new Date().getFullYear() + 2;
const TITLE = `Operate e2e ${YEAR}`;
const SLUG = `operate-e2e-${YEAR}`;
/** The facilitator the matching gives the visit (the least busy of the programme team in the demo data). */
const FACILITATOR = { name: 'Giulia Bianchi', email: 'facilitator3@demo.peercities.eu' };
const HOST = { slug: 'valencia', name: 'Valencia', email: DEMO.valencia };
const VISITORS = [
  { slug: 'cologne', name: 'Cologne', email: 'cologne@demo.peercities.eu' },
  { slug: 'graz', name: 'Graz', email: 'graz@demo.peercities.eu' },
] as const;

/** A local day in Brussels, `days` from today. */
function brusselsDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Session extends BrowserSession {
  consoleErrors: string[];
}

async function signedIn(email: string): Promise<Session> {
  const session = await signedInSession(browser, platform, email);
  const consoleErrors: string[] = [];
  session.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { ...session, consoleErrors };
}

/** The start page's items that name this programme, per queue (section title → item labels). */
async function myWork(page: Page, what?: string): Promise<Record<string, string[]>> {
  await page.goto('/start');
  await pageReady(page, 'My work');
  if (what) await expectAccessible(page, `the start page ${what}`);
  const work: Record<string, string[]> = {};
  for (const section of await page.getByRole('main').getByRole('region').all()) {
    const title = (await section.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const items: string[] = [];
    for (const item of await section.getByRole('listitem').all()) {
      const link = item.getByRole('link').first();
      const label = (await link.textContent()) ?? '';
      if (!label.includes(TITLE)) continue;
      // The label, where it leads, and what its count counts ("1 application").
      const count = await item.getByText(/^\d+ \w+$/).allTextContents();
      items.push([label, await link.getAttribute('href'), ...count].join(' | '));
    }
    if (items.length) work[title] = items;
  }
  return work;
}

/** The open dialog of that name, once its preview has loaded. */
async function dialogWithPreview(page: Page, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('heading', { name: 'What will happen' }).waitFor();
  await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
  return dialog;
}

/** Runs a call action of the call page (open, close, extend) and waits for its announcement. */
async function callAction(page: Page, button: string, dialogName: string, confirm: string, done: string, what: string) {
  const manage = page.getByRole('region', { name: 'Managing this call' });
  await manage.getByRole('button', { name: button }).click();
  const dialog = await dialogWithPreview(page, dialogName);
  await expectAccessible(page, what);
  await dialog.getByRole('button', { name: confirm }).click();
  await manage.getByRole('status').filter({ hasText: done }).waitFor();
}

/** On the call's evaluation page, gives each city's application to Jan Kowalski, the demo evaluator. */
async function assignJan(page: Page, kind: 'host' | 'visitor', cities: readonly string[]): Promise<void> {
  await page.goto(`/programmes/${SLUG}/calls/${kind}/evaluation`);
  await pageReady(page, `Evaluation: ${TITLE}, ${kind} call`);
  for (const city of cities) {
    const select = page.getByLabel(`Add an evaluator to ${city}`);
    await select.selectOption({ label: 'Jan Kowalski' });
    await select.locator('xpath=ancestor::tr').getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('button', { name: `Remove Jan Kowalski from ${city}` }).waitFor();
  }
  await expectAccessible(page, `the ${kind} evaluation after assignment`);
}

/** Scores every application of this programme's call assigned to the evaluator, in the evaluation page, and submits. */
async function scoreAll(page: Page, call: string): Promise<number> {
  let done = 0;
  for (;;) {
    await page.goto('/evaluations');
    await pageReady(page, 'My evaluations');
    if (done === 0) await expectAccessible(page, 'my evaluations');
    const link = page.getByRole('region', { name: `${TITLE}: ${call}` }).getByRole('link', { name: /^Evaluate / }).first();
    if ((await link.count()) === 0) return done;
    const city = ((await link.textContent()) ?? '').replace('Evaluate ', '');
    await link.click();
    await pageReady(page, `Evaluate ${city}`);
    if (done === 0) await expectAccessible(page, 'the evaluation page');
    const main = page.getByRole('main');
    for (const group of await main.getByRole('radiogroup').all()) await group.getByRole('radio', { name: '4', exact: true }).check();
    await field(main, 'Comment').fill(`Clear and concrete: ${city}.`);
    await main.getByRole('button', { name: 'Submit evaluation' }).click();
    await page.getByRole('dialog', { name: 'Submit your evaluation?' }).getByRole('button', { name: 'Submit' }).click();
    await main.getByText('Evaluation submitted. Thank you.').waitFor();
    done += 1;
  }
}

/** On the selection page, selects each city and publishes the decisions. */
async function decideAndPublish(page: Page, kind: 'host' | 'visitor', cities: readonly string[], count: string): Promise<void> {
  await page.goto(`/programmes/${SLUG}/calls/${kind}/selection`);
  await pageReady(page, `Selection: ${TITLE}, ${kind} call`);
  await expectAccessible(page, `the ${kind} selection`);
  for (const city of cities) {
    await page.getByRole('button', { name: `Decide for ${city}` }).click();
    const dialog = page.getByRole('dialog', { name: `Decision for ${city}` });
    await dialog.getByRole('radio', { name: 'Selected', exact: true }).check();
    await field(dialog, 'Reason the city will read').fill('A strong application.');
    await dialog.getByRole('button', { name: 'Confirm decision' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.getByTestId('selection-count').filter({ hasText: count }).waitFor();
  await page.getByRole('button', { name: 'Publish decisions' }).click();
  await page.getByRole('dialog', { name: 'Publish all decisions?' }).getByRole('button', { name: 'Publish and send emails' }).click();
  await page.getByText(/Decisions published on/).waitFor();
  await expectAccessible(page, `the ${kind} selection after publication`);
}

/** A city applies and submits through the API, as its representative. */
async function apply(email: string, kind: 'host' | 'visitor', answers: Record<string, unknown>): Promise<void> {
  const rep = await apiAsIn(browser, platform, email);
  const draft = await rep.send('POST', `/api/programmes/${SLUG}/calls/${kind}/applications`, { cityId: rep.cityId, answers });
  await rep.send('POST', `/api/applications/${draft.id}/submit`, { version: draft.version });
  await rep.close();
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('a programme run from the template to its study visits, with the real clock, as the demo accounts', () => {
  it('manager, evaluator, cities and facilitator each do their part; each start page shows the work', async () => {
    const manager = await signedIn(DEMO.manager);
    const evaluator = await signedIn('evaluator@demo.peercities.eu');
    const valencia = await signedIn(HOST.email);
    const facilitator = await signedIn(FACILITATOR.email);
    const m = manager.page;

    // ── Before: nothing of this programme on anyone's start page.
    for (const [session, who] of [[manager, 'of the manager'], [evaluator, 'of the evaluator'], [valencia, 'of Valencia'], [facilitator, 'of the facilitator']] as const) {
      expect(await myWork(session.page, `${who} before`)).toEqual({});
    }

    // ── Create from the template; one host with two visitors, one evaluator per application; the discussion groups ran already.
    await m.goto('/programmes/new');
    await pageReady(m, 'Create a programme');
    const create = m.getByRole('form', { name: 'Create a programme' });
    await field(create, 'Edition year').fill(String(YEAR));
    await field(create, 'Name').fill(TITLE);
    await create.getByRole('button', { name: 'Create the programme' }).click();
    await pageReady(m, TITLE);
    await m.getByRole('link', { name: 'Numbers and dates' }).click();
    await pageReady(m, `Numbers and dates: ${TITLE}`);
    const settings = m.getByRole('form', { name: 'Numbers and dates' });
    await field(settings, 'Host cities (or pairs)').fill('1');
    await field(settings, 'Visiting cities per host').fill('2');
    await field(settings, 'Evaluators per application').fill('1');
    await field(settings, 'First day of Online discussion groups').fill(brusselsDay(-150));
    await field(settings, 'Last day of Online discussion groups').fill(brusselsDay(-1));
    await expectAccessible(m, 'the settings of the draft');
    await settings.getByRole('button', { name: 'Save the changes' }).click();
    await settings.getByText('Saved.').waitFor();
    await m.getByRole('link', { name: `Back to ${TITLE}` }).click();
    await pageReady(m, TITLE);
    const run = m.getByRole('region', { name: 'Run the programme' });
    await run.getByRole('button', { name: 'Publish the programme' }).click();
    let dialog = await dialogWithPreview(m, `Publish ${TITLE}?`);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await run.getByRole('status').filter({ hasText: 'The programme is published.' }).waitFor();
    await expectAccessible(m, 'the published programme');

    // ── The host call: open now, extend, a city applies, close now.
    await m.getByRole('link', { name: 'Open the host call' }).click();
    await pageReady(m, `Host call: ${TITLE}`);
    await callAction(m, 'Open the host call now', 'Open the host call now?', 'Open now', 'The host call is open.', 'the open-now dialog');
    await callAction(m, 'Extend the deadline', 'Extend the deadline of the host call?', 'Extend the deadline', 'The deadline of the host call is extended.', 'the extend dialog');
    expect(await myWork(valencia.page)).toEqual({ 'My city: calls open to apply': [`Valencia may apply to the host call of ${TITLE} | /programmes/${SLUG}/calls/host`] });
    await apply(HOST.email, 'host', {
      motivation: 'Valencia wants to share its Climate City Contract.',
      solutions: 'District heating and renovated schools.',
      sectors: ['energy', 'buildings'],
      team: 'The climate office organises; the energy agency presents.',
      sharing: 'Yes, we commit to this',
    });
    const valenciaWork = await myWork(valencia.page);
    expect(valenciaWork).toEqual({ 'My city: applications': [expect.stringMatching(new RegExp(`^Valencia: application to the host call of ${TITLE} \\| /applications/[0-9a-f-]{36}$`))] });
    const hostApplication = (valenciaWork['My city: applications']?.[0] ?? '').split(' | ')[1] ?? '';
    expect(await myWork(m)).toEqual({ 'Calls closing': [`Host call of ${TITLE}: 1 submitted, 0 in draft | /programmes/${SLUG}/calls/host`] });
    await m.goto(`/programmes/${SLUG}/calls/host`);
    await pageReady(m, `Host call: ${TITLE}`);
    await callAction(m, 'Close the host call now', 'Close the host call now?', 'Close now', 'The host call is closed.', 'the close-now dialog');
    expect(await myWork(m)).toEqual({ 'Applications to assign to evaluators': [`Host call of ${TITLE}: applications without enough evaluators | /programmes/${SLUG}/calls/host/evaluation | 1 application`] });

    // ── Assign evaluators.
    await assignJan(m, 'host', [HOST.name]);
    expect(await myWork(m)).toEqual({});
    expect(await myWork(evaluator.page)).toEqual({ 'Evaluations to do': [`Evaluate Valencia (host call of ${TITLE}) | ${hostApplication}/evaluation`] });

    // ── The evaluator scores in the evaluation page.
    await scoreAll(evaluator.page, 'host call');
    expect(await myWork(evaluator.page)).toEqual({});
    expect(await myWork(m)).toEqual({ 'Decisions to publish': [`Host call of ${TITLE}: evaluated, decisions to publish | /programmes/${SLUG}/calls/host/selection | 1 application`] });

    // ── The manager selects the host and publishes the decision.
    await decideAndPublish(m, 'host', [HOST.name], '1 of 1');
    expect(await myWork(m)).toEqual({});

    // ── The visitor call: the manager marks the visitors' learning phases, opens the call now; the cities apply; close now.
    await m.goto(`/programmes/${SLUG}/calls/visitor`);
    await pageReady(m, `Visitor call: ${TITLE}`);
    const learning = m.getByRole('region', { name: 'Learning phases completed' });
    for (const v of VISITORS) {
      await field(learning, 'City').fill(v.name);
      await m.getByRole('option', { name: new RegExp(`^${v.name}`) }).click();
      await learning.getByRole('button', { name: `Mark ${v.name} as completed` }).click();
      await learning.getByText(`${v.name} is marked as having completed the learning phases.`).waitFor();
    }
    await expectAccessible(m, 'the visitor call with learning phases marked');
    await callAction(m, 'Open the visitor call now', 'Open the visitor call now?', 'Open now', 'The visitor call is open.', 'the open-now dialog of the visitor call');
    for (const v of VISITORS) {
      await apply(v.email, 'visitor', {
        motivation: `${v.name} wants to learn how a Mission City heats its districts.`,
        sectors: ['energy'],
        replication: 'A district heating pilot within two years.',
        team: 'The mayor’s climate office.',
        delegates: 2,
        sharing: 'Yes, we commit to this',
      });
    }
    await m.goto(`/programmes/${SLUG}/calls/visitor`);
    await pageReady(m, `Visitor call: ${TITLE}`);
    await callAction(m, 'Close the visitor call now', 'Close the visitor call now?', 'Close now', 'The visitor call is closed.', 'the close-now dialog of the visitor call');
    await assignJan(m, 'visitor', VISITORS.map((v) => v.name));
    expect(await myWork(evaluator.page)).toEqual({
      'Evaluations to do': VISITORS.map((v) => expect.stringMatching(new RegExp(`^Evaluate ${v.name} \\(visitor call of ${TITLE}\\) \\| /applications/[0-9a-f-]{36}/evaluation$`))),
    });
    await scoreAll(evaluator.page, 'visitor call');
    await decideAndPublish(m, 'visitor', VISITORS.map((v) => v.name), '2 of 2');

    // ── Matching: run, publish; the visits are created.
    await m.goto(`/programmes/${SLUG}/matching`);
    await pageReady(m, `Matching: ${TITLE}`);
    await expectAccessible(m, 'the matching page before the run');
    await m.getByRole('button', { name: 'Run the matching' }).click();
    await m.getByText('Run 1 is ready.').waitFor();
    await expectAccessible(m, 'the first run');
    await m.getByRole('button', { name: 'Publish run 1' }).click();
    dialog = m.getByRole('dialog', { name: 'Publish run 1?' });
    await dialog.getByRole('button', { name: 'Publish and create the visits' }).click();
    await m.getByText('The matching is published: the study visits are created and the cities are being emailed.').waitFor();
    await m.goto(`/programmes/${SLUG}/visits`);
    await pageReady(m, /Study visits/);
    await expectAccessible(m, 'the visits of the programme');
    const visit = m.getByRole('row', { name: /Study visit to Valencia/ });
    await visit.getByText('Cologne, Graz').waitFor();
    await visit.getByText('to schedule').waitFor();
    await visit.getByText(FACILITATOR.name).waitFor();
    const visitLink = (await visit.getByRole('link', { name: 'Study visit to Valencia' }).getAttribute('href')) ?? '';
    expect(visitLink).toMatch(/^\/visits\/[0-9a-f-]{36}$/);
    // ── After: the manager schedules the visit, the evaluator has nothing left, Valencia hosts, the facilitator accompanies.
    expect(await myWork(m, 'of the manager after')).toEqual({ 'Visits without confirmed dates or agenda': [`Visit to Valencia (${TITLE}): dates not confirmed | ${visitLink}`] });
    expect(await myWork(evaluator.page, 'of the evaluator after')).toEqual({});
    expect(await myWork(valencia.page, 'of Valencia after')).toEqual({
      'My city: applications': [`Valencia: application to the host call of ${TITLE} | ${hostApplication}`],
      'My city: study visits': [`Valencia hosts its study visit (${TITLE}) | ${visitLink}`],
    });
    expect(await myWork(facilitator.page, 'of the facilitator after')).toEqual({ 'Study visits I accompany': [`Accompany the visit to Valencia (${TITLE}) | ${visitLink}`] });

    for (const s of [manager, evaluator, valencia, facilitator]) {
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
      await s.context.close();
    }
  }, 600_000);
});
