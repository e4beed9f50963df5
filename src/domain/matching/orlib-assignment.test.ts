import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solveDenseAssignment } from './dense-assignment.ts';
import { costMatrixInstance, parseOrLibraryAssignment } from './orlib-assignment.ts';
import { solveMatching } from './solve-matching.ts';

// Public benchmark data lives next to the repository, never inside it.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'benchmarks', 'orlib-assign');
const present = existsSync(dataDir);

const publishedOptima: [string, number][] = [
  ['assign100', 305],
  ['assign200', 475],
  ['assign300', 626],
  ['assign400', 804],
  ['assign500', 991],
  ['assign600', 1176],
  ['assign700', 1362],
  ['assign800', 1552],
];

describe('OR-Library assignment instances', () => {
  // Without the data (a checkout without ../shared) one test says so, rather than eight skipped ones.
  if (!present) {
    it(`are not checked: data folder ${dataDir} is absent`, () => {
      expect(existsSync(dataDir)).toBe(false);
    });
  }

  for (const [name, optimum] of present ? publishedOptima : []) {
    it(`${name} reaches its published optimum ${optimum} with both algorithms`, () => {
      const matrix = parseOrLibraryAssignment(readFileSync(path.join(dataDir, `${name}.txt`), 'utf8'));
      const rowToCol = solveDenseAssignment(matrix.cost, matrix.n, matrix.n);
      let total = 0;
      for (let i = 0; i < matrix.n; i++) total += matrix.cost[i * matrix.n + rowToCol[i]!]!;
      expect(new Set(rowToCol).size).toBe(matrix.n);
      expect(total).toBe(optimum);
      if (matrix.n <= 300) {
        // The general flow solver must agree (slower on dense data, so the smaller files only).
        const result = solveMatching(costMatrixInstance(matrix), { algorithm: 'flow' });
        expect(result).toMatchObject({ status: 'optimal', objective: -optimum, unassigned: [] });
      }
    });
  }

  it('parses the file format with wrapped rows', () => {
    expect(parseOrLibraryAssignment(' 2\n 1 2\n 3\n 4\n')).toEqual({ n: 2, cost: Float64Array.from([1, 2, 3, 4]) });
    expect(() => parseOrLibraryAssignment('2\n1 2 3')).toThrow('expected 4 costs, found 3');
  });
});
