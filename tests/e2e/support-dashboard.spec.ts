import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, signedInSession } from './api-and-mail.ts';
import { expectAccessible, launchBrowser, pageReady, screenshots, startPlatform, type Platform } from './harness.ts';

// The managers' support dashboard (issue 21): the manager opens it from the support list, reads the figures
// and the overdue list (a request Kraków sent three weeks ago that nobody has answered), follows it to the
// request, and downloads the requests as CSV. The clock is the real one; only Kraków's request is sent
// with the server's clock three weeks back, so that it is overdue today.

let platform: Platform;
let browser: Browser;

const TITLE = 'Circular procurement of construction materials';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('support dashboard', () => {
  it('the manager sees the figures and the overdue request, follows it, and downloads the requests as CSV', async () => {
    platform.setNow(new Date(Date.now() - 21 * 24 * 3600 * 1000));
    const krakow = await apiAs(browser, platform, 'krakow@demo.peercities.eu');
    const asked = await krakow.send(
      'POST',
      '/api/support-requests',
      {
        cityId: krakow.cityId,
        title: TITLE,
        question: 'How do other cities write circularity into tenders for construction materials, and what did it cost them?',
        sectors: ['circular-economy', 'buildings'],
        levers: [],
        languages: ['pl', 'en'],
        kind: 'answer',
        urgency: 'normal',
      },
      201,
    );
    await krakow.close();
    platform.setNow(new Date());

    const { page, pageErrors, consoleErrors } = await signedInSession(browser, platform, 'manager@demo.peercities.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support' }).click();
    await pageReady(page, 'Expert support');
    await page.getByRole('main').getByRole('link', { name: 'Support dashboard' }).click();
    await pageReady(page, 'Support dashboard');
    const main = page.getByRole('main');

    // The figures: Kraków's request among the demo's, overdue now.
    const overdue = main.getByRole('table', { name: 'Overdue requests' });
    const row = overdue.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Kraków');
    expect(Number(await row.getByRole('cell').last().textContent())).toBeGreaterThanOrEqual(5);
    const sectors = main.getByRole('table', { name: /Requests by sector/ });
    expect(await sectors.getByRole('row', { name: /Circular economy/i }).textContent()).toContain('1 request');
    expect(await main.getByRole('table', { name: 'Experts’ load' }).getByRole('row', { name: /Sofia Rossi/ }).count()).toBe(1);
    await expectAccessible(page, 'the support dashboard');
    await screenshots(page, 'support-dashboard');

    // The CSV: a header and Kraków's request, overdue.
    const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('link', { name: 'Download the requests (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^support-requests-start-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: string[][] = parse(await readFile((await download.path()) ?? '', 'utf8'), { bom: true });
    expect(rows[0]?.slice(0, 3)).toEqual(['id', 'submitted (Brussels)', 'city']);
    const mine = rows.find((r) => r[0] === asked.id);
    expect(mine?.[2]).toBe('Kraków');
    expect(mine?.[4]).toBe('circular-economy; buildings');
    expect(mine?.[11]).toBe('true');

    // The overdue list leads to the request.
    await row.getByRole('link', { name: TITLE }).click();
    await pageReady(page, TITLE);
    expect(page.url()).toContain(`/support/${asked.id}`);

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
