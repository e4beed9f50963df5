import { describe, expect, it } from 'vitest';
import { i18next } from '../lib/i18n.ts';
import base from './en.json';
import cityPriorities from './en/city-priorities.json';
import exchange from './en/exchange.json';
import matching from './en/matching.json';
import meetings from './en/meetings.json';
import notificationsPages from './en/notifications-pages.json';
import personalData from './en/personal-data.json';
import registration from './en/registration.json';
import review from './en/review.json';
import support from './en/support.json';
import surveys from './en/surveys.json';
import surveyResults from './en/survey-results.json';
import twoFactor from './en/two-factor.json';
import visits from './en/visits.json';
import { eagerFeatureStrings, english, LAZY_FEATURES, mergeStrings, type Tree } from './english.ts';
import './lazy/city-priorities.strings.ts';
import './lazy/two-factor.strings.ts';
import './lazy/visits.strings.ts';
import './lazy/exchange.strings.ts';
import './lazy/matching.strings.ts';
import './lazy/meetings.strings.ts';
import './lazy/notifications-pages.strings.ts';
import './lazy/personal-data.strings.ts';
import './lazy/registration.strings.ts';
import './lazy/review.strings.ts';
import './lazy/support.strings.ts';
import './lazy/surveys.strings.ts';
import './lazy/survey-results.strings.ts';

const lazyFeatureStrings: Record<(typeof LAZY_FEATURES)[number], Tree> = { cityPriorities, exchange, matching, meetings, notificationsPages, personalData, registration, review, support, surveys, surveyResults, twoFactor, visits };
const featureStrings: Record<string, Tree> = { ...eagerFeatureStrings, ...lazyFeatureStrings };

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
    // i18next keeps `english` by reference: the lazy features' modules (imported above) have added theirs to it.
    expect(leafPaths(english as unknown as Tree)).toHaveLength(seen.size);
  });

  it('keeps the lazy features out of the strings every page starts with, and has each added when its module loads', () => {
    expect(Object.keys(lazyFeatureStrings)).toEqual([...LAZY_FEATURES]);
    for (const [name, strings] of Object.entries(lazyFeatureStrings)) {
      expect(Object.keys(strings), name).toEqual([name]);
      expect(eagerFeatureStrings[name], name).toBeUndefined();
      for (const path of leafPaths(strings)) expect(i18next.getResource('en', 'translation', path), path).toEqual(expect.any(String));
    }
  });
});
