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

export interface Eligibility {
  eligible: boolean;
  /** Why not, in words a city officer understands; empty when eligible. */
  reasons: string[];
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
  const reasons: string[] = [];
  if (kind === 'host') {
    if (city.kind !== 'mission') reasons.push(`Only Mission Cities may host study visits; ${city.name} is not a Mission City.`);
    return { eligible: reasons.length === 0, reasons };
  }
  if (city.kind === 'mission') {
    reasons.push(`${city.name} is a Mission City: Mission Cities host visits rather than apply to visit.`);
  }
  if (city.climateTargetYear === null) {
    reasons.push(`${city.name} has not stated the year by which it aims to be climate neutral; add it to the city profile.`);
  } else if (city.climateTargetYear > settings.visitorTargetYearMax) {
    reasons.push(`${city.name} aims for climate neutrality by ${city.climateTargetYear}; this call is for cities committed to ${settings.visitorTargetYearMax} at the latest.`);
  }
  if (settings.requireDiscussionGroups && !learning.markedCompleteByManager) {
    const done = new Set(learning.phasesCompleted);
    const missing = Array.from({ length: learning.phasesRequired }, (_, i) => i + 1).filter((p) => !done.has(p));
    if (missing.length > 0) {
      const list = missing.length === 1 ? `phase ${missing[0]}` : `phases ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
      reasons.push(`${city.name} has not yet completed the discussion groups' learning ${list}.`);
    }
  }
  return { eligible: reasons.length === 0, reasons };
}
