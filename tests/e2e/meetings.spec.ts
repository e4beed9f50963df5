import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, askAboutSolution, expectAccessible, field, launchBrowser, openSession, pageReady, screenshots, signIn, startPlatform, type Platform } from './harness.ts';

let platform: Platform;
let browser: Browser;

const TARTU = 'tartu@demo.peercities.eu';
const VALENCIA2 = 'valencia2@demo.peercities.eu';
const SOLUTION = 'Solar PV on municipal buildings';
const MEETING = 'Financing the panels: a one-hour call';


beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A day `days` from today in Tallinn, as the date input takes it (YYYY-MM-DD). */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

/** Downloads the meeting's calendar file from the page and parses it (RFC 5545). */
async function downloadIcs(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download calendar file (.ics)' }).click()]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error(`no VEVENT in ${text}`);
  return { text, calendar, event };
}

describe('meeting requests between cities', () => {
  it('Tartu proposes three times about a Valencia solution; Valencia’s second representative accepts one; both download the .ics; Tartu’s bell shows the acceptance', async () => {
    // ── Tartu's representative asks Valencia about a solution, then proposes an online meeting with three times.
    const tartu = await openSession(browser, platform);
    const tp = tartu.page;
    await signIn(tp, TARTU, DEMO_PASSWORD);
    await pageReady(tp, 'My account');
    await askAboutSolution(tp, { title: SOLUTION, city: 'Valencia', search: 'Solar PV' });
    await field(tp.getByRole('main'), 'Your message').fill('Hello Valencia! Could we talk about how you financed the panels?');
    await tp.getByRole('button', { name: 'Send' }).click();
    await pageReady(tp, SOLUTION);
    await tp.getByRole('heading', { name: 'Online meetings' }).waitFor();

    await tp.getByRole('button', { name: 'Propose a meeting' }).first().click();
    const propose = tp.getByRole('dialog', { name: 'Propose a meeting' });
    await propose.waitFor();
    await field(propose, 'Title').fill(MEETING);
    await field(propose, 'Join link').fill('https://meet.example.org/tartu-valencia');
    const days = [8, 9, 10];
    await propose.getByRole('button', { name: 'Add an option' }).click();
    for (const [i, day] of days.entries()) {
      await field(propose, `Date, option ${i + 1}`).fill(dayFromNow(day));
      await field(propose, `Time, option ${i + 1}`).fill(`${10 + i}:00`);
    }
    // Each time also reads in Valencia's zone (an hour behind Tartu).
    await propose.getByText(/09:00 in Valencia/).waitFor();
    await expectAccessible(tp, 'the propose-a-meeting dialog');
    await screenshots(tp, 'propose-dialog');
    await propose.getByRole('button', { name: 'Send the proposal' }).click();
    await propose.waitFor({ state: 'hidden' });
    const tartuMeeting = tp.getByRole('article').filter({ hasText: MEETING });
    await tartuMeeting.getByText('Waiting for an answer').waitFor();
    await expectAccessible(tp, 'the conversation with a meeting proposed');

    // ── Valencia's second representative (not the one the first email went to first) sees it and accepts the second time.
    const valencia2 = await openSession(browser, platform);
    const vp = valencia2.page;
    await signIn(vp, VALENCIA2, DEMO_PASSWORD);
    await pageReady(vp, 'My account');
    await vp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await pageReady(vp, 'Messages');
    await vp.getByTestId('conversation-row').filter({ hasText: SOLUTION }).getByRole('link', { name: SOLUTION }).click();
    await pageReady(vp, SOLUTION);
    const valenciaMeeting = vp.getByRole('article').filter({ hasText: MEETING });
    const times = valenciaMeeting.getByRole('radiogroup', { name: 'Pick a time' });
    await times.waitFor();
    expect(await times.getByRole('radio').count()).toBe(3);
    const second = times.getByRole('radio', { name: /10:00 in Valencia\W+.*11:00 in Tartu/ });
    await second.check();
    await expectAccessible(vp, 'the conversation with a meeting to answer');
    await screenshots(vp, 'meeting-to-answer');
    await valenciaMeeting.getByRole('button', { name: 'Accept' }).click();
    await valenciaMeeting.getByText('Accepted', { exact: true }).waitFor();

    // ── Both download the calendar file: one event, the same UID, in each city's own zone.
    const valenciaIcs = await downloadIcs(vp);
    expect(valenciaIcs.text).toContain('METHOD:REQUEST');
    expect(valenciaIcs.event.getFirstPropertyValue('summary')).toBe(MEETING);
    const valenciaStart = valenciaIcs.event.getFirstProperty('dtstart');
    expect(valenciaStart?.getParameter('tzid')).toBe('Europe/Madrid');
    expect(String(valenciaIcs.event.getFirstPropertyValue('dtstart'))).toBe(`${dayFromNow(9)}T10:00:00`);

    await tp.reload();
    await pageReady(tp, SOLUTION);
    await tartuMeeting.getByText('Accepted', { exact: true }).waitFor();
    const tartuIcs = await downloadIcs(tp);
    expect(tartuIcs.event.getFirstPropertyValue('uid')).toBe(valenciaIcs.event.getFirstPropertyValue('uid'));
    expect(tartuIcs.event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Tallinn');
    expect(String(tartuIcs.event.getFirstPropertyValue('dtstart'))).toBe(`${dayFromNow(9)}T11:00:00`);

    // ── Tartu's bell shows the acceptance, and the notification leads back to the conversation.
    const bell = tp.getByRole('banner').getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ });
    await bell.waitFor();
    await bell.click();
    await pageReady(tp, 'Notifications');
    const accepted = tp.getByRole('list', { name: 'Your notifications' }).getByRole('link', { name: `Valencia accepted the meeting: ${MEETING}` });
    await accepted.waitFor();
    await expectAccessible(tp, 'the notifications with the acceptance');
    await screenshots(tp, 'notifications');
    await accepted.click();
    await pageReady(tp, SOLUTION);

    for (const session of [tartu, valencia2]) {
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    }
  });
});
