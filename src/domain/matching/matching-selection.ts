import type { CandidateCity } from '../../shared/matching.schemas.ts';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { SECTOR_CODES } from '../reference/sectors.ts';

// Who takes part in a programme's matching: the cities selected in its host
// and visitor calls (once each call's decisions are published), with the
// themes and evaluation score the fit model reads.

/** What matching reads of a city. */
export interface MatchingCity {
  id: string;
  slug: string;
  name: string;
  country: string;
  region: string | null;
  latitude: number;
  longitude: number;
  population: number | null;
  languages: string[];
  sectorsOfInterest: string[];
  solutionSectors: string[];
  /** Priority sectors from the city's latest named answer to the support-needs survey (city_priorities); absent or empty when none. */
  prioritySectors?: string[];
}

/** A submitted application of the programme, host or visitor call. */
export interface SubmittedApplication {
  id: string;
  cityId: string;
  kind: 'host' | 'visitor';
  answers: Record<string, unknown>;
}

export interface SelectionFacts {
  hostsPublished: boolean;
  visitorsPublished: boolean;
  /** City ids selected in each call (published decisions only). */
  selected: { hosts: ReadonlySet<string>; visitors: ReadonlySet<string> };
  /** The selected cities, in the order the page lists them. */
  cities: readonly MatchingCity[];
  applications: readonly SubmittedApplication[];
  /** Mean weighted evaluation score (0–100) per application id; null before any evaluation. */
  evaluationScores: ReadonlyMap<string, number | null>;
}

export interface MatchingSelection {
  hostsPublished: boolean;
  visitorsPublished: boolean;
  /** Why matching cannot run yet; null when it can. */
  blocker: Reason | null;
  hosts: CandidateCity[];
  visitors: CandidateCity[];
}

const SECTORS = new Set<string>(SECTOR_CODES);

/** Sector codes found in an application's answers (the "sectors" question, whatever its id). */
export function sectorsIn(answers: Record<string, unknown>): string[] {
  const found = new Set<string>();
  for (const value of Object.values(answers)) {
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' && SECTORS.has(item)) found.add(item);
  }
  return [...found];
}

/**
 * The hosts and visiting cities of the matching. Host themes are the sectors
 * of the city's published solutions and of its host application; visitor
 * themes are its sectors of interest and those of its visitor application.
 */
export function matchingSelection(facts: SelectionFacts): MatchingSelection {
  const { hostsPublished, visitorsPublished, selected } = facts;
  const scoreOf = new Map<string, number | null>();
  for (const a of facts.applications) if (a.kind === 'visitor') scoreOf.set(a.cityId, facts.evaluationScores.get(a.id) ?? null);
  const answerSectors = new Map<string, string[]>();
  for (const a of facts.applications) answerSectors.set(`${a.kind}:${a.cityId}`, sectorsIn(a.answers));
  const candidate = (c: MatchingCity, kind: 'host' | 'visitor'): CandidateCity => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    country: c.country,
    latitude: c.latitude,
    longitude: c.longitude,
    languages: c.languages,
    sectors: [...new Set([...(kind === 'host' ? c.solutionSectors : c.sectorsOfInterest), ...(answerSectors.get(`${kind}:${c.id}`) ?? [])])].sort(),
    evaluationScore: kind === 'visitor' ? (scoreOf.get(c.id) ?? null) : null,
  });
  const hosts = hostsPublished ? facts.cities.filter((c) => selected.hosts.has(c.id)).map((c) => candidate(c, 'host')) : [];
  const visitors = visitorsPublished ? facts.cities.filter((c) => selected.visitors.has(c.id)).map((c) => candidate(c, 'visitor')) : [];
  const blocker = !hostsPublished
    ? reason('MATCHING_HOSTS_NOT_PUBLISHED')
    : !visitorsPublished
      ? reason('MATCHING_VISITORS_NOT_PUBLISHED')
      : hosts.length === 0
        ? reason('MATCHING_NO_HOSTS')
        : visitors.length === 0
          ? reason('MATCHING_NO_VISITORS')
          : null;
  return { hostsPublished, visitorsPublished, blocker, hosts, visitors };
}
