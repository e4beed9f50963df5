import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, linkFromMailbox, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

// Mikkeli (Finland) is in the shipped GeoNames table and not in the demo
// registry (Kuopio, which issue 18 names, is in the demo registry already).
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

const PASSWORD = 'a long and memorable passphrase';

async function register(page: Page, person: { name: string; email: string }, chooseCity: (form: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.goto('/register');
  await pageReady(page, 'Register your city');
  const form = page.getByRole('form', { name: 'Registration' });
  await field(form, 'Name').fill(person.name);
  await field(form, 'Email address').fill(person.email);
  await field(form, 'Choose a password').fill(PASSWORD);
  await chooseCity(form);
  await field(form, 'Your role in the city administration').fill('Climate coordinator');
  await field(form, 'Target year for climate neutrality').fill('2035');
  await form.getByLabel('The city has a climate plan').check();
  await form.getByLabel(/I have read the/).check();
  return form;
}

async function verifyFromMailbox(manager: Page, person: Page, email: string) {
  const link = await linkFromMailbox(manager, email, '/register/verify/');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/register\/verify\/[\w-]+$/);
  await person.goto(new URL(href ?? '', platform.baseUrl).pathname);
  await pageReady(person, 'Confirm your email address');
  await person.getByText('Your email address is confirmed').waitFor();
}

describe('open registration', () => {
  it('takes a person of a new city from sign-up to its profile, and a colleague through its primary contact', async () => {
    const manager = await openSession(browser, platform);
    const first = await openSession(browser, platform);
    const second = await openSession(browser, platform);

    // Open in the demo. The manager closes it for a moment: the page then says whom to ask.
    await signIn(manager.page, DEMO.manager, DEMO_PASSWORD, '/admin/registration');
    await pageReady(manager.page, 'Registration settings');
    const openSwitch = manager.page.getByRole('switch', { name: 'Registration is open' });
    await openSwitch.click({ force: true });
    await manager.page.getByText('Registration is closed.').waitFor();
    await first.page.goto('/register');
    await pageReady(first.page, 'Register your city');
    await first.page.getByText('Registration is closed').waitFor();
    await expectAccessible(first.page, 'the registration page, closed');

    // Opened again on the settings page.
    await openSwitch.click({ force: true });
    await manager.page.getByText('Registration is open.').waitFor();
    await expectAccessible(manager.page, 'the registration settings');
    await first.page.reload();

    // A person of Mikkeli registers, picking the city from GeoNames.
    const form = await register(first.page, { name: 'Aino Virtanen', email: 'aino@mikkeli.fi' }, async (f) => {
      await f.getByLabel('It is not on peercities yet', { exact: false }).check();
      await field(f, 'City (GeoNames)').fill('Mikkeli');
      await first.page.getByRole('option', { name: /^Mikkeli, Finland/ }).click();
    });
    await expectAccessible(first.page, 'the registration form, filled in');
    await form.getByRole('button', { name: 'Register' }).click();
    await first.page.getByText('Check your email').waitFor();
    await expectAccessible(first.page, 'the registration sent');

    // Verifies from the development mailbox, signs in and waits.
    await verifyFromMailbox(manager.page, first.page, 'aino@mikkeli.fi');
    await expectAccessible(first.page, 'the verification page');
    await signIn(first.page, 'aino@mikkeli.fi', PASSWORD, '/start');
    await pageReady(first.page, 'My registration');
    await first.page.getByText('Waiting for approval').waitFor();
    await expectAccessible(first.page, 'the registration status, waiting');

    // The manager approves: Mikkeli enters the registry.
    await manager.page.goto('/registrations');
    await pageReady(manager.page, 'Registrations');
    const card = manager.page.getByRole('article').filter({ hasText: 'Aino Virtanen' });
    await card.getByText(/GeoNames: Finland, 61\.689, 27\.272/).waitFor();
    await expectAccessible(manager.page, 'the approval queue');
    await card.getByRole('button', { name: 'Approve' }).click();
    await manager.page.getByText('No registration is waiting.').waitFor();

    // The person sees the city's new profile.
    await first.page.reload();
    await pageReady(first.page, 'My registration');
    await first.page.getByRole('link', { name: 'Open the profile of Mikkeli' }).click();
    await pageReady(first.page, 'Mikkeli');
    await expectAccessible(first.page, 'the new city profile');

    // The profile holds what the registration said (target 2035); the city brings its target forward.
    const profile = first.page.getByRole('main');
    await profile.getByText('2035').first().waitFor();
    await profile.getByRole('button', { name: 'Edit the profile' }).click();
    await field(profile, 'Climate-neutrality target year').fill('2032');
    await profile.getByRole('button', { name: 'Save the profile' }).click();
    await first.page.getByRole('region', { name: 'History of changes' }).getByText('2032').first().waitFor();

    // And asks to join a discussion group.
    await first.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discussion groups' }).click();
    await pageReady(first.page, 'Discussion groups');
    await first.page.getByRole('link', { name: 'Energy and buildings 2027 (English)' }).click();
    await pageReady(first.page, 'Energy and buildings 2027 (English)');
    const interest = first.page.getByRole('form', { name: 'Express interest' });
    await interest.getByText('For Mikkeli').waitFor();
    await interest.getByRole('checkbox', { name: 'Energy' }).check();
    await field(interest, 'Message to the facilitators').fill('We are new here and plan district heating from biomass.');
    await interest.getByRole('button', { name: 'Express interest' }).click();
    await first.page.getByText("Mikkeli's request:").waitFor();
    await expectAccessible(first.page, 'a discussion group after a new city expressed interest');

    // A colleague registers for Mikkeli, now in the registry.
    const form2 = await register(second.page, { name: 'Eero Korhonen', email: 'eero@mikkeli.fi' }, async (f) => {
      await field(f, 'City').fill('Mikkeli');
      await second.page.getByRole('option', { name: /^Mikkeli/ }).click();
    });
    await form2.getByRole('button', { name: 'Register' }).click();
    await second.page.getByText('Check your email').waitFor();
    await verifyFromMailbox(manager.page, second.page, 'eero@mikkeli.fi');

    // The first person, Mikkeli's primary contact, confirms the colleague.
    await first.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registrations' }).click();
    await pageReady(first.page, 'Registrations');
    const claim = first.page.getByRole('article').filter({ hasText: 'Eero Korhonen' });
    await claim.getByText('City has representatives').waitFor();
    await expectAccessible(first.page, 'the claims on the primary contact’s city');
    await claim.getByRole('button', { name: 'Confirm' }).click();
    await first.page.getByText('No registration is waiting.').waitFor();

    await signIn(second.page, 'eero@mikkeli.fi', PASSWORD, '/registration');
    await pageReady(second.page, 'My registration');
    await second.page.getByText('Approved').waitFor();
    await expectAccessible(second.page, 'the registration status, approved');

    // A town in neither the registry nor GeoNames: the manager says where it lies.
    const third = await openSession(browser, platform);
    const form3 = await register(third.page, { name: 'Liisa Mäkelä', email: 'liisa@ruokolahti.fi' }, async (f) => {
      await f.getByLabel('My city is not listed', { exact: false }).check();
      await field(f, 'Name of your city').fill('Ruokolahti');
      await field(f, 'Country').fill('Finland');
      await third.page.getByRole('option', { name: 'Finland' }).click();
    });
    await form3.getByRole('button', { name: 'Register' }).click();
    await third.page.getByText('Check your email').waitFor();
    await verifyFromMailbox(manager.page, third.page, 'liisa@ruokolahti.fi');
    await manager.page.goto('/registrations');
    await pageReady(manager.page, 'Registrations');
    const town = manager.page.getByRole('form', { name: 'Approve the registration of Liisa Mäkelä' });
    await field(town, 'Latitude').fill('61,29');
    await field(town, 'Longitude').fill('28.83');
    await expectAccessible(manager.page, 'a town to place by hand');
    await town.getByRole('button', { name: 'Approve' }).click();
    await manager.page.getByText('No registration is waiting.').waitFor();
    await manager.page.goto('/cities/ruokolahti');
    await pageReady(manager.page, 'Ruokolahti');

    for (const s of [manager, first, second, third]) expect(s.pageErrors).toEqual([]);
  });
});
