// The solvers work on integer costs held in Float64 arrays: integer sums are
// exact in doubles up to 2^53, so potentials, reduced costs and the objective
// are computed without rounding error, and ties are real ties.
//
// Scores are decimals. We scale them by 10^d where d is the smallest number of
// decimals (at most MAX_DECIMALS) that represents every score exactly. Scores
// with more than MAX_DECIMALS decimals are rounded to MAX_DECIMALS: the solution
// is then optimal for the rounded scores, which differs from the true optimum
// by at most (number of placements) × 0.5e-6. The fit model rounds its scores
// to 6 decimals, so this never happens for scores it produced.

const MAX_DECIMALS = 6;
// Leave head room: a shortest-path potential is a sum of at most
// (node count) arc costs, and the sum of two potentials must stay exact.
const SAFE_TOTAL = 2 ** 51;

export interface ScoreScale {
  /** Multiply a score by this to get its integer cost magnitude. */
  factor: number;
  /** Decimals kept (log10 of factor). */
  decimals: number;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

function decimalsOf(score: number, atLeast: number): number {
  for (let d = atLeast; d <= MAX_DECIMALS; d++) {
    const scaled = score * POWERS[d]!;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

/** Picks the scale for a set of scores so every path sum stays exact. */
export function chooseScoreScale(scores: ArrayLike<number>, pathLengthBound: number): ScoreScale {
  let decimals = 0;
  let maxAbs = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] ?? 0;
    // Only more decimals than found so far matter, so start the check there.
    if (decimals < MAX_DECIMALS) decimals = decimalsOf(score, decimals);
    maxAbs = Math.max(maxAbs, Math.abs(score));
  }
  // Shrink precision only for extreme instances (huge scores × huge graphs).
  while (decimals > 0 && maxAbs * 10 ** decimals * Math.max(1, pathLengthBound) > SAFE_TOTAL) decimals--;
  if (maxAbs * 10 ** decimals * Math.max(1, pathLengthBound) > SAFE_TOTAL) {
    throw new Error(`scores up to ${maxAbs} are too large to solve exactly on a graph of this size`);
  }
  return { factor: 10 ** decimals, decimals };
}

export function scaleScore(score: number, scale: ScoreScale): number {
  return Math.round(score * scale.factor);
}

/** Turns a sum of scaled scores back into a decimal, exactly rounded. */
export function unscaleTotal(total: number, scale: ScoreScale): number {
  return total / scale.factor;
}
