import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

// The demo holds the 2027 edition; this test makes the 2029 one from the template.
const TITLE = 'Group Study Visits 2029';
const SLUG = 'group-study-visits-2029';
const BEFORE_HOST_CALL = new Date('2028-11-20T10:00:00Z');
const DURING_HOST_CALL = new Date('2028-12-10T10:00:00Z');
const AFTER_HOST_CALL = new Date('2029-01-02T10:00:00Z');
const MOTIVATION = 'Why does your city want to host a Group Study Visit?';
const CONTRACT = 'Climate City Contract (PDF)';
const TILBURG = 'tilburg@demo.peercities.eu';

beforeAll(async () => {
  platform = await startPlatform({}, { now: BEFORE_HOST_CALL });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function ready(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
}

describe('programmes, calls and applications', () => {
  it('a manager creates the 2029 edition from the template and writes its host call form', async () => {
    const { page, pageErrors, context } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
    await ready(page, 'Programmes');
    await page.getByRole('link', { name: 'Group Study Visits 2027' }).waitFor();
    await expectAccessible(page, 'the list of programmes');

    await page.getByRole('link', { name: 'Create a programme' }).click();
    await ready(page, 'Create a programme');
    const form = page.getByRole('form', { name: 'Create a programme' });
    await field(form, 'Edition year').fill('2029');
    await expect.poll(() => field(form, 'Name').inputValue()).toBe(TITLE);
    expect(await field(form, 'Time zone').inputValue()).toBe('Europe/Brussels');
    // The preview shows the timeline the server will fill: host call through December 2028.
    const hostRow = form.getByRole('row', { name: /Host call/ });
    await expect.poll(() => hostRow.textContent()).toContain('1 Dec 2028');
    await expectAccessible(page, 'the create-programme form');
    await form.getByRole('button', { name: 'Create the programme' }).click();

    await ready(page, TITLE);
    expect(new URL(page.url()).pathname).toBe(`/programmes/${SLUG}`);
    await page.getByText('Now: Online discussion groups. Next: Host call.').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Dates in the programme\'s time zone, Europe/Brussels.').waitFor();
    await expectAccessible(page, 'the new programme');

    // The template's host call asks the real programme's questions; the manager keeps the first,
    // removes the others and adds a file question and a criterion, before publishing.
    await page.getByRole('link', { name: 'Open the host call' }).click();
    await ready(page, `Host call: ${TITLE}`);
    const editor = page.getByRole('form', { name: 'Questions and criteria of the call' });
    expect(await field(editor.getByRole('group', { name: 'Question 1' }), 'Question').inputValue()).toBe(MOTIVATION);
    expect(await editor.getByRole('group', { name: 'Question 1' }).getByRole('checkbox', { name: 'Required to submit' }).isChecked()).toBe(true);
    for (let i = 0; i < 5; i++) await editor.getByRole('button', { name: 'Remove question 2' }).click();
    await editor.getByRole('button', { name: 'Add a question' }).click();
    const second = editor.getByRole('group', { name: 'Question 2' });
    await field(second, 'Question').fill(CONTRACT);
    await field(second, 'Type of answer').selectOption('file');
    await editor.getByRole('button', { name: 'Add a criterion' }).click();
    await field(editor.getByRole('group', { name: 'Criterion 5' }), 'Criterion').fill('Solutions worth visiting');
    await editor.getByRole('button', { name: 'Save the form' }).click();
    await page.getByText('The questions and criteria are saved.').waitFor();
    await page.getByRole('region', { name: 'What the form asks' }).getByText(MOTIVATION).waitFor();
    await expectAccessible(page, 'the host call with its form editor');

    // A new edition is a draft: the manager publishes it (the dialog says what will happen).
    await page.goto(`/programmes/${SLUG}`);
    await ready(page, TITLE);
    await page.getByRole('button', { name: 'Publish the programme' }).click();
    const publish = page.getByRole('dialog', { name: `Publish ${TITLE}?` });
    await publish.getByText('The host call opens on 2028-12-01 at 00:00 (Europe/Brussels time).').waitFor();
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The programme is published.' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a manager changes a number of the new edition; a number fixed by a started step says why, and a change out of order is refused and nothing is saved', async () => {
    const { page, pageErrors, context } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(`/programmes/${SLUG}/settings`);
    await ready(page, `Numbers and dates: ${TITLE}`);
    const settings = page.getByRole('form', { name: 'Numbers and dates' });
    // The discussion groups have started: the number of learning phases is fixed, and the page says why.
    expect(await field(settings, 'Learning phases').getAttribute('readonly')).not.toBeNull();
    await settings.getByText(/Can no longer change: the discussion groups started on 2028-07-01/).waitFor();
    await field(settings, 'Host cities (or pairs)').fill('4');
    // A host call that would end after its selection has begun is refused with the reason, and nothing is saved.
    await field(settings, 'Last day of Host call').fill('2029-01-05');
    await settings.getByRole('button', { name: 'Save the changes' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await refused.getByText('The host selection starts (2029-01-01) before the host call ends (2029-01-05).').waitFor();
    await expectAccessible(page, 'the settings with a refused change');
    await field(settings, 'Last day of Host call').fill('2028-12-31');
    // A day without visits outside the study visits is refused on its own field before anything is sent.
    await settings.getByRole('button', { name: 'Add a day without visits' }).click();
    await field(settings, 'Day without visits 1').fill('2029-08-03');
    await settings.getByRole('button', { name: 'Save the changes' }).click();
    await settings.getByText('Choose days in the study visits period (2029-05-01 to 2029-06-30).').waitFor();
    expect(await field(settings, 'Day without visits 1').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'a day without visits refused on its field');
    await field(settings, 'Day without visits 1').fill('2029-05-21');
    await settings.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await field(settings, 'Day without visits 1').inputValue()).toBe('2029-05-21');
    await page.goto(`/programmes/${SLUG}`);
    await ready(page, TITLE);
    await expect.poll(() => page.getByRole('region', { name: 'In numbers' }).textContent()).toContain('Host cities4');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a Mission City applies to the host call: draft, PDF, submission; after the deadline it is read-only', async () => {
    platform.setNow(DURING_HOST_CALL);
    const { page, pageErrors, context } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(`/programmes/${SLUG}/calls/host`);
    await ready(page, `Host call: ${TITLE}`);
    await page.getByText('Valencia may apply to this call.').waitFor();
    await expectAccessible(page, 'the open host call, for a Mission City');
    await page.getByRole('button', { name: 'Start an application' }).click();

    await ready(page, 'Valencia: application to the host call');
    await page.getByText('Draft', { exact: true }).waitFor();
    const form = page.getByRole('form', { name: 'Application form' });
    // Submitting checks the required answers first, with the message beside the question.
    await page.getByRole('button', { name: 'Submit the application' }).click();
    await form.getByText(`Answer “${MOTIVATION}” before submitting.`).waitFor();
    await expectAccessible(page, 'the application with a missing answer');

    await field(form, MOTIVATION).fill('Our superblocks and the energy one-stop shop, both on the way from the airport.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();

    await field(form, CONTRACT).setInputFiles({ name: 'valencia-contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1') });
    await page.getByText('valencia-contract.pdf is attached.').waitFor();
    await form.getByRole('link', { name: 'valencia-contract.pdf' }).waitFor();
    // A file that is not a PDF is refused before it is sent.
    await field(form, CONTRACT).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await form.getByText('Choose a PDF file (save your document as PDF first).').waitFor();

    await page.getByRole('button', { name: 'Submit the application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit the application?' });
    await dialog.waitFor();
    await expectAccessible(page, 'the submission confirmation');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Submitted. A confirmation email is on its way').waitFor();
    await page.getByRole('region', { name: 'Status' }).getByText('Submitted', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await page.getByRole('button', { name: 'Withdraw the application' }).waitFor();
    await expectAccessible(page, 'the submitted application');
    const applicationPath = new URL(page.url()).pathname;

    await page.goto(`/programmes/${SLUG}`);
    await ready(page, TITLE);
    const position = page.getByRole('region', { name: 'Your city in this programme' });
    await position.getByText('Valencia has applied.').waitFor();
    await position.getByRole('link', { name: 'Open the application of Valencia' }).first().waitFor();
    await expectAccessible(page, 'the programme, for a city that applied');

    // After the deadline the application is read-only; the server refuses a change with the date.
    platform.setNow(AFTER_HOST_CALL);
    await page.goto(applicationPath);
    await ready(page, 'Valencia: application to the host call');
    await page.getByText(/The call closed on 31 December 2028 at 23:59 \(Europe\/Brussels time\)/).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await page.getByText('Under review', { exact: true }).waitFor();
    await expectAccessible(page, 'the application after the deadline');
    platform.setNow(DURING_HOST_CALL);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('an aspiring city opens the host call and is told why it may not apply', async () => {
    platform.setNow(DURING_HOST_CALL);
    const { page, pageErrors, context } = await openSession(browser, platform);
    await signIn(page, TILBURG, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(`/programmes/${SLUG}/calls/host`);
    await ready(page, `Host call: ${TITLE}`);
    await page.getByText('Tilburg may not apply to this call').waitFor();
    await page.getByText('Only Mission Cities may host study visits; Tilburg is not a Mission City.').waitFor();
    expect(await page.getByRole('button', { name: 'Start an application' }).count()).toBe(0);
    await expectAccessible(page, 'the host call, for an aspiring city');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
