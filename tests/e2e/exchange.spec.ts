import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, askAboutSolution, expectAccessible, field, launchBrowser, openSession, pageReady, screenshots, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

const TARTU = 'tartu@demo.peercities.eu';
const VALENCIA2 = 'valencia2@demo.peercities.eu';
const SOLUTION = 'Solar PV on municipal buildings';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});


describe('direct exchange between cities', () => {
  it('Tartu asks Valencia about a solution; Valencia’s second representative sees it unread, answers; a message with script stays inert', async () => {
    // ── Tartu's representative opens a Valencia solution and asks about it.
    const tartu = await openSession(browser, platform);
    const tp = tartu.page;
    await signIn(tp, TARTU, DEMO_PASSWORD);
    await pageReady(tp, 'My account');
    await askAboutSolution(tp, { title: SOLUTION, city: 'Valencia', search: 'Solar PV' });
    await expect.poll(() => tp.getByTestId('about-card').textContent()).toContain(`${SOLUTION} (Valencia)`);
    await expect.poll(() => field(tp.getByRole('main'), 'Subject').inputValue()).toBe(SOLUTION);
    await tp.getByRole('list', { name: 'Recipients' }).getByText('Valencia').waitFor();
    await expectAccessible(tp, 'the new-conversation page');
    await screenshots(tp, 'new-conversation');
    await field(tp.getByRole('main'), 'Your message').fill('Hello Valencia! How did you finance the panels? <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>');
    await tp.getByRole('button', { name: 'Send' }).click();
    await pageReady(tp, SOLUTION);
    const first = tp.getByTestId('message').first();
    await first.getByText('How did you finance the panels?').waitFor();
    expect(await tp.locator('main script, main [onerror], main img').count()).toBe(0);
    expect(await first.innerHTML()).not.toMatch(/onerror|<script/i);
    await expectAccessible(tp, 'the conversation page');

    // ── Valencia's second representative (not the primary contact) finds it unread in the city's inbox.
    const valencia2 = await openSession(browser, platform);
    const vp = valencia2.page;
    const dialogs: string[] = [];
    vp.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(vp, VALENCIA2, DEMO_PASSWORD);
    await pageReady(vp, 'My account');
    await vp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await pageReady(vp, 'Messages');
    const row = vp.getByTestId('conversation-row').filter({ hasText: SOLUTION });
    await row.getByTestId('unread-badge').filter({ hasText: '1 unread' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('With Tartu');
    await expectAccessible(vp, 'the inbox');
    await screenshots(vp, 'inbox');
    await row.getByRole('link', { name: SOLUTION }).click();
    await pageReady(vp, SOLUTION);
    await vp.getByTestId('message').filter({ hasText: 'How did you finance the panels?' }).waitFor();
    // The message with script and an event handler is shown inert: nothing ran.
    expect(await vp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await vp.locator('main script, main [onerror], main img').count()).toBe(0);
    await field(vp.getByRole('main'), 'Your message').fill('Hello Kadri, through an energy community. Shall we talk next week?');
    await vp.getByRole('button', { name: 'Send' }).click();
    await vp.getByTestId('message').filter({ hasText: 'through an energy community' }).waitFor();
    await expectAccessible(vp, 'the conversation page after answering');
    await screenshots(vp, 'conversation');

    // ── Reporting a message opens a dialog that says what happens.
    await vp.getByTestId('message').first().getByRole('button', { name: 'Report to the programme team' }).click();
    const dialog = vp.getByRole('dialog', { name: 'Report this message' });
    await dialog.waitFor();
    await expectAccessible(vp, 'the report dialog');
    await field(dialog, 'What is wrong with this message?').fill('Testing the report: please keep it.');
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('The programme team will look at the message.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    // ── Back in the inbox the conversation is read for Jorge.
    await vp.getByRole('link', { name: '← All messages' }).click();
    await pageReady(vp, 'Messages');
    await vp.getByTestId('conversation-row').filter({ hasText: SOLUTION }).waitFor();
    // (The list shown at once may be the one cached before answering; it is fetched again.)
    await expect.poll(() => vp.getByTestId('conversation-row').filter({ hasText: SOLUTION }).getByTestId('unread-badge').count()).toBe(0);

    // ── Tartu sees the answer unread.
    await tp.goto('/messages');
    await pageReady(tp, 'Messages');
    await tp.getByTestId('conversation-row').filter({ hasText: SOLUTION }).getByTestId('unread-badge').waitFor();

    // ── The programme team sees the report and keeps the message.
    const manager = await openSession(browser, platform);
    const mp = manager.page;
    await signIn(mp, DEMO.manager, DEMO_PASSWORD, '/admin/message-reports');
    await pageReady(mp, 'Reported messages');
    await mp.getByText('Reason: Testing the report: please keep it.').waitFor();
    await expectAccessible(mp, 'the reported messages page');
    await screenshots(mp, 'message-reports');
    await mp.getByRole('button', { name: 'Keep the message' }).click();
    await mp.getByRole('dialog', { name: 'Keep this message?' }).getByRole('button', { name: 'Keep the message' }).click();
    await mp.getByText('No reports to decide').waitFor();

    for (const s of [tartu, valencia2, manager]) {
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    }
  });
});
