import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { decodeQuotedPrintable, type startSmtpCatcher } from '../../src/server/test-support/smtp-catcher.ts';
import { DEMO_PASSWORD, openSession, pageReady, signIn, type BrowserSession, type Platform } from './harness.ts';

/**
 * What several end-to-end specs need besides the browser: the HTTP API as a
 * signed-in person (to set up what another spec drives through the pages) and
 * the emails a real SMTP server received.
 */

export type SmtpCatcher = Awaited<ReturnType<typeof startSmtpCatcher>>;

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?Krak=C3=B3w?=`) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(decodeQuotedPrintable(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
  );
}

/** Subjects of the emails the SMTP server received for `to`. */
export function subjectsTo(smtp: SmtpCatcher, to: string): string[] {
  return smtp.received
    .filter((m) => m.to.includes(to))
    .map((m) => {
      const match = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(m.raw);
      return decodeHeader((match?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ')).trim();
    });
}

/** A signed-in API client, as the browser would be (session cookie and CSRF token). */
export async function apiAs(browser: Browser, platform: Platform, email: string) {
  const context = await browser.newContext({ baseURL: platform.baseUrl });
  const api = context.request;
  const { csrfToken } = (await (await api.get('/api/session')).json()) as { csrfToken: string };
  const signedIn = await api.post('/api/session', { data: { email, password: DEMO_PASSWORD }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(signedIn.status(), `sign in as ${email}`).toBe(200);
  const session = (await signedIn.json()) as { csrfToken: string; user: { roles: { role: string; cityId: string | null }[] } };
  const headers = { 'X-CSRF-Token': session.csrfToken };
  return {
    cityId: session.user.roles.find((r) => r.role === 'city_representative')?.cityId ?? '',
    get: async (path: string) => (await api.get(path)).json() as Promise<Record<string, unknown>>,
    /** Sends and expects success (201 for a new application, 200 otherwise, or `expected`). */
    send: async (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data: unknown, expected?: number) => {
      const res = await api.fetch(path, { method, data, headers });
      expect(res.status(), await res.text()).toBe(expected ?? (method === 'POST' && path.endsWith('/applications') ? 201 : 200));
      return (await res.json().catch(() => ({}))) as Record<string, unknown> & { id: string; version: number };
    },
    close: () => context.close(),
  };
}

/** A browser session signed in as `email`, on the account page. */
export async function signedInSession(browser: Browser, platform: Platform, email: string): Promise<BrowserSession> {
  const session = await openSession(browser, platform);
  await signIn(session.page, email, DEMO_PASSWORD);
  await pageReady(session.page, 'My account');
  return session;
}
