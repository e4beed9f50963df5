import { describe, expect, it } from 'vitest';
import { englishText, reason } from '../../shared/reason-texts.ts';
import { planTargetProblem } from './replication-plan.ts';

describe('a replication plan’s target date', () => {
  it('is today or later, or not given', () => {
    expect(planTargetProblem('2026-11-28', '2026-11-29')).toEqual(reason('PLAN_TARGET_IN_PAST', { today: '2026-11-29' }));
    expect(englishText(reason('PLAN_TARGET_IN_PAST', { today: '2026-11-29' }))).toBe('Choose a target date from today (2026-11-29) on: a plan aims ahead.');
    expect(planTargetProblem('2026-11-29', '2026-11-29')).toBeNull();
    expect(planTargetProblem('2027-06-30', '2026-11-29')).toBeNull();
    expect(planTargetProblem(null, '2026-11-29')).toBeNull();
  });
});
