import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import type { ProgrammeSettings } from '../programmes/programme-template.ts';

export type CallKind = 'host' | 'visitor';

export interface CityForEligibility {
  name: string;
  kind: 'mission' | 'aspiring';
  climateTargetYear: number | null;
}

/** What the platform knows of a city's learning: phases completed, or a manager's mark. */
export interface LearningRecord {
  phasesRequired: number;
  /** Numbers (1-based) of the phases the city completed. */
  phasesCompleted: readonly number[];
  markedCompleteByManager: boolean;
}

/** The phases (1-based) a city still has to complete; none when a manager marked its learning complete. */
export function missingLearningPhases(learning: LearningRecord): number[] {
  if (learning.markedCompleteByManager) return [];
  const done = new Set(learning.phasesCompleted);
  return Array.from({ length: learning.phasesRequired }, (_, i) => i + 1).filter((p) => !done.has(p));
}

/**
 * Whether a city completed the learning phases: every required phase, or a
 * manager's mark. The one rule the visitor call's eligibility and the
 * programme dashboard count with.
 */
export function learningComplete(learning: LearningRecord): boolean {
  return missingLearningPhases(learning).length === 0;
}

export interface Eligibility {
  eligible: boolean;
  /** Why not, as reasons a city officer reads in their language; empty when eligible. */
  reasons: Reason[];
}

/**
 * Who may apply to a call. Host calls are for Mission Cities only. Visitor
 * calls are for the other cities committed to climate neutrality by the
 * programme's target year that completed the learning phases (when the
 * programme requires them).
 */
export function checkEligibility(
  kind: CallKind,
  city: CityForEligibility,
  settings: Pick<ProgrammeSettings, 'visitorTargetYearMax' | 'requireDiscussionGroups'>,
  learning: LearningRecord,
): Eligibility {
  const reasons: Reason[] = [];
  const about = { city: city.name };
  if (kind === 'host') {
    if (city.kind !== 'mission') reasons.push(reason('HOST_NOT_MISSION_CITY', about));
    return { eligible: reasons.length === 0, reasons };
  }
  if (city.kind === 'mission') reasons.push(reason('VISITOR_IS_MISSION_CITY', about));
  if (city.climateTargetYear === null) {
    reasons.push(reason('CLIMATE_TARGET_MISSING', about));
  } else if (city.climateTargetYear > settings.visitorTargetYearMax) {
    reasons.push(reason('CLIMATE_TARGET_TOO_LATE', { ...about, year: city.climateTargetYear, maxYear: settings.visitorTargetYearMax }));
  }
  if (settings.requireDiscussionGroups) {
    const missing = missingLearningPhases(learning);
    const last = missing.at(-1);
    if (missing.length === 1 && last !== undefined) reasons.push(reason('LEARNING_PHASE_MISSING', { ...about, phase: last }));
    else if (last !== undefined) reasons.push(reason('LEARNING_PHASES_MISSING', { ...about, phases: missing.slice(0, -1).join(', '), last }));
  }
  return { eligible: reasons.length === 0, reasons };
}
