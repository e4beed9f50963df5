import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

// A phone: 390 × 844 CSS pixels (issue 17: the manager's header took 264 px of it).
const PHONE = { width: 390, height: 844 };

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

describe('on a phone', () => {
  it('a programme manager gets a one-line header whose menu opens, closes on Escape and gives focus back; the matching tables scroll by keyboard', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await page.setViewportSize(PHONE);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');

    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(80);
    await expectAccessible(page, 'the account page on a phone');

    const menuButton = page.getByRole('button', { name: 'Open the menu' });
    await menuButton.click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await menu.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).waitFor();
    await menu.getByRole('button', { name: 'Sign out' }).waitFor();
    await expectAccessible(page, 'the open menu on a phone');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open the menu');

    // Following a link closes the menu.
    await menuButton.click();
    await menu.getByRole('link', { name: 'Solutions' }).click();
    await pageReady(page, 'Climate solutions library');
    await menu.waitFor({ state: 'hidden' });

    await page.goto('/programmes/group-study-visits-2025/matching');
    await pageReady(page, 'Matching: Group Study Visits 2025');
    const valencia = page.getByRole('region', { name: 'Visiting cities placed with Valencia and their fit' });
    await valencia.getByRole('table').waitFor();
    expect(await valencia.getAttribute('tabindex')).toBe('0');
    await expectAccessible(page, 'the matching page on a phone');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the library shows its results in the first screen; its filters open in a drawer from "Filters (n)", which gives focus back', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await page.setViewportSize(PHONE);
    await page.goto('/solutions?sector=energy');
    await pageReady(page, 'Climate solutions library');
    const firstResult = page.getByRole('region', { name: 'Results' }).getByRole('listitem').first();
    await firstResult.waitFor();
    // The first result starts within the first screen, not below every filter.
    expect((await firstResult.boundingBox())?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(PHONE.height);
    expect(await page.getByRole('heading', { name: 'Filters' }).count()).toBe(0);
    await expectAccessible(page, 'the library on a phone');

    const button = page.getByRole('button', { name: 'Filters (1)' });
    await button.click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    // The box follows the address, which changes just after the click: click, then wait for it.
    const visitable = drawer.getByRole('checkbox', { name: /^Site can be visited/ });
    await visitable.click();
    await expect.poll(() => visitable.isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('visitable'))).toBe('true');
    await expectAccessible(page, 'the library filters drawer on a phone');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Filters (2)' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Filters (2)');

    // On a wide screen the filters stay a column beside the results, without the button.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('heading', { name: 'Filters' }).waitFor();
    expect(await page.getByRole('button', { name: /^Filters \(/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
