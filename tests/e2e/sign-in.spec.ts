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

describe('signing in', () => {
  it('says which fields are missing, next to them, and moves focus to the first', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/sign-in');
    await pageReady(page, 'Sign in');
    await expectAccessible(page, 'the sign-in page');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Sign in' }).click();
    const email = field(main, 'Email address');
    await main.getByText('Enter a valid email address, like name@city.eu.').waitFor();
    await main.getByText('Fill in this field.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page, 'the sign-in page with field errors');
    await context.close();
  });

  it('says the email or password is wrong, without telling which', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, 'not the right password');
    const alert = page.getByRole('alert').filter({ hasText: 'The email address or password is not right.' });
    await alert.waitFor();
    await expectAccessible(page, 'the sign-in page after a wrong password');

    // The same message for an account that does not exist.
    await signIn(page, 'nobody@example.eu', 'not the right password');
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('returns to the page asked for after signing in', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/admin/mailbox');
    await pageReady(page, 'Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/mailbox');
    const main = page.getByRole('main');
    await field(main, 'Email address').fill(DEMO.manager);
    await field(main, 'Password').fill(DEMO_PASSWORD);
    await main.getByRole('button', { name: 'Sign in' }).click();
    await pageReady(page, 'Mailbox');
    await expectAccessible(page, 'the mailbox');
    await context.close();
  });

  it('keeps pages for the programme team from other roles', async () => {
    const { page, context } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByRole('list', { name: 'My roles' }).getByText(/city representative for Valencia/).waitFor();
    await page.goto('/admin/people');
    await pageReady(page, 'Not available to you');
    await expectAccessible(page, 'a page the person may not see');
    await context.close();
  });

  it('shows a page-not-found page for an unknown address', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/no/such/page');
    await pageReady(page, 'Page not found');
    await expectAccessible(page, 'the not-found page');
    await context.close();
  });
});
