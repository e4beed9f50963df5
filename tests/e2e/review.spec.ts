import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher } from '../../src/server/test-support/smtp-catcher.ts';
import { apiAs as apiAs_, signedInSession, subjectsTo as subjectsTo_, type SmtpCatcher } from './api-and-mail.ts';
import { expectAccessible, field, launchBrowser, pageReady, startPlatform, type Platform } from './harness.ts';

// The 2027 edition of the demo data: its host call runs through December 2026.
const SLUG = 'group-study-visits-2027';
const EVALUATION = `/programmes/${SLUG}/calls/host/evaluation`;
const SELECTION = `/programmes/${SLUG}/calls/host/selection`;
/** This call's part of "My evaluations" (the demo's evaluators also have Twinning 2027 host applications to evaluate). */
const MY_CALL = 'Group Study Visits 2027: host call';
/** Every evaluator gives the same marks per city, so the ranking is known: Valencia, Lahti, Kraków. */
const MARKS: Record<string, string> = { Valencia: '5', Lahti: '4', Kraków: '3' };

let platform: Platform;
let browser: Browser;
let smtp: SmtpCatcher;
const applicationIds: Record<string, string> = {};

const subjectsTo = (to: string) => subjectsTo_(smtp, to);
const apiAs = (email: string) => apiAs_(browser, platform, email);
const signedIn = (email: string) => signedInSession(browser, platform, email);

/** Scores every application still to do on /evaluations through the evaluation page, and submits. */
async function evaluateEverything(page: Page): Promise<number> {
  let done = 0;
  for (;;) {
    await page.goto('/evaluations');
    await pageReady(page, 'My evaluations');
    const link = page.getByRole('main').getByRole('region', { name: MY_CALL }).getByRole('link', { name: /^Evaluate / }).first();
    if ((await link.count()) === 0) return done;
    const city = ((await link.textContent()) ?? '').replace('Evaluate ', '');
    await link.click();
    await pageReady(page, `Evaluate ${city}`);
    const main = page.getByRole('main');
    for (const group of await main.getByRole('radiogroup').all()) await group.getByRole('radio', { name: MARKS[city] ?? '3', exact: true }).check();
    await field(main, 'Comment').fill(`Marks for ${city}.`);
    await main.getByRole('button', { name: 'Submit evaluation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit your evaluation?' });
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await main.getByText('Evaluation submitted. Thank you.').waitFor();
    done += 1;
  }
}

/** The selection page's headline count, e.g. "2 of 2 hosts selected". */
const selectedCount = (page: Page, text: string) => expect.poll(() => page.getByTestId('selection-count').textContent()).toBe(text);

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  platform = await startPlatform({ SMTP_URL: smtp.url }, { now: new Date('2026-12-05T10:00:00Z') });
  browser = await launchBrowser();
  // The programme takes two hosts this time, so that three applicants make a waiting list.
  const manager = await apiAs('manager@demo.peercities.eu');
  const programme = await manager.get(`/api/programmes/${SLUG}`);
  await manager.send('PATCH', `/api/programmes/${SLUG}`, { version: programme.version, settings: { hostCount: 2 } });
  await manager.close();
  // Three Mission Cities apply (the application pages are another feature's; the API is what they call).
  for (const [city, email] of [['Valencia', 'valencia@demo.peercities.eu'], ['Lahti', 'lahti@demo.peercities.eu'], ['Kraków', 'krakow@demo.peercities.eu']] as const) {
    const rep = await apiAs(email);
    const draft = await rep.send('POST', `/api/programmes/${SLUG}/calls/host/applications`, {
      cityId: rep.cityId,
      answers: { motivation: `${city} wants to share its Climate City Contract.`, solutions: `${city}'s district heating and renovated schools.`, sectors: ['energy', 'buildings'] },
    });
    await rep.send('POST', `/api/applications/${draft.id}/submit`, { version: draft.version });
    applicationIds[city] = draft.id;
    await rep.close();
  }
  // The call has closed: evaluation time.
  platform.setNow(new Date('2027-01-05T10:00:00Z'));
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await smtp?.close();
});

describe('evaluation, selection and publication of the 2027 host call', () => {
  it('the manager assigns evaluators automatically', async () => {
    const { page, pageErrors, context } = await signedIn('manager@demo.peercities.eu');
    await page.goto(EVALUATION);
    await pageReady(page, 'Evaluation: Group Study Visits 2027, host call');
    await expectAccessible(page, 'the evaluation overview before assignment');
    await page.getByRole('button', { name: 'Assign automatically' }).click();
    await page.getByText('6 assignments added. Every application has its evaluators; the busiest evaluator has 2.').waitFor();
    await expectAccessible(page, 'the evaluation overview after assignment');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('one evaluator declares a conflict; a save from a stale page is refused and says so; everyone scores', async () => {
    // Ingrid declares a conflict on her first application: it goes to another evaluator.
    const ingrid = await signedIn('evaluator2@demo.peercities.eu');
    const ip = ingrid.page;
    await ip.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My evaluations' }).click();
    await pageReady(ip, 'My evaluations');
    await ip.getByRole('heading', { name: MY_CALL }).waitFor();
    await expectAccessible(ip, 'my evaluations');
    const first = ip.getByRole('region', { name: MY_CALL }).getByRole('link', { name: /^Evaluate / }).first();
    const conflictCity = ((await first.textContent()) ?? '').replace('Evaluate ', '');
    await first.click();
    await pageReady(ip, `Evaluate ${conflictCity}`);
    await expectAccessible(ip, 'the evaluation page');
    await ip.getByRole('button', { name: 'Declare a conflict of interest' }).click();
    const dialog = ip.getByRole('dialog', { name: 'Declare a conflict of interest?' });
    await dialog.getByText(/gives it to another evaluator/).waitFor();
    await expectAccessible(ip, 'the conflict of interest dialog');
    await dialog.getByRole('button', { name: 'Declare the conflict' }).click();
    await dialog.getByText('Use at least 3 characters.').or(dialog.getByText(/Say briefly why/)).first().waitFor();
    await field(dialog, 'Why').fill('I advised this city on its Climate City Contract.');
    await dialog.getByRole('button', { name: 'Declare the conflict' }).click();
    await pageReady(ip, 'My evaluations');
    await ip.getByText(`Conflict declared: ${conflictCity} has been given to another evaluator.`).waitFor();
    await ip.getByRole('row', { name: new RegExp(`${conflictCity}.*Conflict declared`) }).waitFor();
    await expectAccessible(ip, 'my evaluations after a declared conflict');

    // Jan opens the same evaluation in two tabs; the second tab's save is refused, nothing is lost silently.
    const jan = await signedIn('evaluator@demo.peercities.eu');
    await jan.page.goto('/evaluations');
    await pageReady(jan.page, 'My evaluations');
    const link = jan.page.getByRole('region', { name: MY_CALL }).getByRole('link', { name: /^Evaluate / }).first();
    const href = (await link.getAttribute('href')) ?? '';
    const city = ((await link.textContent()) ?? '').replace('Evaluate ', '');
    const tabA = jan.page;
    const tabB = await jan.context.newPage();
    await tabA.goto(href);
    await tabB.goto(href);
    await pageReady(tabA, `Evaluate ${city}`);
    await pageReady(tabB, `Evaluate ${city}`);
    await tabA.getByRole('radiogroup').first().getByRole('radio', { name: '2', exact: true }).check();
    await tabA.getByRole('button', { name: 'Save draft' }).click();
    await tabA.getByText('Draft saved.').waitFor();
    await tabB.getByRole('radiogroup').first().getByRole('radio', { name: '1', exact: true }).check();
    await tabB.getByRole('button', { name: 'Save draft' }).click();
    await tabB.getByText('Someone else saved this evaluation since you opened it; reload to see their changes.', { exact: false }).waitFor();
    await expectAccessible(tabB, 'the evaluation page after a refused stale save');
    await tabB.getByRole('button', { name: 'Reload the evaluation' }).click();
    await expect.poll(() => tabB.getByRole('radiogroup').first().getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(true);
    await tabB.close();
    // Submitting with a criterion unscored is stopped before it reaches the server.
    await tabA.getByRole('button', { name: 'Submit evaluation' }).click();
    await tabA.getByRole('dialog', { name: 'Submit your evaluation?' }).getByRole('button', { name: 'Submit' }).click();
    await tabA.getByText('Score this criterion before submitting.').first().waitFor();

    let scored = await evaluateEverything(tabA);
    scored += await evaluateEverything(ip);
    const tomas = await signedIn('manager2@demo.peercities.eu');
    scored += await evaluateEverything(tomas.page);
    // Six evaluations: two per application, the conflict replaced.
    expect(scored).toBe(6);
    for (const s of [ingrid, jan, tomas]) {
      expect(s.pageErrors).toEqual([]);
      await s.context.close();
    }
  }, 300_000);

  it('the manager sees the ranking, selects two hosts, is stopped at three, waitlists one and publishes; cities get their emails', async () => {
    const { page, pageErrors, context } = await signedIn('manager@demo.peercities.eu');
    await page.goto(EVALUATION);
    await pageReady(page, 'Evaluation: Group Study Visits 2027, host call');
    const ranking = page.getByRole('region', { name: 'Scores and ranking' });
    await expect.poll(async () => (await ranking.getByRole('rowheader').allTextContents()).map((t) => t.replace(/\s*\(.*\)/, ''))).toEqual(['Valencia', 'Lahti', 'Kraków']);
    await ranking.getByRole('row', { name: /Valencia/ }).getByText('100').first().waitFor();
    await expectAccessible(page, 'the evaluation overview with scores');

    await page.getByRole('link', { name: 'Go to the selection' }).click();
    await pageReady(page, 'Selection: Group Study Visits 2027, host call');
    await selectedCount(page, '0 of 2 hosts selected');
    await expectAccessible(page, 'the selection page');

    const decide = async (city: string, outcome: 'Selected' | 'Waiting list' | 'Not selected', reason: string, effect: string) => {
      await page.getByRole('button', { name: `Decide for ${city}` }).click();
      const dialog = page.getByRole('dialog', { name: `Decision for ${city}` });
      await dialog.getByRole('radio', { name: outcome, exact: true }).check();
      await field(dialog, 'Reason the city will read').fill(reason);
      await dialog.getByText(effect).waitFor();
      return dialog;
    };
    let dialog = await decide('Valencia', 'Selected', 'Outstanding sites to visit.', '1 of 2 hosts selected');
    await expectAccessible(page, 'the decision dialog');
    await dialog.getByRole('button', { name: 'Confirm decision' }).click();
    await selectedCount(page, '1 of 2 hosts selected');
    dialog = await decide('Lahti', 'Selected', 'Strong district heating to show.', '2 of 2 hosts selected');
    await dialog.getByRole('button', { name: 'Confirm decision' }).click();
    await selectedCount(page, '2 of 2 hosts selected');
    // A third selection is shown as over the limit before confirming, and the server refuses to publish it.
    dialog = await decide('Kraków', 'Selected', 'Good too.', '3 of 2 hosts selected');
    await dialog.getByText(/1 more than the programme takes/).waitFor();
    await dialog.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByText('3 hosts are selected but the programme takes 2. Move 1 to the waiting list or reject them.').waitFor();
    await page.getByRole('button', { name: 'Publish decisions' }).click();
    await page.getByRole('dialog', { name: 'Publish all decisions?' }).getByRole('button', { name: 'Publish and send emails' }).click();
    await page.getByText(/The platform says: Not ready to publish: 3 hosts are selected/).waitFor();
    await expectAccessible(page, 'the selection page with the server’s refusal');

    dialog = await decide('Kraków', 'Waiting list', 'Very close: first on the waiting list.', '2 of 2 hosts selected');
    await field(dialog, 'Place on the waiting list').fill('1');
    await dialog.getByRole('button', { name: 'Confirm decision' }).click();
    await selectedCount(page, '2 of 2 hosts selected');
    await page.getByRole('row', { name: /Kraków/ }).getByText('Waiting list, place 1').waitFor();

    await page.getByRole('button', { name: 'Publish decisions' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish all decisions?' });
    await publish.getByText(/The representatives of 3 cities will receive an email/).waitFor();
    await publish.getByText('Kraków: Waiting list').waitFor();
    await expectAccessible(page, 'the publish confirmation');
    await publish.getByRole('button', { name: 'Publish and send emails' }).click();
    await page.getByText(/Decisions published on/).waitFor();
    await page.getByText('No city has withdrawn since the decisions were published.').waitFor();
    await expect(page.getByRole('button', { name: /^Decide for/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'the selection page after publication');

    // Every representative of every city receives its outcome on the SMTP server.
    await expect.poll(() => subjectsTo('valencia@demo.peercities.eu'), { timeout: 15_000 }).toContain('Group Study Visits 2027: Valencia selected');
    await expect.poll(() => subjectsTo('lahti@demo.peercities.eu'), { timeout: 15_000 }).toContain('Group Study Visits 2027: Lahti selected');
    await expect.poll(() => subjectsTo('lahti2@demo.peercities.eu'), { timeout: 15_000 }).toContain('Group Study Visits 2027: Lahti selected');
    await expect.poll(() => subjectsTo('krakow@demo.peercities.eu'), { timeout: 15_000 }).toContain('Group Study Visits 2027: Kraków on the waiting list');
    expect(subjectsTo('krakow@demo.peercities.eu')).not.toContain('Group Study Visits 2027: Kraków selected');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('a selected city withdraws; the first on the waiting list moves up, is emailed, and the manager sees it all in the audit log', async () => {
    const lahti = await apiAs('lahti@demo.peercities.eu');
    const current = await lahti.get(`/api/applications/${applicationIds.Lahti}`);
    await lahti.send('POST', `/api/applications/${applicationIds.Lahti}/withdraw`, { version: current.version });
    await lahti.close();
    await expect.poll(() => subjectsTo('krakow@demo.peercities.eu'), { timeout: 15_000 }).toContain('Group Study Visits 2027: Kraków moves up from the waiting list');

    const { page, pageErrors, context } = await signedIn('manager@demo.peercities.eu');
    await page.goto(SELECTION);
    await pageReady(page, 'Selection: Group Study Visits 2027, host call');
    await page.getByText('Lahti withdrew.', { exact: true }).waitFor();
    await page.getByText(/Kraków moved up from the waiting list and was told by email/).waitFor();
    await selectedCount(page, '2 of 2 hosts selected');
    await page.getByRole('row', { name: /Kraków/ }).getByText('Moved up from the waiting list', { exact: true }).waitFor();
    await expectAccessible(page, 'the selection page after a withdrawal');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await pageReady(page, 'Audit log');
    await page.getByLabel('Action', { exact: true }).selectOption('selection.decide');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('row').count()).toBe(5); // header + four decisions
    await page.getByRole('row').filter({ hasText: 'Very close: first on the waiting list.' }).getByText('"outcome": "selected"').waitFor();
    await expectAccessible(page, 'the audit log filtered by action');
    await page.getByLabel('Action', { exact: true }).selectOption('selection.promote');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.getByRole('row').filter({ hasText: 'The platform' }).getByText('"replaces": "Lahti"').waitFor();
    const csv = page.getByRole('link', { name: 'Download this view (CSV)' });
    expect(await csv.getAttribute('href')).toBe('/api/audit/export.csv?action=selection.promote');
    await expectAccessible(page, 'the audit log of promotions');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
