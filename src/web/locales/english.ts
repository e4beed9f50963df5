import base from './en.json';
import type cityPriorities from './en/city-priorities.json';
import type exchange from './en/exchange.json';
import type matching from './en/matching.json';
import type meetings from './en/meetings.json';
import notifications from './en/notifications.json';
import type notificationsPages from './en/notifications-pages.json';
import people from './en/people.json';
import type personalData from './en/personal-data.json';
import privacy from './en/privacy.json';
import programmes from './en/programmes.json';
import type registration from './en/registration.json';
import type review from './en/review.json';
import start from './en/start.json';
import type support from './en/support.json';
import type surveys from './en/surveys.json';
import type surveyResults from './en/survey-results.json';
import type visits from './en/visits.json';
import type twoFactor from './en/two-factor.json';
import { REASON_TEXTS } from '../../shared/reason-texts.ts';

/**
 * The English strings: the shared base plus one file per large feature, so
 * that features developed side by side do not edit the same file. Feature
 * files may add to shared sections (for example `errors.codes`); the merge is
 * deep and a feature file never overrides a base string (tested).
 */
export type English = typeof base & typeof cityPriorities & typeof exchange & typeof matching & typeof meetings & typeof notifications & typeof notificationsPages & typeof people & typeof personalData & typeof privacy & typeof programmes & typeof registration & typeof review & typeof start & typeof support & typeof surveys & typeof surveyResults & typeof visits & typeof twoFactor & { reasons: typeof REASON_TEXTS };

export type Tree = { [key: string]: string | Tree };

// Reasons (codes of domain rules and services) keep their English in src/shared, where the server reads it too.
export const eagerFeatureStrings: Record<string, Tree> = { notifications, people, privacy, programmes, start, reasons: { reasons: REASON_TEXTS } };

/**
 * Features whose strings travel with their pages instead of the home page's
 * bundle (its budget: tests/e2e/bundle.spec.ts): `locales/lazy/<feature>.strings.ts`
 * adds them to i18next, and every module that uses those keys imports it for
 * its side effect. The type above still includes them.
 */
export const LAZY_FEATURES = ['cityPriorities', 'exchange', 'matching', 'meetings', 'notificationsPages', 'personalData', 'registration', 'review', 'support', 'surveys', 'surveyResults', 'twoFactor', 'visits'] as const;

export function mergeStrings(target: Tree, source: Tree): Tree {
  const merged: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = merged[key];
    merged[key] =
      typeof value === 'object' && typeof existing === 'object' ? mergeStrings(existing, value) : value;
  }
  return merged;
}

/** What every page starts with: the base and the eager features' strings. */
// A copy of the base: i18next adds the lazy features' strings into this object in place, and a section
// shared by the base and a lazy file (the navigation's `review.nav`) must not write into en.json's module.
export const english = Object.values(eagerFeatureStrings).reduce<Tree>((merged, strings) => mergeStrings(merged, strings), structuredClone(base)) as English;
