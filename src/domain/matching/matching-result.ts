import type { Reason } from '../../shared/reason.ts';
import type { MatchingExplanation } from './explain-matching.ts';
import type { PreparedMatching } from './prepare-matching.ts';
import { scaleScore, unscaleTotal, type ScoreScale } from './score-scaling.ts';

export interface MatchingAssignment {
  applicant: string;
  host: string;
  score: number;
}

export interface SolvedMatching {
  /** `optimal` is proven; `feasible` comes only from a MIP stopped with a gap. */
  status: 'optimal' | 'feasible';
  objective: number;
  assignments: MatchingAssignment[];
  unassigned: string[];
  /** Relative optimality gap; present when HiGHS solved a MIP (0 when proven). */
  gap?: number;
  explanation?: MatchingExplanation;
}

export interface InfeasibleMatching {
  status: 'infeasible';
  reason: Reason;
}

export type MatchingResult = SolvedMatching | InfeasibleMatching;

/**
 * The result of a solver's choice: `chosen` holds the pair index per
 * applicant (-1 when unplaced); locked pairs are added to it. The objective
 * is summed in scaled integers, so it is exact.
 */
export function resultFromPairs(prepared: PreparedMatching, chosen: Int32Array, scale: ScoreScale): SolvedMatching {
  const { instance, lockedPairs, pairApplicant } = prepared;
  for (const p of lockedPairs) chosen[pairApplicant[p]!] = p;
  let total = 0;
  const assignments: SolvedMatching['assignments'] = [];
  const unassigned: string[] = [];
  instance.applicants.forEach((applicant, a) => {
    const p = chosen[a]!;
    if (p < 0) {
      unassigned.push(applicant.id);
      return;
    }
    const pair = instance.pairs[p]!;
    total += scaleScore(pair.score, scale);
    assignments.push({ applicant: applicant.id, host: pair.host, score: pair.score });
  });
  return { status: 'optimal', objective: unscaleTotal(total, scale), assignments, unassigned };
}
