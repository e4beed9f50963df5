import { DEFAULT_PRIORITIES_WEIGHT, type CandidateCity, type MatchingWeights, type RunContext, type StoredInstance } from '../../shared/matching.schemas.ts';
import { scoreFit, type FitApplicant, type FitHost, type FitSettings } from './fit-model.ts';
import type { MatchingCity } from './matching-selection.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The fit model's settings from a programme's weights (evaluation scores run 0–100). */
export function fitSettingsOf(weights: MatchingWeights): FitSettings {
  return {
    weights: { thematic: weights.thematic, evaluation: weights.evaluation, likeness: weights.likeness, language: weights.language, travel: weights.travel, priorities: weights.priorities ?? DEFAULT_PRIORITIES_WEIGHT },
    evaluationMax: 100,
    railThresholdKm: weights.railThresholdKm,
    travelCo2ReferenceKg: weights.travelCo2ReferenceKg,
  };
}

/**
 * The fit of every visitor × host pair (a city never visits itself): the
 * score the solver maximises, and the breakdown and travel people read.
 * `cities` adds what the candidates do not carry (region, population, the
 * priority sectors from the support-needs survey).
 */
export function pairFits(visitors: readonly CandidateCity[], hosts: readonly CandidateCity[], cities: readonly MatchingCity[], settings: FitSettings): { pairs: StoredInstance['pairs']; fits: RunContext['fits'] } {
  const full = new Map(cities.map((c) => [c.id, c]));
  const asFitHost = (h: CandidateCity): FitHost => {
    const c = full.get(h.id);
    return { id: h.id, name: h.name, country: h.country, latitude: h.latitude, longitude: h.longitude, languages: h.languages, solutions: h.sectors, ...(c?.region ? { region: c.region } : {}), ...(c?.population ? { population: c.population } : {}) };
  };
  const asFitApplicant = (v: CandidateCity): FitApplicant => {
    const c = full.get(v.id);
    return {
      id: v.id,
      name: v.name,
      country: v.country,
      latitude: v.latitude,
      longitude: v.longitude,
      languages: v.languages,
      sectors: v.sectors,
      solutionsOfInterest: [],
      ...(v.evaluationScore !== null ? { evaluationScore: v.evaluationScore } : {}),
      ...(c?.region ? { region: c.region } : {}),
      ...(c?.population ? { population: c.population } : {}),
      ...(c?.prioritySectors?.length ? { prioritySectors: c.prioritySectors } : {}),
    };
  };
  const pairs: StoredInstance['pairs'] = [];
  const fits: RunContext['fits'] = [];
  for (const v of visitors) {
    for (const h of hosts) {
      if (v.id === h.id) continue;
      const fit = scoreFit(asFitApplicant(v), asFitHost(h), settings);
      pairs.push({ applicant: v.id, host: h.id, score: fit.score });
      fits.push({ visitor: v.id, host: h.id, score: fit.score, components: fit.components, travel: { km: round1(fit.travel.greatCircleKm), mode: fit.travel.mode, co2KgReturn: round1(fit.travel.co2KgReturn) } });
    }
  }
  return { pairs, fits };
}

/** Looks up a pair's stored fit (visitor city id, host city id). */
export function fitLookup(context: Pick<RunContext, 'fits'>): (visitor: string, host: string) => RunContext['fits'][number] | undefined {
  const byPair = new Map(context.fits.map((f) => [`${f.visitor}|${f.host}`, f]));
  return (visitor, host) => byPair.get(`${visitor}|${host}`);
}
