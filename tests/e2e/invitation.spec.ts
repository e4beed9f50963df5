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
  signOut,
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

describe('inviting a city representative', () => {
  it('takes a new person from invitation email to signed in with their role and city', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    const email = `tartu.officer.${Date.now()}@example.eu`;
    const password = 'a long and memorable passphrase';

    // The home page, signed out.
    await page.goto('/');
    await pageReady(page, 'Learn from the Mission Cities');
    await expectAccessible(page, 'the home page');

    // The programme manager signs in through the page.
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account');
    await expectAccessible(page, 'the account page of the programme manager');

    // … opens People from the navigation and invites a city representative for Tartu.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await pageReady(page, 'People');
    await expectAccessible(page, 'the People page');
    const form = page.getByRole('form', { name: 'Invite a person' });
    await field(form, 'Email address').fill(email);
    await field(form, 'Name').fill('Kadri Tamm');
    await field(form, 'Role').selectOption('city_representative');
    await field(form, 'City').fill('Tartu');
    await page.getByRole('option', { name: /^Tartu/ }).click();
    await expect.poll(() => field(form, 'City').inputValue()).toMatch(/^Tartu, Estonia/);
    await expectAccessible(page, 'the invitation form, filled in');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${email}.`).waitFor();
    const invitationRow = page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => invitationRow.textContent()).toMatch(/city representative for Tartu.*pending/);
    await expectAccessible(page, 'the People page with the new invitation');

    // The invitation email is in the mailbox; its link leads to the invitation page.
    const link = await linkFromMailbox(page, email, '/invitations/');
    await expectAccessible(page, 'the mailbox with the invitation open');
    const invitationUrl = await link.getAttribute('href');
    expect(invitationUrl).toMatch(/\/invitations\/[^/]+$/);
    await link.click();

    // The invitation page says who is invited as what; the person chooses a password.
    await pageReady(page, 'Join peercities');
    await page.getByText('You are invited as city representative for Tartu.').waitFor();
    await page.getByText(`Invitation for ${email}`).waitFor();
    await expectAccessible(page, 'the invitation page');
    const accept = page.getByRole('form', { name: 'Accept the invitation' });
    await expect.poll(() => field(accept, 'Name').inputValue()).toBe('Kadri Tamm');
    await field(accept, 'Name').fill('Kadri Tamm-Saar');
    await accept.getByText('Between 12 and 128 characters', { exact: false }).waitFor();
    // Too short first: the hint becomes the error next to the field.
    await field(accept, 'Choose a password').fill('short');
    await accept.getByRole('button', { name: 'Accept and sign in' }).click();
    await accept.getByText('Use at least 12 characters.').waitFor();
    await expectAccessible(page, 'the invitation page with a password error');
    await field(accept, 'Choose a password').fill(password);
    await accept.getByRole('button', { name: 'Accept and sign in' }).click();

    // Signed in as the new person, on their account page.
    await pageReady(page, 'My account');
    await page.getByText('Welcome to peercities').waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Signed in as Kadri Tamm-Saar');
    await page.getByRole('list', { name: 'My roles' }).getByText('city representative for Tartu').waitFor();
    await expectAccessible(page, 'the account page after joining');
    // The navigation offers the programme team's pages no longer.
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count()).toBe(0);

    await signOut(page);
    await expectAccessible(page, 'the sign-in page after signing out');

    // Signing in again with the chosen password shows their role and city.
    await signIn(page, email, password);
    await pageReady(page, 'My account');
    await page.getByRole('list', { name: 'My roles' }).getByText('city representative for Tartu').waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(email);
    await expectAccessible(page, 'the account page of the new city representative');

    // The link worked once.
    await page.goto(invitationUrl ?? '');
    await pageReady(page, 'Join peercities');
    await page.getByText('This invitation link no longer works').waitFor();
    await expectAccessible(page, 'a used invitation link');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
