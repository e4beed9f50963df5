import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

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

/** With E2E_SCREENSHOT_DIR set, the page at a desktop and a phone width, to look at. */
async function screenshots(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('personal data', () => {
  it('downloads my data: asked, prepared in the background, then a ZIP', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    const section = page.getByRole('region', { name: 'Your data' });
    await section.getByRole('button', { name: 'Download my data' }).click();
    const link = section.getByRole('link', { name: /Your data is ready: download the ZIP/ });
    await link.waitFor();
    await section.getByText(/Available until/).waitFor();
    await expectAccessible(page, 'the account page with a download ready');
    await screenshots(page, 'account-your-data');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^peercities-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('json/account.json'))).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a manager erases an account on request and sees what was kept and why', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    const id = await page.evaluate(async () => {
      const res = await fetch('/api/people?q=Ingrid');
      return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
    });
    await page.goto(`/admin/people/${id}`);
    await pageReady(page, 'Ingrid Hansen');
    await page.getByRole('button', { name: 'Erase this account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase the account of Ingrid Hansen' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Erase the account for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await field(dialog, 'Reason').fill('Asked by email on 3 December');
    await field(dialog, 'Type ERASE to confirm').fill('ERASE');
    await expectAccessible(page, 'the erasure dialog');
    await screenshots(page, 'manager-erase-dialog');
    await confirm.click();
    const report = page.getByRole('status', { name: 'The account has been erased' });
    await report.getByText('The account now reads "Former participant".', { exact: false }).waitFor();
    await report.getByText("Kept for the programme's record").waitFor();
    await expectAccessible(page, 'the erasure report');
    await screenshots(page, 'manager-erase-report');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a person erases their own account with their password and the word typed, and is signed out', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, 'expert@demo.peercities.eu', DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByRole('button', { name: 'Erase my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase your account' });
    await field(dialog, 'Current password').fill('not my password');
    await field(dialog, 'Type ERASE to confirm').fill('erase');
    await dialog.getByRole('button', { name: 'Erase my account for good' }).click();
    await dialog.getByText(/not (the|your) current password/).waitFor();
    await field(dialog, 'Current password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Erase my account for good' }).click();
    const done = page.getByRole('dialog', { name: 'The account has been erased' });
    await done.getByText('Deleted', { exact: true }).waitFor();
    await screenshots(page, 'self-erase-report');
    await done.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/me')).status))).toBe(401);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
