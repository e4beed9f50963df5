import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, screenshots, signIn, startPlatform, type Platform } from './harness.ts';

// Peer sessions (issue 21): Kraków asks for a peer session on financing district heating; the request goes
// to Sofia Rossi, who sees the three Mission Cities the platform proposes with why, adds Valencia and
// invites them; Valencia accepts; Sofia proposes times; Kraków picks one; the .ics downloads and parses.
// One test, on the real clock. Zero axe violations on each page.

let platform: Platform;
let browser: Browser;

const TITLE = 'A peer session on financing district heating';
const QUESTION =
  'Kraków is moving its district heating off coal. We would like to hear from Mission Cities that financed a heat network: ' +
  'which funds and tariffs worked, and what they would do differently.';

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A day some weeks ahead, as the date input takes it (YYYY-MM-DD, Brussels calendar). */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });

async function chooseLanguage(form: Locator, label: string, name: string): Promise<void> {
  if ((await form.getByText(name, { exact: true }).count()) > 0) return;
  const input = field(form, label);
  await input.click();
  await input.fill(name.replace(/ \(\w+\)$/, ''));
  await form.page().getByRole('option', { name }).click();
  await input.press('Escape');
}

describe('peer sessions', () => {
  it('Kraków asks for a peer session; Sofia confirms the three proposed Mission Cities and adds one; Valencia accepts; Kraków picks a time; the .ics parses', async () => {
    // ── Kraków asks.
    const krakow = await openSession(browser, platform);
    const kp = krakow.page;
    await signIn(kp, 'krakow@demo.peercities.eu', DEMO_PASSWORD, '/support/new');
    await pageReady(kp, 'Ask for support');
    await kp.waitForLoadState('networkidle');
    const form = kp.getByRole('form', { name: 'Support request' });
    await field(form, 'Title').fill(TITLE);
    await field(form, 'Your question or challenge').fill(QUESTION);
    await form.getByRole('checkbox', { name: 'Energy' }).check();
    await form.getByRole('checkbox', { name: 'Finance & funding' }).check();
    await chooseLanguage(form, 'Languages your city can work in', 'Polish (pl)');
    await chooseLanguage(form, 'Languages your city can work in', 'English (en)');
    await form.getByRole('radio', { name: 'Peer session' }).check();
    await form.getByRole('button', { name: 'Send the request' }).click();
    await pageReady(kp, TITLE);
    const requestUrl = kp.url();
    await kp.getByTestId('assignment-card').getByText('Sent to Sofia Rossi').waitFor();
    await kp.getByText('The expert has not proposed times yet.').waitFor();
    await expectAccessible(kp, 'a peer-session request (city, before the invitations)');

    // ── Sofia sees the three proposed Mission Cities with why, keeps them, adds Valencia, invites.
    const sofia = await openSession(browser, platform);
    const sp = sofia.page;
    await signIn(sp, 'expert@demo.peercities.eu', DEMO_PASSWORD, new URL(requestUrl).pathname);
    await pageReady(sp, TITLE);
    const proposal = sp.getByTestId('peer-proposal');
    await proposal.waitFor();
    const proposed = proposal.getByRole('checkbox');
    expect(await proposed.count()).toBe(3);
    for (let i = 0; i < 3; i += 1) expect(await proposed.nth(i).isChecked()).toBe(true);
    expect(await proposal.getByText('Proposed').count()).toBe(3);
    await expect.poll(() => proposal.textContent()).toMatch(/planned solutions in energy/);
    expect(await proposal.getByRole('checkbox', { name: /Kraków/ }).count()).toBe(0);
    await expectAccessible(sp, 'the peer-city proposal (expert)');
    await screenshots(sp, 'support-peer-proposal');
    // Sofia edits the choice: Valencia (whose representative answers below) if the platform did not propose it, else Aarhus.
    const valenciaProposed = (await proposal.getByRole('checkbox', { name: /Valencia/ }).count()) > 0;
    const added = valenciaProposed ? 'Aarhus' : 'Valencia';
    await sp.getByRole('combobox', { name: 'Other Mission Cities' }).fill(added);
    await sp.getByRole('option', { name: added, exact: true }).click();
    await sp.getByText('4 of at most 5 chosen').waitFor();
    await sp.getByRole('button', { name: 'Invite these cities' }).click();
    const invited = sp.getByTestId('peer-invitations');
    await invited.waitFor();
    await expect.poll(() => invited.getByRole('listitem').count()).toBe(4);
    await expect.poll(() => invited.textContent()).toContain('Valencia');

    // ── Valencia, invited, reads the request and accepts.
    const valencia = await openSession(browser, platform);
    const vp = valencia.page;
    await signIn(vp, 'valencia@demo.peercities.eu', DEMO_PASSWORD, new URL(requestUrl).pathname);
    await pageReady(vp, TITLE);
    await vp.getByText('Valencia is invited to this peer session. Will it take part?').waitFor();
    await expectAccessible(vp, 'the invitation (invited city)');
    await vp.getByRole('button', { name: 'Accept for Valencia' }).click();
    await vp.getByTestId('peer-invitations').getByRole('listitem').filter({ hasText: 'Valencia' }).getByText('Accepted').waitFor();

    // ── Sofia proposes two times, in Brussels time.
    await sp.reload();
    await pageReady(sp, TITLE);
    await sp.getByTestId('peer-invitations').getByRole('listitem').filter({ hasText: 'Valencia' }).getByText('Accepted').waitFor();
    const propose = sp.getByRole('form', { name: 'Propose these times' });
    await field(propose, 'Date, option 1').fill(dayAhead(14));
    await field(propose, 'Time, option 1').fill('10:00');
    await field(propose, 'Date, option 2').fill(dayAhead(15));
    await field(propose, 'Time, option 2').fill('14:00');
    await field(propose, 'Link to join online (optional)').fill('https://meet.example.org/krakow-heat');
    await expectAccessible(sp, 'proposing times (expert)');
    await screenshots(sp, 'support-session-propose');
    await propose.getByRole('button', { name: 'Propose these times' }).click();
    await sp.getByText('Waiting for the city to pick a time.').waitFor();

    // ── Kraków picks the second time; the .ics downloads and parses.
    await kp.goto(requestUrl);
    await pageReady(kp, TITLE);
    const pick = kp.getByRole('form', { name: 'Pick this time' });
    await pick.getByRole('radio').nth(1).check();
    await expectAccessible(kp, 'picking a time (city)');
    await screenshots(kp, 'support-session-pick');
    await pick.getByRole('button', { name: 'Pick this time' }).click();
    const scheduled = kp.getByTestId('session-scheduled');
    await scheduled.waitFor();
    await expect.poll(() => scheduled.textContent()).toMatch(/14:00.*120 minutes/);
    await expectAccessible(kp, 'the scheduled session (city)');
    await screenshots(kp, 'support-session-scheduled');
    const [download] = await Promise.all([kp.waitForEvent('download'), kp.getByRole('link', { name: 'Add to my calendar (.ics)' }).click()]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const tz = calendar.getFirstSubcomponent('vtimezone');
    if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT in the .ics');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe(`Peer session: ${TITLE}`);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Brussels');
    expect([event.startDate.hour, event.startDate.minute, event.endDate.hour]).toEqual([14, 0, 16]);
    expect(event.startDate.toString().slice(0, 10)).toBe(dayAhead(15));
    expect(event.location).toBe('https://meet.example.org/krakow-heat');

    for (const s of [krakow, sofia, valencia]) {
      expect(s.pageErrors).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    }
  });
});
