import type { MatchingInstance } from './matching-instance.ts';
import type { MatchingAssignment } from './matching-result.ts';
import { matchingViolations } from './check-matching.ts';

// Reference solver for tests: tries every assignment. Only for tiny instances
// (choices^applicants combinations); deliberately naive so it can be trusted.

export type ExhaustiveResult =
  | { status: 'optimal'; objective: number; placed: number }
  | { status: 'infeasible' };

/** Best objective by brute force (totals compared in integer hundredths-of-millionths). */
export function solveExhaustively(instance: MatchingInstance): ExhaustiveResult {
  const options = instance.applicants.map((a) => [null, ...instance.pairs.filter((p) => p.applicant === a.id)]);
  let best: { objective: number; placed: number; exact: number } | undefined;
  const current: MatchingAssignment[] = [];
  const visit = (i: number): void => {
    if (i === options.length) {
      if (matchingViolations(instance, current).length > 0) return;
      const exact = current.reduce((s, x) => s + Math.round(x.score * 1e6), 0);
      const placed = current.length;
      const better =
        best === undefined ||
        (instance.rules.placeAsManyAsPossible
          ? placed > best.placed || (placed === best.placed && exact > best.exact)
          : exact > best.exact);
      if (better) best = { objective: exact / 1e6, placed, exact };
      return;
    }
    for (const pair of options[i]!) {
      if (pair === null) {
        visit(i + 1);
      } else {
        current.push({ applicant: pair.applicant, host: pair.host, score: pair.score });
        visit(i + 1);
        current.pop();
      }
    }
  };
  visit(0);
  return best === undefined ? { status: 'infeasible' } : { status: 'optimal', objective: best.objective, placed: best.placed };
}
