// Min-cost flow on a compressed (CSR) residual graph held in typed arrays,
// solved by successive shortest paths with node potentials: each augmenting
// path is found by Dijkstra on reduced costs (non-negative by the potential
// invariant), with a binary heap and early exit when the sink is settled.
//
// All supplies in matching are one unit, so every augmentation pushes one
// unit; capacities are small integers. Costs are integers stored in doubles
// (see score-scaling.ts) so every distance is exact.

export interface FlowNetwork {
  readonly nodeCount: number;
  /** CSR offsets: arcs leaving node u are firstArc[u] .. firstArc[u + 1] - 1. */
  readonly firstArc: Int32Array;
  /**
   * Per node, its forward arcs (added with this node as tail) come first, then
   * its reverse arcs from reverseStart[u]. Reverse arcs are residual only while
   * their partner carries flow, which few do, so searches walk them through
   * the live list below instead of scanning them all.
   */
  readonly reverseStart: Int32Array;
  /** Live reverse arcs per node (positive residual), as a doubly linked list; -1 ends it. */
  readonly liveHead: Int32Array;
  readonly liveNext: Int32Array;
  readonly livePrev: Int32Array;
  readonly arcHead: Int32Array;
  readonly arcCost: Float64Array;
  /** Residual capacity; mutated by augmentations. */
  readonly arcResidual: Int32Array;
  /** Position of the paired (reverse) arc. */
  readonly arcPartner: Int32Array;
  /** Position of the forward arc of each arc added to the builder, in add order. */
  readonly forwardArc: Int32Array;
}

/** Collects arcs in input order, then lays them out as CSR (stable per tail). */
export class FlowNetworkBuilder {
  private tails: Int32Array;
  private heads: Int32Array;
  private caps: Int32Array;
  private costs: Float64Array;
  private count = 0;

  constructor(
    private readonly nodeCount: number,
    expectedArcs = 16,
  ) {
    const size = Math.max(16, expectedArcs);
    this.tails = new Int32Array(size);
    this.heads = new Int32Array(size);
    this.caps = new Int32Array(size);
    this.costs = new Float64Array(size);
  }

  /** Adds an arc and returns its id (ids count from 0 in call order). */
  addArc(tail: number, head: number, capacity: number, cost: number): number {
    if (this.count === this.tails.length) this.grow();
    const id = this.count++;
    this.tails[id] = tail;
    this.heads[id] = head;
    this.caps[id] = capacity;
    this.costs[id] = cost;
    return id;
  }

  private grow(): void {
    const size = this.tails.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.tails = grow32(this.tails);
    this.heads = grow32(this.heads);
    this.caps = grow32(this.caps);
    const costs = new Float64Array(size);
    costs.set(this.costs);
    this.costs = costs;
  }

  build(): FlowNetwork {
    const n = this.nodeCount;
    const m = this.count;
    const forwardCount = new Int32Array(n);
    const firstArc = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) {
      forwardCount[this.tails[e]!]!++;
      firstArc[this.tails[e]! + 1]!++;
      firstArc[this.heads[e]! + 1]!++;
    }
    for (let u = 0; u < n; u++) firstArc[u + 1]! += firstArc[u]!;
    const reverseStart = new Int32Array(n);
    for (let u = 0; u < n; u++) reverseStart[u] = firstArc[u]! + forwardCount[u]!;
    const fillForward = firstArc.slice(0, n);
    const fillReverse = reverseStart.slice();
    const arcHead = new Int32Array(2 * m);
    const arcCost = new Float64Array(2 * m);
    const arcResidual = new Int32Array(2 * m);
    const arcPartner = new Int32Array(2 * m);
    const forwardArc = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      const tail = this.tails[e]!;
      const head = this.heads[e]!;
      const f = fillForward[tail]!++;
      const r = fillReverse[head]!++;
      arcHead[f] = head;
      arcCost[f] = this.costs[e]!;
      arcResidual[f] = this.caps[e]!;
      arcPartner[f] = r;
      arcHead[r] = tail;
      arcCost[r] = -this.costs[e]!;
      arcResidual[r] = 0;
      arcPartner[r] = f;
      forwardArc[e] = f;
    }
    return {
      nodeCount: n,
      firstArc,
      reverseStart,
      liveHead: new Int32Array(n).fill(-1),
      liveNext: new Int32Array(2 * m).fill(-1),
      livePrev: new Int32Array(2 * m).fill(-1),
      arcHead,
      arcCost,
      arcResidual,
      arcPartner,
      forwardArc,
    };
  }
}

/** Tail of an arc position. */
function arcTail(network: FlowNetwork, arc: number): number {
  return network.arcHead[network.arcPartner[arc]!]!;
}

function isReverse(network: FlowNetwork, arc: number, tail: number): boolean {
  return arc >= network.reverseStart[tail]!;
}

/** Moves one unit across arc position e, keeping the live reverse-arc lists in step. */
function pushUnit(network: FlowNetwork, e: number): void {
  const { arcResidual, arcPartner, liveHead, liveNext, livePrev } = network;
  const r = arcPartner[e]!;
  arcResidual[e]!--;
  arcResidual[r]!++;
  const tail = arcTail(network, e);
  if (arcResidual[e] === 0 && isReverse(network, e, tail)) {
    // e was live and is now saturated: unlink it.
    const prev = livePrev[e]!;
    const next = liveNext[e]!;
    if (prev >= 0) liveNext[prev] = next;
    else liveHead[tail] = next;
    if (next >= 0) livePrev[next] = prev;
    liveNext[e] = -1;
    livePrev[e] = -1;
  }
  const head = network.arcHead[e]!;
  if (arcResidual[r] === 1 && isReverse(network, r, head)) {
    const first = liveHead[head]!;
    liveNext[r] = first;
    livePrev[r] = -1;
    if (first >= 0) livePrev[first] = r;
    liveHead[head] = r;
  }
}

/** Flow currently on a builder arc (its reverse residual). */
export function arcFlow(network: FlowNetwork, arcId: number): number {
  return network.arcResidual[network.arcPartner[network.forwardArc[arcId]!]!]!;
}

/**
 * Successive-shortest-path engine. The caller keeps `potential` feasible
 * (reduced cost c + π(u) − π(v) ≥ 0 on every residual arc) and calls
 * `shortestPath` then `augment` for each unit of supply.
 */
export class ShortestPathAugmenter {
  readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly predArc: Int32Array;
  private readonly settled: Uint8Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly settledList: Int32Array;
  private settledCount = 0;
  private readonly pathBuffer = new Int32Array(3);

  constructor(private readonly network: FlowNetwork) {
    const n = network.nodeCount;
    this.potential = new Float64Array(n);
    this.dist = new Float64Array(n).fill(Infinity);
    this.predArc = new Int32Array(n).fill(-1);
    this.settled = new Uint8Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
    this.settledList = new Int32Array(n);
  }

  /**
   * Finds a shortest source→sink path in the residual graph and updates the
   * potentials so that the path (and every settled node) stays tight.
   * Returns the path's true cost, or Infinity when the sink is unreachable.
   */
  shortestPath(source: number, sink: number): number {
    const { firstArc, reverseStart, liveHead, liveNext, arcResidual } = this.network;
    const dist = this.dist;
    const pot = this.potential;
    const settled = this.settled;
    this.reset();
    dist[source] = 0;
    this.touched[this.touchedCount++] = source;
    this.heapPush(source);
    let sinkDist = Infinity;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      const du = dist[u]!;
      if (u === sink) {
        sinkDist = du;
        break;
      }
      settled[u] = 1;
      this.settledList[this.settledCount++] = u;
      const base = du + pot[u]!;
      const forwardEnd = reverseStart[u]!;
      for (let e = firstArc[u]!; e < forwardEnd; e++) {
        if (arcResidual[e] !== 0) this.relax(e, base, sink);
      }
      for (let e = liveHead[u]!; e >= 0; e = liveNext[e]!) this.relax(e, base, sink);
    }
    if (sinkDist === Infinity) {
      // Unreachable: leave potentials as they are (still feasible).
      return Infinity;
    }
    // Potential update with early exit: only settled nodes move, by d(v) − D,
    // which keeps every residual reduced cost non-negative (π(sink) fixed).
    for (let i = 0; i < this.settledCount; i++) {
      const v = this.settledList[i]!;
      pot[v]! += dist[v]! - sinkDist;
    }
    // True cost = D − π_old(source) + π(sink), and the source moved by −D.
    return pot[sink]! - pot[source]!;
  }

  private relax(e: number, base: number, sink: number): void {
    const v = this.network.arcHead[e]!;
    if (this.settled[v] === 1) return;
    const dist = this.dist;
    const nd = base + this.network.arcCost[e]! - this.potential[v]!;
    // Reduced costs are ≥ 0, so a label no better than the sink's current
    // label can never lead to a shorter path: skip the heap work.
    if (nd < dist[v]! && nd < dist[sink]!) {
      if (dist[v] === Infinity) this.touched[this.touchedCount++] = v;
      dist[v] = nd;
      this.predArc[v] = e;
      if (this.heapPos[v]! < 0) this.heapPush(v);
      else this.siftUp(this.heapPos[v]!);
    }
  }

  /** Pushes one unit along the path found by the last `shortestPath` call. */
  augment(source: number, sink: number): void {
    let v = sink;
    while (v !== source) {
      const e = this.predArc[v]!;
      pushUnit(this.network, e);
      v = arcTail(this.network, e);
    }
  }

  /**
   * Tries the path `first`, then arcs into [hostLow, hostHigh) or the sink
   * only (the forward layers), each free and of reduced cost 0; augments one
   * unit if it reaches the sink within three arcs. Valid only when `first` has
   * reduced cost 0 under feasible potentials: the path then has length 0,
   * hence is a shortest path, and Dijkstra would not change any potential.
   */
  augmentIfTight(first: number, sink: number, hostLow: number, hostHigh: number): boolean {
    if (first < 0) return false;
    const { firstArc, reverseStart, arcHead, arcCost, arcResidual } = this.network;
    const pot = this.potential;
    const path = this.pathBuffer;
    let length = 0;
    path[length++] = first;
    let v = arcHead[first]!;
    while (v !== sink) {
      if (length === 3) return false;
      let next = -1;
      const potV = pot[v]!;
      for (let e = firstArc[v]!; e < reverseStart[v]!; e++) {
        const w = arcHead[e]!;
        if (arcResidual[e]! > 0 && (w === sink || (w >= hostLow && w < hostHigh)) && arcCost[e]! + potV - pot[w]! === 0) {
          next = e;
          break;
        }
      }
      if (next < 0) return false;
      path[length++] = next;
      v = arcHead[next]!;
    }
    for (let i = 0; i < length; i++) pushUnit(this.network, path[i]!);
    return true;
  }

  /** Distance labels of the last search (reduced costs), Infinity if not reached. */
  lastDistance(node: number): number {
    return this.dist[node]!;
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i]!;
      this.dist[v] = Infinity;
      this.predArc[v] = -1;
      this.settled[v] = 0;
    }
    for (let i = 0; i < this.heapSize; i++) this.heapPos[this.heap[i]!] = -1;
    this.touchedCount = 0;
    this.settledCount = 0;
    this.heapSize = 0;
  }

  private heapPush(v: number): void {
    const i = this.heapSize++;
    this.heap[i] = v;
    this.heapPos[v] = i;
    this.siftUp(i);
  }

  private heapPop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.heapPos[top] = -1;
    const last = heap[--this.heapSize]!;
    if (this.heapSize > 0) {
      heap[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(start: number): void {
    const { heap, heapPos, dist } = this;
    let i = start;
    const v = heap[i]!;
    const key = dist[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      const pk = dist[p]!;
      // Ties go to the lower node number, which keeps runs deterministic and
      // prefers earlier applicants and hosts (nodes are numbered in input order).
      if (pk < key || (pk === key && p < v)) break;
      heap[i] = p;
      heapPos[p] = i;
      i = parent;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  private siftDown(start: number): void {
    const { heap, heapPos, dist } = this;
    const size = this.heapSize;
    let i = start;
    const v = heap[i]!;
    const key = dist[v]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let c = heap[child]!;
      let ck = dist[c]!;
      const right = child + 1;
      if (right < size) {
        const r = heap[right]!;
        const rk = dist[r]!;
        if (rk < ck || (rk === ck && r < c)) {
          child = right;
          c = r;
          ck = rk;
        }
      }
      if (key < ck || (key === ck && v < c)) break;
      heap[i] = c;
      heapPos[c] = i;
      i = child;
    }
    heap[i] = v;
    heapPos[v] = i;
  }
}
