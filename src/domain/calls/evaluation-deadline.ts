import type { ProgrammeSettings } from '../programmes/programme-template.ts';
import { addDays, localDateAt, zonedToUtc } from '../time/zoned-time.ts';

/**
 * When a call's evaluations are due: `evaluationDays` after the day the call
 * closes, at the end of that day, both in the programme's time zone. The one
 * place this is computed; it takes the call's closing instant however that
 * is stored or moved (an extended deadline moves the evaluations with it).
 */
export function evaluationsDueAt(callClosesAt: Date, settings: Pick<ProgrammeSettings, 'timeZone' | 'evaluationDays'>): Date {
  const closingDay = localDateAt(callClosesAt, settings.timeZone);
  return zonedToUtc(addDays(closingDay, settings.evaluationDays), '23:59:59', settings.timeZone);
}
