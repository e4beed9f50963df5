// npm run bench:surveys — survey results at the scale of all Europe, on PostgreSQL (issue 22).
//
// A fresh database on BENCH_DATABASE_URL's server (dropped afterwards),
// migrated, without the demo data: 10,000 cities in 27 countries, one
// representative each, invited to a 40-question survey (every kind of
// question) that every city answered; the answer rows are what answering
// stores (answerRows(), through results-fixtures.ts), about 600,000. Then the
// results service for the whole population and for one country (the largest,
// about a fifth of the cities), the segment comparison by country, a page of
// text answers, and the XLSX and CSV exports of all 10,000 answers streamed
// into a sink that drops the bytes, with the peak RSS sampled every 20 ms.
//
//   npm run bench:surveys
//   BENCH_CITIES=2000 BENCH_RUNS=10 npm run bench:surveys
//   BENCH_KEEP=1 npm run bench:surveys   (keeps the database, to look at plans afterwards)

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { seededRandom } from '../src/domain/matching/seeded-random.ts';
import { SECTOR_CODES, SYSTEMIC_LEVER_CODES } from '../src/domain/reference/sectors.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { adminQuery, databaseUrl } from '../src/server/test-support/database-snapshots.ts';
import { insertInvitations, insertResponses, insertSurvey, type FixtureCity, type FixtureResponse } from '../src/server/modules/surveys/results-fixtures.ts';
import { segmentComparison, surveyResults, textAnswers } from '../src/server/modules/surveys/results.service.ts';
import { surveyExport } from '../src/server/modules/surveys/survey-export.ts';
import type { SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../src/shared/survey.schemas.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CITIES = Number(process.env.BENCH_CITIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE', 'CZ', 'GR', 'PT', 'SE', 'HU', 'AT', 'BG', 'DK', 'FI', 'SK', 'IE', 'HR', 'LT', 'SI', 'LV', 'EE', 'CY', 'LU', 'MT'];

const opts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ value: `${prefix}-${i + 1}`, label: `${prefix} option ${i + 1}` }));
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `item-${i + 1}`, label: `Item ${i + 1}` }));

/** 40 questions of every kind: 8 single, 6 multiple, 6 ratings, 4 matrices of 5 items, 2 rankings, 4 numbers, 4 texts, country, city, 2 sectors, 2 levers. */
function definition(): SurveyDefinition {
  const q: SurveyQuestion[] = [];
  for (let i = 1; i <= 8; i++) q.push({ id: `single-${i}`, type: 'single', required: i <= 4, text: `Single choice ${i}`, options: opts(`s${i}`, 5) });
  for (let i = 1; i <= 6; i++) q.push({ id: `multiple-${i}`, type: 'multiple', required: i <= 3, text: `Multiple choice ${i}`, options: opts(`m${i}`, 6), max: 3 });
  for (let i = 1; i <= 6; i++) q.push({ id: `rating-${i}`, type: 'rating', scale: i % 2 ? '1-5' : '0-10', required: true, text: `Rating ${i}` });
  for (let i = 1; i <= 4; i++) q.push({ id: `matrix-${i}`, type: 'matrix', scale: '1-5', required: false, text: `Matrix ${i}`, items: items(5) });
  for (let i = 1; i <= 2; i++) q.push({ id: `ranking-${i}`, type: 'ranking', required: false, text: `Ranking ${i}`, options: opts(`r${i}`, 4) });
  for (let i = 1; i <= 4; i++) q.push({ id: `number-${i}`, type: 'number', required: false, text: `Number ${i}`, min: 0, max: 100, integer: true });
  for (let i = 1; i <= 4; i++) q.push({ id: `text-${i}`, type: i % 2 ? 'short-text' : 'long-text', required: false, text: `Text ${i}` });
  q.push({ id: 'country', type: 'country', required: false, text: 'Country' });
  q.push({ id: 'city', type: 'city', required: false, text: 'City' });
  for (let i = 1; i <= 2; i++) q.push({ id: `sector-${i}`, type: 'sector', multiple: true, max: 3, required: false, text: `Sectors ${i}` });
  for (let i = 1; i <= 2; i++) q.push({ id: `lever-${i}`, type: 'lever', multiple: true, max: 3, required: false, text: `Levers ${i}` });
  return { sections: [{ id: 'all', title: 'All questions', questions: q }] };
}

const SECTORS = SECTOR_CODES;
const LEVERS = SYSTEMIC_LEVER_CODES;

function answersFor(def: SurveyDefinition, random: () => number, cityIds: readonly string[]): SurveyAnswers {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T,>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
  const answers: SurveyAnswers = {};
  for (const q of def.sections[0]!.questions) {
    if (!q.required && random() < 0.2) continue;
    switch (q.type) {
      case 'single':
        answers[q.id] = pick(q.options).value;
        break;
      case 'multiple':
        answers[q.id] = some(q.options.map((o) => o.value), 3);
        break;
      case 'rating':
        answers[q.id] = q.scale === '1-5' ? 1 + Math.floor(random() * 5) : Math.floor(random() * 11);
        break;
      case 'matrix':
        answers[q.id] = Object.fromEntries(q.items.map((it) => [it.value, 1 + Math.floor(random() * 5)]));
        break;
      case 'ranking':
        answers[q.id] = q.options.map((o) => o.value).sort(() => random() - 0.5);
        break;
      case 'number':
        answers[q.id] = Math.floor(random() * 101);
        break;
      case 'short-text':
      case 'long-text':
        if (random() < 0.5) answers[q.id] = `Our city needs help with ${pick(['district heating', 'renovation', 'cycling', 'procurement', 'citizen assemblies'])} (${Math.floor(random() * 1000)}).`;
        break;
      case 'country':
        answers[q.id] = pick(COUNTRIES);
        break;
      case 'city':
        answers[q.id] = pick(cityIds);
        break;
      case 'sector':
        answers[q.id] = some(SECTORS, 3);
        break;
      case 'lever':
        answers[q.id] = some(LEVERS, 3);
        break;
      default:
        break;
    }
  }
  return answers;
}

const quantile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
async function timed(label: string, run: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `| ${label} | ${RUNS} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${times[0]!.toFixed(1)} |`;
}

/** Streams an export into a sink that drops the bytes; the peak RSS is sampled every 20 ms. */
async function exportToNull(stream: NodeJS.ReadableStream): Promise<{ bytes: number; seconds: number; peakMiB: number; beforeMiB: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    sink.on('finish', resolve);
    sink.on('error', reject);
    stream.on('error', reject);
    stream.pipe(sink);
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { bytes, seconds: (performance.now() - t0) / 1000, peakMiB: peak / 2 ** 20, beforeMiB: before / 2 ** 20 };
}

const name = `peercities_bench_surveys_${randomBytes(4).toString('hex')}`;
await adminQuery(ADMIN_URL, `CREATE DATABASE ${name}`);
const url = databaseUrl(ADMIN_URL, name);
const config: Config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', MAIL_WORKER_INTERVAL_MS: '600000', SCHEDULER_INTERVAL_MS: '3600000', DATABASE_URL: url });
const app = await buildApp(config);
const lines: string[] = [];
const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(' ');
try {
  const db = app.db;
  const t0 = performance.now();
  // Countries weighted like Europe's (the first has about a fifth of the cities).
  const weights = COUNTRIES.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  await sql`INSERT INTO cities (slug, name, country, kind, latitude, longitude, population)
    SELECT 'bench-city-' || g, 'Bench city ' || g, 'DE', CASE WHEN g % 10 = 0 THEN 'mission' ELSE 'aspiring' END, 48 + (g % 100) / 20.0, 8 + (g % 50) / 10.0,
           CASE WHEN g % 17 = 0 THEN NULL ELSE (10000 + (g * 7919) % 1500000) END
      FROM generate_series(1, ${sql.lit(CITIES)}) g`.execute(db);
  let from = 1;
  for (const [i, country] of COUNTRIES.entries()) {
    const to = i === COUNTRIES.length - 1 ? CITIES : from + Math.round((CITIES * weights[i]!) / total) - 1;
    await sql`UPDATE cities SET country = ${country} WHERE slug LIKE 'bench-city-%' AND substring(slug from 12)::int BETWEEN ${from} AND ${to}`.execute(db);
    from = to + 1;
  }
  await sql`INSERT INTO people (email, name) SELECT 'bench' || g || '@example.org', 'Bench person ' || g FROM generate_series(1, ${sql.lit(CITIES)}) g`.execute(db);
  const cities = (await db.selectFrom('cities').select(['id', 'slug', 'country', 'kind', 'population']).where('slug', 'like', 'bench-city-%').orderBy('slug').execute()) as (FixtureCity & { slug: string })[];
  const people = new Map((await db.selectFrom('people').select(['id', 'email']).where('email', 'like', 'bench%@example.org').execute()).map((p) => [p.email, p.id]));
  const personOf = (slug: string) => people.get(`bench${slug.slice('bench-city-'.length)}@example.org`)!;

  const def = definition();
  const survey = await insertSurvey(db, { definition: def, title: 'Bench: what support does your city need?' });
  await insertInvitations(db, survey.id, cities.map((c) => ({ personId: personOf(c.slug), cityId: c.id, answered: true })));
  const random = seededRandom(20261208);
  const cityIds = cities.map((c) => c.id);
  const responses: FixtureResponse[] = cities.map((c, i) => ({ city: c, personId: personOf(c.slug), answers: answersFor(def, random, cityIds), submittedOn: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}` }));
  await insertResponses(db, survey, responses, 1000);
  await sql`VACUUM (ANALYZE)`.execute(db);
  await sql`CHECKPOINT`.execute(db);
  const counts = (await sql<{ responses: number; answers: number }>`SELECT (SELECT count(*)::int FROM survey_responses) AS responses, (SELECT count(*)::int FROM survey_answers) AS answers`.execute(db)).rows[0]!;
  const largest = (await sql<{ country: string; n: number }>`SELECT country, count(*)::int AS n FROM survey_responses GROUP BY 1 ORDER BY 2 DESC LIMIT 1`.execute(db)).rows[0]!;
  lines.push(
    `Seeded ${cities.length} cities in ${COUNTRIES.length} countries, ${counts.responses} responses to a ${def.sections[0]!.questions.length}-question survey, ${counts.answers} answer rows in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    '',
    `Service calls on one database connection pool (${config.database.kind === 'postgres' ? config.database.poolSize : 0} connections), 2 warm-up runs then ${RUNS} timed runs each; times in ms.`,
    '',
    '| call | runs | p50 | p95 | best |',
    '|---|---:|---:|---:|---:|',
  );
  lines.push(await timed(`results, whole population (${counts.responses} responses)`, () => surveyResults(db, { id: survey.id, filters: {} })));
  lines.push(await timed(`results, one country (${largest.country}, ${largest.n} responses)`, () => surveyResults(db, { id: survey.id, filters: { country: largest.country } })));
  lines.push(await timed('results, one country and kind (mission cities)', () => surveyResults(db, { id: survey.id, filters: { country: largest.country, cityKind: 'mission' } })));
  lines.push(await timed('segments by country', () => segmentComparison(db, { id: survey.id, by: 'country', filters: {} })));
  lines.push(await timed('text answers, search "heating", page 1 of 25', () => textAnswers(db, { id: survey.id, questionId: 'text-1', filters: {}, q: 'heating', page: 1, pageSize: 25 })));

  // The plans of the two answer-count statements (the largest part of a results call).
  for (const [label, filter] of [
    ['whole population', sql``],
    [`one country (${largest.country})`, sql`AND a.response_id IN (SELECT r.id FROM survey_responses r WHERE r.survey_id = ${survey.id} AND r.country = ${largest.country})`],
  ] as const) {
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) SELECT a.question_id, a.item, a.choice, a.number, count(*) FROM survey_answers a WHERE a.survey_id = ${survey.id} ${filter} GROUP BY 1, 2, 3, 4`.execute(db);
    lines.push('', `Plan of the answer counts, ${label}:`, '', '```', ...plan.rows.map((r) => r['QUERY PLAN']), '```');
  }

  lines.push('', '| export | rows | size (MiB) | time (s) | RSS before (MiB) | peak RSS during (MiB) |', '|---|---:|---:|---:|---:|---:|');
  for (const format of ['xlsx', 'csv'] as const) {
    const file = await surveyExport(db, { id: survey.id, format, filters: {} });
    const r = await exportToNull(file.stream);
    lines.push(`| ${format.toUpperCase()}, all answers | ${counts.responses} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${r.seconds.toFixed(1)} | ${r.beforeMiB.toFixed(0)} | ${r.peakMiB.toFixed(0)} |`);
  }
} finally {
  await app.close();
  if (process.env.BENCH_KEEP === '1') process.stderr.write(`kept database ${url}\n`);
  else await adminQuery(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at start ${loadAtStart}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(lines.join('\n'));
