import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { MatchingInstance } from './matching-instance.ts';
import { pairKey } from './matching-instance.ts';
import type { MatchingAssignment } from './matching-result.ts';

/** Lists every rule a proposed assignment breaks (empty when it is valid). */
export function matchingViolations(instance: MatchingInstance, assignments: readonly MatchingAssignment[]): Reason[] {
  const violations: Reason[] = [];
  const pairs = new Map(instance.pairs.map((p) => [pairKey(p.applicant, p.host), p]));
  const forbidden = new Set(instance.rules.forbidden.map((f) => pairKey(f.applicant, f.host)));
  const hostLoad = new Map<string, number>();
  const countryLoad = new Map<string, { host: string; country: string; load: number }>();
  const seen = new Set<string>();
  const countryOf = new Map(instance.applicants.map((a) => [a.id, a.country ?? '']));
  for (const { applicant, host, score } of assignments) {
    const key = pairKey(applicant, host);
    const pair = pairs.get(key);
    if (pair === undefined) violations.push(reason('CHECK_NOT_A_PAIR', { applicant, host }));
    else if (pair.score !== score) violations.push(reason('CHECK_WRONG_SCORE', { applicant, host, score, listed: pair.score }));
    if (forbidden.has(key)) violations.push(reason('CHECK_FORBIDDEN', { applicant, host }));
    const min = instance.rules.minScore;
    if (pair && min !== undefined && pair.score < min) violations.push(reason('CHECK_BELOW_MIN_SCORE', { applicant, host }));
    if (seen.has(applicant)) violations.push(reason('CHECK_PLACED_TWICE', { applicant }));
    seen.add(applicant);
    hostLoad.set(host, (hostLoad.get(host) ?? 0) + 1);
    const country = countryOf.get(applicant) ?? '';
    const ck = pairKey(host, country);
    countryLoad.set(ck, { host, country, load: (countryLoad.get(ck)?.load ?? 0) + 1 });
  }
  for (const host of instance.hosts) {
    if ((hostLoad.get(host.id) ?? 0) > host.capacity) violations.push(reason('CHECK_OVER_CAPACITY', { host: host.id }));
  }
  const limit = instance.rules.maxPerCountryPerHost;
  if (limit !== undefined) {
    for (const { host, country, load } of countryLoad.values()) if (load > limit) violations.push(reason('CHECK_COUNTRY_LIMIT', { host, country }));
  }
  const budget = instance.rules.maxTotalCo2Kg;
  if (budget !== undefined) {
    const co2 = assignments.reduce((sum, x) => sum + (pairs.get(pairKey(x.applicant, x.host))?.co2Kg ?? 0), 0);
    if (co2 > budget + 1e-9) violations.push(reason('CHECK_CO2_OVER', { co2, budget }));
  }
  for (const lock of instance.rules.locked) {
    if (!assignments.some((x) => x.applicant === lock.applicant && x.host === lock.host)) {
      violations.push(reason('CHECK_LOCK_MISSING', { applicant: lock.applicant, host: lock.host }));
    }
  }
  return violations;
}
