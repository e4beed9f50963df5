// npm run bench:exchange — direct exchange between cities at the scale of all Europe, on PostgreSQL.
//
// A fresh database on BENCH_DATABASE_URL's server (dropped afterwards) with the
// demo data plus 10,000 cities, 100,000 people (ten representatives each),
// 200,000 conversations between two cities and 1,000,000 messages (five per
// conversation). Half of the conversations involve one of the first 100
// cities, the busy Mission Cities: each of them has about 1,000 conversations,
// the other cities about 20. Then, on 127.0.0.1 with 20 concurrent keep-alive
// connections, each signed in as a representative of a different busy city:
// the inbox's first page (with unread counts), a conversation page, and
// sending a message. The server is the real one (src/server/main.ts, as
// `npm start` runs it) in its own process(es): BENCH_PROCESSES app processes
// sharing the port (PROCESSES, decision 0033; default 1), so that the load
// generator's thread is not the server's.
//
//   npm run bench:exchange
//   BENCH_PROCESSES=2 npm run bench:exchange                # one app process per core
//   BENCH_SECONDS=10 BENCH_KEEP=1 npm run bench:exchange   # keep the database
//   BENCH_REUSE=<database> npm run bench:exchange           # measure it again

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo-seed.ts';
import { adminQuery, databaseUrl } from '../src/server/test-support/database-snapshots.ts';
import { startServerProcess, type ServerProcess } from '../src/server/test-support/server-process.ts';
import { signInOverHttp } from './lib/sign-in.ts';
import { httpLoadInWorker, type LoadResult, type RequestSpec } from './lib/http-load.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CITIES = 10_000;
const BUSY_CITIES = 100;
const PEOPLE_PER_CITY = 10;
const CONVERSATIONS = 200_000;
const MESSAGES_PER_CONVERSATION = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);

const reuse = process.env.BENCH_REUSE;
const keep = process.env.BENCH_KEEP === '1' || Boolean(reuse);
const name = reuse ?? `peercities_bench_exchange_${randomBytes(4).toString('hex')}`;
if (!reuse) await adminQuery(ADMIN_URL, `CREATE DATABASE ${name}`);
const url = databaseUrl(ADMIN_URL, name);
const config: Config = loadConfig({
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  PASSWORD_HASH_COST: '10',
  MAIL_WORKER_INTERVAL_MS: '600000',
  SCHEDULER_INTERVAL_MS: '3600000',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: url,
  DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE,
});
const app = await buildApp(config);
let server: ServerProcess | undefined;

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const lines: string[] = [];

// Ids are derived from numbers (md5 → a version 4 uuid), so that the SQL below
// can join conversations, parties, messages and people without lookups.
const uuidOf = (expr: string) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
const id = (prefix: string, n: string) => sql.raw(uuidOf(`'${prefix}' || ${n}`));
// The two cities of conversation n: a busy city for even n, any city for odd n; never the same city twice.
const cityA = `(CASE WHEN n % 2 = 0 THEN (n / 2) % ${BUSY_CITIES} + 1 ELSE (n::bigint * 7919) % ${CITIES} + 1 END)`;
const cityB0 = `((n::bigint * 104729 + 13) % ${CITIES} + 1)`;
const cityB = `(CASE WHEN ${cityB0} = ${cityA} THEN ${cityB0} % ${CITIES} + 1 ELSE ${cityB0} END)`;

try {
  const t0 = performance.now();
  const db = app.db;
  if (!reuse) await seed();
  async function seed() {
    const facilitator = await db.selectFrom('people').select('password_hash').where('email', '=', 'facilitator@demo.peercities.eu').executeTakeFirstOrThrow();
    await sql`INSERT INTO cities (id, slug, name, country, kind, latitude, longitude, population)
      SELECT ${id('city', 'g')}, 'bench-city-' || g, 'Bench city ' || g, 'DE', CASE WHEN g <= ${sql.lit(BUSY_CITIES)} THEN 'mission' ELSE 'aspiring' END,
             48 + (g % 100) / 20.0, 8 + (g % 50) / 10.0, 20000 + g
        FROM generate_series(1, ${sql.lit(CITIES)}) g`.execute(db);
    await sql`INSERT INTO people (id, email, name, password_hash)
      SELECT ${id('person', 'g')}, 'bench' || g || '@example.org', 'Bench person ' || g, ${facilitator.password_hash}
        FROM generate_series(1, ${sql.lit(CITIES * PEOPLE_PER_CITY)}) g`.execute(db);
    await sql`INSERT INTO role_grants (person_id, role, city_id)
      SELECT ${id('person', 'g')}, 'city_representative', ${id('city', `((g - 1) / ${PEOPLE_PER_CITY} + 1)`)}
        FROM generate_series(1, ${sql.lit(CITIES * PEOPLE_PER_CITY)}) g`.execute(db);
    // Conversation n: its last message n × 10 seconds ago (about 23 days for 200,000).
    await sql`INSERT INTO conversations (id, subject, about_kind, started_by, created_at, last_message_at)
      SELECT ${id('conversation', 'n')}, 'Bench conversation ' || n, 'topic', ${id('person', `((${cityA} - 1) * ${PEOPLE_PER_CITY} + 1)`)},
             now() - (n * 10 + 3600) * interval '1 second', now() - n * interval '10 seconds'
        FROM generate_series(1, ${sql.lit(CONVERSATIONS)}) n`.execute(db);
    await sql`INSERT INTO conversation_parties (id, conversation_id, kind, city_id, last_message_at, joined_at)
      SELECT ${id('party-a', 'n')}, ${id('conversation', 'n')}, 'city', ${id('city', cityA)}, now() - n * interval '10 seconds', now() - (n * 10 + 3600) * interval '1 second'
        FROM generate_series(1, ${sql.lit(CONVERSATIONS)}) n
      UNION ALL
      SELECT ${id('party-b', 'n')}, ${id('conversation', 'n')}, 'city', ${id('city', cityB)}, now() - n * interval '10 seconds', now() - (n * 10 + 3600) * interval '1 second'
        FROM generate_series(1, ${sql.lit(CONVERSATIONS)}) n`.execute(db);
    // Five messages each, alternating between the two cities, ten minutes apart, the last at last_message_at.
    await sql`INSERT INTO messages (conversation_id, party_id, author_id, body_html, body_text, created_at)
      SELECT ${id('conversation', 'n')},
             CASE WHEN k % 2 = 1 THEN ${id('party-a', 'n')} ELSE ${id('party-b', 'n')} END,
             ${id('person', `((CASE WHEN k % 2 = 1 THEN ${cityA} ELSE ${cityB} END - 1) * ${PEOPLE_PER_CITY} + 1 + (n + k) % ${PEOPLE_PER_CITY})`)},
             '<p>Message ' || k || ' of conversation ' || n || ': how did you finance the heat network and the renovation one-stop-shop?</p>',
             'Message ' || k || ' of conversation ' || n || ': how did you finance the heat network and the renovation one-stop-shop?',
             now() - n * interval '10 seconds' - (${sql.lit(MESSAGES_PER_CONVERSATION)} - k) * interval '10 minutes'
        FROM generate_series(1, ${sql.lit(CONVERSATIONS)}) n CROSS JOIN generate_series(1, ${sql.lit(MESSAGES_PER_CONVERSATION)}) k`.execute(db);
    // The first representative of city A has read up to the third message: two unread.
    await sql`INSERT INTO conversation_reads (conversation_id, person_id, read_up_to)
      SELECT ${id('conversation', 'n')}, ${id('person', `((${cityA} - 1) * ${PEOPLE_PER_CITY} + 1)`)}, now() - n * interval '10 seconds' - interval '20 minutes'
        FROM generate_series(1, ${sql.lit(CONVERSATIONS)}) n
      ON CONFLICT DO NOTHING`.execute(db);
    await sql`VACUUM (ANALYZE)`.execute(db);
    await sql`CHECKPOINT`.execute(db);
    const counts = (
      await sql<{ conversations: number; messages: number; people: number; cities: number }>`SELECT
        (SELECT count(*)::int FROM conversations) AS conversations, (SELECT count(*)::int FROM messages) AS messages,
        (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM cities) AS cities`.execute(db)
    ).rows[0];
    lines.push(
      `Seeded ${counts?.cities} cities, ${counts?.people} people, ${counts?.conversations} conversations, ${counts?.messages} messages (with the demo data) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );
  }

  // Seeded through this process's app; measured on the real server, without the demo seed (the database has it).
  server = await startServerProcess(
    {
      DATABASE_URL: url,
      ...(process.env.BENCH_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE } : {}),
      PROCESSES: String(PROCESSES),
      SEED_DEMO: 'false',
      MAIL_WORKER_INTERVAL_MS: '600000',
      SCHEDULER_INTERVAL_MS: '3600000',
      LOG_LEVEL: 'warn',
    },
    180_000,
  );
  const running = server;
  if (PROCESSES > 1) await waitFor(() => running.output().includes(`processes: ${PROCESSES} (PROCESSES)`), 120_000);
  const address = server.url;
  const signIn = (email: string) => signInOverHttp(address, email, DEMO_PASSWORD);
  // Connection i is the first representative of busy city i (about 1,000 conversations each).
  const headers: Record<string, string>[] = [];
  for (let i = 1; i <= CONCURRENCY; i++) headers.push(await signIn(`bench${(i - 1) * PEOPLE_PER_CITY + 1}@example.org`));
  // Conversations of busy city 1..20: for even n, city A is (n / 2) % 100 + 1.
  const conversationsOf = (city: number) =>
    Array.from({ length: 25 }, (_, j) => 2 * (city - 1 + BUSY_CITIES * j)).filter((n) => n >= 1 && n <= CONVERSATIONS).map((n) => n);
  const conversationIds = new Map<number, string[]>();
  for (let city = 1; city <= CONCURRENCY; city++) {
    const ns = conversationsOf(city).length ? conversationsOf(city) : [2 * BUSY_CITIES];
    const rows = await sql<{ id: string }>`SELECT ${sql.raw(uuidOf("'conversation' || n"))}::text AS id FROM unnest(${ns}::int[]) n`.execute(app.db);
    conversationIds.set(city, rows.rows.map((r) => r.id));
  }
  // Each loop i sends its own requests: loop i is connection i (headers[i]); the specs cycle per loop.
  const perLoop = <T>(make: (city: number) => T[]) => Array.from({ length: CONCURRENCY }, (_, i) => make(i + 1));
  const inbox: RequestSpec[][] = perLoop(() => [{ path: '/api/conversations' }]);
  const pages: RequestSpec[][] = perLoop((city) => (conversationIds.get(city) ?? []).map((cid) => ({ path: `/api/conversations/${cid}` })));
  const sends: RequestSpec[][] = perLoop((city) =>
    (conversationIds.get(city) ?? []).map((cid) => ({ path: `/api/conversations/${cid}/messages`, method: 'POST' as const, body: JSON.stringify({ body: '<p>Thank you, that helps our heat plan.</p>' }) })),
  );
  const results: [string, LoadResult][] = [];
  results.push(['inbox, first page with unread counts: GET /api/conversations', await httpLoadInWorker(address, inbox, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: 50_000, headers })]);
  results.push(['a conversation page: GET /api/conversations/:id', await httpLoadInWorker(address, pages, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: 50_000, headers })]);
  results.push(['send a message: POST /api/conversations/:id/messages', await httpLoadInWorker(address, sends, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: 20_000, headers })]);
  lines.push(
    '',
    `${CONCURRENCY} concurrent keep-alive connections on 127.0.0.1, ${SECONDS} s per scenario after 2 s of warm-up, each signed in as a representative of a different busy city (about 1,000 conversations each); ${PROCESSES} app process${PROCESSES > 1 ? 'es' : ''} (PROCESSES), each with a database pool of ${config.database.kind === 'postgres' ? config.database.poolSize : 0} connections.`,
    '',
  );
  lines.push('| request | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | req/s |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [label, r] of results) lines.push(`| ${label} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} |`);
} finally {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await app.close();
  if (keep) process.stderr.write(`kept database ${url}\n`);
  else await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(lines.join('\n'));
