import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher } from '../../src/server/test-support/smtp-catcher.ts';
import { apiAs as apiAsIn, signedInSession, subjectsTo as subjectsIn, type SmtpCatcher } from './api-and-mail.ts';
import { expectAccessible, field, launchBrowser, pageReady, startPlatform, type Platform } from './harness.ts';

// The 2027 edition's visitor call (February 2027, Brussels time), after the
// host call that review.spec.ts runs: twelve aspiring cities apply, a
// thirteenth is too late; two evaluators score, one declares a conflict; the
// manager selects nine and waitlists three; a selected city withdraws and the
// first on the waiting list moves up. Each city is told by email (real SMTP).
const SLUG = 'group-study-visits-2027';
const TITLE = 'Group Study Visits 2027';
const DURING_CALL = new Date('2027-02-10T10:00:00Z');
const AFTER_CALL = new Date('2027-03-02T10:00:00Z');
/** Demo representatives of aspiring cities (discussion groups of 2025 and 2027); Tilburg applies through the pages. */
const APPLICANTS = ['tilburg', 'uppsala', 'kaunas', 'split', 'poznan', 'malaga', 'odense', 'limerick', 'cologne', 'graz', 'ghent', 'oulu'];
const LATE = 'bilbao';
const email = (slug: string) => `${slug}@demo.peercities.eu`;

let platform: Platform;
let browser: Browser;
let smtp: SmtpCatcher;
const applicationIds: Record<string, string> = {};
const cityNames: Record<string, string> = {};
const apiAs = (address: string) => apiAsIn(browser, platform, address);
const subjectsTo = (address: string) => subjectsIn(smtp, address);
const signedIn = (address: string) => signedInSession(browser, platform, address);

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  platform = await startPlatform({ SMTP_URL: smtp.url }, { now: DURING_CALL });
  browser = await launchBrowser();
  // The learning phases of the cities that were not in a 2027 group (or did
  // not finish) are marked complete by the manager, as the programme allows.
  const manager = await apiAs('manager@demo.peercities.eu');
  for (const slug of [...APPLICANTS, LATE]) {
    const city = (await manager.get(`/api/cities/${slug}`)) as { id: string; name: string };
    cityNames[slug] = city.name;
    await manager.send('PUT', `/api/programmes/${SLUG}/learning-completions/${city.id}`, undefined, 204);
  }
  await manager.close();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await smtp?.close();
});

describe('the 2027 visitor call', () => {
  it('an aspiring city that completed its learning applies through the pages and is emailed a confirmation', async () => {
    const { page, pageErrors, context } = await signedIn(email('tilburg'));
    await page.goto(`/programmes/${SLUG}/calls/visitor`);
    await pageReady(page, `Visitor call: ${TITLE}`);
    await page.getByText('Tilburg may apply to this call.').waitFor();
    await expectAccessible(page, 'the open visitor call, for an eligible city');
    await page.getByRole('button', { name: 'Start an application' }).click();
    await pageReady(page, 'Tilburg: application to the visitor call');
    const form = page.getByRole('form', { name: 'Application form' });
    await field(form, 'What does your city want to learn, and why now?').fill('How to retrofit row houses street by street, before our heat plan is adopted.');
    await form.getByRole('checkbox', { name: 'Buildings' }).check();
    await form.getByRole('checkbox', { name: 'Energy' }).check();
    await field(form, 'What could you replicate within two years?').fill('A one-stop shop for homeowners and a district heat pilot.');
    await field(form, 'Number of delegates').fill('3');
    await expectAccessible(page, 'the visitor application form');
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await page.getByRole('dialog', { name: 'Submit the application?' }).getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Submitted. A confirmation email is on its way').waitFor();
    applicationIds.tilburg = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await expect.poll(() => subjectsTo(email('tilburg')).some((s) => /submitted|received/i.test(s)), { timeout: 15_000 }).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('eleven more cities apply; after the deadline a thirteenth city is refused with the reason', async () => {
    for (const slug of APPLICANTS.slice(1)) {
      const rep = await apiAs(email(slug));
      const draft = await rep.send('POST', `/api/programmes/${SLUG}/calls/visitor/applications`, {
        cityId: rep.cityId,
        answers: { motivation: `${cityNames[slug]} wants to learn from a Mission City.`, sectors: ['energy', 'mobility'], replication: 'A pilot within two years.', delegates: 2 },
      });
      await rep.send('POST', `/api/applications/${draft.id}/submit`, { version: draft.version });
      applicationIds[slug] = draft.id;
      await rep.close();
    }

    platform.setNow(AFTER_CALL);
    const { page, pageErrors, context } = await signedIn(email(LATE));
    await page.goto(`/programmes/${SLUG}/calls/visitor`);
    await pageReady(page, `Visitor call: ${TITLE}`);
    await page.getByText(/The call closed on 28 February 2027/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Start an application' }).count()).toBe(0);
    await expectAccessible(page, 'the closed visitor call');
    // The server refuses too, whatever the page shows.
    const late = await apiAs(email(LATE));
    const refused = await late.send('POST', `/api/programmes/${SLUG}/calls/visitor/applications`, { cityId: late.cityId, answers: {} }, 409);
    expect(String(refused.detail)).toMatch(/closed/i);
    await late.close();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);

  it('two evaluators score, one declares a conflict in the page; the manager selects nine and waitlists three, and publishes', async () => {
    const manager = await apiAs('manager@demo.peercities.eu');
    await manager.send('POST', `/api/programmes/${SLUG}/calls/visitor/assignments`, undefined);

    // Ingrid declares a conflict on her first application, in the page; it goes to another evaluator.
    const ingrid = await signedIn('evaluator2@demo.peercities.eu');
    await ingrid.page.goto('/evaluations');
    await pageReady(ingrid.page, 'My evaluations');
    const first = ingrid.page.getByRole('main').getByRole('link', { name: /^Evaluate / }).first();
    const conflictCity = ((await first.textContent()) ?? '').replace('Evaluate ', '');
    await first.click();
    await pageReady(ingrid.page, `Evaluate ${conflictCity}`);
    await ingrid.page.getByRole('button', { name: 'Declare a conflict of interest' }).click();
    const dialog = ingrid.page.getByRole('dialog', { name: 'Declare a conflict of interest?' });
    await field(dialog, 'Why').fill('My former employer in this city.');
    await dialog.getByRole('button', { name: 'Declare the conflict' }).click();
    await ingrid.page.getByText(`Conflict declared: ${conflictCity} has been given to another evaluator.`).waitFor();
    await ingrid.context.close();

    // Everyone scores the rest through the API: the earlier a city applied, the higher its marks.
    const rank = (city: string) => APPLICANTS.findIndex((slug) => cityNames[slug] === city);
    for (const evaluator of ['evaluator@demo.peercities.eu', 'evaluator2@demo.peercities.eu', 'manager2@demo.peercities.eu']) {
      const api = await apiAs(evaluator);
      const mine = (await api.get('/api/evaluations')) as unknown as { items: { applicationId: string; cityName: string; callKind: string; status: string | null; programmeSlug: string }[] };
      for (const item of mine.items.filter((i) => i.programmeSlug === SLUG && i.callKind === 'visitor' && i.status !== 'conflict' && i.status !== 'submitted')) {
        const evaluation = (await api.get(`/api/applications/${item.applicationId}/evaluation`)) as { criteria: { id: string; scaleMax: number }[]; version: number };
        const mark = Math.max(1, 5 - Math.floor(rank(item.cityName) / 3));
        const scores = Object.fromEntries(evaluation.criteria.map((c) => [c.id, Math.min(mark, c.scaleMax)]));
        await api.send('POST', `/api/applications/${item.applicationId}/evaluation/submit`, { version: evaluation.version, scores, comment: 'Clear goals.' });
      }
      await api.close();
    }

    // The manager decides in the selection page for the first city, through the API for the others.
    const { page, pageErrors, context } = await signedIn('manager@demo.peercities.eu');
    await page.goto(`/programmes/${SLUG}/calls/visitor/selection`);
    await pageReady(page, `Selection: ${TITLE}, visitor call`);
    await page.getByTestId('selection-count').filter({ hasText: '0 of 9' }).waitFor();
    await page.getByRole('button', { name: 'Decide for Tilburg' }).click();
    const decision = page.getByRole('dialog', { name: 'Decision for Tilburg' });
    await decision.getByRole('radio', { name: 'Selected', exact: true }).check();
    await field(decision, 'Reason the city will read').fill('Clear learning goals and a concrete replication plan.');
    await decision.getByText(/1 of 9/).waitFor();
    await decision.getByRole('button', { name: 'Confirm decision' }).click();
    await page.getByTestId('selection-count').filter({ hasText: '1 of 9' }).waitFor();
    for (const [i, slug] of APPLICANTS.entries()) {
      if (slug === 'tilburg') continue;
      const waitlisted = i >= 9;
      await manager.send('PUT', `/api/applications/${applicationIds[slug]}/decision`, {
        outcome: waitlisted ? 'waitlisted' : 'selected',
        reason: waitlisted ? 'A strong application; the places are taken.' : 'A strong application.',
        waitlistPosition: waitlisted ? i - 8 : null,
      });
    }
    await manager.close();
    await page.reload();
    await pageReady(page, `Selection: ${TITLE}, visitor call`);
    await page.getByTestId('selection-count').filter({ hasText: '9 of 9' }).waitFor();
    await expectAccessible(page, 'the visitor selection with nine selected and three waitlisted');
    await page.getByRole('button', { name: 'Publish decisions' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish all decisions?' });
    await publish.getByText(/The representatives of 12 cities will receive an email/).waitFor();
    await publish.getByRole('button', { name: 'Publish and send emails' }).click();
    await page.getByText(/Decisions published on/).waitFor();

    for (const [i, slug] of APPLICANTS.entries()) {
      const expected = i >= 9 ? `${TITLE}: ${cityNames[slug]} on the waiting list` : `${TITLE}: ${cityNames[slug]} selected`;
      await expect.poll(() => subjectsTo(email(slug)), { timeout: 20_000 }).toContain(expected);
    }
    expect(subjectsTo(email(LATE))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 600_000);

  it('a selected city withdraws in its application page; the first on the waiting list moves up and is emailed', async () => {
    const { page, pageErrors, context } = await signedIn(email('tilburg'));
    await page.goto(`/applications/${applicationIds.tilburg}`);
    await pageReady(page, 'Tilburg: application to the visitor call');
    await page.getByRole('button', { name: 'Withdraw the application' }).click();
    const dialog = page.getByRole('dialog', { name: /^Withdraw/ });
    await expectAccessible(page, 'the withdrawal confirmation');
    await dialog.getByRole('button', { name: /^Withdraw/ }).click();
    await page.getByRole('region', { name: 'Status' }).getByText('Withdrawn', { exact: true }).waitFor();
    const firstWaiting = APPLICANTS[9] ?? '';
    await expect.poll(() => subjectsTo(email(firstWaiting)), { timeout: 20_000 }).toContain(`${TITLE}: ${cityNames[firstWaiting]} moves up from the waiting list`);
    // Only the first on the list moves up.
    expect(subjectsTo(email(APPLICANTS[10] ?? ''))).not.toContain(`${TITLE}: ${cityNames[APPLICANTS[10] ?? '']} moves up from the waiting list`);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
