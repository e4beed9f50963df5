import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openSession, type Platform } from './harness.ts';

// The accessibility check every other spec relies on must fail where it should.
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** What a failed check reported (its list of findings), or "passed". */
async function findings(check: Promise<void>): Promise<string> {
  try {
    await check;
  } catch (error) {
    return ((error as { actual?: unknown }).actual as string[] | undefined)?.join('\n') ?? String(error);
  }
  return 'passed';
}

describe('the checks of the harness', () => {
  it('passes a plain page, and fails on an image without text and on text the colour of its background', async () => {
    const page = await browser.newPage();
    const shell = (body: string) => `<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>${body}</main></body></html>`;
    await page.setContent(shell('<p>Readable text.</p>'));
    await expectAccessible(page, 'a plain page');

    await page.setContent(shell('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
    expect(await findings(expectAccessible(page, 'an image without text'))).toMatch(/^image-alt /);

    await page.setContent(shell('<p><span style="background:#087f5b;color:#087f5b;padding:2px">Energy</span></p>'));
    expect(await findings(expectAccessible(page, 'a badge in the colour of its background'))).toMatch(/^color-contrast \(incomplete\) at span: #087f5b on #087f5b, 1\.00:1/);
    await page.close();
  });

  it('counts what the Content-Security-Policy blocked as an error of the page', async () => {
    const site: Platform = { baseUrl: 'http://peercities.test', setNow: () => undefined, close: async () => undefined };
    const { context, page, pageErrors } = await openSession(browser, site);
    await page.route('**/*', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "script-src 'self'" },
        body: '<!doctype html><html lang="en"><title>Check</title><main><h1>Check</h1><script>document.title = "ran"</script></main></html>',
      }),
    );
    await page.goto('/');
    await expect.poll(() => pageErrors.length).toBe(1);
    expect(pageErrors[0]).toMatch(/^\/: Content-Security-Policy blocked inline \(script-src-elem\) in \/:1:\d+$/);
    expect(await page.title()).toBe('Check');
    await context.close();
  });
});
