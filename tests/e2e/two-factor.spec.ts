import { mkdirSync } from 'node:fs';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, signIn, signOut, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

// Where the screenshots at a laptop's and a phone's width go (looked at by hand).
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/peercities-two-factor-shots';

beforeAll(async () => {
  // As in production: programme managers must use two-step sign-in.
  platform = await startPlatform({ SECOND_FACTOR_FOR_MANAGERS: 'true' });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function screenshots(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('two-step sign-in', () => {
  it('sends a manager to set it up first, then signs in with a code, and remembers the browser', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    // Every page answers 403 SECOND_FACTOR_ENROLMENT_REQUIRED: the app opens the set-up.
    await pageReady(page, 'Two-step sign-in');
    expect(new URL(page.url()).pathname).toBe('/account/two-step');
    const main = page.getByRole('main');
    await main.getByText('Programme managers must use two-step sign-in.', { exact: false }).waitFor();
    await main.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await main.getByRole('img', { name: 'QR code holding the secret key for your authenticator app' }).waitFor();
    const secret = ((await main.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page, 'the set-up of two-step sign-in');
    await screenshots(page, 'enrol');

    await field(main, '6-digit code').fill(await generate({ secret }));
    await main.getByRole('button', { name: 'Turn on' }).click();
    const codes = main.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expectAccessible(page, 'the recovery codes');
    await screenshots(page, 'recovery-codes');
    await main.getByRole('button', { name: 'I have saved them' }).click();
    await main.getByText(/Two-step sign-in is on since/).waitFor();
    await main.getByText('10 recovery codes left.', { exact: false }).waitFor();

    // The rest of the platform is open now.
    await page.goto('/account');
    await pageReady(page, 'My account');
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await signOut(page);

    // Signing in again: the password, then a code computed from the secret
    // (of the next 30-second step: the one of this step was used to turn it on).
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'Enter your code');
    expect(new URL(page.url()).pathname).toBe('/sign-in/second-step');
    await expectAccessible(page, 'the second step of signing in');
    await screenshots(page, 'second-step');
    const code = field(page.getByRole('main'), 'Code from the app, or a recovery code');
    await code.fill('000000');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The code is not correct.' }).waitFor();
    // Keyboard only: type the code, tick "remember", press Enter.
    await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: /Remember this browser for 30 days/ }).isChecked()).toBe(true);
    await code.press('Enter');
    await pageReady(page, 'My account');
    await page.getByText(/remembered on/).waitFor();

    // This browser is remembered: the password alone signs in.
    await signOut(page);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByText(/remembered on/).waitFor();
    await screenshots(page, 'account');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('asks nothing more of people who did not turn it on', async () => {
    const { page, context } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByText('Two-step sign-in is off.').waitFor();
    await context.close();
  });
});
