import type { MatchingInstance } from './matching-instance.ts';
import { pairKey } from './matching-instance.ts';
import type { MatchingAssignment } from './matching-result.ts';

/** Lists every rule a proposed assignment breaks (empty when it is valid). */
export function matchingViolations(instance: MatchingInstance, assignments: readonly MatchingAssignment[]): string[] {
  const violations: string[] = [];
  const pairs = new Map(instance.pairs.map((p) => [pairKey(p.applicant, p.host), p]));
  const forbidden = new Set(instance.rules.forbidden.map((f) => pairKey(f.applicant, f.host)));
  const hostLoad = new Map<string, number>();
  const countryLoad = new Map<string, number>();
  const seen = new Set<string>();
  const countryOf = new Map(instance.applicants.map((a) => [a.id, a.country ?? '']));
  for (const { applicant, host, score } of assignments) {
    const key = pairKey(applicant, host);
    const pair = pairs.get(key);
    if (pair === undefined) violations.push(`${applicant}–${host} is not a listed pair`);
    else if (pair.score !== score) violations.push(`${applicant}–${host} reports score ${score}, listed ${pair.score}`);
    if (forbidden.has(key)) violations.push(`${applicant}–${host} is forbidden`);
    const min = instance.rules.minScore;
    if (pair && min !== undefined && pair.score < min) violations.push(`${applicant}–${host} is below minScore`);
    if (seen.has(applicant)) violations.push(`${applicant} is placed twice`);
    seen.add(applicant);
    hostLoad.set(host, (hostLoad.get(host) ?? 0) + 1);
    const ck = pairKey(host, countryOf.get(applicant) ?? '');
    countryLoad.set(ck, (countryLoad.get(ck) ?? 0) + 1);
  }
  for (const host of instance.hosts) {
    if ((hostLoad.get(host.id) ?? 0) > host.capacity) violations.push(`host ${host.id} is over capacity`);
  }
  const limit = instance.rules.maxPerCountryPerHost;
  if (limit !== undefined) {
    for (const [key, load] of countryLoad) if (load > limit) violations.push(`country limit broken at ${key}`);
  }
  const budget = instance.rules.maxTotalCo2Kg;
  if (budget !== undefined) {
    const co2 = assignments.reduce((sum, x) => sum + (pairs.get(pairKey(x.applicant, x.host))?.co2Kg ?? 0), 0);
    if (co2 > budget + 1e-9) violations.push(`total CO2 ${co2} kg exceeds maxTotalCo2Kg ${budget}`);
  }
  for (const lock of instance.rules.locked) {
    if (!assignments.some((x) => x.applicant === lock.applicant && x.host === lock.host)) {
      violations.push(`locked pair ${lock.applicant}–${lock.host} is missing`);
    }
  }
  return violations;
}
