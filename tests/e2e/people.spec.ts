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

describe('people (programme managers)', () => {
  it('checks the invitation form, refuses a role already held, and revokes after confirmation', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.goto('/admin/people');
    await pageReady(page, 'People');
    const form = page.getByRole('form', { name: 'Invite a person' });

    // A city representative needs a city; the message sits next to the picker.
    await field(form, 'Email address').fill('new.rep@example.eu');
    await field(form, 'Name').fill('Nora Rep');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await form.getByText('Choose the city this person will represent.').waitFor();
    await expectAccessible(page, 'the invitation form with a missing city');

    // Valencia's demo representative already holds that role.
    await field(form, 'Email address').fill(DEMO.valencia);
    await field(form, 'City').fill('Valencia');
    await page.getByRole('option', { name: /^Valencia/ }).click();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('alert').filter({ hasText: 'This person already holds this role.' }).waitFor();

    // A facilitator takes no city; then the invitation is revoked.
    const email = `facilitator.${Date.now()}@example.eu`;
    await field(form, 'Role').selectOption('facilitator');
    expect(await field(form, 'City').count()).toBe(0);
    await field(form, 'Email address').fill(email);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${email}.`).waitFor();

    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: `Revoke the invitation for ${email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this invitation?' });
    await dialog.waitFor();
    await expectAccessible(page, 'the revoke confirmation dialog');
    // Escape keeps the invitation.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toMatch(/pending/);

    await row.getByRole('button', { name: `Revoke the invitation for ${email}` }).click();
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await expect.poll(() => row.textContent()).toMatch(/revoked/);
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await expectAccessible(page, 'the People page after revoking');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('my account', () => {
  it('changes name and language, and refuses a wrong current password', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.facilitator, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByRole('list', { name: 'My roles' }).getByText('facilitator').waitFor();

    const details = page.getByRole('form', { name: 'My details' });
    await field(details, 'Name').fill('Fran Facilitator');
    await field(details, 'Language').selectOption('fr');
    await details.getByRole('button', { name: 'Save my details' }).click();
    // The interface follows the saved language (French is partial; English fills the gaps).
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Fran Facilitator');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expectAccessible(page, 'the account page in French');

    // Back to English with the header's switcher.
    await page.getByRole('banner').getByLabel('Langue').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).waitFor();

    const password = page.getByRole('form', { name: 'Change my password' });
    await field(password, 'Current password').fill('not my password at all');
    await field(password, 'New password').fill('a brand new passphrase');
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByText('This is not your current password.').waitFor();
    await expectAccessible(page, 'the account page with a wrong current password');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
