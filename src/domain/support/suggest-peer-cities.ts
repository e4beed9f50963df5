// Mission Cities proposed for a peer session (issue 21): those whose planned
// solutions in the library best fit the challenge. Deterministic and
// explained: every point comes from a named criterion, ties go to the lower
// city id.
//
// Points of a Mission City:
//   sectors    3 per challenge sector it plans at least one solution in
//   levers     2 per challenge lever at least one of its planned solutions pulls
//   solutions  1 per planned solution matching the challenge (a shared sector
//              and a lever of the challenge; a challenge naming no sectors or
//              no levers leaves that side open), at most 3
//   language   2 when it works in a language of the requesting city
//   hosting    1 when it has hosted a peer session before
// A city is proposed only when it shares a sector or a lever with the
// challenge (or the challenge names neither), and never the requesting city.
// A shared language is not required: a session can be interpreted.

import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { LeverCode } from '../../shared/solution.schemas.ts';
import type { SectorCode } from '../reference/sectors.ts';
import { leverLabel, sectorLabel } from './expert-fit.ts';

/** What the requesting city wants to learn about. */
export interface PeerChallenge {
  /** The requesting city: never proposed. */
  cityId: string;
  sectors: readonly SectorCode[];
  levers: readonly LeverCode[];
  /** ISO 639-1 codes of the languages the city can work in. */
  languages: readonly string[];
}

/** A solution a Mission City plans, as the library tags it. */
export interface PlannedSolution {
  sectors: readonly SectorCode[];
  lever: LeverCode;
}

export interface MissionCityProfile {
  id: string;
  /** ISO 639-1 codes. */
  languages: readonly string[];
  /** Its planned solutions in the library (the caller chooses which stages count). */
  plannedSolutions: readonly PlannedSolution[];
  /** Peer sessions it hosted before. */
  peerSessionsHosted: number;
}

export interface PeerCitySuggestion {
  cityId: string;
  score: number;
  /** Challenge sectors it plans solutions in, in the challenge's order. */
  sharedSectors: SectorCode[];
  /** Challenge levers its planned solutions pull, in the challenge's order. */
  sharedLevers: LeverCode[];
  matchingSolutions: number;
  sharedLanguages: string[];
  peerSessionsHosted: number;
  /** The same, for people. */
  reasons: Reason[];
}

/** Points per criterion (see the top of this file). */
export const PEER_POINTS = { sector: 3, lever: 2, matchingSolution: 1, matchingSolutionsCounted: 3, language: 2, hostedBefore: 1 } as const;

const normalise = (code: string) => code.trim().toLowerCase();
const list = (items: readonly string[]) => items.join(', ');

/** How one Mission City fits the challenge, or null when it shares no sector or lever with it. */
export function peerCityFit(challenge: PeerChallenge, city: MissionCityProfile): PeerCitySuggestion | null {
  const citySectors = new Set(city.plannedSolutions.flatMap((s) => s.sectors));
  const cityLevers = new Set(city.plannedSolutions.map((s) => s.lever));
  const cityLanguages = new Set(city.languages.map(normalise));
  const sharedSectors = [...new Set(challenge.sectors)].filter((s) => citySectors.has(s));
  const sharedLevers = [...new Set(challenge.levers)].filter((l) => cityLevers.has(l));
  const namesTopics = challenge.sectors.length > 0 || challenge.levers.length > 0;
  if (namesTopics && sharedSectors.length === 0 && sharedLevers.length === 0) return null;
  const matchingSolutions = namesTopics
    ? city.plannedSolutions.filter(
        (s) => (challenge.sectors.length === 0 || s.sectors.some((x) => challenge.sectors.includes(x))) && (challenge.levers.length === 0 || challenge.levers.includes(s.lever)),
      ).length
    : 0;
  const sharedLanguages = [...new Set(challenge.languages.map(normalise))].filter((l) => cityLanguages.has(l));
  const hosted = Math.max(0, Math.floor(city.peerSessionsHosted));
  const score =
    sharedSectors.length * PEER_POINTS.sector +
    sharedLevers.length * PEER_POINTS.lever +
    Math.min(matchingSolutions, PEER_POINTS.matchingSolutionsCounted) * PEER_POINTS.matchingSolution +
    (sharedLanguages.length > 0 ? PEER_POINTS.language : 0) +
    (hosted > 0 ? PEER_POINTS.hostedBefore : 0);
  const reasons: Reason[] = [];
  if (sharedSectors.length > 0) reasons.push(reason('SUPPORT_PEER_SECTORS', { sectors: list(sharedSectors.map(sectorLabel)) }));
  if (sharedLevers.length > 0) reasons.push(reason('SUPPORT_PEER_LEVERS', { levers: list(sharedLevers.map(leverLabel)) }));
  if (matchingSolutions > 0) reasons.push(reason('SUPPORT_PEER_MATCHING_SOLUTIONS', { count: matchingSolutions }));
  if (sharedLanguages.length > 0) reasons.push(reason('SUPPORT_PEER_LANGUAGES', { languages: list(sharedLanguages) }));
  if (hosted > 0) reasons.push(reason('SUPPORT_PEER_HOSTED_BEFORE', { times: hosted }));
  return { cityId: city.id, score, sharedSectors, sharedLevers, matchingSolutions, sharedLanguages, peerSessionsHosted: hosted, reasons };
}

/**
 * The `n` Mission Cities that best fit a peer-session challenge, best first
 * (score, then city id), each with its reasons; never the requesting city,
 * never a city sharing no sector or lever with the challenge.
 */
export function suggestPeerCities(challenge: PeerChallenge, missionCities: readonly MissionCityProfile[], n = 3): PeerCitySuggestion[] {
  if (n <= 0) return [];
  return missionCities
    .filter((city) => city.id !== challenge.cityId)
    .map((city) => peerCityFit(challenge, city))
    .filter((s): s is PeerCitySuggestion => s !== null)
    .sort((a, b) => b.score - a.score || (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0))
    .slice(0, Math.floor(n));
}
