import type { Highs } from 'highs';
import { solveDenseAssignment } from './dense-assignment.ts';
import { explainMatching } from './explain-matching.ts';
import { solveWithHighs } from './highs-solver.ts';
import type { MatchingInstance } from './matching-instance.ts';
import { buildMatchingNetwork, type MatchingNetwork } from './matching-network.ts';
import { resultFromPairs, type MatchingResult } from './matching-result.ts';
import { arcFlow, ShortestPathAugmenter } from './min-cost-flow.ts';
import { prepareMatching, type PreparedMatching } from './prepare-matching.ts';
import { chooseScoreScale, scaleScore, type ScoreScale } from './score-scaling.ts';

export type MatchingAlgorithm = 'auto' | 'flow' | 'dense' | 'highs';

export interface MatchingOptions {
  /** Add explanations (runner-up hosts, reasons, alternates) to the result. */
  explain?: boolean;
  /** A loaded HiGHS runtime; required only by rules that break the network structure (maxTotalCo2Kg). */
  highs?: Highs;
  /** Force one algorithm (tests and benchmarks); `auto` picks the fastest exact one. */
  algorithm?: MatchingAlgorithm;
}

/**
 * Solves a parsed instance exactly: maximum total score (or, with
 * placeAsManyAsPossible, the most placements and then the maximum score),
 * honouring every rule. Deterministic for a given instance.
 */
export function solveMatching(instance: MatchingInstance, options: MatchingOptions = {}): MatchingResult {
  const preparation = prepareMatching(instance);
  if (!preparation.feasible) return { status: 'infeasible', reason: preparation.reason };
  const prepared = preparation.prepared;
  const algorithm = options.algorithm ?? 'auto';

  if (instance.rules.maxTotalCo2Kg !== undefined || algorithm === 'highs') {
    if (options.highs === undefined) {
      throw new Error('this instance needs the HiGHS solver (rule maxTotalCo2Kg): pass options.highs');
    }
    return solveWithHighs(options.highs, prepared);
  }

  const scale = scaleFor(prepared);
  const dense = algorithm === 'dense' || (algorithm === 'auto' && !options.explain && isPlainAssignment(prepared));
  if (dense) {
    if (!isPlainAssignment(prepared)) throw new Error('the dense algorithm needs a plain assignment instance');
    return resultFromPairs(prepared, solveDense(prepared, scale), scale);
  }
  const network = solveFlow(prepared, scale);
  const chosen = chosenPairs(prepared, network);
  const result = resultFromPairs(prepared, chosen, scale);
  if (options.explain) result.explanation = explainMatching(prepared, network, chosen);
  return result;
}

function scaleFor(prepared: PreparedMatching): ScoreScale {
  const { instance, candidatePairs, lockedPairs } = prepared;
  const scores = new Float64Array(candidatePairs.length + lockedPairs.length);
  candidatePairs.forEach((p, i) => (scores[i] = instance.pairs[p]!.score));
  lockedPairs.forEach((p, i) => (scores[candidatePairs.length + i] = instance.pairs[p]!.score));
  const nodes = instance.applicants.length + instance.hosts.length + candidatePairs.length + 2;
  return chooseScoreScale(scores, nodes);
}

/** Every pair listed, capacity 1, no locks, and placing more never hurts: a dense assignment. */
function isPlainAssignment(prepared: PreparedMatching): boolean {
  const { instance, candidatePairs } = prepared;
  const { hosts, applicants, pairs, rules } = instance;
  if (rules.locked.length > 0 || hosts.some((h) => h.capacity !== 1)) return false;
  // Parsing rejects duplicate pairs, so a full count means a complete bipartite graph.
  if (candidatePairs.length !== hosts.length * applicants.length || candidatePairs.length === 0) return false;
  // In a complete graph a maximum-score matching has min(n, m) pairs when
  // every score is positive (any unmatched row and column could be added).
  return rules.placeAsManyAsPossible || pairs.every((p) => p.score > 0);
}

function solveDense(prepared: PreparedMatching, scale: ScoreScale): Int32Array {
  const { instance, pairApplicant, pairHost } = prepared;
  const n = instance.applicants.length;
  const m = instance.hosts.length;
  const byApplicant = n <= m;
  const rows = byApplicant ? n : m;
  const cols = byApplicant ? m : n;
  const cost = new Float64Array(rows * cols);
  const pairAt = new Int32Array(rows * cols);
  instance.pairs.forEach((pair, p) => {
    const a = pairApplicant[p]!;
    const h = pairHost[p]!;
    const cell = byApplicant ? a * cols + h : h * cols + a;
    cost[cell] = -scaleScore(pair.score, scale);
    pairAt[cell] = p;
  });
  const rowToCol = solveDenseAssignment(cost, rows, cols);
  const chosen = new Int32Array(n).fill(-1);
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r]!;
    const p = pairAt[r * cols + c]!;
    chosen[pairApplicant[p]!] = p;
  }
  return chosen;
}

/** Runs successive shortest paths on the matching network; returns it in its optimal state. */
function solveFlow(prepared: PreparedMatching, scale: ScoreScale): MatchingNetwork {
  const bonus = prepared.instance.rules.placeAsManyAsPossible ? placementBonus(prepared, scale) : 0;
  const shape = prepared.instance.rules.placeAsManyAsPossible && bonus === 0 ? 'max-cardinality' : 'unplaced-allowed';
  const matching = buildMatchingNetwork(prepared, shape, scale, bonus);
  const { network, sink, source } = matching;
  const { firstArc, arcHead, arcCost, arcResidual } = network;
  const augmenter = new ShortestPathAugmenter(network);
  const pot = augmenter.potential;

  if (shape === 'unplaced-allowed') {
    // Applicants one at a time (Hungarian style): each is one unit of supply
    // routed along a shortest path from itself, so the search stays local.
    // Before its turn an applicant has no residual arc coming in, so any
    // potential making its own arcs non-negative keeps the invariant.
    const hostLow = matching.applicantCount;
    const hostHigh = hostLow + matching.hostCount;
    for (let a = 0; a < matching.applicantCount; a++) {
      if (prepared.lockedHost[a] !== -1) continue;
      let best = -Infinity;
      let bestArc = -1;
      for (let e = firstArc[a]!; e < firstArc[a + 1]!; e++) {
        if (arcResidual[e]! > 0 && pot[arcHead[e]!]! - arcCost[e]! > best) {
          best = pot[arcHead[e]!]! - arcCost[e]!;
          bestArc = e;
        }
      }
      pot[a] = best;
      // Shortcut (most applicants early on): if the best arc continues to the
      // sink along free, zero-reduced-cost arcs, that path is a shortest path
      // and Dijkstra would change no potential; take it without searching.
      if (!augmenter.augmentIfTight(bestArc, sink, hostLow, hostHigh)) {
        augmenter.shortestPath(a, sink);
        augmenter.augment(a, sink);
      }
    }
    return matching;
  }

  // Max cardinality: start from shortest distances on the (acyclic) initial
  // graph, treating every node as reachable at 0, so reduced costs are ≥ 0.
  const n = matching.applicantCount;
  for (let a = 0; a < n; a++) {
    for (let e = firstArc[a]!; e < firstArc[a + 1]!; e++) {
      if (arcResidual[e]! > 0) pot[arcHead[e]!] = Math.min(pot[arcHead[e]!]!, arcCost[e]!);
    }
  }
  for (const arc of matching.countryArc.values()) {
    const e = network.forwardArc[arc]!;
    const tail = arcHead[network.arcPartner[e]!]!;
    pot[arcHead[e]!] = Math.min(pot[arcHead[e]!]!, pot[tail]!);
  }
  for (let h = 0; h < matching.hostCount; h++) pot[sink] = Math.min(pot[sink]!, pot[n + h]!);
  while (augmenter.shortestPath(source, sink) !== Infinity) augmenter.augment(source, sink);
  return matching;
}

/**
 * Exact placement bonus for placeAsManyAsPossible (see matching-network.ts),
 * or 0 when it would push path sums past exact double arithmetic.
 */
function placementBonus(prepared: PreparedMatching, scale: ScoreScale): number {
  const { instance, candidatePairs } = prepared;
  if (candidatePairs.length === 0) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of candidatePairs) {
    const s = scaleScore(instance.pairs[p]!.score, scale);
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  const free = instance.applicants.length - prepared.lockedPairs.length;
  const bonus = 2 * (free * (max - min) + Math.max(0, -min)) + 1;
  const nodes = instance.applicants.length + instance.hosts.length + candidatePairs.length + 2;
  return nodes * (bonus + Math.max(Math.abs(min), Math.abs(max))) < 2 ** 51 ? bonus : 0;
}

/** Pair index chosen per applicant (-1 when unplaced), locked pairs included. */
function chosenPairs(prepared: PreparedMatching, matching: MatchingNetwork): Int32Array {
  const chosen = new Int32Array(prepared.instance.applicants.length).fill(-1);
  prepared.candidatePairs.forEach((p, j) => {
    if (arcFlow(matching.network, matching.pairArc[j]!) > 0) chosen[prepared.pairApplicant[p]!] = p;
  });
  return chosen;
}
