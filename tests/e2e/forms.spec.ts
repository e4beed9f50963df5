import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, signedInSession } from './api-and-mail.ts';
import { DEMO, launchBrowser, pageReady, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;
const SLUG = 'group-study-visits-2027';
// The 2027 host call is open through December 2026.
const DURING_HOST_CALL = new Date('2026-12-10T10:00:00Z');

beforeAll(async () => {
  platform = await startPlatform({}, { now: DURING_HOST_CALL });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('forms a new user meets (issue 17)', () => {
  it('the application page and the new-solution page load without a console error; dates by keyboard; leaving asks first; a draft saves itself', async () => {
    const api = await apiAs(browser, platform, DEMO.valencia);
    const draft = await api.send('POST', `/api/programmes/${SLUG}/calls/host/applications`, { cityId: api.cityId, answers: {} });
    await api.close();
    const applicationId = draft.id;

    const { page, pageErrors, consoleErrors, context } = await signedInSession(browser, platform, DEMO.valencia);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    // Opened directly, as from a link: the page learns the programme from the application.
    await page.goto(`/applications/${applicationId}`);
    await pageReady(page, /Valencia: application to the host call/);

    // Preferred dates by keyboard. Chromium orders the parts by its own
    // language, not the page's (day and month may come either way): 05/05 reads the same.
    await page.getByRole('button', { name: 'Add a date' }).click();
    const date = page.getByLabel('Date 1', { exact: true });
    await date.focus();
    await page.keyboard.type('05052027');
    expect(await date.inputValue()).toBe('2027-05-05');
    // The arrows change the part that has focus: the year, then the part before it.
    await page.keyboard.press('ArrowUp');
    expect(await date.inputValue()).toBe('2028-05-05');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(['2028-05-06', '2028-06-05']).toContain(await date.inputValue());
    // Back to the year and down again: inside the edition's study visits (May and June 2027),
    // which a preferred date must be for the draft to be saved.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(['2027-05-06', '2027-06-05']).toContain(await date.inputValue());

    // Unsaved: an in-app link asks first; Stay keeps the page.
    const solutionsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Solutions' });
    await solutionsLink.click();
    const leave = page.getByRole('dialog', { name: 'Leave this page?' });
    await leave.getByText('Your changes are not saved.').waitFor();
    await leave.getByRole('button', { name: 'Stay' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(['2027-05-06', '2027-06-05']).toContain(await date.inputValue());
    // A few seconds later the draft saves itself, and the link goes without asking.
    await page.getByRole('status').getByText(/^Draft saved at \d{2}:\d{2}$/).waitFor({ timeout: 10_000 });
    await solutionsLink.click();
    await pageReady(page, 'Climate solutions library');

    await page.goto('/solutions/new?city=valencia');
    await pageReady(page, /New solution/);
    expect(refused).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
