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
    // The privacy notice's box is required too; its link opens the notice beside the form.
    await accept.getByText('Confirm that you have read the privacy notice.').waitFor();
    await expectAccessible(page, 'the invitation page with a password error');
    expect(await accept.getByRole('link', { name: /Read the privacy notice/ }).getAttribute('href')).toBe('/privacy');
    await field(accept, 'Choose a password').fill(password);
    await accept.getByRole('checkbox', { name: 'I have read the privacy notice' }).check();
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

    // Listed on Tartu's public page only once she opts in (off by default).
    const listing = page.getByRole('switch', { name: 'List me as a public contact of my city' });
    expect(await listing.isChecked()).toBe(false);
    await listing.click({ force: true });
    await page.getByText('Your choices are saved.').waitFor();
    await expectAccessible(page, 'the account page with an opt-in on');
    await page.goto('/cities/tartu');
    await pageReady(page, 'Tartu');
    const contacts = page.getByRole('region', { name: 'Public contacts' });
    await expect.poll(() => contacts.textContent()).toContain('Kadri Tamm-Saar');
    await expect.poll(() => contacts.textContent()).toContain(email);

    // The link worked once.
    await page.goto(invitationUrl ?? '');
    await pageReady(page, 'Join peercities');
    await page.getByText('This invitation link no longer works').waitFor();
    await expectAccessible(page, 'a used invitation link');

    // The programme team publishes a new version of the privacy notice…
    const team = await openSession(browser, platform);
    await signIn(team.page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(team.page, 'My account');
    await team.page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
    await pageReady(team.page, 'Privacy notice');
    await team.page.getByRole('link', { name: 'Versions of the notice and publishing a new one' }).click();
    await pageReady(team.page, 'Privacy notice versions');
    await expectAccessible(team.page, 'the privacy notice versions');
    const publish = team.page.getByRole('form', { name: 'Publish a new version' });
    await field(publish, 'Version').fill('2');
    await field(publish, 'What changed').fill('Sign-in records are now kept for six months instead of a year.');
    await publish.getByRole('button', { name: 'Publish this version' }).click();
    await team.page.getByText('Version 2 is published and in force.').waitFor();
    await team.context.close();

    // … and the new representative is asked, politely but first, to read and accept it.
    await page.goto('/account');
    const dialog = page.getByRole('dialog', { name: 'Our privacy notice has changed' });
    await dialog.getByText('Sign-in records are now kept for six months instead of a year.').waitFor();
    await expectAccessible(page, 'the dialog asking to accept the new privacy notice');
    await dialog.getByRole('link', { name: 'Read the privacy notice' }).click();
    await pageReady(page, 'Privacy notice');
    await page.getByText('Version 2, in force since', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'How long we keep it' }).waitFor();
    await expectAccessible(page, 'the privacy notice, asking to accept it');
    const acceptNotice = page.getByRole('form', { name: 'Accept the privacy notice' });
    await acceptNotice.getByRole('button', { name: 'Accept' }).click();
    await acceptNotice.getByText('Confirm that you have read the privacy notice.').waitFor();
    await acceptNotice.getByRole('checkbox', { name: 'I have read the privacy notice' }).check();
    await acceptNotice.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => acceptNotice.count()).toBe(0);
    await page.goto('/account');
    await pageReady(page, 'My account');
    expect(await page.getByRole('dialog').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
