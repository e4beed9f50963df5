import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

const TILBURG = 'tilburg@demo.peercities.eu';
const UPPSALA = 'uppsala@demo.peercities.eu';
const GROUP = 'Energy and buildings 2027 (English)';
const SUBJECT = 'Heat networks: Uppsala, how did you plan yours?';
/** Set SCREENSHOT_DIR to keep screenshots of the bell, the list and the settings at 1366 and 390 px. */
const SHOTS = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shoot(page: Page, name: string, fullPage = true) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage });
  }
  if (size) await page.setViewportSize(size);
}

describe('notifications', () => {
  it('a city mentioned in a discussion sees it under the bell, opens it, and the badge goes; settings are saved', async () => {
    // ── Tilburg starts a discussion in its group, mentioning Uppsala, another member city.
    const tilburg = await openSession(browser, platform);
    const tp = tilburg.page;
    await signIn(tp, TILBURG, DEMO_PASSWORD);
    await pageReady(tp, 'My account');
    await tp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discussion groups' }).click();
    await pageReady(tp, 'Discussion groups');
    await tp.getByRole('link', { name: GROUP }).click();
    await pageReady(tp, GROUP);
    const newThread = tp.getByRole('form', { name: 'Start a discussion' });
    await field(newThread, 'Subject').fill(SUBJECT);
    await field(newThread, 'Your post').fill('We are choosing between waste heat and heat pumps. What would you do again?');
    await newThread.getByRole('group', { name: 'Mention cities (optional)' }).getByRole('checkbox', { name: 'Uppsala' }).check();
    await newThread.getByRole('button', { name: 'Start the discussion' }).click();
    await pageReady(tp, SUBJECT);
    const threadPath = new URL(tp.url()).pathname;
    expect(threadPath).toMatch(/^\/discussions\//);
    // The author is not told of their own mention.
    await tp.getByRole('banner').getByRole('link', { name: 'Notifications, none unread' }).waitFor();

    // ── Uppsala's representative: the bell says 1 unread, with a visible badge.
    const uppsala = await openSession(browser, platform);
    const up = uppsala.page;
    await signIn(up, UPPSALA, DEMO_PASSWORD);
    await pageReady(up, 'My account');
    const bell = up.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    expect(await bell.textContent()).toContain('1');
    await expectAccessible(up, 'the account page with an unread notification');
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      for (const width of [1366, 390]) {
        await up.setViewportSize({ width, height: 900 });
        await up.waitForTimeout(150);
        await up.getByRole('banner').screenshot({ path: `${SHOTS}/header-${width}.png` });
      }
      await up.setViewportSize({ width: 1280, height: 900 });
    }

    // ── The list: the mention, unread, leading to the discussion.
    await bell.click();
    await pageReady(up, 'Notifications');
    const list = up.getByRole('list', { name: 'Your notifications' });
    const item = list.getByRole('listitem').filter({ hasText: SUBJECT });
    await item.getByText('Unread', { exact: true }).waitFor();
    const link = item.getByRole('link', { name: `Uppsala was mentioned in “${SUBJECT}”` });
    expect(await link.getAttribute('href')).toBe(threadPath);
    await expectAccessible(up, 'the notification list');
    await shoot(up, 'list');

    // ── Opening it marks it read: the discussion shows, and the badge goes.
    await link.click();
    await pageReady(up, SUBJECT);
    await up.getByRole('banner').getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    expect(await up.getByRole('banner').getByRole('link', { name: 'Notifications, none unread' }).textContent()).toBe('');
    await up.goBack();
    await pageReady(up, 'Notifications');
    await list.getByRole('listitem').filter({ hasText: SUBJECT }).waitFor();
    expect(await list.getByText('Unread', { exact: true }).count()).toBe(0);
    expect(await up.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);

    // ── Settings: decisions only in the app; saved, and still so after a reload.
    await up.getByRole('link', { name: 'Choose how you hear of each kind' }).click();
    await pageReady(up, 'Notification settings');
    const decisions = up.getByRole('radiogroup', { name: "Decisions on your city's applications" });
    expect(await decisions.getByRole('radio', { name: 'Email me at once (default)' }).isChecked()).toBe(true);
    expect(await up.getByRole('radiogroup', { name: 'Your city mentioned in a discussion' }).getByRole('radio', { name: 'In the daily digest (default)' }).isChecked()).toBe(true);
    await expectAccessible(up, 'the notification settings');
    await decisions.getByRole('radio', { name: 'Only here' }).check();
    await up.getByRole('button', { name: 'Save settings' }).click();
    await up.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }).waitFor();
    await expectAccessible(up, 'the notification settings, saved');
    await shoot(up, 'settings');
    await up.reload();
    await pageReady(up, 'Notification settings');
    expect(await up.getByRole('radiogroup', { name: "Decisions on your city's applications" }).getByRole('radio', { name: 'Only here' }).isChecked()).toBe(true);

    // ── An empty list says so.
    await up.goto('/notifications');
    await pageReady(up, 'Notifications');
    await up.getByRole('checkbox', { name: 'Show only unread' }).check();
    await up.getByText('Nothing unread').waitFor();
    await expectAccessible(up, 'the notification list, nothing unread');

    for (const session of [tilburg, uppsala]) {
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    }
  });
});
