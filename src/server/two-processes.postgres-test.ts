import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demo-seed.ts';
import { adminQuery, databaseUrl } from './test-support/database-snapshots.ts';
import { startSmtpCatcher } from './test-support/smtp-catcher.ts';
import { cookiesOf, httpRequest, startServerProcess, type ServerProcess } from './test-support/server-process.ts';

// Two app processes on one PostgreSQL database serve the same people
// (docs/decisions/0010 for the caches, 0028 for this test). It needs a
// PostgreSQL server, so it runs only in the `postgres` Vitest project (CI sets
// TEST_DATABASE_URL; the file's name keeps it out of the PGlite project).

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('two-processes.postgres-test.ts needs TEST_DATABASE_URL');

describe('two app processes on one PostgreSQL database', { timeout: 240_000 }, () => {
  const name = `peercities_test_${randomBytes(6).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    smtp = await startSmtpCatcher();
    const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '4', SMTP_URL: smtp.url, MAIL_WORKER_INTERVAL_MS: '100', SCHEDULER_INTERVAL_MS: '1000' };
    // A migrates and seeds the empty database; B starts on it as it is.
    a = await startServerProcess(env, 180_000);
    b = await startServerProcess(env, 180_000);
  }, 400_000);

  afterAll(async () => {
    for (const p of [a, b]) {
      if (p && p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    await smtp?.close();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  async function signInOn(server: ServerProcess): Promise<{ cookie: string; csrf: string }> {
    const first = await httpRequest(`${server.url}/api/session`);
    const csrf = (JSON.parse(first.body) as { csrfToken: string }).csrfToken;
    const signedIn = await httpRequest(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookiesOf(first), 'x-csrf-token': csrf },
      body: JSON.stringify({ email: 'manager@demo.peercities.eu', password: DEMO_PASSWORD }),
    });
    expect(signedIn.status, signedIn.body).toBe(200);
    // Signed in, the token is the one bound to the new session (decision 0025).
    const bound = (JSON.parse(signedIn.body) as { csrfToken: string }).csrfToken;
    return { cookie: cookiesOf(signedIn, cookiesOf(first)), csrf: bound };
  }

  it('a session started on A works on B, and signing out on A ends it on B at once (the session cache hears it)', async () => {
    const session = await signInOn(a);
    // B checks the session and remembers it (its session cache).
    for (let i = 0; i < 3; i++) {
      const me = await httpRequest(`${b.url}/api/me`, { headers: { cookie: session.cookie } });
      expect(me.status, me.body).toBe(200);
      expect(JSON.parse(me.body).email).toBe('manager@demo.peercities.eu');
    }
    const out = await httpRequest(`${a.url}/api/session`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(out.status, out.body).toBe(204);
    const signedOutAt = performance.now();
    // Promptly: B heard the change through LISTEN/NOTIFY, not by its cache's minute running out.
    let status = 0;
    while (performance.now() - signedOutAt < 2000) {
      status = (await httpRequest(`${b.url}/api/me`, { headers: { cookie: session.cookie } })).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
    expect(performance.now() - signedOutAt).toBeLessThan(1000);
  });

  it('sends every outbox email exactly once although both mail workers and schedulers run', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // 60 emails at once: both workers claim batches from the same table.
      await client.query(
        `INSERT INTO outbox (to_address, subject, text_body)
         SELECT 'two-processes-' || i || '@example.org', 'Exactly once ' || i, 'Hello ' || i FROM generate_series(1, 60) AS i`,
      );
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await client.query<{ pending: number }>('SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL');
        if (rows[0]!.pending === 0) break;
        if (Date.now() > deadline) throw new Error(`${rows[0]!.pending} emails still unsent after 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // A few more rounds of both workers and schedulers: nothing is sent twice.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const { rows: outbox } = await client.query<{ to_address: string }>('SELECT to_address FROM outbox');
      const delivered = smtp.received.flatMap((m) => m.to);
      const count = (list: string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
      const ours = delivered.filter((to) => to.startsWith('two-processes-'));
      expect(ours.length).toBe(60);
      expect([...count(ours).values()].every((n) => n === 1)).toBe(true);
      // Every email in the outbox (the demo's, and what the scheduled jobs wrote) delivered once.
      expect(delivered.length).toBe(outbox.length);
      expect(count(delivered)).toEqual(count(outbox.map((r) => r.to_address)));
      // The scheduled jobs ran in both processes (each claims a job's turn with one UPDATE,
      // decision 0006): no email was written twice.
      const { rows: twice } = await client.query('SELECT to_address, subject FROM outbox GROUP BY 1, 2 HAVING count(*) > 1');
      expect(twice).toEqual([]);
      const { rows: jobs } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM job_runs');
      expect(jobs[0]!.n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
