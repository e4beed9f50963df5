// Routing open support requests to experts (issue 21), exactly, on the
// matching's min-cost flow engine (src/domain/matching/min-cost-flow.ts):
//
//   request ──(1, −(M + fit))──▶ expert ══(slot k: 1, load cost)══▶ sink
//   request ──(1, 0)───────────────────────────────────────────────▶ sink  ("stays unassigned")
//
// Each expert has one unit arc per free weekly slot; taking the expert from
// load L to L + 1 costs L × LOAD_COST_PER_REQUEST. These costs rise with the
// load (convex), so the flow fills an expert's cheaper slots first and the
// optimum prefers less-loaded experts exactly — not a heuristic penalty on
// the pair. Capacity is the number of slot arcs: it can never be exceeded.
// Pairs with a conflict (or no shared language, or no shared topic: see
// expert-fit.ts) are not arcs at all.
//
// The objective is lexicographic: the most requests assigned, then the
// highest total (fit − load cost). Every assignment earns a bonus
// M = n × (maxFit + maxSlotCost) + 1; the (fit − load cost) totals of any two
// solutions differ by less than M, so one more assignment always wins, in
// exact integer arithmetic (the same construction as the matching's
// placeAsManyAsPossible, src/domain/matching/matching-network.ts).
//
// Requests are solved one at a time as units of supply, each by a shortest
// path on reduced costs (successive shortest paths, as solve-matching.ts
// does for `unplaced-allowed`). Requests and experts are numbered in id
// order and Dijkstra breaks ties by node number, so the result depends on
// the ids only, not on the order of the input.

import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { arcFlow, FlowNetworkBuilder, ShortestPathAugmenter } from '../matching/min-cost-flow.ts';
import { chooseScoreScale } from '../matching/score-scaling.ts';
import {
  fitReasons,
  fitScore,
  fitParts,
  freeSlots,
  isConflict,
  pairFit,
  type FitParts,
  type PairExclusion,
  type SupportExpert,
  type SupportRequest,
} from './expert-fit.ts';

/** Cost of the slot that takes an expert from load L to L + 1 is L times this. */
export const LOAD_COST_PER_REQUEST = 1;

/** A manager's choice of expert for a request. */
export interface RoutingOverride {
  requestId: string;
  expertId: string;
}

export interface RoutingInput {
  /** Open requests without an expert. */
  requests: readonly SupportRequest[];
  experts: readonly SupportExpert[];
  /** Managers' choices, kept as they are unless the expert has a conflict with the city. */
  overrides?: readonly RoutingOverride[];
}

/** Why this expert got this request, as data (the page says it in words from `reasons`). */
export interface AssignmentExplanation extends FitParts {
  fit: number;
  /** Weekly slots the expert had free before this routing (capacity − open load). */
  freeSlots: number;
  capacity: number;
  /** The same, as reasons for people: shared sectors, levers, languages, country, free slots. */
  reasons: Reason[];
}

export interface RoutedAssignment {
  requestId: string;
  expertId: string;
  /** `routing` when the optimisation chose the pair, `manager` for an override. */
  by: 'routing' | 'manager';
  explanation: AssignmentExplanation;
}

export interface UnassignedRequest {
  requestId: string;
  /** Experts who could take the request (no conflict, a shared language, a shared topic). */
  eligibleExperts: number;
  reason: Reason;
}

export interface RefusedOverride extends RoutingOverride {
  reason: Reason;
}

/** The optimum reached, for tests and for the record (overrides not included). */
export interface RoutingObjective {
  assigned: number;
  totalFit: number;
  loadCost: number;
}

export interface RoutingResult {
  /** By request id. */
  assignments: RoutedAssignment[];
  /** By request id. */
  unassigned: UnassignedRequest[];
  refusedOverrides: RefusedOverride[];
  objective: RoutingObjective;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Assigns open requests to experts: the most requests possible, then the best
 * total fit minus load cost (see the top of this file), within each expert's
 * free weekly slots, never to an expert with a conflict. Managers' overrides
 * are kept (and use a slot) unless the expert has a conflict with the city.
 * Deterministic: the same input in any order gives the same result.
 */
export function routeRequests(input: RoutingInput): RoutingResult {
  const requests = [...input.requests].sort(byId);
  const experts = [...input.experts].sort(byId);
  const { kept, refused } = checkOverrides(requests, experts, input.overrides ?? []);
  const extraLoad = new Map<string, number>();
  for (const o of kept) extraLoad.set(o.expertId, (extraLoad.get(o.expertId) ?? 0) + 1);
  const overridden = new Set(kept.map((o) => o.requestId));
  const open = requests.filter((r) => !overridden.has(r.id));
  // Load and free slots once the overrides are counted.
  const load = experts.map((e) => Math.max(0, Math.floor(e.openLoad)) + (extraLoad.get(e.id) ?? 0));
  const free = experts.map((e, j) => Math.max(0, Math.floor(e.weeklyCapacity) - load[j]!));

  const fits = open.map((r) => experts.map((e) => pairFit(r, e)));
  const chosen = solveRouting(fits, load, free);

  const expertById = new Map(experts.map((e) => [e.id, e]));
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const assignments: RoutedAssignment[] = [];
  const unassigned: UnassignedRequest[] = [];
  const objective: RoutingObjective = { assigned: 0, totalFit: 0, loadCost: 0 };
  const gained = new Array<number>(experts.length).fill(0);
  open.forEach((request, i) => {
    const j = chosen[i]!;
    if (j >= 0) {
      const fit = fits[i]![j]!;
      const expert = experts[j]!;
      assignments.push({ requestId: request.id, expertId: expert.id, by: 'routing', explanation: explain(request, expert, fit.parts) });
      objective.assigned++;
      objective.totalFit += fit.allowed ? fit.fit : 0;
      objective.loadCost += (load[j]! + gained[j]!++) * LOAD_COST_PER_REQUEST;
    } else {
      unassigned.push(whyUnassigned(request.id, fits[i]!, free));
    }
  });
  for (const o of kept) {
    const request = requestById.get(o.requestId)!;
    const expert = expertById.get(o.expertId)!;
    const explanation = explain(request, expert, fitParts(request, expert));
    explanation.reasons.push(reason('SUPPORT_ASSIGNED_BY_MANAGER'));
    assignments.push({ requestId: o.requestId, expertId: o.expertId, by: 'manager', explanation });
  }
  assignments.sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
  return { assignments, unassigned, refusedOverrides: refused, objective };
}

/** Keeps the overrides that name open requests and experts without a conflict; one per request. */
function checkOverrides(requests: readonly SupportRequest[], experts: readonly SupportExpert[], overrides: readonly RoutingOverride[]) {
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const expertById = new Map(experts.map((e) => [e.id, e]));
  const kept: RoutingOverride[] = [];
  const refused: RefusedOverride[] = [];
  const seen = new Set<string>();
  for (const o of overrides) {
    const request = requestById.get(o.requestId);
    const expert = expertById.get(o.expertId);
    const refuse = (r: Reason) => refused.push({ requestId: o.requestId, expertId: o.expertId, reason: r });
    if (!request || !expert) refuse(reason('SUPPORT_OVERRIDE_UNKNOWN'));
    else if (seen.has(o.requestId)) refuse(reason('SUPPORT_OVERRIDE_TWICE'));
    else {
      const fit = pairFit(request, expert);
      if (!fit.allowed && isConflict(fit.exclusion)) refuse(reason('SUPPORT_OVERRIDE_CONFLICT'));
      else {
        seen.add(o.requestId);
        kept.push({ requestId: o.requestId, expertId: o.expertId });
      }
    }
  }
  return { kept, refused };
}

function explain(request: SupportRequest, expert: SupportExpert, parts: FitParts): AssignmentExplanation {
  const capacity = Math.max(0, Math.floor(expert.weeklyCapacity));
  const slots = freeSlots(expert);
  return {
    ...parts,
    fit: fitScore(request, parts),
    freeSlots: slots,
    capacity,
    reasons: [...fitReasons(parts, request.country), reason('SUPPORT_FREE_SLOTS', { free: slots, capacity })],
  };
}

function whyUnassigned(requestId: string, fits: readonly ReturnType<typeof pairFit>[], free: readonly number[]): UnassignedRequest {
  const exclusions = fits.map((f): PairExclusion | null => (f.allowed ? null : f.exclusion));
  const eligible = exclusions.filter((x) => x === null).length;
  const without = (...kinds: PairExclusion[]) => exclusions.every((x) => x !== null && kinds.includes(x));
  let why: Reason;
  if (fits.length === 0) why = reason('SUPPORT_UNASSIGNED_NO_EXPERTS');
  else if (without('represents-city', 'declared-conflict')) why = reason('SUPPORT_UNASSIGNED_CONFLICT');
  else if (without('represents-city', 'declared-conflict', 'no-shared-language')) why = reason('SUPPORT_UNASSIGNED_LANGUAGE');
  else if (eligible === 0) why = reason('SUPPORT_UNASSIGNED_TOPIC');
  else if (exclusions.every((x, j) => x !== null || free[j] === 0)) why = reason('SUPPORT_UNASSIGNED_NO_CAPACITY', { eligible });
  else why = reason('SUPPORT_UNASSIGNED_CAPACITY_TAKEN', { eligible });
  return { requestId, eligibleExperts: eligible, reason: why };
}

/**
 * The exact optimum on the flow network described at the top of this file.
 * `fits[i][j]` is request i with expert j; returns the expert index per
 * request, -1 when unassigned.
 */
function solveRouting(fits: readonly (readonly ReturnType<typeof pairFit>[])[], load: readonly number[], free: readonly number[]): Int32Array {
  const n = fits.length;
  const m = load.length;
  const sink = n + m;
  // Slot arcs beyond n can never carry flow.
  const slots = free.map((f) => Math.min(f, n));
  let maxFit = 0;
  let maxSlotCost = 0;
  let pairCount = 0;
  for (const row of fits) {
    for (const f of row) {
      if (f.allowed) {
        maxFit = Math.max(maxFit, f.fit);
        pairCount++;
      }
    }
  }
  slots.forEach((s, j) => {
    if (s > 0) maxSlotCost = Math.max(maxSlotCost, (load[j]! + s - 1) * LOAD_COST_PER_REQUEST);
  });
  const bonus = n * (maxFit + maxSlotCost) + 1;
  // Costs are integers; this only checks that every path sum stays exact (it throws otherwise).
  chooseScoreScale([bonus + maxFit, maxSlotCost], n + m + 1);

  const builder = new FlowNetworkBuilder(n + m + 1, pairCount + n + slots.reduce((s, x) => s + x, 0));
  const pairArc: { request: number; expert: number; arc: number }[] = [];
  fits.forEach((row, i) => {
    row.forEach((f, j) => {
      if (f.allowed) pairArc.push({ request: i, expert: j, arc: builder.addArc(i, n + j, 1, -(bonus + f.fit)) });
    });
  });
  slots.forEach((s, j) => {
    for (let k = 0; k < s; k++) builder.addArc(n + j, sink, 1, (load[j]! + k) * LOAD_COST_PER_REQUEST);
  });
  for (let i = 0; i < n; i++) builder.addArc(i, sink, 1, 0);
  const network = builder.build();

  const augmenter = new ShortestPathAugmenter(network);
  const pot = augmenter.potential;
  const { firstArc, arcHead, arcCost, arcResidual } = network;
  // Initial potentials 0 make every expert → sink arc non-negative (slot costs ≥ 0).
  // Before its turn a request has no residual arc coming in, so raising its
  // potential to cover its own arcs keeps every reduced cost non-negative.
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let e = firstArc[i]!; e < firstArc[i + 1]!; e++) {
      if (arcResidual[e]! > 0) best = Math.max(best, pot[arcHead[e]!]! - arcCost[e]!);
    }
    pot[i] = best;
    augmenter.shortestPath(i, sink);
    augmenter.augment(i, sink);
  }

  const chosen = new Int32Array(n).fill(-1);
  for (const p of pairArc) if (arcFlow(network, p.arc) > 0) chosen[p.request] = p.expert;
  return chosen;
}
