import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { addDays } from '../time/zoned-time.ts';

export interface LearningPhase {
  number: number;
  title: string;
  goals: string;
  startsOn: string;
  endsOn: string;
}

// From the programme's article: cities first understand the climate
// solutions Mission Cities plan across the six sectors, then work toward
// what they could replicate.
const TEMPLATE = [
  { title: 'The Mission and the Climate City Contracts', goals: 'Understand how Mission Cities plan their transition: commitments, action plans, investment plans.' },
  { title: 'Solutions by sector', goals: 'Explore the solutions Mission Cities plan in energy, buildings, mobility, circular economy, industry and nature-based solutions.' },
  { title: 'Making it happen', goals: 'Learn how Mission Cities govern, finance and involve citizens in their solutions.' },
  { title: 'From learning to replication', goals: 'Choose what your city could replicate and prepare to apply for a Group Study Visit.' },
];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Splits the discussion-groups window into `count` consecutive phases of
 * (nearly) equal length: four over five months by default.
 */
export function defaultLearningPhases(window: { startsOn: string; endsOn: string }, count = 4): LearningPhase[] {
  const totalDays = daysBetween(window.startsOn, window.endsOn) + 1;
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(window.startsOn, Math.floor((i * totalDays) / count));
    const end = i === count - 1 ? window.endsOn : addDays(window.startsOn, Math.floor(((i + 1) * totalDays) / count) - 1);
    const t = TEMPLATE[i] ?? { title: `Phase ${i + 1}`, goals: '' };
    return { number: i + 1, title: t.title, goals: t.goals, startsOn: start, endsOn: end };
  });
}

/**
 * Why a meeting cannot be held on a day (local date in the programme's time
 * zone) for its phase: a phase's meetings take place while the phase runs,
 * from its first to its last day.
 */
export function meetingDayProblem(phase: { number: number; startsOn: string; endsOn: string }, day: string): Reason | null {
  if (day >= phase.startsOn && day <= phase.endsOn) return null;
  return reason(day < phase.startsOn ? 'MEETING_BEFORE_PHASE' : 'MEETING_AFTER_PHASE', { phase: phase.number, startsOn: phase.startsOn, endsOn: phase.endsOn });
}

export interface AttendanceRecord {
  cityId: string;
  phaseNumber: number;
  meetingId: string;
  status: 'present' | 'excused' | 'absent';
}

export interface CompletionRule {
  /** Meetings of a phase the city must have attended (any of its participants present). */
  meetingsPerPhase: number;
}

export const DEFAULT_COMPLETION_RULE: CompletionRule = { meetingsPerPhase: 1 };

/**
 * The phases each city completed under the rule: a phase counts when at
 * least `meetingsPerPhase` of its meetings had someone from the city present.
 */
export function phasesCompletedByCity(attendance: readonly AttendanceRecord[], rule: CompletionRule): Map<string, number[]> {
  const meetings = new Map<string, Map<number, Set<string>>>();
  for (const a of attendance) {
    if (a.status !== 'present') continue;
    const byPhase = meetings.get(a.cityId) ?? new Map<number, Set<string>>();
    const set = byPhase.get(a.phaseNumber) ?? new Set<string>();
    set.add(a.meetingId);
    byPhase.set(a.phaseNumber, set);
    meetings.set(a.cityId, byPhase);
  }
  const result = new Map<string, number[]>();
  for (const [city, byPhase] of meetings) {
    result.set(
      city,
      [...byPhase]
        .filter(([, set]) => set.size >= rule.meetingsPerPhase)
        .map(([phase]) => phase)
        .sort((a, b) => a - b),
    );
  }
  return result;
}
