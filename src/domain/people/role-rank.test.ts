import { describe, expect, it } from 'vitest';
import { mayReadMailOf, rankOf } from './role-rank.ts';

describe('role rank', () => {
  it('ranks managers above facilitators, evaluators and experts, above representatives, above nobody', () => {
    expect(rankOf(['city_representative', 'programme_manager'])).toBe(3);
    expect(rankOf(['evaluator'])).toBe(rankOf(['facilitator']));
    expect(rankOf(['expert'])).toBeGreaterThan(rankOf(['city_representative']));
    expect(rankOf([])).toBe(0);
  });

  it('lets a reader see only the mail of lower ranks', () => {
    const manager = rankOf(['programme_manager']);
    expect(mayReadMailOf(manager, rankOf(['city_representative']))).toBe(true);
    expect(mayReadMailOf(manager, rankOf(['facilitator']))).toBe(true);
    expect(mayReadMailOf(manager, rankOf(['programme_manager']))).toBe(false);
    expect(mayReadMailOf(rankOf(['facilitator']), rankOf(['evaluator']))).toBe(false);
    expect(mayReadMailOf(rankOf(['city_representative']), 0)).toBe(true);
  });
});
