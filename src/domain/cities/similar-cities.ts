// "Cities like mine": which cities resemble a given one, and why (reasons).
// Deterministic and explained: every point of a score comes from a named
// criterion with a fixed weight, and ties are broken by slug.

import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { SECTORS, type SectorCode } from '../reference/sectors.ts';

export interface CityFacts {
  id: string;
  slug: string;
  name: string;
  country: string;
  region: string | null;
  kind: 'mission' | 'aspiring';
  population: number | null;
  latitude: number;
  longitude: number;
  climateTargetYear: number | null;
  sectorsOfInterest: readonly SectorCode[];
  /** Published solutions per sector. */
  solutionsBySector: Partial<Record<SectorCode, number>>;
}

export interface SimilarityWeights {
  size: number;
  place: number;
  target: number;
  interests: number;
  solutions: number;
}

/** Weights sum to 1, so a score is between 0 and 1. */
export const DEFAULT_WEIGHTS: SimilarityWeights = { size: 0.25, place: 0.2, target: 0.15, interests: 0.25, solutions: 0.15 };

export interface SimilarCityResult {
  city: CityFacts;
  score: number;
  reasons: Reason[];
}

export interface MissionCityMatch {
  city: CityFacts;
  matchingSolutions: number;
  sectors: SectorCode[];
  reason: Reason;
}

const sectorLabel = (code: SectorCode) => SECTORS.find((s) => s.code === code)?.label.toLowerCase() ?? code;
const list = (items: string[]) => items.join(', ');
const formatPopulation = (n: number) => n.toLocaleString('en-GB');
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function jaccard<T>(a: readonly T[], b: readonly T[]): { value: number; shared: T[] } {
  const setB = new Set(b);
  const shared = [...new Set(a)].filter((x) => setB.has(x));
  const union = new Set([...a, ...b]).size;
  return { value: union === 0 ? 0 : shared.length / union, shared };
}

/** Sector codes in taxonomy order, so reasons read the same every time. */
const ordered = (codes: Iterable<SectorCode>) => {
  const set = new Set(codes);
  return SECTORS.map((s) => s.code).filter((c) => set.has(c));
};

function solutionSectors(city: CityFacts): SectorCode[] {
  return ordered(Object.entries(city.solutionsBySector).flatMap(([k, v]) => ((v ?? 0) > 0 ? [k as SectorCode] : [])));
}

/**
 * Scores one candidate against the city: size on a log scale (a tenfold
 * difference in population counts as fully different), same country (and
 * region), climate-neutrality target within 20 years, shared sectors of
 * interest, and solutions in the sectors the city cares about.
 */
export function compareCities(me: CityFacts, other: CityFacts, weights: SimilarityWeights = DEFAULT_WEIGHTS): SimilarCityResult {
  const reasons: Reason[] = [];
  let score = 0;

  if (me.population && other.population) {
    const gap = Math.abs(Math.log10(me.population) - Math.log10(other.population));
    const size = Math.max(0, 1 - gap);
    score += weights.size * size;
    if (size >= 0.7) reasons.push(reason('SIMILAR_SIZE', { population: formatPopulation(other.population) }));
  }

  if (me.country === other.country) {
    const sameRegion = me.region !== null && me.region === other.region;
    score += weights.place * (sameRegion ? 1 : 0.75);
    reasons.push(sameRegion && other.region !== null ? reason('SIMILAR_SAME_REGION', { region: other.region }) : reason('SIMILAR_SAME_COUNTRY', { country: other.country }));
  }

  if (me.climateTargetYear !== null && other.climateTargetYear !== null) {
    const gap = Math.abs(me.climateTargetYear - other.climateTargetYear);
    score += weights.target * Math.max(0, 1 - gap / 20);
    if (gap === 0) reasons.push(reason('SIMILAR_SAME_TARGET', { year: other.climateTargetYear }));
    else if (gap <= 5) reasons.push(reason('SIMILAR_CLOSE_TARGET', { year: other.climateTargetYear }));
  }

  const interests = jaccard(me.sectorsOfInterest, other.sectorsOfInterest);
  score += weights.interests * interests.value;
  if (interests.shared.length) reasons.push(reason('SIMILAR_SHARED_INTERESTS', { sectors: list(ordered(interests.shared).map(sectorLabel)) }));

  // What the other city does in the sectors this city cares about.
  const wanted = me.sectorsOfInterest.length ? me.sectorsOfInterest : solutionSectors(me);
  const doing = solutionSectors(other).filter((s) => wanted.includes(s));
  if (wanted.length) {
    score += weights.solutions * (doing.length / wanted.length);
    if (doing.length) reasons.push(reason('SIMILAR_HAS_SOLUTIONS', { sectors: list(doing.map(sectorLabel)) }));
  }

  return { city: other, score: round3(score), reasons };
}

/** The `limit` cities most like `me` (never `me` itself), best first, ties by slug. */
export function similarCities(me: CityFacts, candidates: readonly CityFacts[], limit = 8, weights = DEFAULT_WEIGHTS): SimilarCityResult[] {
  return candidates
    .filter((c) => c.id !== me.id)
    .map((c) => compareCities(me, c, weights))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.city.slug.localeCompare(b.city.slug))
    .slice(0, limit);
}

/**
 * Mission Cities whose published solutions are in the sectors `me` is
 * interested in (or, without stated interests, the sectors of its own
 * solutions), most matching solutions first, ties by slug.
 */
export function missionCitiesForInterests(me: CityFacts, candidates: readonly CityFacts[], limit = 6): MissionCityMatch[] {
  const wanted = me.sectorsOfInterest.length ? ordered(me.sectorsOfInterest) : solutionSectors(me);
  if (!wanted.length) return [];
  return candidates
    .filter((c) => c.kind === 'mission' && c.id !== me.id)
    .map((c) => {
      const sectors = wanted.filter((s) => (c.solutionsBySector[s] ?? 0) > 0);
      const matchingSolutions = sectors.reduce((n, s) => n + (c.solutionsBySector[s] ?? 0), 0);
      const parts = sectors.map((s) => `${sectorLabel(s)} ${c.solutionsBySector[s] ?? 0}`);
      return { city: c, matchingSolutions, sectors, reason: reason('MISSION_CITY_SOLUTIONS', { counts: list(parts) }) };
    })
    .filter((m) => m.matchingSolutions > 0)
    .sort((a, b) => b.sectors.length - a.sectors.length || b.matchingSolutions - a.matchingSolutions || a.city.slug.localeCompare(b.city.slug))
    .slice(0, limit);
}
