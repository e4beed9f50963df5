import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

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

it('screens', async () => {
  const { page, context } = await openSession(browser, platform);
  await signIn(page, DEMO.manager, DEMO_PASSWORD);
  await pageReady(page, 'My account');
  const csrf = await page.evaluate(async () => (await (await fetch('/api/session')).json()).csrfToken as string);
  await page.evaluate(async (token) => {
    await fetch('/api/programmes', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token }, body: JSON.stringify({ title: 'Screens 2028', format: 'group_study_visits', editionYear: 2028 }) });
  }, csrf);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto('/programmes/screens-2028');
    await pageReady(page, 'Screens 2028');
    await page.screenshot({ path: `/tmp/shots/programme-draft-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Publish the programme' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The programme becomes public').waitFor();
    await page.screenshot({ path: `/tmp/shots/publish-dialog-${width}.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/programmes/group-study-visits-2027');
    await pageReady(page, 'Group Study Visits 2027');
    await page.screenshot({ path: `/tmp/shots/programme-open-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Extend the deadline' }).first().click();
    await page.getByRole('dialog').getByText('The new deadline').waitFor();
    await page.screenshot({ path: `/tmp/shots/extend-dialog-${width}.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/programmes/group-study-visits-2027/calls/host');
    await pageReady(page, /Host call/);
    await page.screenshot({ path: `/tmp/shots/call-${width}.png`, fullPage: true });
    await page.goto('/programmes/group-study-visits-2027/settings');
    await pageReady(page, /Numbers and dates/);
    await page.screenshot({ path: `/tmp/shots/settings-${width}.png`, fullPage: true });
  }
  await context.close();
}, 180_000);
