import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSession, pageReady, startPlatform, type Platform } from './harness.ts';

// The home page is what a city officer opens first, often on a phone: it must
// not carry the code of the managers' pages. Budget in brotli bytes as served.
const HOME_JS_BUDGET = 250 * 1024;

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

describe('the web app loads by route', () => {
  it('sends the home page under 250 KB of brotli JavaScript, then loads other pages on demand without console errors', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    // Chromium offers brotli only over HTTPS; ask for it as a browser on the real site would.
    await context.setExtraHTTPHeaders({ 'Accept-Encoding': 'br' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const scripts: { url: string; encoding: string | undefined; bytes: number }[] = [];
    page.on('requestfinished', (request) => {
      void (async () => {
        const response = await request.response();
        if (!response || !/\.m?js($|\?)/.test(new URL(request.url()).pathname)) return;
        const sizes = await request.sizes();
        scripts.push({ url: new URL(request.url()).pathname, encoding: (await response.allHeaders())['content-encoding'], bytes: sizes.responseBodySize });
      })();
    });

    await page.goto('/', { waitUntil: 'networkidle' });
    await pageReady(page, 'Learn from the Mission Cities');
    await expect.poll(() => scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    console.log(`home page JavaScript: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB brotli\n${scripts.map((s) => `  ${s.url} ${(s.bytes / 1024).toFixed(1)} KB ${s.encoding ?? 'identity'}`).join('\n')}`);
    // Files under 1 KB are not worth compressing (vite.config.ts, threshold): served as they are.
    expect(scripts.filter((script) => script.encoding !== 'br' && script.bytes >= 1024)).toEqual([]);
    expect(total).toBeLessThan(HOME_JS_BUDGET);
    // Nothing of the other pages came with it.
    expect(scripts.some((script) => /library|dashboard|matching|map\.route/.test(script.url))).toBe(false);
    await expectAccessible(page, 'the home page');

    // Another page loads its own code when opened, with the header staying.
    const before = scripts.length;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Solutions' }).click();
    await pageReady(page, 'Climate solutions library');
    await expect.poll(() => scripts.length).toBeGreaterThan(before);

    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
