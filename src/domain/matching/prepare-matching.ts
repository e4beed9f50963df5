import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { MatchingInstance } from './matching-instance.ts';
import { pairKey } from './matching-instance.ts';

// Applies the hard rules before any solver runs: forbidden pairs and pairs
// below minScore are dropped, locked pairs are pre-assigned (their host's
// capacity and country room shrink accordingly), and conflicting locks are
// reported as infeasibility with the rule that causes it.

export type ExcludedBecause = 'forbidden' | 'below-min-score';

export interface PreparedMatching {
  readonly instance: MatchingInstance;
  readonly hostIndex: ReadonlyMap<string, number>;
  readonly applicantIndex: ReadonlyMap<string, number>;
  /** Country number per applicant (-1 when the country rule is off). */
  readonly applicantCountry: Int32Array;
  readonly countryNames: readonly string[];
  /** Host per pair, applicant per pair (indices), in input order. */
  readonly pairHost: Int32Array;
  readonly pairApplicant: Int32Array;
  /** Pair indices of locked pairs, in rules.locked order. */
  readonly lockedPairs: readonly number[];
  /** Locked host per applicant, -1 when not locked. */
  readonly lockedHost: Int32Array;
  /** Capacity left per host after locked pairs. */
  readonly freeCapacity: Int32Array;
  /** Room left per (host, country) after locked pairs; key host * countries + country. */
  readonly countryRoom: ReadonlyMap<number, number>;
  /** Pairs the solver may choose, in input order (locked applicants excluded). */
  readonly candidatePairs: readonly number[];
  /** Listed pairs the rules exclude, and why. */
  readonly excluded: ReadonlyMap<number, ExcludedBecause>;
}

export type Preparation = { feasible: true; prepared: PreparedMatching } | { feasible: false; reason: Reason };

export function countryKey(host: number, country: number, countryCount: number): number {
  return host * countryCount + country;
}

/** Checks locks against every rule and derives what the solver may still decide. */
export function prepareMatching(instance: MatchingInstance): Preparation {
  const { hosts, applicants, pairs, rules } = instance;
  const hostIndex = new Map(hosts.map((h, i) => [h.id, i]));
  const applicantIndex = new Map(applicants.map((a, i) => [a.id, i]));
  // Reasons name cities as people know them; an instance without names has ids only.
  const hostName = (id: string) => hosts[hostIndex.get(id) ?? -1]?.name ?? id;
  const applicantName = (id: string) => applicants[applicantIndex.get(id) ?? -1]?.name ?? id;

  const countryRule = rules.maxPerCountryPerHost;
  const countryNames: string[] = [];
  const countryNumber = new Map<string, number>();
  const applicantCountry = new Int32Array(applicants.length).fill(-1);
  if (countryRule !== undefined) {
    applicants.forEach((a, i) => {
      const name = a.country ?? '';
      let c = countryNumber.get(name);
      if (c === undefined) {
        c = countryNames.length;
        countryNames.push(name);
        countryNumber.set(name, c);
      }
      applicantCountry[i] = c;
    });
  }
  const countryCount = countryNames.length;

  const pairHost = new Int32Array(pairs.length);
  const pairApplicant = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    pairHost[i] = hostIndex.get(p.host) ?? -1;
    pairApplicant[i] = applicantIndex.get(p.applicant) ?? -1;
  });

  // Lookups go through applicant → hosts maps so that large instances do not
  // build a string key per pair (that alone cost 0.3 s on 500,000 pairs).
  const forbidden = hostsByApplicant(rules.forbidden);
  const lockedRefs = hostsByApplicant(rules.locked);
  const pairIndex = new Map<string, number>();
  const excluded = new Map<number, ExcludedBecause>();
  pairs.forEach((p, i) => {
    if (lockedRefs.get(p.applicant)?.has(p.host)) pairIndex.set(pairKey(p.applicant, p.host), i);
    if (forbidden.get(p.applicant)?.has(p.host)) excluded.set(i, 'forbidden');
    else if (rules.minScore !== undefined && p.score < rules.minScore) excluded.set(i, 'below-min-score');
  });

  const lockedPairs: number[] = [];
  const lockedHost = new Int32Array(applicants.length).fill(-1);
  const freeCapacity = Int32Array.from(hosts, (h) => h.capacity);
  const lockedPerCountry = new Map<number, number>();
  for (const lock of rules.locked) {
    const p = pairIndex.get(pairKey(lock.applicant, lock.host));
    const locked = { applicant: applicantName(lock.applicant), host: hostName(lock.host) };
    if (p === undefined) return { feasible: false, reason: reason('MATCHING_LOCK_NOT_ALLOWED', locked) };
    const pair = pairs[p]!;
    const because = excluded.get(p);
    if (because === 'forbidden') {
      return { feasible: false, reason: reason('MATCHING_LOCK_FORBIDDEN', locked) };
    }
    if (because === 'below-min-score') {
      return { feasible: false, reason: reason('MATCHING_LOCK_BELOW_MIN_SCORE', { ...locked, score: pair.score, minScore: rules.minScore ?? 0 }) };
    }
    const a = pairApplicant[p]!;
    const h = pairHost[p]!;
    if (lockedHost[a] !== -1) {
      const other = hosts[lockedHost[a]!]!;
      return { feasible: false, reason: reason('MATCHING_LOCKED_TWICE', { applicant: locked.applicant, first: other.name ?? other.id, second: locked.host }) };
    }
    lockedHost[a] = h;
    lockedPairs.push(p);
    freeCapacity[h]!--;
    if (countryRule !== undefined) {
      const key = countryKey(h, applicantCountry[a]!, countryCount);
      lockedPerCountry.set(key, (lockedPerCountry.get(key) ?? 0) + 1);
    }
  }
  for (let h = 0; h < hosts.length; h++) {
    if (freeCapacity[h]! < 0) {
      const host = hosts[h]!;
      const count = host.capacity - freeCapacity[h]!;
      return { feasible: false, reason: reason('MATCHING_LOCKS_OVER_CAPACITY', { host: host.name ?? host.id, count, capacity: host.capacity }) };
    }
  }
  const countryRoom = new Map<number, number>();
  if (countryRule !== undefined) {
    for (const [key, count] of lockedPerCountry) {
      if (count > countryRule) {
        const host = hosts[Math.floor(key / countryCount)]!;
        const country = countryNames[key % countryCount];
        return {
          feasible: false,
          reason: reason('MATCHING_LOCKS_OVER_COUNTRY_LIMIT', { count, country: country ?? '', host: host.name ?? host.id, limit: countryRule }),
        };
      }
      countryRoom.set(key, countryRule - count);
    }
  }

  const candidatePairs: number[] = [];
  for (let p = 0; p < pairs.length; p++) {
    if (!excluded.has(p) && lockedHost[pairApplicant[p]!] === -1) candidatePairs.push(p);
  }

  return {
    feasible: true,
    prepared: {
      instance,
      hostIndex,
      applicantIndex,
      applicantCountry,
      countryNames,
      pairHost,
      pairApplicant,
      lockedPairs,
      lockedHost,
      freeCapacity,
      countryRoom,
      candidatePairs,
      excluded,
    },
  };
}

function hostsByApplicant(refs: readonly { applicant: string; host: string }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { applicant, host } of refs) {
    const hosts = map.get(applicant);
    if (hosts) hosts.add(host);
    else map.set(applicant, new Set([host]));
  }
  return map;
}
