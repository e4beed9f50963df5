import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

// The real clock: the start page must make sense on whatever day the demo is opened.
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

const ROLES = [
  {
    who: 'a programme manager',
    email: 'manager@demo.peercities.eu',
    sections: [
      'Calls closing',
      'Applications to assign to evaluators',
      'Evaluations overdue',
      'Decisions to publish',
      'Visits without confirmed dates or agenda',
      'Feedback missing after visits',
      'Registrations to decide',
    ],
  },
  { who: 'an evaluator', email: 'evaluator@demo.peercities.eu', sections: ['Evaluations to do'] },
  { who: 'a facilitator', email: 'facilitator@demo.peercities.eu', sections: ['Next meetings of my groups', 'Attendance to record', 'Discussions waiting for an answer', 'Study visits I accompany'] },
  { who: 'an expert', email: 'expert@demo.peercities.eu', sections: ['Support requests'] },
  {
    who: 'a city representative',
    email: 'valencia@demo.peercities.eu',
    sections: ['My city: calls open to apply', 'My city: applications', 'My city: discussion groups', 'My city: study visits', 'My city: feedback and replication updates due', 'My city: people asking to represent it'],
  },
] as const;

/** Console errors of the page (failed requests included), for a test to expect none. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

describe('start pages', () => {
  for (const role of ROLES) {
    it(`${role.who} lands on their start page after signing in and sees their queues`, async () => {
      const { page, context, pageErrors } = await openSession(browser, platform);
      const errors = consoleErrors(page);
      await signIn(page, role.email, DEMO_PASSWORD, null);
      await pageReady(page, 'My work');
      expect(new URL(page.url()).pathname).toBe('/start');
      const main = page.getByRole('main');
      for (const section of role.sections) await main.getByRole('region', { name: section }).waitFor();
      expect(await main.getByRole('region').count()).toBe(role.sections.length);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).waitFor();
      await expectAccessible(page, `the start page of ${role.who}`);
      expect(pageErrors).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('says where an expert’s support requests will arrive', async () => {
    const { page, context } = await openSession(browser, platform);
    // Aoife Byrne: no request of the demo is hers (Sofia Rossi has Lahti's peer session to prepare).
    await signIn(page, 'expert2@demo.peercities.eu', DEMO_PASSWORD, null);
    await pageReady(page, 'My work');
    await page.getByRole('main').getByText('Nothing needs you now').waitFor();
    await page.getByRole('region', { name: 'Support requests' }).getByText('Cities’ requests for expert support will arrive here').waitFor();
    await context.close();
  });

  it('a representative opens an item of their city and arrives where the work is done', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    const errors = consoleErrors(page);
    // Tilburg takes part in a discussion group of the 2027 edition.
    await signIn(page, 'tilburg@demo.peercities.eu', DEMO_PASSWORD, null);
    await pageReady(page, 'My work');
    const groups = page.getByRole('region', { name: 'My city: discussion groups' });
    const item = groups.getByRole('link', { name: /^Tilburg in Energy and buildings 2027 \(English\)/ });
    const href = await item.getAttribute('href');
    expect(href).toMatch(/^\/groups\//);
    await item.click();
    await pageReady(page, 'Energy and buildings 2027 (English)');
    expect(new URL(page.url()).pathname).toBe(href);
    await expectAccessible(page, 'the group opened from the start page');

    // Back to the start page through the navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await pageReady(page, 'My work');
    expect(pageErrors).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a signed-out visitor to sign in and back to the start page', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/start');
    await pageReady(page, 'Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/start');
    await context.close();
  });
});
