import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { FlowNetworkBuilder, arcFlow, ShortestPathAugmenter } from './min-cost-flow.ts';

// Second stage: one facilitator per host visit, as an exact min-cost flow:
//
//   source ──(1)──▶ visit ──(1, −preference)──▶ facilitator ──(maxVisits)──▶ sink
//
// An arc visit → facilitator exists when the facilitator speaks one of the
// host's languages or a programme-wide shared language, and one of their
// availability windows covers the whole visit. Every visit must be covered:
// the flow is pushed to its maximum (successive shortest paths, so the most
// preferred assignment among maximum ones) and a shortfall is infeasible,
// with the reason (a visit nobody can take, or a group of visits that share
// too few facilitators — Hall's condition, found from the residual graph).
//
// Not modelled: one facilitator at two overlapping visits. With per-visit
// eligibility that constraint makes the problem NP-hard (interval scheduling
// with machine eligibility), so it is reported as a warning, not enforced.

export interface HostVisit {
  id: string;
  host?: string;
  /** Languages spoken at the host city. */
  languages: readonly string[];
  /** ISO dates (YYYY-MM-DD), inclusive. */
  start: string;
  end: string;
}

export interface Facilitator {
  id: string;
  name?: string;
  languages: readonly string[];
  availability: readonly { from: string; to: string }[];
  maxVisits: number;
}

export interface FacilitatorOptions {
  /** Languages every visit can work in (e.g. the programme language). */
  sharedLanguages?: readonly string[];
  /** Optional preference per (facilitator, visit); higher is better, default 0. */
  preferences?: readonly { facilitator: string; visit: string; score: number }[];
}

export type FacilitatorAssignment =
  | {
      status: 'optimal';
      assignments: { visit: string; facilitator: string }[];
      /** Total preference of the chosen pairs. */
      objective: number;
      warnings: Reason[];
    }
  | { status: 'infeasible'; reason: Reason };

// Reasons name a visit by its host and a facilitator by name, ids only when those are not given.
const visitName = (visit: HostVisit) => visit.host ?? visit.id;
const facilitatorName = (facilitator: Facilitator) => facilitator.name ?? facilitator.id;

function lower(items: readonly string[]): Set<string> {
  return new Set(items.map((x) => x.toLowerCase()));
}

/** Whether a facilitator can take a visit (language and dates). */
function canFacilitate(visit: HostVisit, facilitator: Facilitator, sharedLanguages: readonly string[] = []): boolean {
  const visitLanguages = lower([...visit.languages, ...sharedLanguages]);
  const speaks = facilitator.languages.some((l) => visitLanguages.has(l.toLowerCase()));
  // ISO dates compare correctly as strings.
  const available = facilitator.availability.some((w) => w.from <= visit.start && visit.end <= w.to);
  return speaks && available;
}

/** Assigns one facilitator per visit, optimally, or says why it cannot be done. */
export function assignFacilitators(
  visits: readonly HostVisit[],
  facilitators: readonly Facilitator[],
  options: FacilitatorOptions = {},
): FacilitatorAssignment {
  const shared = options.sharedLanguages ?? [];
  const preference = new Map<string, number>();
  for (const p of options.preferences ?? []) preference.set(`${p.facilitator}\u0000${p.visit}`, p.score);
  const scale = 1e6;

  const V = visits.length;
  const F = facilitators.length;
  const source = V + F;
  const sink = source + 1;
  const builder = new FlowNetworkBuilder(sink + 1);
  const pairArcs: { arc: number; visit: number; facilitator: number; score: number }[] = [];
  const eligibleCount = new Int32Array(V);
  visits.forEach((visit, v) => {
    builder.addArc(source, v, 1, 0);
    facilitators.forEach((facilitator, f) => {
      if (!canFacilitate(visit, facilitator, shared)) return;
      const score = preference.get(`${facilitator.id}\u0000${visit.id}`) ?? 0;
      pairArcs.push({ arc: builder.addArc(v, V + f, 1, -Math.round(score * scale)), visit: v, facilitator: f, score });
      eligibleCount[v]!++;
    });
  });
  facilitators.forEach((facilitator, f) => builder.addArc(V + f, sink, Math.max(0, facilitator.maxVisits), 0));

  for (let v = 0; v < V; v++) {
    if (eligibleCount[v] === 0) {
      const visit = visits[v]!;
      const languages = [...new Set([...visit.languages, ...shared])].join(', ');
      return { status: 'infeasible', reason: reason('FACILITATOR_NONE_FOR_VISIT', { visit: visitName(visit), start: visit.start, end: visit.end, languages }) };
    }
  }

  const network = builder.build();
  const augmenter = new ShortestPathAugmenter(network);
  // Feasible start: distances in the acyclic initial graph, every node ≥ reachable at 0.
  const pot = augmenter.potential;
  for (const { arc, facilitator } of pairArcs) {
    const cost = network.arcCost[network.forwardArc[arc]!]!;
    pot[V + facilitator] = Math.min(pot[V + facilitator]!, cost);
  }
  for (let f = 0; f < F; f++) pot[sink] = Math.min(pot[sink]!, pot[V + f]!);
  let covered = 0;
  while (augmenter.shortestPath(source, sink) !== Infinity) {
    augmenter.augment(source, sink);
    covered++;
  }

  const facilitatorOf = new Int32Array(V).fill(-1);
  let objective = 0;
  for (const { arc, visit, facilitator, score } of pairArcs) {
    if (arcFlow(network, arc) > 0) {
      facilitatorOf[visit] = facilitator;
      objective += score;
    }
  }
  if (covered < V) return { status: 'infeasible', reason: hallViolation(visits, facilitators, facilitatorOf, pairArcs) };

  const assignments = visits.map((visit, v) => ({ visit: visit.id, facilitator: facilitators[facilitatorOf[v]!]!.id }));
  return { status: 'optimal', assignments, objective, warnings: overlapWarnings(visits, facilitators, facilitatorOf) };
}

/** Visits reachable by alternating paths from an uncovered visit share too few facilitators. */
function hallViolation(
  visits: readonly HostVisit[],
  facilitators: readonly Facilitator[],
  facilitatorOf: Int32Array,
  pairArcs: readonly { visit: number; facilitator: number }[],
): Reason {
  const start = facilitatorOf.findIndex((f) => f < 0);
  const eligible = visits.map((): number[] => []);
  for (const { visit, facilitator } of pairArcs) eligible[visit]!.push(facilitator);
  const visitSeen = new Set<number>([start]);
  const facilitatorSeen = new Set<number>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const f of eligible[v]!) {
      if (facilitatorSeen.has(f)) continue;
      facilitatorSeen.add(f);
      facilitatorOf.forEach((assigned, w) => {
        if (assigned === f && !visitSeen.has(w)) {
          visitSeen.add(w);
          queue.push(w);
        }
      });
    }
  }
  const names = [...visitSeen].sort((a, b) => a - b).map((v) => visitName(visits[v]!));
  const people = [...facilitatorSeen].sort((a, b) => a - b).map((f) => facilitators[f]!);
  const capacity = people.reduce((sum, f) => sum + f.maxVisits, 0);
  return reason('FACILITATORS_TOO_FEW', { visits: names.join(', '), facilitators: people.map(facilitatorName).join(', '), capacity });
}

function overlapWarnings(visits: readonly HostVisit[], facilitators: readonly Facilitator[], facilitatorOf: Int32Array): Reason[] {
  const warnings: Reason[] = [];
  for (let a = 0; a < visits.length; a++) {
    for (let b = a + 1; b < visits.length; b++) {
      if (facilitatorOf[a] !== facilitatorOf[b]) continue;
      const x = visits[a]!;
      const y = visits[b]!;
      if (x.start <= y.end && y.start <= x.end) {
        warnings.push(reason('FACILITATOR_OVERLAP', { facilitator: facilitatorName(facilitators[facilitatorOf[a]!]!), first: visitName(x), second: visitName(y) }));
      }
    }
  }
  return warnings;
}
