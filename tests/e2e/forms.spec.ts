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
  it('the application page and the new-solution page load without a console error', async () => {
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
    await page.goto('/solutions/new?city=valencia');
    await pageReady(page, /New solution/);
    expect(refused).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
