import type { MatchingInstance } from './matching-instance.ts';

// OR-Library assignment files (Beasley): n, then n×n integer costs row by row,
// whitespace-separated, rows may wrap. They minimise cost over a perfect
// matching; we maximise score, so each pair gets score −cost and
// placeAsManyAsPossible forces the perfect matching. Objective = −optimum.

export interface CostMatrix {
  n: number;
  /** Row-major n×n costs. */
  cost: Float64Array;
}

/** Parses an OR-Library assignN.txt text. */
export function parseOrLibraryAssignment(text: string): CostMatrix {
  const numbers = text.trim().split(/\s+/).map(Number);
  const n = numbers[0];
  if (n === undefined || !Number.isInteger(n) || n <= 0) throw new Error('OR-Library file: first number must be n > 0');
  if (numbers.length !== 1 + n * n) throw new Error(`OR-Library file: expected ${n * n} costs, found ${numbers.length - 1}`);
  const cost = Float64Array.from(numbers.slice(1));
  if (cost.some((c) => !Number.isFinite(c))) throw new Error('OR-Library file: non-numeric cost');
  return { n, cost };
}

/** The matching instance equivalent to a square cost matrix (maximise −cost, place everyone). */
export function costMatrixInstance({ n, cost }: CostMatrix): MatchingInstance {
  const hosts = Array.from({ length: n }, (_, j) => ({ id: `h${j}`, capacity: 1 }));
  const applicants = Array.from({ length: n }, (_, i) => ({ id: `a${i}` }));
  const pairs: MatchingInstance['pairs'] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) pairs.push({ applicant: `a${i}`, host: `h${j}`, score: -cost[i * n + j]! });
  }
  return { hosts, applicants, pairs, rules: { placeAsManyAsPossible: true, locked: [], forbidden: [] } };
}
