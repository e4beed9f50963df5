import { describe, expect, it } from 'vitest';
import { megabytes } from './file-size.ts';

describe('megabytes', () => {
  it('shows whole sizes without a decimal and others with one', () => {
    expect(megabytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(megabytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(megabytes(1_000_000)).toBe('1 MB');
    expect(megabytes(0)).toBe('0 MB');
  });
});
