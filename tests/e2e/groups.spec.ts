import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;
/** The discussion started in the first test, for the privacy checks of the second. */
let threadPath = '';
/** The group created in the first test, for the eligibility checks of the third. */
let groupPath = '';

const GROUP = 'Retrofitting homes 2027 (e2e)';
const MEETING = 'Kick-off: retrofit programmes';
const TILBURG = 'tilburg@demo.peercities.eu';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** The page's h1 is shown and no section is still loading (a group page loads several at once). */
async function ready(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading…' }).count()).toBe(0);
}

/** A city representative expresses interest through the API, as the browser would: session cookie and CSRF token. */
async function expressInterestByApi(email: string, groupId: string): Promise<void> {
  const context = await browser.newContext({ baseURL: platform.baseUrl });
  const api = context.request;
  const { csrfToken } = (await (await api.get('/api/session')).json()) as { csrfToken: string };
  const signedIn = await api.post('/api/session', { data: { email, password: DEMO_PASSWORD }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(signedIn.status()).toBe(200);
  const session = (await signedIn.json()) as { csrfToken: string; user: { roles: { role: string; cityId: string | null }[] } };
  const cityId = session.user.roles.find((r) => r.role === 'city_representative')?.cityId;
  const res = await api.post(`/api/groups/${groupId}/interest`, {
    data: { cityId, sectors: ['buildings'], message: 'We retrofit 2,000 social homes a year.' },
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(200);
  await context.close();
}

describe('online discussion groups', () => {
  it('a facilitator runs a group; a city downloads its meeting, posts safely and may then apply to visit', async () => {
    // ── The facilitator creates a group in the 2027 edition (its four learning phases exist).
    const facilitator = await openSession(browser, platform);
    const fp = facilitator.page;
    await signIn(fp, DEMO.facilitator, DEMO_PASSWORD);
    await ready(fp, 'My account');
    await fp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discussion groups' }).click();
    await ready(fp, 'Discussion groups');
    await fp.getByRole('link', { name: 'Energy and buildings 2027 (English)' }).waitFor();
    await expectAccessible(fp, 'the discussion groups of every programme');

    await fp.getByRole('link', { name: 'Discussion groups of Group Study Visits 2027' }).click();
    await ready(fp, 'Discussion groups: Group Study Visits 2027');
    await expectAccessible(fp, 'the discussion groups of the 2027 edition');
    const create = fp.getByRole('form', { name: 'Create a discussion group' });
    // Checked before sending: a name (three characters at least) and a sector are required.
    await create.getByRole('button', { name: 'Create the group' }).click();
    await create.getByText('Use at least 3 characters.').first().waitFor();
    await expectAccessible(fp, 'the create-group form with errors');
    await field(create, 'Name').fill(GROUP);
    await create.getByRole('checkbox', { name: 'Energy' }).check();
    await create.getByRole('checkbox', { name: 'Buildings' }).check();
    await field(create, 'Capacity (cities)').fill('5');
    await create.getByRole('button', { name: 'Create the group' }).click();
    await ready(fp, GROUP);
    groupPath = new URL(fp.url()).pathname;
    const groupId = groupPath.split('/').at(-1) ?? '';
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
    const phases = fp.getByRole('region', { name: 'Learning phases' });
    await expect.poll(() => phases.getByRole('listitem').count()).toBe(4);
    await expectAccessible(fp, 'the new group, as its facilitator');

    // ── Two cities express interest through the API, Tilburg through the browser.
    await expressInterestByApi('kaunas@demo.peercities.eu', groupId);
    await expressInterestByApi('split@demo.peercities.eu', groupId);

    const tilburg = await openSession(browser, platform);
    const tp = tilburg.page;
    await signIn(tp, TILBURG, DEMO_PASSWORD);
    await ready(tp, 'My account');
    await tp.goto(`/groups/${groupId}`);
    await ready(tp, GROUP);
    await expectAccessible(tp, 'the group, for a city not yet in it');
    const interest = tp.getByRole('form', { name: 'Express interest' });
    await interest.getByText('For Tilburg').waitFor();
    await interest.getByRole('checkbox', { name: 'Buildings' }).check();
    await field(interest, 'Message to the facilitators').fill('We want to learn how to retrofit row houses.');
    await interest.getByRole('button', { name: 'Express interest' }).click();
    await tp.getByText("Tilburg's request:").waitFor();
    await tp.getByRole('region', { name: 'Join this group' }).getByText('interested').waitFor();
    await expectAccessible(tp, 'the group after expressing interest');

    // ── The facilitator admits the three cities.
    await fp.reload();
    await ready(fp, GROUP);
    const members = fp.getByRole('region', { name: 'Cities' });
    for (const city of ['Kaunas', 'Split', 'Tilburg']) {
      await members.getByRole('button', { name: `Admit ${city}` }).click();
      await members.getByRole('row').filter({ hasText: city }).getByText('admitted').waitFor();
    }
    await fp.getByText('3 of 5 places taken').waitFor();
    await expectAccessible(fp, 'the group with three admitted cities');

    // ── … schedules a meeting in Brussels time (summer time: UTC+2) …
    const schedule = fp.getByRole('form', { name: 'Schedule a meeting' });
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    await schedule.getByText('Fill in this field.').first().waitFor();
    await field(schedule, 'Title').fill(MEETING);
    await field(schedule, 'Date').fill('2026-07-15');
    await field(schedule, 'Start time').fill('10:00');
    await field(schedule, 'Join link').fill('http://meet.example.org/retrofit');
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    await schedule.getByText('Use an https:// link.').waitFor();
    await expectAccessible(fp, 'the meeting form with an error');
    await field(schedule, 'Join link').fill('https://meet.example.org/retrofit');
    await field(schedule, 'Agenda').fill('Introductions; Tilburg presents its housing stock; questions.');
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    await schedule.getByText(`“${MEETING}” is scheduled`).waitFor();
    const meetingItem = fp.getByRole('listitem', { name: MEETING });
    await meetingItem.getByText('Phase 1 · 15 Jul 2026, 10:00 · 90 minutes').waitFor();
    await expectAccessible(fp, 'the group with a scheduled meeting');

    // ── … adds the meeting's materials: a link and a PDF (a file that is not a PDF is refused).
    await meetingItem.getByRole('button', { name: `Add material to ${MEETING}` }).click();
    const material = fp.getByRole('form', { name: `New material for ${MEETING}` });
    await field(material, 'Title').fill('Row-house retrofit guide');
    await field(material, 'Link').fill('https://example.org/retrofit-guide');
    await expectAccessible(fp, 'the material form');
    await material.getByRole('button', { name: 'Add it' }).click();
    await meetingItem.getByRole('link', { name: 'Row-house retrofit guide' }).waitFor();
    await meetingItem.getByRole('button', { name: `Add material to ${MEETING}` }).click();
    await material.getByRole('radio', { name: 'A PDF file' }).check();
    await field(material, 'Title').fill('Slides of the first meeting');
    await material.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pdf') });
    await material.getByRole('button', { name: 'Add it' }).click();
    await material.getByText('Only PDF files can be added. Save the document as PDF and choose it again.').waitFor();
    await material.locator('input[type="file"]').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await material.getByRole('button', { name: 'Add it' }).click();
    await meetingItem.getByRole('link', { name: /^Slides of the first meeting \(PDF, / }).waitFor();

    // ── … and records attendance: everyone present, then Split excused.
    await meetingItem.getByRole('button', { name: `Record attendance for ${MEETING}` }).click();
    const sheet = fp.getByRole('region', { name: /^Attendance: / });
    await sheet.getByRole('table').waitFor();
    await expect.poll(() => sheet.getByRole('radiogroup').count()).toBe(3);
    await sheet.getByRole('button', { name: 'Mark all present' }).click();
    await sheet.getByRole('radiogroup', { name: /^Attendance of .*\(Split\)$/ }).getByRole('radio', { name: 'Excused' }).check();
    await expectAccessible(fp, 'the attendance sheet');
    await sheet.getByRole('button', { name: 'Save attendance' }).click();
    await sheet.getByText('Attendance saved.').waitFor();
    const byMeeting = fp.getByRole('table', { name: 'Attendance by meeting' });
    await expect.poll(() => byMeeting.getByRole('row').filter({ hasText: MEETING }).textContent()).toMatch(/1\s*2\s*1\s*0$/);
    const progress = fp.getByRole('table', { name: 'Learning phases completed per city' });
    await expect.poll(() => progress.getByRole('row', { name: /Tilburg/ }).textContent()).toContain('Yes');
    await expectAccessible(fp, 'the progress dashboard');

    // ── The city representative downloads the meeting as .ics: Brussels local time.
    await tp.reload();
    await ready(tp, GROUP);
    // Members see the materials and download the PDF.
    const [slides] = await Promise.all([tp.waitForEvent('download'), tp.getByRole('link', { name: /^Slides of the first meeting \(PDF, / }).click()]);
    expect((await readFile((await slides.path()) ?? '', 'latin1')).startsWith('%PDF-')).toBe(true);
    const [download] = await Promise.all([tp.waitForEvent('download'), tp.getByRole('link', { name: `Download .ics for ${MEETING}` }).click()]);
    const ics = await readFile((await download.path()) ?? '', 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20260715T100000');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-15T08:00:00.000Z');
    await tp.getByRole('listitem', { name: MEETING }).getByRole('link', { name: `Join the meeting ${MEETING}` }).waitFor();

    // ── Tilburg completed the four phases (demo data of its other 2027 group): it may now apply to visit.
    await tp.getByText('Your city may now apply to visit').waitFor();
    await tp.getByRole('link', { name: 'Open the visitor call' }).waitFor();
    await expectAccessible(tp, 'the group for an admitted city that completed its phases');

    // ── Tilburg starts a discussion whose body tries to run script.
    const newThread = tp.getByRole('form', { name: 'Start a discussion' });
    await field(newThread, 'Subject').fill('Heat pumps in row houses');
    await field(newThread, 'Your post').fill('Who has <strong>retrofitted</strong> row houses? <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>');
    // Mention the first admitted city of the group: it is named, as a link, under the post.
    const mention = newThread.getByRole('group', { name: 'Mention cities (optional)' }).getByRole('checkbox').first();
    const mentioned = ((await newThread.locator(`label[for="${await mention.getAttribute('id')}"]`).textContent()) ?? '').trim();
    await mention.check();
    await newThread.getByRole('button', { name: 'Start the discussion' }).click();
    await ready(tp, 'Heat pumps in row houses');
    const firstPost = tp.getByRole('article').first();
    await firstPost.getByText('retrofitted').waitFor();
    expect(mentioned).not.toBe('');
    await firstPost.getByText('Mentions:').getByRole('link', { name: mentioned }).waitFor();
    // Give an image error handler every chance to run before checking.
    await tp.waitForTimeout(300);
    expect(await tp.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await tp.locator('main script, [onerror]').count()).toBe(0);
    expect(await firstPost.innerHTML()).not.toMatch(/onerror|<script/i);
    await expectAccessible(tp, 'a discussion');
    // A reply to the first post: its Reply button takes the keyboard to the text, which says what it answers.
    const reply = tp.getByRole('form', { name: 'Reply' });
    await firstPost.getByRole('button', { name: 'Reply to the post by Tilburg representative' }).click();
    await reply.getByText('Replying to the post by Tilburg representative.', { exact: true }).waitFor();
    await expect.poll(() => tp.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expectAccessible(tp, 'a discussion while replying to a post');
    await tp.keyboard.type('Buy cheap ventilation units here!');
    await reply.getByRole('button', { name: 'Send the reply' }).click();
    await tp.getByText('Your reply is posted.').waitFor();
    await expect.poll(() => tp.getByRole('article').count()).toBe(2);
    const answer = tp.getByRole('article').nth(1);
    await answer.getByText('Buy cheap ventilation units here!').waitFor();
    expect(await answer.getByRole('link', { name: 'In reply to Tilburg representative' }).getAttribute('href')).toBe(`#${await firstPost.getAttribute('aria-labelledby')}`);
    expect(await reply.getByText('Replying to the post by').count()).toBe(0);
    const threadUrl = tp.url();
    threadPath = new URL(threadUrl).pathname;

    // ── The facilitator pins the discussion, hides the off-topic reply and closes it, each confirmed.
    await fp.goto(threadUrl);
    await ready(fp, 'Heat pumps in row houses');
    await fp.getByRole('button', { name: 'Pin' }).click();
    await fp.getByText('pinned').waitFor();
    await fp.getByRole('button', { name: 'Hide the post by Tilburg representative' }).nth(1).click();
    const hideDialog = fp.getByRole('dialog', { name: 'Hide this post?' });
    await hideDialog.getByRole('button', { name: 'Hide the post' }).click();
    await hideDialog.getByText('Use at least 3 characters.').waitFor();
    await field(hideDialog, 'Reason').fill('Advertising');
    await expectAccessible(fp, 'the hide-post dialog');
    await hideDialog.getByRole('button', { name: 'Hide the post' }).click();
    await fp.getByText('Hidden by a facilitator: Advertising').waitFor();
    await fp.getByRole('button', { name: 'Close the discussion' }).click();
    const closeDialog = fp.getByRole('dialog', { name: 'Close this discussion?' });
    await closeDialog.getByRole('button', { name: 'Close it' }).click();
    await fp.getByText('A facilitator closed this discussion: it takes no more replies.').waitFor();
    await expectAccessible(fp, 'a closed discussion with a hidden post');

    // The representative sees the hidden post's reason and can no longer reply.
    await tp.reload();
    await ready(tp, 'Heat pumps in row houses');
    await tp.getByText('Hidden by a facilitator: Advertising').waitFor();
    await tp.getByText('A facilitator closed this discussion: it takes no more replies.').waitFor();
    expect(await tp.getByRole('button', { name: /^Reply to the post by/ }).count()).toBe(0);

    // ── Account: a private calendar feed and the digest opt-out.
    await tp.goto('/account');
    await ready(tp, 'My account');
    await tp.getByRole('button', { name: 'Create my calendar link' }).click();
    const feedUrl = await field(tp, 'Your private calendar link').inputValue();
    expect(feedUrl).toMatch(/\/api\/calendar\/.+\.ics$/);
    const feed = await tp.request.get(feedUrl);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await tp.getByRole('button', { name: 'Stop the daily digest' }).click();
    await tp.getByText('You will no longer receive the daily digest.').waitFor();
    await expectAccessible(tp, 'the account page with a calendar link');
    await tp.getByRole('button', { name: 'Revoke my calendar link' }).click();
    await tp.getByRole('dialog', { name: 'Revoke your calendar link?' }).getByRole('button', { name: 'Revoke' }).click();
    await tp.getByText('Your calendar link is revoked.').waitFor();
    expect((await tp.request.get(feedUrl)).status()).toBe(404);

    expect(facilitator.pageErrors).toEqual([]);
    expect(tilburg.pageErrors).toEqual([]);
    await facilitator.context.close();
    await tilburg.context.close();
  });

  it('keeps discussions private to the group and shows the groups to everyone', async () => {
    expect(threadPath).toMatch(/^\/discussions\//);
    const visitor = await openSession(browser, platform);
    const page = visitor.page;
    await page.goto('/groups');
    await ready(page, 'Discussion groups');
    await page.getByRole('link', { name: GROUP }).click();
    await ready(page, GROUP);
    // Signed out: phases and meetings, but neither the cities nor the discussions.
    await page.getByRole('region', { name: 'Meetings' }).getByText(MEETING).waitFor();
    expect(await page.getByRole('region', { name: 'Discussions' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Download \.ics/ }).count()).toBe(0);
    await expectAccessible(page, 'a group, signed out');

    // Lahti's representative is not in the group: the discussion does not exist for them.
    await signIn(page, DEMO.lahti, DEMO_PASSWORD);
    await ready(page, 'My account');
    await page.goto(threadPath);
    await ready(page, 'Discussion');
    await page.getByText('There is no such discussion, or it is private to its group.').waitFor();
    expect(await page.getByText('Heat pumps in row houses').count()).toBe(0);
    await expectAccessible(page, 'a discussion of another group');
    expect(visitor.pageErrors).toEqual([]);
    await visitor.context.close();
  });

  it('tells a city which phases it still misses, and lets it apply once its attendance in them is recorded', async () => {
    expect(groupPath).toMatch(/^\/groups\//);
    const kaunas = await openSession(browser, platform);
    const kp = kaunas.page;
    await signIn(kp, 'kaunas@demo.peercities.eu', DEMO_PASSWORD);
    await ready(kp, 'My account');
    await kp.goto(groupPath);
    await ready(kp, GROUP);
    // Phases 1 and 2 in its other 2027 group (demo data), phase 1 here (the first test): 3 and 4 are missing.
    await kp.getByText('Kaunas still has to complete phases 3, 4 before it may apply to visit.').waitFor();
    expect(await kp.getByText('Your city may now apply to visit').count()).toBe(0);
    await expectAccessible(kp, 'the group for a city that has phases to complete');

    // The facilitator schedules a meeting in each missing phase and records Kaunas present.
    const facilitator = await openSession(browser, platform);
    const fp = facilitator.page;
    await signIn(fp, DEMO.facilitator, DEMO_PASSWORD);
    await ready(fp, 'My account');
    await fp.goto(groupPath);
    await ready(fp, GROUP);
    const meetings: [number, string, string][] = [
      [3, 'Financing retrofits', '2026-10-01'],
      [4, 'Our retrofit plans', '2026-11-12'],
    ];
    for (const [phase, title, date] of meetings) {
      const schedule = fp.getByRole('form', { name: 'Schedule a meeting' });
      await field(schedule, 'Learning phase').selectOption({ index: phase - 1 });
      await field(schedule, 'Title').fill(title);
      await field(schedule, 'Date').fill(date);
      await field(schedule, 'Start time').fill('10:00');
      await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
      await schedule.getByText(`“${title}” is scheduled`).waitFor();
      const item = fp.getByRole('listitem', { name: title });
      await item.getByText(new RegExp(`^Phase ${phase} · `)).waitFor();
      await item.getByRole('button', { name: `Record attendance for ${title}` }).click();
      const sheet = fp.getByRole('region', { name: new RegExp(`^Attendance: ${title}`) });
      await sheet.getByRole('radiogroup', { name: /\(Kaunas\)$/ }).first().getByRole('radio', { name: 'Present' }).check();
      await sheet.getByRole('button', { name: 'Save attendance' }).click();
      await sheet.getByText('Attendance saved.').waitFor();
    }

    await kp.reload();
    await ready(kp, GROUP);
    await kp.getByText('Your city may now apply to visit').waitFor();
    expect(await kp.getByText(/still has to complete phases/).count()).toBe(0);
    await expectAccessible(kp, 'the group for a city that completed its phases here');

    expect(kaunas.pageErrors).toEqual([]);
    expect(facilitator.pageErrors).toEqual([]);
    await kaunas.context.close();
    await facilitator.context.close();
  });
});
