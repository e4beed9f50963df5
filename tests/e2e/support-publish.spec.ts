import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, signedInSession } from './api-and-mail.ts';
import { expectAccessible, launchBrowser, openSession, pageReady, screenshots, startPlatform, type Platform } from './harness.ts';

// Answers become knowledge (issue 21, docs/support.md "Knowledge"): Kraków's answered request; Kraków
// consents to publishing it; the programme manager reads the entry (pre-filled without personal data),
// edits its title and publishes it; a signed-out visitor finds it in the library by a word and opens it.
// Real clock. Zero axe violations on each page.

let platform: Platform;
let browser: Browser;

const TITLE = 'Paying for heat storage in a district heating network';
const QUESTION =
  'Piotr Nowak (piotr.nowak@krakow.pl, +48 12 616 12 34) asks: Kraków wants a seasonal heat storage tank for its district heating network. Which financing worked elsewhere?';
const ANSWER = 'Piotr, Vojens and Dronninglund paid for their pit thermal storage with a cooperative loan guaranteed by the municipality.';
const PUBLIC_TITLE = 'Financing seasonal heat storage for district heating';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('answers become knowledge', () => {
  it('Kraków consents, the manager publishes without personal data, and a signed-out visitor finds it in the library', async () => {
    // ── The answered request (asking and answering are support.spec.ts's pages; the API is what they call).
    const krakowApi = await apiAs(browser, platform, 'krakow@demo.peercities.eu');
    const request = await krakowApi.send(
      'POST',
      '/api/support-requests',
      { cityId: krakowApi.cityId, title: TITLE, question: QUESTION, sectors: ['energy'], levers: ['finance-funding'], languages: ['pl', 'en'], kind: 'answer', urgency: 'normal' },
      201,
    );
    await krakowApi.close();
    const sofiaApi = await apiAs(browser, platform, 'expert@demo.peercities.eu');
    await sofiaApi.send('POST', `/api/support-requests/${request.id}/answers`, { body: `<p>${ANSWER}</p>`, version: request.version });
    await sofiaApi.close();

    // ── Kraków's representative consents on the request's page.
    const krakow = await signedInSession(browser, platform, 'krakow@demo.peercities.eu');
    const kp = krakow.page;
    await kp.goto(`/support/${request.id}`);
    await pageReady(kp, TITLE);
    const knowledge = kp.getByRole('region', { name: 'In the library' });
    await knowledge.getByText('The city has not consented to publishing this request in the library.').waitFor();
    await knowledge.getByRole('button', { name: 'Consent to publishing' }).click();
    await knowledge.getByRole('button', { name: 'Withdraw consent' }).waitFor();
    await expect.poll(() => knowledge.getByTestId('consent-status').textContent()).toContain('Piotr Nowak consented to publishing');
    await expectAccessible(kp, 'the support request page with the consent given');
    await screenshots(kp, 'support-publish-consent');
    await krakow.context.close();

    // ── The manager reads the entry, without the personal data, edits the title and publishes.
    const manager = await signedInSession(browser, platform, 'manager@demo.peercities.eu');
    const mp = manager.page;
    await mp.goto(`/support/${request.id}`);
    await pageReady(mp, TITLE);
    const entry = mp.getByRole('form', { name: 'Library entry' });
    const question = entry.getByRole('textbox', { name: /^Question/ });
    await expect.poll(() => question.inputValue()).toBe(
      '[name removed] ([email removed], [phone removed]) asks: Kraków wants a seasonal heat storage tank for its district heating network. Which financing worked elsewhere?',
    );
    expect(await entry.getByRole('textbox', { name: /^Answer/ }).inputValue()).toBe(
      '[name removed], Vojens and Dronninglund paid for their pit thermal storage with a cooperative loan guaranteed by the municipality.',
    );
    await expectAccessible(mp, 'the support request page with the publish panel');
    await screenshots(mp, 'support-publish-panel');
    const title = entry.getByRole('textbox', { name: /^Title/ });
    await title.fill(PUBLIC_TITLE);
    await entry.getByRole('button', { name: 'Publish in the library' }).click();
    await mp.getByRole('link', { name: 'Open the entry' }).waitFor();
    await screenshots(mp, 'support-publish-published');
    await manager.context.close();

    // ── A visitor, not signed in, finds it in the library by a word of the answer, and reads it.
    const visitor = await openSession(browser, platform);
    const vp = visitor.page;
    await vp.goto('/solutions');
    await pageReady(vp, 'Climate solutions library');
    await vp.getByRole('search', { name: 'Search solutions' }).getByRole('searchbox').fill('Dronninglund');
    await vp.getByRole('search', { name: 'Search solutions' }).getByRole('button', { name: 'Search' }).click();
    // The word is in no solution: once the results are the search's, only answers are listed.
    await expect.poll(() => vp.getByTestId('library-solution').count()).toBe(0);
    const hit = vp.getByTestId('library-answer').filter({ hasText: PUBLIC_TITLE });
    await hit.waitFor();
    expect(await vp.getByTestId('library-answer').count()).toBe(1);
    expect(await hit.textContent()).toContain('Question and answer');
    expect(await vp.getByRole('checkbox', { name: /^Questions and answers \(\d+\)$/ }).count()).toBe(1);
    await expectAccessible(vp, 'the library with a question and answer');
    await screenshots(vp, 'library-with-answer');
    await hit.getByRole('link', { name: PUBLIC_TITLE }).click();
    await pageReady(vp, PUBLIC_TITLE);
    const body = (await vp.getByRole('main').textContent()) ?? '';
    expect(body).toContain('Vojens and Dronninglund');
    expect(body).not.toMatch(/Piotr|Nowak|@krakow\.pl|616 12 34/);
    await expectAccessible(vp, 'the published question and answer');
    await screenshots(vp, 'library-answer-page');
    expect(visitor.pageErrors).toEqual([]);
    await visitor.context.close();
  });
});
