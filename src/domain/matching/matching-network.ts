import { FlowNetworkBuilder, type FlowNetwork } from './min-cost-flow.ts';
import { countryKey, type PreparedMatching } from './prepare-matching.ts';
import { scaleScore, type ScoreScale } from './score-scaling.ts';

// The matching as a flow network:
//
//   applicant ──(1, −score)──▶ [host, country] ──(room)──▶ host ──(capacity)──▶ sink
//
// The [host, country] layer exists only with maxPerCountryPerHost. Costs are
// negated scaled scores, so a min-cost flow is a max-score matching.
//
// Two shapes, one per objective:
// - `unplaced-allowed`: every applicant has its own arc applicant → sink of
//   cost 0 ("stays unplaced"); each applicant is one unit of supply that must
//   reach the sink, so the solver never places an applicant at a loss.
// - `max-cardinality`: a source feeds every applicant; the flow is pushed
//   until no augmenting path is left, giving the most placements and, among
//   those, the highest total (successive shortest paths are min-cost for every
//   flow value, so this is exactly lexicographic: no big-M weight). Used only
//   when the placement bonus below would overflow exact arithmetic.
//
// placeAsManyAsPossible normally uses `unplaced-allowed` with a placement
// bonus M added to every pair's gain: M = 2 × (n × score range + |min score|)
// + 1 (scaled units) exceeds any score difference between two solutions, so
// one more placement always wins (exactly lexicographic), and because score
// changes stay below M / 2 an explanation can read the change in placements
// off a cycle cost as round(cost / M).

export type NetworkShape = 'unplaced-allowed' | 'max-cardinality';

export interface MatchingNetwork {
  readonly network: FlowNetwork;
  readonly shape: NetworkShape;
  readonly applicantCount: number;
  readonly hostCount: number;
  readonly sink: number;
  /** Source node (max-cardinality only; -1 otherwise). */
  readonly source: number;
  /** Builder arc id per candidate pair, parallel to prepared.candidatePairs. */
  readonly pairArc: Int32Array;
  /** Builder arc id of applicant → sink ("unplaced") per applicant, or -1. */
  readonly unplacedArc: Int32Array;
  /** Node each applicant's pair to a host enters ([host, country] or host). */
  readonly entryNode: (applicant: number, host: number) => number;
  /** Builder arc id of [host, country] → host per key, and host → sink per host. */
  readonly countryArc: ReadonlyMap<number, number>;
  readonly hostArc: Int32Array;
  readonly scale: ScoreScale;
  /** Scaled bonus added to every placement (0 unless placeAsManyAsPossible uses the bonus form). */
  readonly placementBonus: number;
}

function hostNode(applicantCount: number, host: number): number {
  return applicantCount + host;
}

/** Lays out the flow network for the prepared instance (nodes in input order). */
export function buildMatchingNetwork(
  prepared: PreparedMatching,
  shape: NetworkShape,
  scale: ScoreScale,
  placementBonus = 0,
): MatchingNetwork {
  const { instance, candidatePairs, pairApplicant, pairHost, applicantCountry, freeCapacity } = prepared;
  const applicantCount = instance.applicants.length;
  const hostCount = instance.hosts.length;
  const countryRule = instance.rules.maxPerCountryPerHost;
  const countryCount = prepared.countryNames.length;

  // [host, country] nodes, numbered in order of first use by a pair; a typed
  // array indexed by key (hosts × countries is small) beats a Map here.
  const nodeOfKey = new Int32Array(countryRule === undefined ? 0 : hostCount * countryCount).fill(-1);
  const countryKeys: number[] = [];
  let nextNode = applicantCount + hostCount;
  if (countryRule !== undefined) {
    for (const p of candidatePairs) {
      const key = countryKey(pairHost[p]!, applicantCountry[pairApplicant[p]!]!, countryCount);
      if (nodeOfKey[key] === -1) {
        nodeOfKey[key] = nextNode++;
        countryKeys.push(key);
      }
    }
  }
  const sink = nextNode++;
  const source = shape === 'max-cardinality' ? nextNode++ : -1;

  const entryNode = (applicant: number, host: number): number => {
    if (countryRule === undefined) return hostNode(applicantCount, host);
    return nodeOfKey[countryKey(host, applicantCountry[applicant]!, countryCount)] ?? -1;
  };

  const builder = new FlowNetworkBuilder(nextNode, candidatePairs.length + countryKeys.length + hostCount + applicantCount);
  const pairArc = new Int32Array(candidatePairs.length);
  for (let j = 0; j < candidatePairs.length; j++) {
    const p = candidatePairs[j]!;
    const a = pairApplicant[p]!;
    const cost = -(scaleScore(instance.pairs[p]!.score, scale) + placementBonus);
    pairArc[j] = builder.addArc(a, entryNode(a, pairHost[p]!), 1, cost);
  }
  const countryArc = new Map<number, number>();
  for (const key of countryKeys) {
    const node = nodeOfKey[key]!;
    const host = Math.floor(key / countryCount);
    const room = prepared.countryRoom.get(key) ?? countryRule ?? 0;
    countryArc.set(key, builder.addArc(node, hostNode(applicantCount, host), room, 0));
  }
  const hostArc = new Int32Array(hostCount);
  for (let h = 0; h < hostCount; h++) hostArc[h] = builder.addArc(hostNode(applicantCount, h), sink, freeCapacity[h]!, 0);
  const unplacedArc = new Int32Array(applicantCount).fill(-1);
  for (let a = 0; a < applicantCount; a++) {
    if (prepared.lockedHost[a] !== -1) continue;
    if (shape === 'unplaced-allowed') unplacedArc[a] = builder.addArc(a, sink, 1, 0);
    else builder.addArc(source, a, 1, 0);
  }
  return {
    network: builder.build(),
    shape,
    applicantCount,
    hostCount,
    sink,
    source,
    pairArc,
    unplacedArc,
    entryNode,
    countryArc,
    hostArc,
    scale,
    placementBonus,
  };
}
