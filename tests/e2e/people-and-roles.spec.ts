import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, linkFromMailbox, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

// With the real clock: nothing here depends on a programme's dates.
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

/** Opens a browser profile that also records console errors (a refused request logs one, so flows here make none they do not expect). */
async function session() {
  const opened = await openSession(browser, platform);
  const consoleErrors: string[] = [];
  opened.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { ...opened, consoleErrors };
}

async function confirmIn(page: Page, dialogName: string, button: string, what: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await expectAccessible(page, what);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('people and roles (programme managers)', () => {
  it('finds a person, gives a role, deactivates and reactivates the account', async () => {
    const { page, context, pageErrors, consoleErrors } = await session();
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await pageReady(page, 'People');
    await expectAccessible(page, 'the people directory');

    // Find Ingrid among the evaluators, by part of her name.
    const filters = page.getByRole('form', { name: 'Find people' });
    await field(filters, 'Role').selectOption('evaluator');
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('role')).toBe('evaluator');
    const directory = page.getByRole('table', { name: 'People, by name' });
    await expect.poll(() => directory.getByRole('row').count()).toBe(4);
    await field(filters, 'Name or email').fill('ingr');
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => directory.getByRole('row').count()).toBe(2);
    await expectAccessible(page, 'the directory, filtered');
    await field(filters, 'Name or email').fill('nobody like this');
    await filters.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Nobody matches').waitFor();
    await page.goBack();
    await directory.getByRole('link', { name: 'Ingrid Hansen' }).click();
    await pageReady(page, 'Ingrid Hansen');
    await expectAccessible(page, "Ingrid's page");
    const roles = page.getByRole('table', { name: 'Roles of Ingrid Hansen' });
    await roles.getByRole('cell', { name: 'evaluator', exact: true }).waitFor();

    // Give her the facilitator role.
    const give = page.getByRole('form', { name: 'Give a role' });
    await field(give, 'Role').selectOption('facilitator');
    await give.getByRole('button', { name: 'Give role' }).click();
    await give.getByText('facilitator given.').waitFor();
    await expect.poll(() => roles.textContent()).toContain('facilitator');
    await expectAccessible(page, "Ingrid's page with a new role");

    // Deactivate: she cannot sign in, with a message that says why.
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await confirmIn(page, 'Deactivate the account of Ingrid Hansen?', 'Deactivate', 'the deactivation dialog');
    await page.getByText('The account is deactivated; Ingrid Hansen is signed out everywhere.').waitFor();
    await expectAccessible(page, "Ingrid's page, deactivated");

    const ingrid = await openSession(browser, platform);
    await signIn(ingrid.page, 'evaluator2@demo.peercities.eu', DEMO_PASSWORD);
    await ingrid.page.getByRole('alert').filter({ hasText: 'Your account has been deactivated. Ask the programme team if you need it again.' }).waitFor();
    await expectAccessible(ingrid.page, 'the sign-in page of a deactivated account');

    // The directory shows her as deactivated; reactivate her, and she signs in.
    await page.getByRole('link', { name: 'Back to people' }).click();
    await pageReady(page, 'People');
    await field(filters, 'Account').selectOption('deactivated');
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => directory.textContent()).toMatch(/Ingrid Hansen.*deactivated/);
    await directory.getByRole('link', { name: 'Ingrid Hansen' }).click();
    await pageReady(page, 'Ingrid Hansen');
    await page.getByRole('button', { name: 'Reactivate account' }).click();
    await page.getByText('The account is active again; Ingrid Hansen is told by email.').waitFor();
    await expectAccessible(page, "Ingrid's page, reactivated");
    await signIn(ingrid.page, 'evaluator2@demo.peercities.eu', DEMO_PASSWORD);
    await pageReady(ingrid.page, 'My account');
    await ingrid.page.getByRole('list', { name: 'My roles' }).getByText('facilitator').waitFor();
    await ingrid.context.close();

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe("a city's representatives (its primary contact)", () => {
  it("Valencia's primary contact invites a colleague, who joins, and removes one", async () => {
    const { page, context, pageErrors, consoleErrors } = await session();
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await pageReady(page, 'My account');
    await page.goto('/cities/valencia');
    await pageReady(page, 'Valencia');
    await page.getByRole('link', { name: 'Representatives' }).click();
    await pageReady(page, 'Representatives of Valencia');
    await expectAccessible(page, "Valencia's representatives");
    const table = page.getByRole('list', { name: 'Representatives of Valencia, primary contact first' });
    await expect.poll(() => table.textContent()).toMatch(/Lucía Martínez.*primary contact/);

    // Invite two colleagues.
    const invite = page.getByRole('form', { name: 'Invite a colleague' });
    for (const { email, name } of [
      { email: 'javier.lopez@valencia.example', name: 'Javier López' },
      { email: 'marta.ruiz@valencia.example', name: 'Marta Ruiz' },
    ]) {
      await field(invite, 'Email address').fill(email);
      await field(invite, 'Name').fill(name);
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      await invite.getByText(`Invitation sent to ${email}.`).waitFor();
    }
    const waiting = page.getByRole('region', { name: 'Invited, not yet joined' });
    await expect.poll(() => waiting.textContent()).toMatch(/Javier López.*Marta Ruiz|Marta Ruiz.*Javier López/);
    await expectAccessible(page, "Valencia's representatives with two invitations");

    // Marta follows the link from her email (the development mailbox, read by the programme team).
    const team = await openSession(browser, platform);
    await signIn(team.page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(team.page, 'My account');
    const link = await linkFromMailbox(team.page, 'marta.ruiz@valencia.example', '/invitations/');
    const invitationUrl = (await link.getAttribute('href')) ?? '';
    await team.context.close();
    const marta = await openSession(browser, platform);
    await marta.page.goto(invitationUrl);
    await pageReady(marta.page, 'Join peercities');
    await marta.page.getByText('You are invited as city representative for Valencia.').waitFor();
    const accept = marta.page.getByRole('form', { name: 'Accept the invitation' });
    await field(accept, 'Choose a password').fill('a long and memorable passphrase');
    await accept.getByRole('checkbox', { name: 'I have read the privacy notice' }).check();
    await accept.getByRole('button', { name: 'Accept and sign in' }).click();
    await pageReady(marta.page, 'My account');
    await marta.context.close();

    // Marta is a representative now; Lucía removes her after confirming.
    await page.reload();
    await pageReady(page, 'Representatives of Valencia');
    await expect.poll(() => table.textContent()).toContain('Marta Ruiz');
    await expect.poll(() => waiting.textContent()).not.toContain('Marta Ruiz');
    await table.getByRole('button', { name: 'Remove Marta Ruiz' }).click();
    await confirmIn(page, 'Remove Marta Ruiz?', 'Remove representative', 'the removal dialog');
    await page.getByText('Marta Ruiz no longer represents Valencia.').waitFor();
    await expect.poll(() => table.textContent()).not.toContain('Marta Ruiz');
    // Her own row offers nothing to remove: the primary contact hands over first.
    expect(await table.getByRole('button', { name: 'Remove Lucía Martínez' }).count()).toBe(0);
    await expectAccessible(page, "Valencia's representatives after a removal");

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
