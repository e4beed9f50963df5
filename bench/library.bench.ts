// npm run bench:library — the library at the scale of all Europe.
//
// For each engine (a fresh PostgreSQL database on BENCH_DATABASE_URL's server,
// dropped afterwards; then embedded PGlite in memory): build the platform
// with its demo data, add synthetic cities up to 10,000 and synthetic
// solutions up to 100,000 (texts drawn from the demo solutions, so full-text
// search meets realistic words), listen on 127.0.0.1 and measure three
// requests with 10 concurrent keep-alive connections (the client runs in a
// worker thread): a search with a text query and two facets, the same for a
// different query each time, a city page, and the map data; and the registry's
// city search while typing (issue 18: 2–4 letters and accent-free spellings
// over 10,000 cities named after real European places, with 100,000 people
// on the platform). Prints a markdown table.
//
//   npm run bench:library                     both engines
//   npm run bench:library -- --only postgres  one engine
//   npm run bench:library -- --only postgres --scenario city-search   the city search only
//   BENCH_SECONDS=10 BENCH_SOLUTIONS=100000 BENCH_CITIES=10000 npm run bench:library

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { DEMO_SOLUTIONS } from '../src/server/seed/demo-solutions-data.ts';
import { PLACE_TABLE_PATH, type PlaceRow } from '../src/server/lib/geonames-places.ts';
import { readFileSync } from 'node:fs';
import { refreshCitySolutionStats } from '../src/server/modules/solutions/solutions.repository.ts';
import { adminQuery, databaseUrl } from '../src/server/test-support/database-snapshots.ts';
import { httpLoadInWorker, type RequestSpec } from './lib/http-load.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CITIES = Number(process.env.BENCH_CITIES ?? 10_000);
const SOLUTIONS = Number(process.env.BENCH_SOLUTIONS ?? 100_000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 20_000);
const CONCURRENCY = 10;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const onlyScenario = process.argv.includes('--scenario') ? process.argv[process.argv.indexOf('--scenario') + 1] : undefined;

/** Real European place names (GeoNames, largest first): the registry's search meets accents, Ł, ß and long names as people type them. */
const PLACE_NAMES = (JSON.parse(readFileSync(PLACE_TABLE_PATH, 'utf8')) as PlaceRow[]).map((row) => row[1]);

/** What people type while looking for a city: 2–4 letters (then the whole name), without accents. */
const CITY_QUERIES = [
  'kr', 'kra', 'krak', 'krakow', 'ma', 'mal', 'malm', 'malmo', 'lo', 'lod', 'lodz', 'zu', 'zur', 'zuri', 'mu', 'mun', 'munc', 'munchen',
  'be', 'ber', 'berl', 'ko', 'kol', 'koln', 'wr', 'wro', 'wroc', 'gd', 'gda', 'gdan', 'sa', 'san', 'sant', 'ca', 'cad', 'pa', 'par', 'pari',
  'li', 'lis', 'lisb', 'st', 'sto', 'stoc', 'ar', 'arh', 'aarh', 'ge', 'gen', 'geno', 'la', 'lah', 'to', 'tor', 'turk', 'es', 'esp', 'sevi',
];

const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE', 'CZ', 'SE', 'PT', 'GR', 'HU', 'AT', 'BG', 'DK', 'FI', 'SK', 'IE', 'HR', 'LT', 'SI', 'LV', 'EE', 'NO', 'CH', 'GB', 'TR'];

interface Row {
  engine: string;
  scenario: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  bytes: number;
}

/** Synthetic cities up to CITIES and solutions up to SOLUTIONS, in a handful of set-based statements. */
async function seedScale(app: Awaited<ReturnType<typeof buildApp>>) {
  const db = app.db;
  const started = performance.now();
  const existing = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cities`.execute(db)).rows[0]?.n ?? 0;
  const missing = Math.max(0, CITIES - existing);
  await sql`
    INSERT INTO cities (slug, name, country, kind, latitude, longitude, population, languages, climate_target_year, sectors_of_interest)
    SELECT 'bench-city-' || g, (${PLACE_NAMES}::text[])[1 + (g - 1) % ${PLACE_NAMES.length}], (${COUNTRIES}::text[])[1 + g % ${COUNTRIES.length}], 'aspiring',
      36 + ((g * 7919) % 3200) / 100.0, -9 + ((g * 104729) % 4000) / 100.0, 5000 + (g * 7907) % 600000,
      ARRAY['en'], 2040 + (g % 3) * 5,
      CASE g % 4 WHEN 0 THEN ARRAY['energy','buildings'] WHEN 1 THEN ARRAY['mobility','circular-economy']
        WHEN 2 THEN ARRAY['industry','energy'] ELSE ARRAY['nature-based-solutions','buildings'] END
    FROM generate_series(1, ${missing}::int) AS g`.execute(db);
  const current = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM solutions`.execute(db)).rows[0]?.n ?? 0;
  const templates = DEMO_SOLUTIONS.filter((s) => !s.draft).map((s, i) => ({ i, title: s.title, summary: s.summary, sectors: s.sectors, lever: s.lever }));
  const batch = 20_000;
  for (let from = 1; from <= SOLUTIONS - current; from += batch) {
    const to = Math.min(SOLUTIONS - current, from + batch - 1);
    await sql`
      WITH ids AS (SELECT array_agg(id ORDER BY slug) AS a, count(*)::int AS n FROM cities),
           t AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(templates)}::jsonb) AS x(i int, title text, summary text, sectors text[], lever text))
      INSERT INTO solutions (city_id, title, summary, body_html, sectors, lever, stage, impact_tco2e_per_year, cost_range, visitable,
                             start_year, end_year, tags, language, status, published_at, demo)
      SELECT ids.a[1 + (g * 7919) % ids.n], t.title || ' ' || g, t.summary, '<p>' || t.summary || '</p>', t.sectors, t.lever,
        (ARRAY['planned','in_progress','implemented'])[1 + g % 3], (g * 37) % 50000, (ARRAY['under_100k','100k_1m','1m_10m','10m_100m'])[1 + g % 4],
        g % 4 = 0, 2020 + g % 6, 2028 + g % 5, ARRAY['bench'], 'en', 'published', now() - make_interval(secs => g), true
      FROM generate_series(${from}::int, ${to}::int) AS g, ids, t
      WHERE t.i = g % ${templates.length}`.execute(db);
  }
  await refreshCitySolutionStats(db, null);
  // People up to PEOPLE (no password: they do not sign in here); two representatives per city, a tenth listed publicly.
  const people = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM people`.execute(db)).rows[0]?.n ?? 0;
  await sql`
    INSERT INTO people (email, name, directory_opt_in, newsletter_opt_in)
    SELECT 'bench-person-' || g || '@bench.example', 'Bench Person ' || g, g % 10 = 0, g % 7 = 0
    FROM generate_series(1, ${Math.max(0, PEOPLE - people)}::int) AS g`.execute(db);
  await sql`
    WITH p AS (SELECT id, row_number() OVER (ORDER BY email) AS rn FROM people WHERE email LIKE 'bench-person-%'),
         c AS (SELECT id, row_number() OVER (ORDER BY slug) AS rn, count(*) OVER () AS n FROM cities)
    INSERT INTO role_grants (person_id, role, city_id)
    SELECT p.id, 'city_representative', c.id FROM p JOIN c ON c.rn = 1 + p.rn % c.n WHERE p.rn <= 2 * c.n
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`ANALYZE`.execute(db);
  const counts = await sql<{ c: number; s: number; p: number }>`
    SELECT (SELECT count(*)::int FROM cities) AS c, (SELECT count(*)::int FROM solutions) AS s, (SELECT count(*)::int FROM people) AS p`.execute(db);
  return { cities: counts.rows[0]?.c ?? 0, solutions: counts.rows[0]?.s ?? 0, people: counts.rows[0]?.p ?? 0, seconds: (performance.now() - started) / 1000 };
}

async function benchEngine(engine: 'postgres' | 'pglite'): Promise<{ rows: Row[]; seed: string }> {
  let database: Config['database'];
  let drop = async () => {};
  if (engine === 'postgres') {
    const name = `peercities_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(ADMIN_URL, `CREATE DATABASE ${name}`);
    const url = databaseUrl(ADMIN_URL, name);
    database = { kind: 'postgres', url, poolSize: 10 };
    drop = async () => {
      if (process.env.BENCH_KEEP === '1') return void process.stderr.write(`kept database ${url}\n`);
      await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  } else {
    database = { kind: 'pglite', dataDir: 'memory://' };
  }
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10', MAIL_WORKER_INTERVAL_MS: '600000', HOST: '127.0.0.1', PORT: '0' }),
    database,
  };
  const app = await buildApp(config);
  try {
    const seeded = await seedScale(app);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const slugs = (await app.db.selectFrom('cities').select('slug').execute()).map((c) => c.slug);
    const cityPages = Array.from({ length: 5000 }, (_, n) => ({ path: `/api/cities/${slugs[(n * 7919) % slugs.length]}` }));
    // 1,008 different searches (text × country × sector × stage): each is computed, not taken from the cache, the first time.
    const varied: RequestSpec[] = [];
    for (const q of ['district%20heating', 'renovation'])
      for (const country of COUNTRIES)
        for (const sector of ['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions'])
          for (const stage of ['planned', 'in_progress', 'implemented']) varied.push({ path: `/api/solutions?q=${q}&sector=${sector}&country=${country}&stage=${stage}` });
    const shuffled = varied.map((v, i) => ({ v, k: (i * 7919) % varied.length })).sort((a, b) => a.k - b.k).map((x) => x.v);
    // The city picker asks for 8 matches (src/web/components/city-picker.tsx); each query once in turn, with and without a country.
    const citySearches = CITY_QUERIES.flatMap((q) => [{ path: `/api/cities?q=${q}&pageSize=8` }, { path: `/api/cities?q=${q}&pageSize=8&country=PL` }]);
    const candidates: { name: string; specs: RequestSpec[] }[] = [
      { name: 'search: q="district heating" + sector=energy,buildings + country=DE', specs: [{ path: '/api/solutions?q=district%20heating&sector=energy,buildings&country=DE' }] },
      { name: 'search: q=renovation + stage=in_progress + mission=aspiring, page 3', specs: [{ path: '/api/solutions?q=renovation&stage=in_progress&mission=aspiring&page=3' }] },
      { name: 'search, a different query each time (1,008 distinct, computed on first use): q + country + sector + stage', specs: shuffled },
      { name: 'city page: GET /api/cities/:slug (a different city each time)', specs: cityPages },
      { name: 'map data: GET /api/map/cities (all cities)', specs: [{ path: '/api/map/cities' }] },
      { name: 'map data: GET /api/map/cities?sector=industry&kind=mission', specs: [{ path: '/api/map/cities?sector=industry&kind=mission' }] },
      // What the machine gives any request at this load: a public answer without the database.
      { name: 'city-search baseline: GET /api/site (no database)', specs: [{ path: '/api/site' }] },
      { name: `city-search: GET /api/cities?q= while typing (${citySearches.length} distinct: 2–4 letters and whole names, accent-free, ± country), pageSize 8`, specs: citySearches },
    ];
    const scenarios = candidates.filter((s) => !onlyScenario || s.name.startsWith(onlyScenario));
    const rows: Row[] = [];
    for (const s of scenarios) {
      const result = await httpLoadInWorker(address, s.specs, { concurrency: CONCURRENCY, seconds: SECONDS, maxRequests: MAX_REQUESTS }, [200]);
      rows.push({ engine, scenario: s.name, ...result });
      process.stderr.write(`${engine} ${s.name}: p95 ${result.p95.toFixed(1)} ms, ${result.rps.toFixed(0)} req/s\n`);
    }
    return { rows, seed: `${engine}: ${seeded.cities} cities, ${seeded.solutions} solutions, ${seeded.people} people seeded in ${seeded.seconds.toFixed(1)} s` };
  } finally {
    await app.close();
    await drop();
  }
}

const engines = (['postgres', 'pglite'] as const).filter((e) => !only || e === only);
const all: Row[] = [];
const seeds: string[] = [];
for (const engine of engines) {
  const { rows, seed } = await benchEngine(engine);
  all.push(...rows);
  seeds.push(seed);
}
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const s of seeds) console.log(`- ${s}`);
console.log(`\n${CONCURRENCY} concurrent connections, ${SECONDS} s per scenario (at most ${MAX_REQUESTS} requests), after 2 s of warm-up at the same concurrency.\n`);
console.log('| engine | request | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | req/s | response (bytes) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of all) {
  console.log(`| ${r.engine} | ${r.scenario} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.bytes} |`);
}
