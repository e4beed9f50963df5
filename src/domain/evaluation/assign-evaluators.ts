import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

export interface ApplicationToReview {
  id: string;
  cityId: string;
  country: string;
}

export interface EvaluatorProfile {
  id: string;
  /** Countries the evaluator may not judge (their own). */
  countries: readonly string[];
  /** Cities the evaluator belongs to (as a representative). */
  cityIds: readonly string[];
}

export interface Assignment {
  applicationId: string;
  evaluatorId: string;
}

export interface AssignmentInput {
  applications: readonly ApplicationToReview[];
  evaluators: readonly EvaluatorProfile[];
  perApplication: number;
  /** Assignments already made (kept as they are). */
  existing: readonly Assignment[];
  /** Declared conflicts of interest: never assign these pairs. */
  conflicts: readonly Assignment[];
}

export type AssignmentResult =
  | { status: 'complete'; added: Assignment[]; maxLoad: number }
  | { status: 'incomplete'; added: Assignment[]; maxLoad: number; shortfalls: { applicationId: string; missing: number; reason: Reason }[] };

/** Why an evaluator may not judge an application, or null when they may. */
export function exclusionReason(app: ApplicationToReview, evaluator: EvaluatorProfile, conflicts: ReadonlySet<string>): Reason | null {
  if (conflicts.has(`${app.id}|${evaluator.id}`)) return reason('EVALUATOR_DECLARED_CONFLICT');
  if (evaluator.cityIds.includes(app.cityId)) return reason('EVALUATOR_REPRESENTS_CITY');
  if (evaluator.countries.includes(app.country)) return reason('EVALUATOR_SAME_COUNTRY', { country: app.country });
  return null;
}

/**
 * Gives each application `perApplication` evaluators with loads as even as
 * possible: the smallest maximum load for which a full assignment exists,
 * found exactly with max-flow (not greedily). Nobody judges their own city
 * or country, or a pair with a declared conflict.
 */
export function assignEvaluators(input: AssignmentInput): AssignmentResult {
  const { applications, evaluators, perApplication } = input;
  const conflicts = new Set(input.conflicts.map((c) => `${c.applicationId}|${c.evaluatorId}`));
  const existing = input.existing.filter((a) => !conflicts.has(`${a.applicationId}|${a.evaluatorId}`));
  const has = new Set(existing.map((a) => `${a.applicationId}|${a.evaluatorId}`));
  const currentLoad = new Map<string, number>(evaluators.map((e) => [e.id, 0]));
  const covered = new Map<string, number>(applications.map((a) => [a.id, 0]));
  for (const a of existing) {
    currentLoad.set(a.evaluatorId, (currentLoad.get(a.evaluatorId) ?? 0) + 1);
    covered.set(a.applicationId, (covered.get(a.applicationId) ?? 0) + 1);
  }
  const need = applications.map((a) => Math.max(0, perApplication - (covered.get(a.id) ?? 0)));
  const totalNeed = need.reduce((s, n) => s + n, 0);
  const allowed = applications.map((app) =>
    evaluators.map((ev, j) => (exclusionReason(app, ev, conflicts) === null && !has.has(`${app.id}|${ev.id}`) ? j : -1)).filter((j) => j >= 0),
  );

  const solveWith = (maxLoad: number) => maxFlowAssignment(need, allowed, evaluators.map((e) => Math.max(0, maxLoad - (currentLoad.get(e.id) ?? 0))));
  const floor = evaluators.length ? Math.ceil((totalNeed + existing.length) / evaluators.length) : 0;
  const ceiling = Math.max(floor, applications.length);
  let best = solveWith(ceiling);
  let bestLoad = ceiling;
  if (best.flow === totalNeed) {
    // Smallest maximum load that still covers everything (binary search on a monotone property).
    let lo = floor;
    let hi = ceiling;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const attempt = solveWith(mid);
      if (attempt.flow === totalNeed) {
        hi = mid;
        best = attempt;
        bestLoad = mid;
      } else lo = mid + 1;
    }
    if (bestLoad !== lo) {
      best = solveWith(lo);
      bestLoad = lo;
    }
  }
  const added: Assignment[] = best.pairs.map(([i, j]) => ({ applicationId: applications[i]?.id ?? '', evaluatorId: evaluators[j]?.id ?? '' }));
  if (best.flow === totalNeed) return { status: 'complete', added, maxLoad: bestLoad };
  const got = new Map<number, number>();
  for (const [i] of best.pairs) got.set(i, (got.get(i) ?? 0) + 1);
  const shortfalls = applications
    .map((app, i) => ({ app, missing: (need[i] ?? 0) - (got.get(i) ?? 0), eligible: allowed[i]?.length ?? 0 }))
    .filter((s) => s.missing > 0)
    .map((s) => ({
      applicationId: s.app.id,
      missing: s.missing,
      reason: reason('EVALUATORS_TOO_FEW', { eligible: s.eligible + (covered.get(s.app.id) ?? 0), needed: perApplication }),
    }));
  return { status: 'incomplete', added, maxLoad: bestLoad, shortfalls };
}

/** Bipartite b-matching by augmenting paths (Edmonds–Karp); small graphs, deterministic order. */
function maxFlowAssignment(need: readonly number[], allowed: readonly (readonly number[])[], capacity: readonly number[]) {
  const nA = need.length;
  const nE = capacity.length;
  const assigned: Set<number>[] = Array.from({ length: nA }, () => new Set<number>());
  const load = new Array<number>(nE).fill(0);
  const holders: Set<number>[] = Array.from({ length: nE }, () => new Set<number>());
  let flow = 0;
  for (let i = 0; i < nA; i++) {
    for (let k = 0; k < (need[i] ?? 0); k++) {
      if (!augment(i)) break;
      flow++;
    }
  }
  return { flow, pairs: assigned.flatMap((set, i) => [...set].sort((a, b) => a - b).map((j) => [i, j] as const)) };

  // BFS over alternating paths: application → evaluator (not yet assigned) →
  // another application holding that evaluator → … → an evaluator with room.
  function augment(start: number): boolean {
    const prevOfEval = new Array<number>(nE).fill(-2);
    const prevOfApp = new Array<number>(nA).fill(-2);
    prevOfApp[start] = -1;
    const queue = [start];
    while (queue.length) {
      const a = queue.shift() ?? 0;
      for (const e of allowed[a] ?? []) {
        if (assigned[a]?.has(e) || prevOfEval[e] !== -2) continue;
        prevOfEval[e] = a;
        if ((load[e] ?? 0) < (capacity[e] ?? 0)) {
          // Flip the path back to the start.
          let ev = e;
          let app = a;
          load[e] = (load[e] ?? 0) + 1;
          for (;;) {
            assigned[app]?.add(ev);
            holders[ev]?.add(app);
            const back = prevOfApp[app] ?? -1;
            if (back === -1) return true;
            // `app` took `ev`; it gives up `back` (the evaluator it reached us through).
            assigned[app]?.delete(back);
            holders[back]?.delete(app);
            ev = back;
            app = prevOfEval[back] ?? start;
          }
        }
        for (const other of holders[e] ?? []) {
          if (prevOfApp[other] !== -2 || assigned[other] === undefined) continue;
          prevOfApp[other] = e;
          queue.push(other);
        }
      }
    }
    return false;
  }
}
