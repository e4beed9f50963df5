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
 * possible, lexicographically: the smallest largest load, then among those the
 * smallest second-largest, and so on (4/3/3 rather than 4/4/2), counting the
 * assignments already made. Found exactly, not greedily: a minimum-cost
 * maximum flow where an evaluator's n-th application costs 2n − 1, so the flow
 * minimises the sum of squared loads — over the load vectors of a bipartite
 * assignment (an M-convex set) that minimum is exactly the lexicographically
 * even one (Frank and Murota, discrete decreasing minimisation). Nobody judges
 * their own city or country, or a pair with a declared conflict.
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

  const best = evenestAssignment(need, allowed, evaluators.map((e) => currentLoad.get(e.id) ?? 0));
  const added: Assignment[] = best.pairs.map(([i, j]) => ({ applicationId: applications[i]?.id ?? '', evaluatorId: evaluators[j]?.id ?? '' }));
  const maxLoad = Math.max(0, ...best.loads);
  if (best.flow === totalNeed) return { status: 'complete', added, maxLoad };
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
  return { status: 'incomplete', added, maxLoad, shortfalls };
}

/**
 * Minimum-cost maximum flow, source → application (its need) → allowed
 * evaluator (one each) → sink, where raising an evaluator's load from n − 1
 * to n costs 2n − 1 (convex). Successive shortest paths, one unit at a time,
 * with Bellman–Ford over the residual graph (small graphs, deterministic order).
 */
function evenestAssignment(need: readonly number[], allowed: readonly (readonly number[])[], startLoad: readonly number[]) {
  const nA = need.length;
  const nE = startLoad.length;
  const assigned: Set<number>[] = Array.from({ length: nA }, () => new Set<number>());
  const load = [...startLoad];
  const got = new Array<number>(nA).fill(0);
  // Nodes: 0 source, 1..nA applications, nA+1..nA+nE evaluators, nA+nE+1 sink.
  const S = 0;
  const T = nA + nE + 1;
  const app = (i: number) => 1 + i;
  const ev = (j: number) => 1 + nA + j;
  let flow = 0;
  for (;;) {
    const dist = new Array<number>(T + 1).fill(Infinity);
    const prev = new Array<number>(T + 1).fill(-1);
    dist[S] = 0;
    // Relax until stable (at most |V| rounds: the residual graph has no negative cycle).
    for (let round = 0; round <= T; round++) {
      let changed = false;
      const relax = (from: number, to: number, cost: number) => {
        const d = (dist[from] ?? Infinity) + cost;
        if (d < (dist[to] ?? Infinity)) {
          dist[to] = d;
          prev[to] = from;
          changed = true;
        }
      };
      for (let i = 0; i < nA; i++) {
        if ((got[i] ?? 0) < (need[i] ?? 0)) relax(S, app(i), 0);
        for (const j of allowed[i] ?? []) {
          if (assigned[i]?.has(j)) relax(ev(j), app(i), 0);
          else relax(app(i), ev(j), 0);
        }
      }
      for (let j = 0; j < nE; j++) {
        const l = load[j] ?? 0;
        // The sink's reverse arcs never lie on a path to the sink: only the next unit's cost matters.
        relax(ev(j), T, 2 * (l + 1) - 1);
      }
      if (!changed) break;
    }
    if (dist[T] === Infinity) break;
    // Walk the path back from the sink and apply it.
    let node = T;
    while (node !== S) {
      const from = prev[node] ?? S;
      if (from === S) got[node - 1] = (got[node - 1] ?? 0) + 1;
      else if (node === T) load[from - 1 - nA] = (load[from - 1 - nA] ?? 0) + 1;
      else if (from <= nA) assigned[from - 1]?.add(node - 1 - nA);
      else assigned[node - 1]?.delete(from - 1 - nA);
      node = from;
    }
    flow++;
  }
  return { flow, loads: load, pairs: assigned.flatMap((set, i) => [...set].sort((a, b) => a - b).map((j) => [i, j] as const)) };
}
