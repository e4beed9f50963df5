import type { Reason } from '../../shared/reason.ts';
import { DEFAULT_PRIORITIES_WEIGHT } from '../../shared/matching.schemas.ts';
import { reason } from '../../shared/reason-texts.ts';
import { DEFAULT_RAIL_THRESHOLD_KM, estimateTravel, type LatLon, type TravelEstimate } from './travel-emissions.ts';

// Fit of an (applicant city, host city) pair: a weighted sum of five
// components, each normalised to [0, 1], so the score lies in [0, Σ weights]
// (0–100 with the default weights). Scores are rounded to 6 decimals so the
// solver's integer scaling is exact (see score-scaling.ts).
//
// - thematic: Jaccard index |A ∩ H| / |A ∪ H| of the applicant's sectors and
//   solutions of interest (A) with the host's solutions (H). Jaccard rather
//   than plain overlap so a host listing every theme does not fit everyone.
// - evaluation: the applicant's evaluation score / evaluationMax, clamped.
// - likeness: 0.6 × size similarity + 0.2 × same country + 0.2 × same region,
//   where size similarity = max(0, 1 − |log10(popA / popH)|): 1 for equal
//   populations, 0 when one is ten times the other. Unknown population → 0.5.
// - language: 1 when the cities share a working language, else 0.
// - travel: max(0, 1 − return-trip CO2 / travelCo2ReferenceKg): short rail
//   trips score near 1, long flights 0.
// - priorities (only for a visitor with priorities from its answer to the
//   support-needs survey): |P ∩ H| / |P|, the share of the visitor's
//   priority sectors (P) the host has solutions in (H, the same host themes
//   as `thematic`). Coverage rather than Jaccard: the visitor said what it
//   wants to learn, and a host covering all of it fits fully. A visitor
//   without priorities has no such component, so its fits are unchanged.

export interface FitCity extends LatLon {
  id: string;
  name?: string;
  country: string;
  region?: string;
  population?: number;
  languages: readonly string[];
}

export interface FitApplicant extends FitCity {
  sectors: readonly string[];
  solutionsOfInterest: readonly string[];
  /** Score from the programme's evaluation, 0..evaluationMax. */
  evaluationScore?: number;
  /** Priority sectors from the city's answer to the support-needs survey; none when it did not answer. */
  prioritySectors?: readonly string[];
}

export interface FitHost extends FitCity {
  solutions: readonly string[];
}

export interface FitWeights {
  thematic: number;
  evaluation: number;
  likeness: number;
  language: number;
  travel: number;
  /** Weight of the visitor's priority sectors (support-needs survey) covered by the host; DEFAULT_PRIORITIES_WEIGHT when not given. */
  priorities?: number;
}

export interface FitSettings {
  weights: FitWeights;
  evaluationMax: number;
  railThresholdKm: number;
  /** Return-trip CO2 (kg) at which the travel component reaches 0. */
  travelCo2ReferenceKg: number;
}

export const DEFAULT_FIT_SETTINGS: FitSettings = {
  weights: { thematic: 40, evaluation: 20, likeness: 15, language: 10, travel: 15, priorities: DEFAULT_PRIORITIES_WEIGHT },
  evaluationMax: 100,
  railThresholdKm: DEFAULT_RAIL_THRESHOLD_KM,
  travelCo2ReferenceKg: 1000,
};

export type FitComponentKey = keyof FitWeights;


export interface FitComponent {
  key: FitComponentKey;
  /** Normalised value in [0, 1]. */
  value: number;
  weight: number;
  /** value × weight. */
  contribution: number;
  /** What the value rests on, as parts of a list (“same country”, “size similarity 80 %”). */
  reasons: Reason[];
}

export interface PairFit {
  score: number;
  components: FitComponent[];
  travel: TravelEstimate;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function normalised(items: readonly string[]): Set<string> {
  return new Set(items.map((item) => item.trim().toLowerCase()).filter((item) => item !== ''));
}

/** Jaccard index of two sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function sizeSimilarity(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || a <= 0 || b <= 0) return undefined;
  return Math.max(0, 1 - Math.abs(Math.log10(a / b)));
}

/** Scores one pair with the programme's settings; returns the score and its breakdown. */
export function scoreFit(applicant: FitApplicant, host: FitHost, settings: FitSettings = DEFAULT_FIT_SETTINGS): PairFit {
  const weights: Required<FitWeights> = { ...settings.weights, priorities: settings.weights.priorities ?? DEFAULT_PRIORITIES_WEIGHT };
  const interests = normalised([...applicant.sectors, ...applicant.solutionsOfInterest]);
  const offered = normalised(host.solutions);
  const shared = [...interests].filter((x) => offered.has(x)).sort();
  const thematic = jaccard(interests, offered);

  const evaluation =
    applicant.evaluationScore === undefined ? 0 : Math.min(1, Math.max(0, applicant.evaluationScore / settings.evaluationMax));

  const size = sizeSimilarity(applicant.population, host.population);
  const sameCountry = applicant.country === host.country;
  const sameRegion = applicant.region !== undefined && applicant.region === host.region;
  const likeness = 0.6 * (size ?? 0.5) + 0.2 * (sameCountry ? 1 : 0) + 0.2 * (sameRegion ? 1 : 0);

  const hostLanguages = normalised(host.languages);
  const sharedLanguages = [...normalised(applicant.languages)].filter((l) => hostLanguages.has(l)).sort();
  const language = sharedLanguages.length > 0 ? 1 : 0;

  const travel = estimateTravel(applicant, host, settings.railThresholdKm);
  const travelValue = Math.max(0, 1 - travel.co2KgReturn / settings.travelCo2ReferenceKg);

  const component = (key: FitComponentKey, value: number, reasons: Reason[]): FitComponent => ({
    key,
    value: round6(value),
    weight: weights[key],
    contribution: round6(value * weights[key]),
    reasons,
  });
  const hostName = host.name ?? host.id;
  const trip = { km: Math.round(travel.greatCircleKm), co2: Math.round(travel.co2KgReturn) };
  const components = [
    component('thematic', thematic, [
      shared.length === 0
        ? reason('FIT_NO_SHARED_THEMES', { host: hostName })
        : reason('FIT_SHARED_THEMES', { shared: shared.length, total: interests.size, host: hostName, themes: shared.join(', ') }),
    ]),
    component('evaluation', evaluation, [
      applicant.evaluationScore === undefined ? reason('FIT_NOT_EVALUATED') : reason('FIT_EVALUATION', { score: applicant.evaluationScore, max: settings.evaluationMax }),
    ]),
    component('likeness', likeness, [
      size === undefined ? reason('FIT_POPULATION_UNKNOWN') : reason('FIT_SIZE_SIMILARITY', { percent: Math.round(size * 100) }),
      reason(sameCountry ? 'FIT_SAME_COUNTRY' : 'FIT_DIFFERENT_COUNTRIES'),
      ...(sameRegion ? [reason('FIT_SAME_REGION')] : []),
    ]),
    component('language', language, [sharedLanguages.length > 0 ? reason('FIT_SHARED_LANGUAGES', { languages: sharedLanguages.join(', ') }) : reason('FIT_NO_SHARED_LANGUAGE')]),
    component('travel', travelValue, [reason(travel.mode === 'air' ? 'FIT_TRAVEL_AIR' : 'FIT_TRAVEL_RAIL', trip)]),
    ...priorityComponent(applicant, offered, hostName, component),
  ];
  const score = round6(components.reduce((sum, c) => sum + c.contribution, 0));
  return { score, components, travel };
}

/**
 * The `priorities` component: the share of the visitor's priority sectors
 * (support-needs survey) the host has solutions in, with a reason naming the
 * survey. None when the visitor has no priorities.
 */
function priorityComponent(applicant: FitApplicant, offered: ReadonlySet<string>, hostName: string, component: (key: FitComponentKey, value: number, reasons: Reason[]) => FitComponent): FitComponent[] {
  const priorities = [...normalised(applicant.prioritySectors ?? [])];
  if (priorities.length === 0) return [];
  const covered = priorities.filter((p) => offered.has(p));
  const words = (codes: readonly string[]) => codes.join(', ');
  const about = { city: applicant.name ?? applicant.id, priorities: words(priorities), host: hostName };
  return [
    component('priorities', covered.length / priorities.length, [
      covered.length === 0 ? reason('FIT_PRIORITY_SECTORS_NOT_COVERED', about) : reason('FIT_PRIORITY_SECTORS_COVERED', { ...about, shared: words(covered) }),
    ]),
  ];
}
