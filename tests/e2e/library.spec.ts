import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, expectAccessible, field, launchBrowser, openSession, pageReady, signIn, startPlatform, type Platform } from './harness.ts';

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

describe('the solutions library, a city and the map, without signing in', () => {
  it('searches "district heating", narrows to buildings or energy in Finland, opens a solution, its city and the map', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Solutions' }).click();
    await pageReady(page, 'Climate solutions library');
    await expectAccessible(page, 'the library');

    const main = page.getByRole('main');
    await main.getByRole('searchbox', { name: 'Search solutions' }).fill('district heating');
    await main.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=district\+heating/);
    const results = main.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) }).first();
    await results.getByRole('link', { name: 'Carbon-free district heating with data-centre waste heat' }).waitFor();
    // The matched words are marked, as text.
    expect(await main.locator('mark.search-match').first().textContent()).toMatch(/^(district|heat|heating)$/i);

    // Each box is bound to the URL, which the router updates a moment after the click.
    const tick = async (group: string, name: RegExp) => {
      const box = main.getByRole('group', { name: group }).getByRole('checkbox', { name });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    };
    await tick('Sector', /^Buildings \(\d+\)$/);
    await tick('Sector', /^Energy \(\d+\)$/);
    await tick('Country', /^Finland \(\d+\)$/);
    await page.waitForURL((url) => url.searchParams.get('country') === 'FI' && (url.searchParams.get('sector') ?? '').split(',').sort().join() === 'buildings,energy');
    await main.getByRole('status').filter({ hasText: /^\d+ solutions?$/ }).waitFor();
    // The list of the previous search stays until the filtered one arrives: poll.
    const finnish = ['Espoo', 'Helsinki', 'Turku', 'Lappeenranta', 'Lahti', 'Tampere'];
    await expect
      .poll(async () => {
        const cityLinks = await main.getByRole('listitem').locator('a[href^="/cities/"]').allTextContents();
        return cityLinks.length > 0 && cityLinks.every((c) => finnish.includes(c));
      })
      .toBe(true);
    await expectAccessible(page, 'the library with filters');

    // The filters live in the URL: the same address shows the same results.
    const shared = page.url();
    const second = await openSession(browser, platform);
    await second.page.goto(shared);
    await pageReady(second.page, 'Climate solutions library');
    expect(await second.page.getByRole('checkbox', { name: /^Finland/ }).isChecked()).toBe(true);
    await second.context.close();

    await main.getByRole('link', { name: 'Carbon-free district heating with data-centre waste heat' }).click();
    await pageReady(page, 'Carbon-free district heating with data-centre waste heat');
    await page.getByRole('heading', { name: 'Related solutions' }).waitFor();
    await page.getByRole('region', { name: 'Related solutions' }).getByRole('link').first().waitFor();
    await expectAccessible(page, 'a solution page');

    await page.getByRole('main').getByRole('link', { name: 'Espoo', exact: true }).first().click();
    await pageReady(page, 'Espoo');
    await page.getByRole('region', { name: 'Cities like this one' }).getByRole('listitem').first().waitFor();
    expect(await page.getByText('jorge.ferrer').count()).toBe(0);
    await expectAccessible(page, 'a city page');

    await page.getByRole('link', { name: 'See it on the map' }).click();
    await pageReady(page, 'Map of European cities');
    const point = page.locator('svg a[data-city="espoo"]');
    await point.waitFor();
    expect(await point.getAttribute('aria-current')).toBe('location');
    expect(await point.getAttribute('aria-label')).toMatch(/^Espoo, Mission City, Finland, \d+ solutions?$/);
    await page.locator('svg path.country').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing Espoo.' }).waitFor();
    await expectAccessible(page, 'the map');

    // Keyboard: a point is a link that opens its city.
    await point.focus();
    await page.keyboard.press('Enter');
    await pageReady(page, 'Espoo');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('filters the map by sector and kind, and lists the same cities for screen readers', async () => {
    const { page, context } = await openSession(browser, platform);
    await page.goto('/map?kind=mission&sector=industry');
    await pageReady(page, 'Map of European cities');
    const list = page.getByRole('region', { name: 'The cities as a list' });
    await list.getByRole('link', { name: 'Dunkerque' }).waitFor();
    const listed = await list.getByRole('listitem').count();
    const points = await page.locator('svg a.map-point').count();
    expect(points).toBe(listed);
    expect(await page.locator('svg a.map-point.aspiring').count()).toBe(0);
    await field(page.getByRole('main'), 'Cities').selectOption('aspiring');
    await page.waitForURL(/kind=aspiring/);
    await page.locator('svg a.map-point.aspiring').first().waitFor();
    expect(await page.locator('svg a.map-point.mission').count()).toBe(0);
    await expectAccessible(page, 'the filtered map');
    await context.close();
  });
});

describe('a city representative', () => {
  it('publishes a solution that appears in the library at once', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.valencia, DEMO_PASSWORD);
    await page.getByRole('banner').getByText(/Signed in as/).waitFor();
    await page.goto('/cities/valencia');
    await pageReady(page, 'Valencia');
    await page.getByRole('link', { name: 'Add a solution' }).click();
    await pageReady(page, 'New solution for Valencia');
    await expectAccessible(page, 'the solution form');
    const main = page.getByRole('main');
    await field(main, 'Title').fill('Neighbourhood heat network in Benimaclet');
    await field(main, 'Summary').fill('A district heating loop fed by a sewage heat pump serves the Benimaclet neighbourhood.');
    await main.getByRole('checkbox', { name: 'Energy' }).check();
    await field(main, 'Visibility').selectOption('published');
    await main.getByRole('button', { name: 'Save' }).click();
    await pageReady(page, 'Neighbourhood heat network in Benimaclet');

    await page.goto('/solutions?q=Benimaclet');
    await pageReady(page, 'Climate solutions library');
    await page.getByRole('main').getByRole('link', { name: 'Neighbourhood heat network in Benimaclet' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 solution' }).waitFor();

    // Deleting asks first; Cancel keeps it, confirming removes it from the library.
    await page.getByRole('main').getByRole('link', { name: 'Neighbourhood heat network in Benimaclet' }).click();
    await pageReady(page, 'Neighbourhood heat network in Benimaclet');
    await expectAccessible(page, 'a solution page for its city');
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this solution?' });
    await dialog.waitFor();
    await expectAccessible(page, 'the delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete the solution' }).click();
    await pageReady(page, 'Valencia');
    await page.goto('/solutions?q=Benimaclet');
    await pageReady(page, 'Climate solutions library');
    await page.getByText('No solution matches this search').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('sees the edit form of their own city, and no edit button on another city', async () => {
    const { page, context } = await openSession(browser, platform);
    await signIn(page, DEMO.lahti, DEMO_PASSWORD);
    await page.getByRole('banner').getByText(/Signed in as/).waitFor();
    await page.goto('/cities/valencia');
    await pageReady(page, 'Valencia');
    expect(await page.getByRole('button', { name: 'Edit the profile' }).count()).toBe(0);
    await page.goto('/cities/lahti');
    await pageReady(page, 'Lahti');
    await page.getByRole('region', { name: 'Contact persons' }).waitFor();
    await page.getByRole('button', { name: 'Edit the profile' }).click();
    const main = page.getByRole('main');
    await field(main, 'Climate-neutrality target year').fill('1999');
    await main.getByRole('button', { name: 'Save the profile' }).click();
    await expect.poll(() => field(main, 'Climate-neutrality target year').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the city edit form with an error');
    await field(main, 'Climate-neutrality target year').fill('2028');
    await main.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByRole('region', { name: 'History of changes' }).getByText('2028').first().waitFor();

    // Contact persons: a bad email is refused next to the field, then saved and recorded.
    const contacts = page.getByRole('region', { name: 'Contact persons' });
    await contacts.getByRole('button', { name: 'Edit the contact persons' }).click();
    const before = await contacts.getByRole('group', { name: /^Contact person \d+$/ }).count();
    await contacts.getByRole('button', { name: 'Add a contact person' }).click();
    const person = contacts.getByRole('group', { name: `Contact person ${before + 1}` });
    await field(person, 'Name').fill('Aino Virtanen');
    await field(person, 'Role').fill('Climate coordinator');
    await field(person, 'Email').fill('aino.virtanen@');
    await contacts.getByRole('button', { name: 'Save the contact persons' }).click();
    await expect.poll(() => field(person, 'Email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the contact persons form with an error');
    await field(person, 'Email').fill('aino.virtanen@lahti.example');
    await contacts.getByRole('button', { name: 'Save the contact persons' }).click();
    await contacts.getByRole('status').filter({ hasText: 'The contact persons are saved.' }).waitFor();
    await contacts.getByRole('cell', { name: 'aino.virtanen@lahti.example' }).waitFor();
    await page.getByRole('region', { name: 'History of changes' }).getByText(/contact persons/).first().waitFor();
    await context.close();
  });
});

describe('a programme manager importing cities', () => {
  it('sees every bad row of a refused file, and nothing is imported', async () => {
    const { page, context, pageErrors } = await openSession(browser, platform);
    await signIn(page, DEMO.manager, DEMO_PASSWORD);
    await page.getByRole('banner').getByText(/Signed in as/).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import cities' }).click();
    await pageReady(page, 'Import cities from a CSV file');
    await expectAccessible(page, 'the import page');
    const main = page.getByRole('main');
    await field(main, 'Or paste the CSV text').fill('name,country,kind,latitude,longitude\nPori,FI,aspiring,61.48,21.78\nKotka,XX,aspiring,60.46,east\n');
    await main.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    const rows = main.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain('3country');
    expect(await rows.nth(2).textContent()).toContain('3longitude');
    await expectAccessible(page, 'the import page with a row report');

    await field(main, 'Or paste the CSV text').fill('name,country,kind,latitude,longitude\nPori,FI,aspiring,61.48,21.78\n');
    await main.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 new, 0 updated, 0 unchanged.' }).waitFor();
    await page.goto('/cities/pori');
    await pageReady(page, 'Pori');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
