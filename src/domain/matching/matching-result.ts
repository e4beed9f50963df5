import type { MatchingExplanation } from './explain-matching.ts';

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
  reason: string;
}

export type MatchingResult = SolvedMatching | InfeasibleMatching;
