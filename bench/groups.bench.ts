// npm run bench:groups — discussion groups at the scale of all Europe, on PostgreSQL.
//
// A fresh database on BENCH_DATABASE_URL's server (dropped afterwards) with the
// demo data plus 200 groups, 1,000 cities, 5,000 participants, 10,000 threads
// and 1,000,000 posts spread over 30 days. Then, on 127.0.0.1 with 20
// concurrent keep-alive connections, each signed in as a different
// participant of one group: reading a page of a thread, and posting a reply;
// and one run of the daily digest for every member.
//
//   npm run bench:groups
//   BENCH_POSTS_PER_THREAD=100 BENCH_SECONDS=10 npm run bench:groups

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo-seed.ts';
import { sendDailyDigests } from '../src/server/jobs/daily-digest.ts';
import { adminQuery, databaseUrl } from '../src/server/test-support/database-snapshots.ts';
import { signInOverHttp } from './lib/sign-in.ts';
import { httpLoadInWorker, type LoadResult, type RequestSpec } from './lib/http-load.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GROUPS = 200;
const CITIES_PER_GROUP = 5;
const PEOPLE_PER_CITY = 5;
const THREADS_PER_GROUP = 50;
const POSTS_PER_THREAD = Number(process.env.BENCH_POSTS_PER_THREAD ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 20;

// BENCH_REUSE=<database> measures an already seeded database (kept by an earlier BENCH_KEEP=1 run) again.
const reuse = process.env.BENCH_REUSE;
const keep = process.env.BENCH_KEEP === '1' || Boolean(reuse);
const name = reuse ?? `peercities_bench_groups_${randomBytes(4).toString('hex')}`;
if (!reuse) await adminQuery(ADMIN_URL, `CREATE DATABASE ${name}`);
const url = databaseUrl(ADMIN_URL, name);
// The platform's default database pool (DATABASE_POOL_SIZE); BENCH_POOL_SIZE tries another.
const config: Config = loadConfig({
  LOG_LEVEL: 'silent',
  PASSWORD_HASH_COST: '10',
  MAIL_WORKER_INTERVAL_MS: '600000',
  SCHEDULER_INTERVAL_MS: '3600000',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: url,
  DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE,
});
const app = await buildApp(config);
const lines: string[] = [];
try {
  const t0 = performance.now();
  const db = app.db;
  if (!reuse) await seed();
  async function seed() {
    const programme = await db.selectFrom('programmes').select('id').where('slug', '=', 'group-study-visits-2027').executeTakeFirstOrThrow();
    const facilitator = await db.selectFrom('people').select(['id', 'password_hash']).where('email', '=', 'facilitator@demo.peercities.eu').executeTakeFirstOrThrow();
    const cities = GROUPS * CITIES_PER_GROUP;
    const people = cities * PEOPLE_PER_CITY;
    await sql`INSERT INTO cities (slug, name, country, kind, latitude, longitude, population)
      SELECT 'bench-city-' || g, 'Bench city ' || g, 'DE', 'aspiring', 48 + (g % 100) / 20.0, 8 + (g % 50) / 10.0, 20000 + g
        FROM generate_series(1, ${sql.lit(cities)}) g`.execute(db);
    await sql`INSERT INTO people (email, name, password_hash)
      SELECT 'bench' || g || '@example.org', 'Bench person ' || g, ${facilitator.password_hash} FROM generate_series(1, ${sql.lit(people)}) g`.execute(db);
    await sql`INSERT INTO role_grants (person_id, role, city_id)
      SELECT p.id, 'city_representative', c.id
        FROM generate_series(1, ${sql.lit(people)}) g
        JOIN people p ON p.email = 'bench' || g || '@example.org'
        JOIN cities c ON c.slug = 'bench-city-' || ((g - 1) / ${sql.lit(PEOPLE_PER_CITY)} + 1)`.execute(db);
    await sql`INSERT INTO discussion_groups (programme_id, name, sectors, language, capacity)
      SELECT ${programme.id}, 'Bench group ' || g, ARRAY['energy'], 'en', 10 FROM generate_series(1, ${sql.lit(GROUPS)}) g`.execute(db);
    await sql`INSERT INTO group_facilitators (group_id, person_id) SELECT id, ${facilitator.id} FROM discussion_groups WHERE name LIKE 'Bench group %'`.execute(db);
    await sql`INSERT INTO group_memberships (group_id, city_id, status)
      SELECT gr.id, c.id, 'admitted'
        FROM generate_series(1, ${sql.lit(cities)}) g
        JOIN discussion_groups gr ON gr.name = 'Bench group ' || ((g - 1) / ${sql.lit(CITIES_PER_GROUP)} + 1)
        JOIN cities c ON c.slug = 'bench-city-' || g`.execute(db);
    await sql`INSERT INTO group_threads (group_id, title, created_by, post_count, created_at, last_post_at)
      SELECT gr.id, 'Thread ' || n || ' of ' || gr.name, ${facilitator.id}, ${sql.lit(POSTS_PER_THREAD)}, now() - interval '30 days', now() - (n || ' hours')::interval
        FROM discussion_groups gr CROSS JOIN generate_series(1, ${sql.lit(THREADS_PER_GROUP)}) n WHERE gr.name LIKE 'Bench group %'`.execute(db);
    // Posts by the group's participants, spread evenly over the last 30 days.
    // (Constants are written as literals: they are ours, and the planner needs their types.)
    await sql`INSERT INTO group_posts (thread_id, author_id, body_html, created_at)
      SELECT t.id, p.id,
             '<p>Post ' || n || ': how we plan district heating, superblocks and renovation one-stop-shops.</p>',
             now() - ((n * ${sql.lit(THREADS_PER_GROUP)} + substring(t.title from 'Thread ([0-9]+)')::int) * (30 * 24 * 3600.0 / (${sql.lit(POSTS_PER_THREAD)} * ${sql.lit(THREADS_PER_GROUP)})) || ' seconds')::interval
        FROM group_threads t
        JOIN discussion_groups gr ON gr.id = t.group_id AND gr.name LIKE 'Bench group %'
        CROSS JOIN generate_series(1, ${sql.lit(POSTS_PER_THREAD)}) n
        JOIN people p ON p.email = 'bench' || (((substring(gr.name from 'Bench group ([0-9]+)')::int - 1) * ${sql.lit(CITIES_PER_GROUP * PEOPLE_PER_CITY)}) + 1 + n % ${sql.lit(CITIES_PER_GROUP * PEOPLE_PER_CITY)}) || '@example.org'`.execute(db);
    // The state a live database is in: autovacuum would otherwise start on the
    // million new rows (visibility map, statistics) while the load runs, and
    // the checkpointer would still be writing them out.
    await sql`VACUUM (ANALYZE)`.execute(db);
    await sql`CHECKPOINT`.execute(db);
    const postCount = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM group_posts`.execute(db)).rows[0]?.n ?? 0;
    lines.push(`Seeded ${GROUPS} groups, ${cities} cities, ${people} participants, ${GROUPS * THREADS_PER_GROUP} threads, ${postCount} posts in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  }

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  // Each connection is a different participant of group 1 (signed in on their
  // own), reading and posting in the group's threads.
  const signIn = (email: string) => signInOverHttp(address, email, DEMO_PASSWORD);
  const headers: Record<string, string>[] = [];
  for (let i = 1; i <= CONCURRENCY; i++) headers.push(await signIn(`bench${i}@example.org`));
  const threads = (
    await db.selectFrom('group_threads as t').innerJoin('discussion_groups as g', 'g.id', 't.group_id').select('t.id').where('g.name', '=', 'Bench group 1').execute()
  ).map((r) => r.id);
  const pages = Math.max(1, Math.ceil(POSTS_PER_THREAD / 50));
  const reads: RequestSpec[] = threads.flatMap((id, n) => Array.from({ length: pages }, (_, p) => ({ path: `/api/threads/${id}?page=${((n + p) % pages) + 1}` })));
  const replies: RequestSpec[] = threads.map((id) => ({ path: `/api/threads/${id}/posts`, method: 'POST', body: JSON.stringify({ body: '<p>Thanks, very useful for our heat plan.</p>' }) }));
  const results: [string, LoadResult][] = [];
  results.push(['read a thread page: GET /api/threads/:id?page=N (50 posts)', await httpLoadInWorker(address, reads, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: 50_000, headers })]);
  results.push(['post a reply: POST /api/threads/:id/posts', await httpLoadInWorker(address, replies, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: 20_000, headers })]);
  lines.push('', `${CONCURRENCY} concurrent keep-alive connections on 127.0.0.1, ${SECONDS} s per scenario, each signed in as a different participant of group 1, after 2 s of warm-up at the same concurrency; database pool of ${config.database.kind === 'postgres' ? config.database.poolSize : 0} connections.`, '');
  lines.push('| request | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | req/s |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [label, r] of results) lines.push(`| ${label} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} |`);

  // A reused database had its digest cursors moved on by the previous run.
  if (reuse) {
    await sql`DELETE FROM digest_cursors`.execute(db);
    await sql`DELETE FROM outbox WHERE subject LIKE 'peercities: % in your discussion groups'`.execute(db);
  }
  const d0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const sent = await sendDailyDigests(db, new Date(), 'http://127.0.0.1');
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const digestSeconds = (performance.now() - d0) / 1000;
  const outbox = (await sql<{ n: number; mb: number }>`SELECT count(*)::int AS n, (sum(length(text_body)) / 1048576.0)::float AS mb FROM outbox WHERE subject LIKE 'peercities: % in your discussion groups'`.execute(db)).rows[0];
  lines.push(
    '',
    `Daily digest for every member: ${sent} emails (${outbox?.n ?? 0} in the outbox, ${(outbox?.mb ?? 0).toFixed(0)} MiB of text) in ${digestSeconds.toFixed(1)} s; ` +
      `RSS ${(rss0 / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB during (sampled every 100 ms).`,
  );
} finally {
  await app.close();
  if (keep) process.stderr.write(`kept database ${url}\n`);
  else await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(lines.join('\n'));
