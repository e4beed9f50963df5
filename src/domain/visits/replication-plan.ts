import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';

/**
 * Why a replication plan's target date cannot be taken: a plan aims ahead, so
 * its target is today or later (`today` is the local date in the programme's
 * time zone). Its steps may carry past dates: a plan written late records
 * steps already taken.
 */
export function planTargetProblem(targetDate: string | null, today: string): Reason | null {
  return targetDate !== null && targetDate < today ? reason('PLAN_TARGET_IN_PAST', { today }) : null;
}
