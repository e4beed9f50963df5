import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

// A programme manager runs a new edition by hand with the real clock (no
// setNow anywhere in this file): creates it from the template, publishes it,
// opens its host call now, extends the deadline, closes the call. Every
// action is confirmed in a dialog that shows what it will do.

let platform: Platform;
let browser: Browser;

// Two years ahead, so that its host call (December of the year before) has not opened yet, whenever this runs.
const YEAR = new Date().getFullYear() + 2;
const TITLE = `Timeline e2e ${YEAR}`;
const SLUG = `timeline-e2e-${YEAR}`;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** The open dialog of that name, once its preview has loaded. */
async function dialogWithPreview(page: Page, name: string | RegExp) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await dialog.getByRole('heading', { name: 'What will happen' }).waitFor();
  await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
  return dialog;
}

describe('a programme manager runs a programme by hand, with the real clock', () => {
  it('creates an edition from the template, publishes it, opens the host call now, extends its deadline and closes it', async () => {
    const { page, pageErrors, context } = await openSession(browser, platform);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await pageReady(page, 'My account');

    // ── Create: a taken name is said on its field first.
    await page.goto('/programmes/new');
    await pageReady(page, 'Create a programme');
    const form = page.getByRole('form', { name: 'Create a programme' });
    await field(form, 'Edition year').fill('2027');
    await form.getByRole('button', { name: 'Create the programme' }).click();
    await form.getByText('There is already a programme Group Study Visits 2027.').first().waitFor();
    expect(await field(form, 'Name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the create form with a taken name');
    await field(form, 'Edition year').fill(String(YEAR));
    await field(form, 'Name').fill(TITLE);
    await form.getByRole('button', { name: 'Create the programme' }).click();

    // ── The new edition is a draft with ready calls.
    await pageReady(page, TITLE);
    expect(new URL(page.url()).pathname).toBe(`/programmes/${SLUG}`);
    const run = page.getByRole('region', { name: 'Run the programme' });
    await run.getByText('Draft: not public yet').waitFor();
    await expectAccessible(page, 'the new draft programme');

    // ── Publish, after the preview.
    await run.getByRole('button', { name: 'Publish the programme' }).click();
    let dialog = await dialogWithPreview(page, `Publish ${TITLE}?`);
    await dialog.getByText('The programme becomes public: everyone can read its page and its calls.').waitFor();
    await dialog.getByText(`The host call opens on ${YEAR - 1}-12-01 at 00:00 (Europe/Brussels time).`).waitFor();
    await expectAccessible(page, 'the publish dialog');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await run.getByRole('status').filter({ hasText: 'The programme is published.' }).waitFor();
    expect(await run.getByText('Draft: not public yet').count()).toBe(0);

    // ── Open the host call now, from its page.
    await page.getByRole('link', { name: 'Open the host call' }).click();
    await pageReady(page, `Host call: ${TITLE}`);
    const manage = page.getByRole('region', { name: 'Managing this call' });
    await page.getByRole('region', { name: 'About this call' }).getByText('Not open yet', { exact: true }).waitFor();
    await expectAccessible(page, 'the host call before it opens');
    await manage.getByRole('button', { name: 'Open the host call now' }).click();
    dialog = await dialogWithPreview(page, 'Open the host call now?');
    await dialog.getByText('The host call opens now: eligible cities can start their applications.').waitFor();
    await dialog.getByText(`Cities can apply to the host call until ${YEAR - 1}-12-31 at 23:59 (Europe/Brussels time).`).waitFor();
    await expectAccessible(page, 'the open-now dialog');
    await dialog.getByRole('button', { name: 'Open now' }).click();
    await manage.getByRole('status').filter({ hasText: 'The host call is open.' }).waitFor();
    await page.getByRole('region', { name: 'About this call' }).getByText('Open', { exact: true }).waitFor();

    // ── Extend the deadline by a week: the preview names the new date and the steps that move.
    await manage.getByRole('button', { name: 'Extend the deadline' }).click();
    dialog = await dialogWithPreview(page, 'Extend the deadline of the host call?');
    expect(await field(dialog, 'Day').inputValue()).toBe(`${YEAR}-01-07`);
    await dialog.getByText(`The new deadline of the host call is ${YEAR}-01-07 at 23:59 (Europe/Brussels time).`).waitFor();
    await dialog.getByText(`The host selection step moves to ${YEAR}-01-07 – ${YEAR}-02-06.`).waitFor();
    await expectAccessible(page, 'the extend dialog');
    await dialog.getByRole('button', { name: 'Extend the deadline' }).click();
    await manage.getByRole('status').filter({ hasText: 'The deadline of the host call is extended.' }).waitFor();
    await page.getByRole('region', { name: 'About this call' }).getByText(`Deadline: 7 January ${YEAR} at 23:59 (Europe/Brussels time)`).waitFor();
    await expectAccessible(page, 'the host call after the extension');

    // ── Close it now: its selection starts.
    await manage.getByRole('button', { name: 'Close the host call now' }).click();
    dialog = await dialogWithPreview(page, 'Close the host call now?');
    await dialog.getByText(/^The host call closes now/).waitFor();
    await dialog.getByText('The host selection starts: evaluators can score the 0 submitted applications.').waitFor();
    await expectAccessible(page, 'the close-now dialog');
    await dialog.getByRole('button', { name: 'Close now' }).click();
    await manage.getByRole('status').filter({ hasText: 'The host call is closed.' }).waitFor();
    await page.getByRole('region', { name: 'About this call' }).getByText('Closed', { exact: true }).waitFor();
    await manage.getByRole('button', { name: 'Reopen for a late city' }).waitFor();
    await expectAccessible(page, 'the closed host call');

    // ── The programme page tells where it stands; the audit log holds the actions.
    await page.goto(`/programmes/${SLUG}`);
    await pageReady(page, TITLE);
    await page.getByText('Now: Host selection.').first().waitFor();
    await expectAccessible(page, 'the programme in its host selection');

    expect(pageErrors).toEqual([]);
    // The browser logs the one refusal this test asks for (the taken name); nothing else.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  }, 240_000);
});
