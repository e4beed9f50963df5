import type { Browser } from 'playwright-core';
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

// Where I am signed in (decision 0026): the account page lists my sessions and ends one.
describe('my sessions on the account page', () => {
  it('lists this device and another, ends the other after asking, and then says there is none', async () => {
    const laptop = await openSession(browser, platform);
    const phone = await openSession(browser, platform);
    await signIn(phone.page, DEMO.facilitator, DEMO_PASSWORD);
    await pageReady(phone.page, 'My account');
    await signIn(laptop.page, DEMO.facilitator, DEMO_PASSWORD);
    await pageReady(laptop.page, 'My account');
    const { page } = laptop;

    const list = page.getByRole('list', { name: 'My sessions' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await list.getByRole('listitem').filter({ hasText: 'This device' }).getByText(/Signed in on .+, last used .+/).waitFor();
    // Both are Chromium on this machine.
    await list.getByRole('listitem').first().getByText(/Chrome on Linux/).waitFor();
    await page.getByRole('heading', { name: 'Where I am signed in' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '/tmp'}/my-sessions-1366.png`, fullPage: false });
    await expectAccessible(page, 'the account page with two sessions');

    // Ending the other one asks first; Cancel keeps it.
    const end = list.getByRole('button', { name: /End the session on/ });
    await end.click();
    const dialog = page.getByRole('dialog', { name: 'End this session?' });
    await dialog.waitFor();
    await expectAccessible(page, 'asking before ending a session');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await list.getByRole('listitem').count()).toBe(2);
    await end.click();
    await dialog.getByRole('button', { name: 'End' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.getByText('You are signed in nowhere else.').waitFor();

    // The other browser is signed out: its next page asks it to sign in.
    await phone.page.goto('/account');
    await pageReady(phone.page, 'Sign in');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Where I am signed in' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '/tmp'}/my-sessions-390.png`, fullPage: false });
    await expectAccessible(page, 'the account page with only this session, on a phone');

    // A common password is refused next to the field, with the reason.
    const form = page.getByRole('form', { name: 'Change my password' });
    await field(form, 'Current password').fill(DEMO_PASSWORD);
    await field(form, 'New password').fill('qwerty123456');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').getByText('This password cannot be used: choose another one.').waitFor();
    await form.getByText(/one of the 100,000 most common passwords/).waitFor();
    await expectAccessible(page, 'a common password refused');

    expect(laptop.pageErrors).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
});
