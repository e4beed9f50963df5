import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser, openSession, pageReady, startPlatform, type Platform } from './harness.ts';

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

interface Focused {
  tag: string;
  name: string;
  outline: string;
}

/** What has keyboard focus: its tag, its label or text, and the outline that shows it. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    // In Mantine inputs the visible box may wrap the focused element (password fields).
    const style = getComputedStyle(element.closest('.mantine-Input-input') ?? element);
    return {
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim(),
      outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : `${style.outlineWidth} ${style.outlineStyle}`,
    };
  });
}

/** Press Tab until the element named `name` has focus; fails if it is not reachable within `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, limit = 25): Promise<Focused> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && (typeof name === 'string' ? now.name.startsWith(name) : name.test(now.name))) return now;
  }
  throw new Error(`could not reach "${String(name)}" with the Tab key`);
}

describe('keyboard only', () => {
  it('signs in without a mouse, with focus visible all the way', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/');
    await pageReady(page, 'Learn from the Mission Cities');

    // The first Tab reaches the skip link, which moves focus into the main content.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.name).toBe('Skip to main content');
    expect(skip?.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.tag).toBe('main');

    // Back one stop is the header's last control, Sign in; then the form, all by Tab, typing and Enter.
    await page.keyboard.press('Shift+Tab');
    const signInLink = await focused(page);
    expect(signInLink?.name).toBe('Sign in');
    expect(signInLink?.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await pageReady(page, 'Sign in');

    const email = await tabTo(page, 'Email address');
    expect(email.tag).toBe('input');
    expect(email.outline).not.toBe('none');
    await page.keyboard.type(DEMO.manager);
    const password = await tabTo(page, 'Password');
    expect(password.outline).not.toBe('none');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    // Signing in from the header's link lands on the start page.
    await pageReady(page, 'My work');
    await page.getByText('Signed in as').waitFor();
    await context.close();
  });
});
