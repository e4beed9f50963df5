// Matching benchmark: one process, one markdown table (see bench/README.md).
//
//   npm run bench:match
//
// Times are solve times inside this process (performance.now around the call;
// instance generation and file parsing excluded). Fast solvers: one warm-up,
// then the best of several runs, ours and the reference interleaved so both
// see the same machine load (the 2-core machine is shared; the minimum is the
// estimate least disturbed by other processes). HiGHS: a single run.
// Memory: peak RSS of the process so far (process.resourceUsage().maxRSS) and
// the V8 heap in use right after the solve. The 10,000 × 500 case runs first
// so that its peak RSS is not inflated by the dense matrices of later cases.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import highsLoader, { type Highs } from 'highs';
import munkres from 'munkres';
import { solveDenseAssignment } from '../src/domain/matching/dense-assignment.ts';
import type { MatchingInstance } from '../src/domain/matching/matching-instance.ts';
import { parseMatchingInstance } from '../src/domain/matching/matching-instance.ts';
import { parseOrLibraryAssignment, type CostMatrix } from '../src/domain/matching/orlib-assignment.ts';
import { randomMatchingInstance } from '../src/domain/matching/random-instance.ts';
import { randomInt, seededRandom } from '../src/domain/matching/seeded-random.ts';
import { solveMatching } from '../src/domain/matching/solve-matching.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const orlibDir = path.resolve(repoRoot, '..', 'shared', 'benchmarks', 'orlib-assign');
const publishedOptima: Record<string, number> = {
  assign100: 305,
  assign200: 475,
  assign300: 626,
  assign400: 804,
  assign500: 991,
  assign600: 1176,
  assign700: 1362,
  assign800: 1552,
};

interface Row {
  name: string;
  oursMs: number;
  oursObjective: number;
  reference: string;
  referenceMs: number;
  referenceObjective: number;
  highsMs: number | undefined;
  highsObjective: number | undefined;
  note: string;
  peakRssMiB: number;
  heapMiB: number;
}

const rows: Row[] = [];

/** Warms both up, then alternates them `runs` times; returns each one's best time and last value. */
function race<A, B>(ours: () => A, reference: () => B, runs: number): { ours: { ms: number; value: A }; reference: { ms: number; value: B } } {
  let a = ours();
  let b = reference();
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    a = ours();
    bestA = Math.min(bestA, performance.now() - start);
    start = performance.now();
    b = reference();
    bestB = Math.min(bestB, performance.now() - start);
  }
  return { ours: { ms: bestA, value: a }, reference: { ms: bestB, value: b } };
}

/** Best of `runs` after a warm-up. */
function timeIt<T>(fn: () => T, runs: number): { ms: number; value: T } {
  let value = fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function heapMiB(): number {
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function objectiveOf(result: ReturnType<typeof solveMatching>): number {
  if (result.status === 'infeasible') throw new Error(`unexpected infeasible: ${result.reason}`);
  return result.objective;
}

function denseTotal(matrix: CostMatrix, rowToCol: Int32Array): number {
  let total = 0;
  for (let i = 0; i < matrix.n; i++) total += matrix.cost[i * matrix.n + rowToCol[i]!]!;
  return total;
}

function munkresTotal(matrix: CostMatrix, pairs: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (const [i, j] of pairs) total += matrix.cost[i * matrix.n + j]!;
  return total;
}

/** Maximise (101 − cost) over an all-positive complete graph: the same optimum as min cost, as an LP for HiGHS. */
function profitInstance(matrix: CostMatrix, offset: number): MatchingInstance {
  const { n, cost } = matrix;
  const pairs: MatchingInstance['pairs'] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pairs.push({ applicant: `a${i}`, host: `h${j}`, score: offset - cost[i * n + j]! });
  return {
    hosts: Array.from({ length: n }, (_, j) => ({ id: `h${j}`, capacity: 1 })),
    applicants: Array.from({ length: n }, (_, i) => ({ id: `a${i}` })),
    pairs,
    rules: { placeAsManyAsPossible: false, locked: [], forbidden: [] },
  };
}

function toRows(matrix: CostMatrix): number[][] {
  return Array.from({ length: matrix.n }, (_, i) => Array.from(matrix.cost.subarray(i * matrix.n, (i + 1) * matrix.n)));
}

function benchLargeSparse(highs: Highs): void {
  const input = randomMatchingInstance({
    applicants: 10_000,
    hosts: 500,
    capacity: 20,
    candidatesPerApplicant: 50,
    countries: 15,
    maxPerCountryPerHost: 1,
    seed: 20250501,
  });
  const parseStart = performance.now();
  const parsed = parseMatchingInstance(input);
  const parseMs = performance.now() - parseStart;
  if (!parsed.success) throw new Error(parsed.errors.join('\n'));
  const instance = parsed.instance;
  const ours = timeIt(() => solveMatching(instance), 5);
  const rss = peakRssMiB();
  const heap = heapMiB();
  const viaHighs = timeOnce(() => solveMatching(instance, { algorithm: 'highs', highs }));
  const placed = ours.value.status === 'infeasible' ? 0 : ours.value.assignments.length;
  rows.push({
    name: '10,000 × 500, cap 20, 50 candidates (500,000 pairs), ≤ 1 per country per host, 15 countries',
    oursMs: ours.ms,
    oursObjective: objectiveOf(ours.value),
    reference: 'HiGHS LP',
    referenceMs: viaHighs.ms,
    referenceObjective: objectiveOf(viaHighs.value),
    highsMs: viaHighs.ms,
    highsObjective: objectiveOf(viaHighs.value),
    note: `${placed} placed; zod parse + reference checks ${parseMs.toFixed(0)} ms (not in solve time)`,
    peakRssMiB: rss,
    heapMiB: heap,
  });
}

function benchOrLibrary(highs: Highs): void {
  if (!existsSync(orlibDir)) {
    console.error(`OR-Library folder ${orlibDir} is absent: its rows are skipped.`);
    return;
  }
  for (const name of Object.keys(publishedOptima)) {
    const matrix = parseOrLibraryAssignment(readFileSync(path.join(orlibDir, `${name}.txt`), 'utf8'));
    const rowsForMunkres = toRows(matrix);
    const { ours, reference } = race(() => solveDenseAssignment(matrix.cost, matrix.n, matrix.n), () => munkres(rowsForMunkres), 7);
    const rss = peakRssMiB();
    const heap = heapMiB();
    const viaHighs = timeOnce(() => solveMatching(profitInstance(matrix, 101), { algorithm: 'highs', highs }));
    const highsCost = 101 * matrix.n - objectiveOf(viaHighs.value);
    rows.push({
      name: `OR-Library ${name} (n = ${matrix.n})`,
      oursMs: ours.ms,
      oursObjective: denseTotal(matrix, ours.value),
      reference: 'munkres',
      referenceMs: reference.ms,
      referenceObjective: munkresTotal(matrix, reference.value),
      highsMs: viaHighs.ms,
      highsObjective: highsCost,
      note: `published optimum ${publishedOptima[name]}; HiGHS time includes building the LP`,
      peakRssMiB: rss,
      heapMiB: heap,
    });
  }
}

function benchDense2000(): void {
  const n = 2000;
  const random = seededRandom(20250502);
  const cost = new Float64Array(n * n);
  for (let k = 0; k < cost.length; k++) cost[k] = randomInt(random, 100_000);
  const matrix = { n, cost };
  const rowsForMunkres = toRows(matrix);
  const { ours, reference } = race(() => solveDenseAssignment(cost, n, n), () => munkres(rowsForMunkres), 3);
  const rss = peakRssMiB();
  const heap = heapMiB();
  rows.push({
    name: 'dense 2,000 × 2,000, integer costs uniform in [0, 100,000)',
    oursMs: ours.ms,
    oursObjective: denseTotal(matrix, ours.value),
    reference: 'munkres',
    referenceMs: reference.ms,
    referenceObjective: munkresTotal(matrix, reference.value),
    highsMs: undefined,
    highsObjective: undefined,
    note: 'HiGHS not run: 4,000,000 columns exceed what its WebAssembly build handles in reasonable time/memory; checked against munkres',
    peakRssMiB: rss,
    heapMiB: heap,
  });
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

function printTable(): void {
  const lines = [
    '| case | ours (ms) | reference | reference (ms) | HiGHS (ms) | objective ours | objective reference / HiGHS | equal | peak RSS (MiB) | heap (MiB) | note |',
    '|---|---:|---|---:|---:|---:|---:|:-:|---:|---:|---|',
  ];
  let allEqual = true;
  for (const row of rows) {
    const same = (x: number | undefined) => x === undefined || Math.abs(x - row.oursObjective) <= 1e-6 * Math.max(1, Math.abs(x));
    const equal = same(row.referenceObjective) && same(row.highsObjective);
    allEqual &&= equal;
    const others = row.highsObjective === undefined || row.highsObjective === row.referenceObjective
      ? `${row.referenceObjective}`
      : `${row.referenceObjective} / ${row.highsObjective}`;
    lines.push(
      `| ${row.name} | ${fmt(row.oursMs)} | ${row.reference} | ${fmt(row.referenceMs)} | ${row.highsMs === undefined ? '—' : fmt(row.highsMs)} | ${row.oursObjective} | ${others} | ${equal ? 'yes' : 'NO'} | ${row.peakRssMiB.toFixed(0)} | ${row.heapMiB.toFixed(0)} | ${row.note} |`,
    );
  }
  console.log(lines.join('\n'));
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · load average at start ${loadAtStart} / at end ${os.loadavg()[0]?.toFixed(2)}`,
  );
  if (!allEqual) process.exitCode = 1;
}

const loadAtStart = os.loadavg()[0]?.toFixed(2);
const highs = await highsLoader();
benchLargeSparse(highs);
benchOrLibrary(highs);
benchDense2000();
printTable();
