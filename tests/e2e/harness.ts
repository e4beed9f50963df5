import type { AxeResults, default as AxeCore } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { readPgliteSnapshot, TEST_PASSWORD_HASH_COST } from '../../src/server/test-support/database-snapshots.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Demo accounts loaded by the seed (see src/server seed data). */
export const DEMO_PASSWORD = 'climate-neutral-2030';
export const DEMO = {
  manager: 'manager@demo.peercities.eu',
  facilitator: 'facilitator@demo.peercities.eu',
  valencia: 'valencia@demo.peercities.eu',
  lahti: 'lahti@demo.peercities.eu',
} as const;

export interface Platform {
  baseUrl: string;
  /** Move the server's clock (deadlines, reminders, "where the programme stands"). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Start with the server's clock at this instant instead of the real time. */
  now?: Date;
}

/**
 * The whole platform in this process: fresh in-memory database with the
 * demo data (from the run's snapshot), and the built SPA from dist/web (scripts/e2e.mjs builds it).
 */
export async function startPlatform(
  overrides: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<Platform> {
  // Emails carry absolute links built from PUBLIC_URL, so the port must be
  // known before the app is built: take a free one instead of listening on 0.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    MAIL_WORKER_INTERVAL_MS: '100',
    // The lowest scrypt cost the config allows (as in the API tests): the
    // tests sign in dozens of times, and the production cost (2^17) is made
    // to be slow. Hashing itself is covered by password.test.ts.
    PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ? path.resolve(process.env.WEB_DIST_DIR) : path.join(repoRoot, 'dist/web'),
    ...overrides,
  });
  // The demo database, migrated and seeded once for the whole run.
  const snapshots = inject('pgliteSnapshots');
  if (snapshots && config.database.kind === 'pglite') config.database = { ...config.database, snapshot: await readPgliteSnapshot(snapshots.demo) };
  let offsetMs = options.now ? options.now.getTime() - Date.now() : 0;
  // The clock keeps running from the instant set, so waits and timeouts behave.
  const app = await buildApp(config, { now: () => new Date(Date.now() + offsetMs) });
  await app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl,
    setNow: (date) => {
      offsetMs = date.getTime() - Date.now();
    },
    close: () => app.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page and what its Content-Security-Policy blocked; a test ends by expecting none. */
  pageErrors: string[];
  /** Errors the page logged to the console (a failed request, a schema mismatch), with the address it was at. */
  consoleErrors: string[];
}

/** A fresh browser profile (no cookies) on the platform, in English. */
export async function openSession(browser: Browser, platform: Platform): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: platform.baseUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    // Mantine skips its transitions then, so axe never sees a half-faded colour.
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Whatever the Content-Security-Policy blocked is a defect of the page, like an uncaught error.
  await context.exposeBinding('reportCspViolation', ({ frame }, text: string) => pageErrors.push(`${new URL(frame.url()).pathname}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      const where = event.sourceFile ? ` in ${new URL(event.sourceFile).pathname}:${event.lineNumber}:${event.columnNumber}` : '';
      report(`Content-Security-Policy blocked ${event.blockedURI || 'inline code'} (${event.effectiveDirective})${where}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${new URL(page.url()).pathname}: ${message.text()} (${message.location().url})`);
  });
  return { context, page, pageErrors, consoleErrors };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core itself, put into the page once per document. (@axe-core/playwright
// injected it again for every check and finished each run in a new blank
// page: three times slower, and these tests run axe about 150 times.)
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) => (window as unknown as { axe: typeof AxeCore }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
}

/** Every page in these tests must pass axe's WCAG 2.1 A/AA rules with zero violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await runAxe(page);
  const readable = results.violations.map((violation) =>
    [
      `${violation.id} [${violation.impact ?? 'unknown'}] ${violation.help} (${violation.helpUrl})`,
      ...violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
    ].join('\n'),
  );
  expect(readable, `axe found WCAG violations on ${what} (${page.url()})`).toEqual([]);
  // axe leaves colour contrast "incomplete" (not a violation) when it hesitates,
  // for instance when text and background are the same colour ("equalRatio").
  // Where it knows both colours, the ratio is known too: hold it to the same bar.
  const lowContrast = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) => result.nodes)
    .flatMap((node) => node.any.map((check) => ({ node, data: check.data as ContrastData | null })))
    .filter(({ data }) => data && isLowContrast(data))
    .map(({ node, data }) => `color-contrast (incomplete) at ${node.target.join(' ')}: ${data?.fgColor} on ${data?.bgColor}, ${contrastRatio(data?.fgColor ?? '', data?.bgColor ?? '').toFixed(2)}:1, needs ${data?.expectedContrastRatio}`);
  expect(lowContrast, `axe found text below the contrast ratio it needs on ${what} (${page.url()})`).toEqual([]);
}

interface ContrastData {
  fgColor?: string;
  bgColor?: string;
  expectedContrastRatio?: string;
}

/** Both colours known (as #rrggbb) and their ratio under the one required for the text's size. */
export function isLowContrast(data: ContrastData): boolean {
  if (!data.fgColor || !data.bgColor || !data.expectedContrastRatio) return false;
  const expected = Number.parseFloat(data.expectedContrastRatio);
  const ratio = contrastRatio(data.fgColor, data.bgColor);
  return Number.isFinite(expected) && Number.isFinite(ratio) && ratio < expected;
}

/** WCAG 2.1 contrast ratio of two opaque #rrggbb colours. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (hex: string): number => {
    const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
    if (!match) return Number.NaN;
    const [r, g, b] = match.slice(1, 4).map((part) => {
      const channel = Number.parseInt(part, 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Wait until the page shows its heading and has finished loading its data. */
export async function pageReady(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Several sections may load at once (a city page loads its solutions and
  // "cities like this one"): wait until no loading indicator is left.
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.includes('Loading…')));
}

/**
 * Screenshots of the page at 1366 and 390 px wide, to look at (not compared),
 * when E2E_SCREENSHOTS names a folder: `<folder>/<name>-<width>.png`. The
 * page is left 1280 px wide, as the tests run.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(folder, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * As a city representative would: finds a solution in the library, opens it
 * and follows "Ask <city> about this"; ends on the new-conversation form.
 */
export async function askAboutSolution(page: Page, solution: { title: string; city: string; search: string }): Promise<void> {
  await page.goto(`/solutions?q=${encodeURIComponent(solution.search)}`);
  await page.getByRole('link', { name: solution.title }).first().click();
  await pageReady(page, solution.title);
  await page.getByRole('link', { name: `Ask ${solution.city} about this` }).click();
  await pageReady(page, 'New conversation');
}

/**
 * The form field labelled `label`. Required fields carry an asterisk in
 * their label (hidden from assistive tech), so match the label text exactly
 * apart from that.
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`));
}

/**
 * Sign in through the sign-in page, as a person would. Who opens the sign-in
 * page by itself lands on their start page (`next: null`, start.spec.ts);
 * most tests begin on the account page, as after following a link to it.
 */
export async function signIn(page: Page, email: string, password: string, next: string | null = '/account'): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await pageReady(page, 'Sign in');
  const main = page.getByRole('main');
  await field(main, 'Email address').fill(email);
  await field(main, 'Password').fill(password);
  await main.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign out with the header button; the sign-in page confirms it. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page
    .getByText('You have signed out.')
    .waitFor()
    .catch(async (error: unknown) => {
      // Say where the page stands instead of only "timeout".
      const banner = await page.getByRole('banner').textContent();
      const main = (await page.getByRole('main').textContent())?.slice(0, 400);
      const dialogs = await page.getByRole('dialog').allTextContents();
      throw new Error(`Signing out was not confirmed. At ${page.url()}; header: ${banner}; dialogs: ${JSON.stringify(dialogs)}; page: ${main}`, { cause: error });
    });
}

/**
 * Open the newest email to `to` in the development mailbox (as a programme
 * manager) and return its link whose address contains `pathPart`.
 */
export async function linkFromMailbox(page: Page, to: string, pathPart: string): Promise<Locator> {
  await page.goto('/admin/mailbox');
  await pageReady(page, 'Mailbox');
  const row = page.getByRole('row').filter({ hasText: to }).first();
  await row.getByRole('button').click();
  const message = page.getByRole('article');
  await message.getByText(to).first().waitFor();
  return message.locator(`a[href*="${pathPart}"]`).first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
