import type { PopulationBand } from '../../shared/survey.schemas.ts';

/** The population band results are segmented by; `unknown` when the registry has no population. */
export function populationBand(population: number | null): PopulationBand {
  if (population === null) return 'unknown';
  if (population < 50_000) return 'under-50k';
  if (population < 100_000) return '50k-100k';
  if (population < 250_000) return '100k-250k';
  if (population < 500_000) return '250k-500k';
  if (population < 1_000_000) return '500k-1m';
  return 'over-1m';
}
