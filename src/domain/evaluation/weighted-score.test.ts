import { describe, expect, it } from 'vitest';
import { rankApplications, scoreApplications, weightedTotal, type Criterion } from './weighted-score.ts';

const criteria: Criterion[] = [
  { id: 'motivation', name: 'Motivation', weight: 2, scaleMax: 5 },
  { id: 'replication', name: 'Replication potential', weight: 1, scaleMax: 10 },
];

describe('weighted scores', () => {
  it('weights each criterion on its own scale', () => {
    expect(weightedTotal(criteria, { motivation: 5, replication: 10 })).toBe(100);
    expect(weightedTotal(criteria, { motivation: 0, replication: 10 })).toBeCloseTo(33.333, 2);
    expect(weightedTotal(criteria, { motivation: 4, replication: 5 })).toBeCloseTo((2 * 0.8 + 0.5) * 100 / 3, 6);
  });

  it('averages evaluators and shows their spread', () => {
    const [a] = scoreApplications(['a'], criteria, [
      { evaluatorId: 'e1', applicationId: 'a', scores: { motivation: 5, replication: 10 } },
      { evaluatorId: 'e2', applicationId: 'a', scores: { motivation: 0, replication: 10 } },
    ]);
    expect(a).toEqual({ applicationId: 'a', score: 66.67, evaluations: 2, spread: 66.67, byCriterion: { motivation: 2.5, replication: 10 } });
  });

  it('ranks with ties shown and unscored applications last', () => {
    const scores = scoreApplications(['a', 'b', 'c', 'd'], criteria, [
      { evaluatorId: 'e1', applicationId: 'a', scores: { motivation: 3, replication: 6 } },
      { evaluatorId: 'e1', applicationId: 'b', scores: { motivation: 5, replication: 10 } },
      { evaluatorId: 'e1', applicationId: 'c', scores: { motivation: 3, replication: 6 } },
    ]);
    const ranked = rankApplications(scores);
    expect(ranked.map((r) => [r.applicationId, r.rank, r.tiedWith])).toEqual([
      ['b', 1, []],
      ['a', 2, ['c']],
      ['c', 2, ['a']],
      ['d', null, []],
    ]);
  });
});
