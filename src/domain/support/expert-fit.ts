// How well an expert fits a support request (issue 21), as a small integer
// with named parts, and which pairs may never be made.
//
// Fit of (request, expert), every point from a named criterion:
//   sectors   3 per sector both name
//   levers    2 per systemic lever both name
//   language  2 when the expert speaks the city's first language,
//             1 when they share only another of the city's languages
//   country   1 when the expert covers the requesting city's country
//   priority  1 per sector or lever of the city's priorities (its answer to
//             the support-needs survey, issue 22) the expert names and the
//             request does not: less than the request's own topics, which
//             already count 3 or 2
// The load of the expert is not part of this score: routing charges it per
// slot (see route-requests.ts), so it depends on how many requests the
// expert gets in the same run.
//
// A pair is never made when the expert has a conflict (represents the city,
// or declared a conflict with it), when they share no language and the
// request does not accept any language, or when the request names sectors or
// levers and the expert shares none of them (a request naming neither is a
// general question any expert may take). The city's priorities add to the
// fit only; they never make a pair allowed.

import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { LeverCode } from '../../shared/solution.schemas.ts';
import { SECTORS, SYSTEMIC_LEVERS, type SectorCode } from '../reference/sectors.ts';

/** The kinds of help a city can ask for. */
export type SupportKind = 'answer' | 'call' | 'peer-session';

/** A city's open request for support. */
export interface SupportRequest {
  id: string;
  /** The requesting city. */
  cityId: string;
  /** ISO 3166 code of the requesting city's country. */
  country: string;
  sectors: readonly SectorCode[];
  levers: readonly LeverCode[];
  /** ISO 639-1 codes of the languages the city can work in, most preferred first. */
  languages: readonly string[];
  /** True when the city accepts an expert who shares none of its languages (then language adds no fit). */
  anyLanguage?: boolean;
  kind: SupportKind;
  urgent?: boolean;
  /** The city's priority sectors and levers from its answer to the support-needs survey; absent when it gave none. */
  priorities?: { sectors: readonly SectorCode[]; levers: readonly LeverCode[] };
}

/** An expert's declared profile and this week's load. */
export interface SupportExpert {
  id: string;
  sectors: readonly SectorCode[];
  levers: readonly LeverCode[];
  /** ISO 639-1 codes. */
  languages: readonly string[];
  /** ISO 3166 codes of the countries the expert covers. */
  countries: readonly string[];
  /** Requests the expert takes per week. */
  weeklyCapacity: number;
  /** Requests already assigned to the expert and still open. */
  openLoad: number;
  /** Cities the expert represents: a conflict. */
  cityIds: readonly string[];
  /** Cities the expert declared a conflict of interest with. */
  conflictCityIds: readonly string[];
}

/** Points per criterion (integers, so routing totals are exact). */
export const FIT_POINTS = {
  sector: 3,
  lever: 2,
  firstLanguage: 2,
  otherLanguage: 1,
  country: 1,
  prioritySector: 1,
  priorityLever: 1,
} as const;

/** What request and expert have in common, for the score and for people. */
export interface FitParts {
  sharedSectors: SectorCode[];
  sharedLevers: LeverCode[];
  /** Shared languages in the city's order of preference. */
  sharedLanguages: string[];
  coversCountry: boolean;
  /** The city's priority sectors (support-needs survey) the expert names, beyond the request's own. */
  prioritySectors: SectorCode[];
  /** The city's priority levers (support-needs survey) the expert names, beyond the request's own. */
  priorityLevers: LeverCode[];
}

/** Why a pair may not be made. */
export type PairExclusion = 'represents-city' | 'declared-conflict' | 'no-shared-language' | 'no-shared-topic';

export type PairFit = { allowed: true; fit: number; parts: FitParts } | { allowed: false; exclusion: PairExclusion; parts: FitParts };

const normalise = (code: string) => code.trim().toLowerCase();

/** What the two have in common, each list in the request's order. */
export function fitParts(request: SupportRequest, expert: SupportExpert): FitParts {
  const expertSectors = new Set(expert.sectors);
  const expertLevers = new Set(expert.levers);
  const expertLanguages = new Set(expert.languages.map(normalise));
  const expertCountries = new Set(expert.countries.map((c) => c.trim().toUpperCase()));
  const requestSectors = new Set(request.sectors);
  const requestLevers = new Set(request.levers);
  return {
    sharedSectors: [...new Set(request.sectors)].filter((s) => expertSectors.has(s)),
    sharedLevers: [...new Set(request.levers)].filter((l) => expertLevers.has(l)),
    sharedLanguages: [...new Set(request.languages.map(normalise))].filter((l) => expertLanguages.has(l)),
    coversCountry: expertCountries.has(request.country.trim().toUpperCase()),
    prioritySectors: [...new Set(request.priorities?.sectors ?? [])].filter((s) => expertSectors.has(s) && !requestSectors.has(s)),
    priorityLevers: [...new Set(request.priorities?.levers ?? [])].filter((l) => expertLevers.has(l) && !requestLevers.has(l)),
  };
}

/** The fit score of the parts (see the table at the top of this file). */
export function fitScore(request: SupportRequest, parts: FitParts): number {
  const first = request.languages[0] === undefined ? undefined : normalise(request.languages[0]);
  const language = parts.sharedLanguages.length === 0 ? 0 : parts.sharedLanguages[0] === first ? FIT_POINTS.firstLanguage : FIT_POINTS.otherLanguage;
  return (
    parts.sharedSectors.length * FIT_POINTS.sector +
    parts.sharedLevers.length * FIT_POINTS.lever +
    language +
    (parts.coversCountry ? FIT_POINTS.country : 0) +
    parts.prioritySectors.length * FIT_POINTS.prioritySector +
    parts.priorityLevers.length * FIT_POINTS.priorityLever
  );
}

/** Whether the expert may take the request, and the fit when they may. Conflicts are checked first. */
export function pairFit(request: SupportRequest, expert: SupportExpert): PairFit {
  const parts = fitParts(request, expert);
  if (expert.cityIds.includes(request.cityId)) return { allowed: false, exclusion: 'represents-city', parts };
  if (expert.conflictCityIds.includes(request.cityId)) return { allowed: false, exclusion: 'declared-conflict', parts };
  if (parts.sharedLanguages.length === 0 && !request.anyLanguage) return { allowed: false, exclusion: 'no-shared-language', parts };
  const namesTopics = request.sectors.length > 0 || request.levers.length > 0;
  if (namesTopics && parts.sharedSectors.length === 0 && parts.sharedLevers.length === 0) return { allowed: false, exclusion: 'no-shared-topic', parts };
  return { allowed: true, fit: fitScore(request, parts), parts };
}

/** True for exclusions no manager override may lift (conflicts of interest). */
export function isConflict(exclusion: PairExclusion): boolean {
  return exclusion === 'represents-city' || exclusion === 'declared-conflict';
}

/** Weekly slots still free (never negative). */
export function freeSlots(expert: SupportExpert): number {
  return Math.max(0, Math.floor(expert.weeklyCapacity) - Math.max(0, Math.floor(expert.openLoad)));
}

/** A sector's English label in lower case, as reasons show it inside a phrase. */
export function sectorLabel(code: SectorCode): string {
  return SECTORS.find((s) => s.code === code)?.label.toLowerCase() ?? code;
}

/** A systemic lever's English label in lower case. */
export function leverLabel(code: LeverCode): string {
  return SYSTEMIC_LEVERS.find((l) => l.code === code)?.label.toLowerCase() ?? code;
}

const list = (items: readonly string[]) => items.join(', ');

/** The parts as reasons for people ("shares energy", "speaks pl, en", "covers PL", "matches the city’s priority sectors (support-needs survey): mobility"). */
export function fitReasons(parts: FitParts, country: string): Reason[] {
  const reasons: Reason[] = [];
  if (parts.sharedSectors.length > 0) reasons.push(reason('SUPPORT_SHARES_SECTORS', { sectors: list(parts.sharedSectors.map(sectorLabel)) }));
  if (parts.sharedLevers.length > 0) reasons.push(reason('SUPPORT_SHARES_LEVERS', { levers: list(parts.sharedLevers.map(leverLabel)) }));
  if (parts.sharedLanguages.length > 0) reasons.push(reason('SUPPORT_SPEAKS', { languages: list(parts.sharedLanguages) }));
  if (parts.coversCountry) reasons.push(reason('SUPPORT_COVERS_COUNTRY', { country: country.trim().toUpperCase() }));
  if (parts.prioritySectors.length > 0) reasons.push(reason('SUPPORT_MATCHES_PRIORITY_SECTORS', { sectors: list(parts.prioritySectors.map(sectorLabel)) }));
  if (parts.priorityLevers.length > 0) reasons.push(reason('SUPPORT_MATCHES_PRIORITY_LEVERS', { levers: list(parts.priorityLevers.map(leverLabel)) }));
  return reasons;
}
