// Percentiles for the managers' support dashboard (issue 21): the median and
// the 90th percentile of the time to a first answer.
//
// The same definition as PostgreSQL's percentile_cont: the values sorted,
// the p-th percentile at position p × (n − 1), linearly interpolated between
// its two neighbours. So the median of 1, 2, 3, 4 is 2.5 and the 90th
// percentile of 1 … 10 is 9.1.

/** The p-th percentile (0 ≤ p ≤ 1) of the values, interpolated as percentile_cont; null when there are none. */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a percentile is from 0 to 1, got ${p}`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** The median (percentile_cont(0.5)); null when there are no values. */
export const median = (values: readonly number[]) => percentileCont(values, 0.5);
