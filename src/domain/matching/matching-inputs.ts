import type { CandidateCity, FacilitatorProfile, MatchingRuleSettings, MatchingWeights, PairRule, RunContext, StoredInstance } from '../../shared/matching.schemas.ts';
import { canonicalJson } from './canonical-json.ts';
import type { MatchingCity } from './matching-selection.ts';
import { fitSettingsOf, pairFits } from './pair-fits.ts';

// A run's inputs: the solver's instance (the stable format of
// `peercities match`), the context people read (cities, every pair's fit,
// settings, the facilitator stage's inputs) and the canonical text of
// everything the result depends on, which the server hashes.

/** Every visit can work in the programme's language; a facilitator who also speaks the host's language is preferred. */
const SHARED_LANGUAGES = ['en'];
const DEFAULT_FACILITATOR = { languages: ['en'], maxVisits: 1 };

/** A person holding the facilitator role, with the languages and capacity the settings give them. */
export interface MatchingFacilitator {
  id: string;
  name: string;
  daysOff: string[];
  languages: string[];
  maxVisits: number;
}

/** Gives each facilitator their profile from the settings; someone not listed speaks English and takes one visit. */
export function withProfiles(people: readonly { id: string; name: string; daysOff: string[] }[], profiles: readonly FacilitatorProfile[]): MatchingFacilitator[] {
  const profile = new Map(profiles.map((f) => [f.personId, f]));
  return people.map((f) => ({ id: f.id, name: f.name, daysOff: f.daysOff, languages: profile.get(f.id)?.languages ?? DEFAULT_FACILITATOR.languages, maxVisits: profile.get(f.id)?.maxVisits ?? DEFAULT_FACILITATOR.maxVisits }));
}

/**
 * Whether someone has `length` consecutive days that are not days off inside
 * the window (ISO dates, inclusive): the visit's dates are not fixed at
 * matching time, so that is what "available" means.
 */
export function hasFreeStretch(daysOff: readonly string[], window: { startsOn: string; endsOn: string }, length: number): boolean {
  const off = new Set(daysOff);
  let run = 0;
  for (let d = new Date(`${window.startsOn}T00:00:00Z`); d.toISOString().slice(0, 10) <= window.endsOn; d.setUTCDate(d.getUTCDate() + 1)) {
    run = off.has(d.toISOString().slice(0, 10)) ? 0 : run + 1;
    if (run >= length) return true;
  }
  return false;
}

export interface MatchingFacts {
  hosts: readonly CandidateCity[];
  visitors: readonly CandidateCity[];
  /** The selected cities' full records (region and population feed the fit). */
  cities: readonly MatchingCity[];
  settings: { weights: MatchingWeights; rules: MatchingRuleSettings; pairRules: readonly PairRule[] };
  visitorsPerHost: number;
  visitLengthDays: number;
  /** The programme's study-visits window; null when it has none. */
  visitWindow: { startsOn: string; endsOn: string } | null;
  facilitators: readonly MatchingFacilitator[];
}

export interface MatchingInputs {
  instance: StoredInstance;
  /** Its facilitator stage's visits and preferences are filled in after the solve. */
  context: RunContext;
  /** Canonical JSON of everything the result depends on: equal texts give equal results. */
  hashInput: string;
}

/** Builds a run's instance, context and hash input from what the programme holds now. */
export function matchingInputs(facts: MatchingFacts): MatchingInputs {
  const { weights, rules, pairRules } = facts.settings;
  const fitSettings = fitSettingsOf(weights);
  const { pairs, fits } = pairFits(facts.visitors, facts.hosts, facts.cities, fitSettings);
  const hostIds = new Set(facts.hosts.map((h) => h.id));
  const visitorIds = new Set(facts.visitors.map((v) => v.id));
  // Only rules between currently selected cities apply.
  const applies = (r: PairRule) => hostIds.has(r.hostCityId) && visitorIds.has(r.visitorCityId);
  const instance: StoredInstance = {
    hosts: facts.hosts.map((h) => ({ id: h.id, name: h.name, country: h.country, capacity: facts.visitorsPerHost })),
    applicants: facts.visitors.map((v) => ({ id: v.id, name: v.name, country: v.country })),
    pairs,
    rules: {
      placeAsManyAsPossible: rules.placeAsManyAsPossible,
      locked: pairRules.filter((r) => r.rule === 'locked' && applies(r)).map((r) => ({ applicant: r.visitorCityId, host: r.hostCityId })),
      forbidden: pairRules.filter((r) => r.rule === 'forbidden' && applies(r)).map((r) => ({ applicant: r.visitorCityId, host: r.hostCityId })),
      ...(rules.maxPerCountryPerHost !== null ? { maxPerCountryPerHost: rules.maxPerCountryPerHost } : {}),
      ...(rules.minScore !== null ? { minScore: rules.minScore } : {}),
    },
  };
  const window = facts.visitWindow ? { startsOn: facts.visitWindow.startsOn, endsOn: facts.visitWindow.endsOn } : null;
  const facilitators = facts.facilitators.map((f) => ({
    id: f.id,
    name: f.name,
    languages: f.languages,
    maxVisits: f.maxVisits,
    availability: window && hasFreeStretch(f.daysOff, window, facts.visitLengthDays) ? [{ from: window.startsOn, to: window.endsOn }] : [],
  }));
  const cities: RunContext['cities'] = {};
  for (const c of [...facts.hosts, ...facts.visitors]) cities[c.id] = { name: c.name, slug: c.slug, country: c.country, latitude: c.latitude, longitude: c.longitude, languages: c.languages };
  const context: RunContext = {
    cities,
    fits,
    weights,
    rules,
    visitWindow: window,
    facilitatorInput: { visits: [], facilitators, sharedLanguages: SHARED_LANGUAGES, preferences: [] },
  };
  const hashInput = canonicalJson({ instance, fitSettings, facilitators, sharedLanguages: SHARED_LANGUAGES, window, visitLengthDays: facts.visitLengthDays });
  return { instance, context, hashInput };
}
