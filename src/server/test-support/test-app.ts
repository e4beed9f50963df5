import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { DEMO_PASSWORD } from '../seed/demo-seed.ts';
import { CSRF_HEADER } from '../modules/session/session-policy.ts';
import { TEST_PASSWORD_HASH_COST } from './database-snapshots.ts';
import { QueryCounter } from './query-counter.ts';
import { createTestDatabase } from './test-database.ts';

export { DEMO_PASSWORD };

/** What an acceptance form sends: the privacy notice in force (the first, published by migration 0023), read. */
export const READ_NOTICE = { privacyNoticeVersion: '1', privacyNoticeRead: true } as const;

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** A browser-like client: keeps cookies and sends the CSRF token. */
  client(): Promise<TestClient>;
  /** A client already signed in as the given demo (or other) account. */
  signedIn(email: string, password?: string): Promise<TestClient>;
  /** Counts the database statements the platform sends (e.g. `queries.during(() => client.request(…))`). */
  queries: QueryCounter;
  /** Moves the platform's clock (null: real time again). */
  setNow(date: Date | string | null): void;
  close(): Promise<void>;
}

export interface TestClient {
  csrfToken: string;
  cookies: Map<string, string>;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestAppOptions {
  /**
   * Start on an empty database with the clock at this instant, so the demo
   * data is seeded then (its dates are relative to the first start). Without
   * it, the database is the run's snapshot, seeded on the demo's reference day.
   */
  firstStart?: Date;
}

/** Builds the platform on a fresh test database with the demo data. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabase({ demo: !options.firstStart });
  // Background work stays out of the way: the mail worker and the scheduler
  // would only tick after 10 minutes and an hour; tests run the jobs they need.
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST), MAIL_WORKER_INTERVAL_MS: '600000', SCHEDULER_INTERVAL_MS: '3600000', PUBLIC_URL: 'http://peercities.test', ...env }),
    database,
  };
  let fixedNow: Date | null = options.firstStart ?? null;
  const queries = new QueryCounter();
  const app = await buildApp(config, { now: () => fixedNow ?? new Date(), dbPlugins: [queries] });

  const client = async (): Promise<TestClient> => {
    const cookies = new Map<string, string>();
    const remember = (res: LightMyRequestResponse) => {
      for (const c of res.cookies) {
        if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) cookies.delete(c.name);
        else cookies.set(c.name, c.value);
      }
    };
    const self: TestClient = {
      csrfToken: '',
      cookies,
      async request({ csrf = true, headers, ...options }) {
        // A person's next request comes after the platform heard of the last change (on PostgreSQL, milliseconds later).
        await app.sessionChangesHeard();
        const cookieHeader = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await app.inject({
          ...options,
          headers: { ...(cookieHeader ? { cookie: cookieHeader } : {}), ...(csrf ? { [CSRF_HEADER]: self.csrfToken } : {}), ...headers },
        });
        remember(res);
        const body = String(res.headers['content-type'] ?? '').includes('json') ? safeJson(res.body) : null;
        if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') self.csrfToken = body.csrfToken;
        // Signed out, the session's token is void (decision 0025): like the web app, ask for the next one.
        if (options.method === 'DELETE' && options.url === '/api/session' && res.statusCode === 204) await self.request({ method: 'GET', url: '/api/session' });
        return res;
      },
    };
    await self.request({ method: 'GET', url: '/api/session' });
    return self;
  };

  return {
    app,
    config,
    client,
    queries,
    async signedIn(email, password = DEMO_PASSWORD) {
      const c = await client();
      const res = await c.request({ method: 'POST', url: '/api/session', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`Sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      return c;
    },
    setNow(date) {
      fixedNow = date === null ? null : new Date(date);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
