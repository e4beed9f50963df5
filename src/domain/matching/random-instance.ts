import type { MatchingInstance } from './matching-instance.ts';
import { randomInt, seededRandom } from './seeded-random.ts';

export interface RandomInstanceSpec {
  applicants: number;
  hosts: number;
  capacity: number;
  /** Distinct candidate hosts per applicant (capped at the host count). */
  candidatesPerApplicant: number;
  countries: number;
  maxPerCountryPerHost?: number;
  placeAsManyAsPossible?: boolean;
  /** Scores are uniform in [0, maxScore) with this many decimals. */
  maxScore?: number;
  decimals?: number;
  seed: number;
}

/** Generates a reproducible random instance (for tests and benchmarks). */
export function randomMatchingInstance(spec: RandomInstanceSpec): MatchingInstance {
  const random = seededRandom(spec.seed);
  const maxScore = spec.maxScore ?? 100;
  const unit = 10 ** (spec.decimals ?? 2);
  const country = (i: number) => `C${i}`;
  const hosts = Array.from({ length: spec.hosts }, (_, h) => ({
    id: `h${h}`,
    capacity: spec.capacity,
    country: country(randomInt(random, spec.countries)),
  }));
  const applicants = Array.from({ length: spec.applicants }, (_, a) => ({
    id: `a${a}`,
    country: country(randomInt(random, spec.countries)),
  }));
  const k = Math.min(spec.candidatesPerApplicant, spec.hosts);
  const pairs: MatchingInstance['pairs'] = [];
  const picked = new Int32Array(spec.hosts).fill(-1);
  for (let a = 0; a < spec.applicants; a++) {
    let count = 0;
    while (count < k) {
      const h = randomInt(random, spec.hosts);
      if (picked[h] === a) continue;
      picked[h] = a;
      count++;
      pairs.push({ applicant: `a${a}`, host: `h${h}`, score: Math.floor(random() * maxScore * unit) / unit });
    }
  }
  return {
    hosts,
    applicants,
    pairs,
    rules: {
      ...(spec.maxPerCountryPerHost !== undefined ? { maxPerCountryPerHost: spec.maxPerCountryPerHost } : {}),
      placeAsManyAsPossible: spec.placeAsManyAsPossible ?? false,
      locked: [],
      forbidden: [],
    },
  };
}
