import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  field,
  launchBrowser,
  linkFromMailbox,
  openSession,
  pageReady,
  signIn,
  startPlatform,
  type Platform,
} from './harness.ts';

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

describe('forgotten password', () => {
  it('resets the password through the emailed link, which then stops working', async () => {
    const person = await openSession(browser, platform);
    const { page } = person;
    const newPassword = 'lakes and birch forests of Finland';

    // The person asks for a link from the sign-in page.
    await page.goto('/sign-in');
    await pageReady(page, 'Sign in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await pageReady(page, 'Reset your password');
    await expectAccessible(page, 'the forgot-password page');
    await field(page.getByRole('main'), 'Email address').fill(DEMO.lahti);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your email').waitFor();
    await expectAccessible(page, 'the forgot-password page after sending');

    // The email arrives in the development mailbox, which the programme team reads.
    const manager = await openSession(browser, platform);
    await signIn(manager.page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(manager.page, 'My account');
    const link = await linkFromMailbox(manager.page, DEMO.lahti, '/reset-password/');
    await expectAccessible(manager.page, 'the mailbox with the reset email open');
    const resetUrl = await link.getAttribute('href');
    expect(resetUrl).toMatch(/\/reset-password\/[^/]+$/);
    await manager.context.close();

    // The person follows the link and chooses a new password.
    await page.goto(resetUrl ?? '');
    await pageReady(page, 'Choose a new password');
    await expectAccessible(page, 'the reset-password page');
    await field(page, 'New password').fill(newPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Password changed').waitFor();
    await expectAccessible(page, 'the reset-password page after saving');

    // The old password no longer works; the new one does.
    await signIn(page, DEMO.lahti, DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'The email address or password is not right.' }).waitFor();
    await signIn(page, DEMO.lahti, newPassword);
    await pageReady(page, 'My account');
    await page.getByRole('list', { name: 'My roles' }).getByText(/city representative for Lahti/).waitFor();

    // The link works once.
    await page.goto(resetUrl ?? '');
    await pageReady(page, 'Choose a new password');
    await field(page, 'New password').fill('yet another long passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('This link no longer works').waitFor();
    await expectAccessible(page, 'a used reset link');
    expect(person.pageErrors).toEqual([]);
    await person.context.close();
  });
});
