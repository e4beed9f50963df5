import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { MatchingNetwork } from './matching-network.ts';
import type { PreparedMatching } from './prepare-matching.ts';
import { unscaleTotal } from './score-scaling.ts';

// Explanations come from the residual graph of the optimal flow, exactly.
//
// Forcing applicant a onto host h (arc e = a → h, not in the solution) costs
// at least cost(e) + dist(h → a) in the residual graph: the difference between
// the forced optimum and the current one is a circulation, which splits into
// one cycle through e plus cycles of non-negative cost (the flow is optimal,
// so the residual graph has no negative cycle). The shortest such cycle is
// itself feasible, so the bound is attained: the drop in total score is
// exactly cost(e) + dist(h → a), in scaled integers. We get every dist(· → a)
// with one Dijkstra on reversed residual arcs, made non-negative by potentials
// from one Bellman–Ford pass over the final residual graph.
//
// When no such cycle exists, or (placeAsManyAsPossible) every such cycle
// loses a placement, or all of a host's places are locked, drop is null.

export type NotGivenReason =
  | 'forbidden'
  | 'below-min-score'
  | 'locked-elsewhere'
  | 'host-full'
  | 'country-limit'
  | 'lower-total'
  | 'no-room';

export interface AlternativeHost {
  host: string;
  score: number;
  reason: NotGivenReason;
  /** Drop in the best total if this pair were forced; null when rules forbid it or it would cost a placement. */
  totalDrop: number | null;
  /** Why, with names and figures, for people. */
  why: Reason;
}

export interface ApplicantExplanation {
  applicant: string;
  placement: { host: string; score: number; locked: boolean } | null;
  /** Best other host for a placed applicant (smallest drop), null if none. */
  runnerUp: AlternativeHost | null;
  /** Every listed host not given to this applicant, best first. */
  notGiven: AlternativeHost[];
}

export interface HostAlternate {
  applicant: string;
  score: number;
  totalDrop: number;
}

export interface HostExplanation {
  host: string;
  placed: string[];
  /** Applicants not placed here, ranked by how little the total would drop. */
  alternates: HostAlternate[];
}

export interface MatchingExplanation {
  method: 'residual-shortest-paths';
  applicants: ApplicantExplanation[];
  hosts: HostExplanation[];
}

const ALTERNATES_PER_HOST = 5;

/** A figure as people read it: at most two decimals. */
function figure(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Builds explanations from the solved network; `chosen` is the pair per applicant (-1 unplaced). */
export function explainMatching(prepared: PreparedMatching, matching: MatchingNetwork, chosen: Int32Array): MatchingExplanation {
  const { instance, candidatePairs, pairApplicant, pairHost, lockedHost } = prepared;
  const { hosts, applicants, pairs, rules } = instance;
  const hostName = (h: number) => hosts[h]!.name ?? hosts[h]!.id;
  const applicantName = (a: number) => applicants[a]!.name ?? applicants[a]!.id;
  const drops = exactDrops(prepared, matching);

  const candidateSlot = new Map<number, number>();
  candidatePairs.forEach((p, j) => candidateSlot.set(p, j));
  const placedAt: number[][] = hosts.map(() => []);
  chosen.forEach((p, a) => {
    if (p >= 0) placedAt[pairHost[p]!]!.push(a);
  });
  const countryRule = rules.maxPerCountryPerHost;

  const describe = (p: number): AlternativeHost => {
    const pair = pairs[p]!;
    const a = pairApplicant[p]!;
    const h = pairHost[p]!;
    const base = { host: pair.host, score: pair.score };
    const excluded = prepared.excluded.get(p);
    if (excluded === 'forbidden') {
      return { ...base, reason: 'forbidden', totalDrop: null, why: reason('MATCH_FORBIDDEN') };
    }
    if (excluded === 'below-min-score') {
      return { ...base, reason: 'below-min-score', totalDrop: null, why: reason('MATCH_BELOW_MIN_SCORE', { score: figure(pair.score), minScore: figure(rules.minScore ?? 0) }) };
    }
    if (lockedHost[a] !== -1) {
      return { ...base, reason: 'locked-elsewhere', totalDrop: null, why: reason('MATCH_LOCKED_ELSEWHERE', { host: hostName(lockedHost[a]!) }) };
    }
    const j = candidateSlot.get(p)!;
    const drop = drops[j]!;
    const moving = chosen[a]! >= 0;
    const applicant = applicantName(a);
    const host = hostName(h);
    if (Number.isNaN(drop)) {
      const why =
        hosts[h]!.capacity > 0 && prepared.freeCapacity[h] === 0
          ? reason('MATCH_HOST_ALL_LOCKED', { host })
          : reason(moving ? 'MATCH_FEWER_PLACED_MOVING' : 'MATCH_FEWER_PLACED_PLACING', { applicant });
      return { ...base, reason: 'no-room', totalDrop: null, why };
    }
    const consequence = { applicant, drop: figure(drop) };
    const here = placedAt[h]!;
    if (here.length >= hosts[h]!.capacity) {
      const why = reason(moving ? 'MATCH_HOST_FULL_MOVING' : 'MATCH_HOST_FULL_PLACING', { ...consequence, host, placed: here.length });
      return { ...base, reason: 'host-full', totalDrop: drop, why };
    }
    if (countryRule !== undefined) {
      const country = prepared.applicantCountry[a]!;
      const sameCountry = here.filter((b) => prepared.applicantCountry[b] === country).length;
      if (sameCountry >= countryRule) {
        const params = { ...consequence, host, sameCountry, country: prepared.countryNames[country] ?? '', limit: countryRule };
        return { ...base, reason: 'country-limit', totalDrop: drop, why: reason(moving ? 'MATCH_COUNTRY_LIMIT_MOVING' : 'MATCH_COUNTRY_LIMIT_PLACING', params) };
      }
    }
    const why = moving
      ? reason('MATCH_LOWER_TOTAL_MOVING', consequence)
      : pair.score <= 0
        ? reason('MATCH_NOT_POSITIVE_PLACING', { ...consequence, score: figure(pair.score) })
        : reason('MATCH_LOWER_TOTAL_PLACING', consequence);
    return { ...base, reason: 'lower-total', totalDrop: drop, why };
  };

  const pairsOf: number[][] = applicants.map(() => []);
  pairs.forEach((_, p) => pairsOf[pairApplicant[p]!]!.push(p));

  const applicantExplanations = applicants.map((applicant, a): ApplicantExplanation => {
    const given = chosen[a]!;
    const notGiven = pairsOf[a]!.filter((p) => p !== given).map(describe);
    notGiven.sort(byDrop);
    const placement =
      given >= 0 ? { host: pairs[given]!.host, score: pairs[given]!.score, locked: lockedHost[a] !== -1 } : null;
    const runnerUp = given >= 0 ? (notGiven.find((alt) => alt.totalDrop !== null) ?? null) : null;
    return { applicant: applicant.id, placement, runnerUp, notGiven };
  });

  const hostExplanations = hosts.map((host, h): HostExplanation => {
    const alternates: HostAlternate[] = [];
    candidatePairs.forEach((p, j) => {
      const drop = drops[j]!;
      if (pairHost[p] !== h || chosen[pairApplicant[p]!] === p || Number.isNaN(drop)) return;
      alternates.push({ applicant: pairs[p]!.applicant, score: pairs[p]!.score, totalDrop: drop });
    });
    // Stable sort keeps input order among equal drops.
    alternates.sort((x, y) => x.totalDrop - y.totalDrop);
    return { host: host.id, placed: placedAt[h]!.map((a) => applicants[a]!.id), alternates: alternates.slice(0, ALTERNATES_PER_HOST) };
  });

  return { method: 'residual-shortest-paths', applicants: applicantExplanations, hosts: hostExplanations };
}

function byDrop(x: AlternativeHost, y: AlternativeHost): number {
  const dx = x.totalDrop ?? Infinity;
  const dy = y.totalDrop ?? Infinity;
  return dx - dy;
}

/** Exact drop in total score per candidate pair (0 for chosen pairs, NaN when impossible). */
function exactDrops(prepared: PreparedMatching, matching: MatchingNetwork): Float64Array {
  const { network, pairArc, scale, placementBonus: bonus } = matching;
  const { firstArc, arcHead, arcCost, arcResidual, arcPartner, forwardArc, nodeCount } = network;
  const potential = bellmanFordPotentials(matching);
  const drops = new Float64Array(prepared.candidatePairs.length).fill(Number.NaN);

  const byApplicant = new Map<number, number[]>();
  prepared.candidatePairs.forEach((p, j) => {
    const a = prepared.pairApplicant[p]!;
    const list = byApplicant.get(a);
    if (list) list.push(j);
    else byApplicant.set(a, [j]);
  });

  const dist = new Float64Array(nodeCount);
  const heap = new MinHeap();
  for (const [a, slots] of byApplicant) {
    // Reverse Dijkstra from a: dist[u] = reduced distance u → a.
    dist.fill(Infinity);
    dist[a] = 0;
    heap.clear();
    heap.push(0, a);
    while (heap.size > 0) {
      const [d, v] = heap.pop();
      if (d > dist[v]!) continue;
      // Arcs entering v are the partners of v's own arcs.
      for (let f = firstArc[v]!; f < firstArc[v + 1]!; f++) {
        const e = arcPartner[f]!;
        if (arcResidual[e] === 0) continue;
        const u = arcHead[f]!;
        const reduced = arcCost[e]! + potential[u]! - potential[v]!;
        const nd = d + reduced;
        if (nd < dist[u]!) {
          dist[u] = nd;
          heap.push(nd, u);
        }
      }
    }
    for (const j of slots) {
      const e = forwardArc[pairArc[j]!]!;
      if (arcResidual[e] === 0) {
        drops[j] = 0;
        continue;
      }
      const entry = arcHead[e]!;
      if (dist[entry] === Infinity) continue;
      const cycleCost = arcCost[e]! + dist[entry]! - potential[entry]! + potential[a]!;
      // With a placement bonus M, a cycle costs M × (placements lost) − Δscore
      // with |Δscore| < M / 2: a cycle that loses a placement has no drop.
      if (bonus > 0 && Math.round(cycleCost / bonus) !== 0) continue;
      drops[j] = unscaleTotal(cycleCost, scale);
    }
  }
  return drops;
}

/** Feasible potentials for the final residual graph (it has no negative cycle). */
function bellmanFordPotentials(matching: MatchingNetwork): Float64Array {
  const { firstArc, arcHead, arcCost, arcResidual, nodeCount } = matching.network;
  const potential = new Float64Array(nodeCount);
  const queue: number[] = [];
  const queued = new Uint8Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    queue.push(v);
    queued[v] = 1;
  }
  let relaxations = 0;
  const limit = nodeCount * (firstArc[nodeCount]! + 1);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    queued[u] = 0;
    for (let e = firstArc[u]!; e < firstArc[u + 1]!; e++) {
      if (arcResidual[e] === 0) continue;
      const v = arcHead[e]!;
      const candidate = potential[u]! + arcCost[e]!;
      if (candidate < potential[v]!) {
        potential[v] = candidate;
        if (queued[v] === 0) {
          queued[v] = 1;
          queue.push(v);
        }
        if (++relaxations > limit) throw new Error('residual graph has a negative cycle: the flow is not optimal');
      }
    }
  }
  return potential;
}

class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.nodes.length = 0;
  }
  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  pop(): [number, number] {
    const { keys, nodes } = this;
    const top: [number, number] = [keys[0]!, nodes[0]!];
    const key = keys.pop()!;
    const node = nodes.pop()!;
    const size = keys.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
        if (key <= keys[child]!) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}
