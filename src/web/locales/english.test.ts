import { describe, expect, it } from 'vitest';
import base from './en.json';
import { english, featureStrings, mergeStrings } from './english.ts';

type Tree = { [key: string]: string | Tree };

function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafPaths(value, `${prefix}${key}.`),
  );
}

describe('English strings', () => {
  it('merges nested sections without losing either side', () => {
    expect(mergeStrings({ a: { b: 'x' }, c: 'y' }, { a: { d: 'z' } })).toEqual({ a: { b: 'x', d: 'z' }, c: 'y' });
  });

  it('never lets two files define the same string', () => {
    const seen = new Map<string, string>(leafPaths(base as Tree).map((path) => [path, 'en.json']));
    for (const [file, strings] of Object.entries(featureStrings)) {
      for (const path of leafPaths(strings)) {
        expect(seen.get(path), `${path} in en/${file}.json is also in ${seen.get(path)}`).toBeUndefined();
        seen.set(path, file);
      }
    }
    expect(leafPaths(english as unknown as Tree)).toHaveLength(seen.size);
  });
});
