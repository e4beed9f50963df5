import { describe, expect, it } from 'vitest';
import { median, percentileCont } from './percentiles.ts';

describe('percentileCont (as PostgreSQL computes it)', () => {
  it('interpolates between the two neighbours of p × (n − 1)', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentileCont(oneToTen, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentileCont(oneToTen, 0.5)).toBe(5.5);
    expect(percentileCont(oneToTen, 0)).toBe(1);
    expect(percentileCont(oneToTen, 1)).toBe(10);
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('answers null for no values and refuses a percentile outside 0–1', () => {
    expect(median([])).toBeNull();
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
    expect(() => percentileCont([1], Number.NaN)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentileCont(values, 0.9);
    expect(values).toEqual([3, 1, 2]);
  });
});
