import { reason } from '../../shared/reason-texts.ts';
import type { Reason } from '../../shared/reason.ts';
import { lastDayOfMonth } from '../time/zoned-time.ts';

export const PROGRAMME_FORMATS = ['group_study_visits', 'twinning'] as const;
export type ProgrammeFormat = (typeof PROGRAMME_FORMATS)[number];

/** The steps of an edition, in the order they happen. */
export const MILESTONE_KINDS = [
  'discussion_groups',
  'host_call',
  'host_selection',
  'visitor_call',
  'visitor_selection',
  'visits',
  'follow_up',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** A step with its first and last day, as local dates in the programme's time zone. */
export interface Milestone {
  kind: MilestoneKind;
  startsOn: string;
  endsOn: string;
}

export interface ProgrammeSettings {
  timeZone: string;
  /** Host cities to select (group study visits) or pairs (twinning). */
  hostCount: number;
  /** Visiting cities per host (1 for twinning). */
  visitorsPerHost: number;
  /** Visitors must be committed to climate neutrality by this year at the latest. */
  visitorTargetYearMax: number;
  /** Whether visitors must have completed the discussion groups' learning phases. */
  requireDiscussionGroups: boolean;
  evaluatorsPerApplication: number;
  maxDelegatesPerCity: number;
  visitLengthDays: number;
  learningPhases: number;
  /** Days after a call closes that its evaluations are due. */
  evaluationDays: number;
  /** Local dates the programme holds no study visits (besides the hosts' public holidays). */
  daysWithoutVisits: string[];
}

export const DEFAULT_SETTINGS: Record<ProgrammeFormat, ProgrammeSettings> = {
  group_study_visits: {
    timeZone: 'Europe/Brussels',
    hostCount: 3,
    visitorsPerHost: 3,
    visitorTargetYearMax: 2050,
    requireDiscussionGroups: true,
    evaluatorsPerApplication: 2,
    maxDelegatesPerCity: 3,
    visitLengthDays: 2,
    learningPhases: 4,
    evaluationDays: 14,
    daysWithoutVisits: [],
  },
  twinning: {
    timeZone: 'Europe/Brussels',
    hostCount: 10,
    visitorsPerHost: 1,
    visitorTargetYearMax: 2050,
    requireDiscussionGroups: false,
    evaluatorsPerApplication: 2,
    maxDelegatesPerCity: 3,
    visitLengthDays: 2,
    learningPhases: 3,
    evaluationDays: 14,
    daysWithoutVisits: [],
  },
};

/** How many visiting cities the programme selects. */
export const visitorCount = (s: Pick<ProgrammeSettings, 'hostCount' | 'visitorsPerHost'>) => s.hostCount * s.visitorsPerHost;

const date = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The template timeline of an edition, from the programme's own article:
 * discussion groups over the five months before the host call (July–November),
 * host call in December, hosts chosen in January, visitor call in February,
 * visitors chosen in March, visits in May–June, follow-up for twelve months.
 */
export function defaultTimeline(editionYear: number): Milestone[] {
  const y = editionYear;
  return [
    { kind: 'discussion_groups', startsOn: date(y - 1, 7, 1), endsOn: date(y - 1, 11, 30) },
    { kind: 'host_call', startsOn: date(y - 1, 12, 1), endsOn: date(y - 1, 12, 31) },
    { kind: 'host_selection', startsOn: date(y, 1, 1), endsOn: date(y, 1, 31) },
    { kind: 'visitor_call', startsOn: date(y, 2, 1), endsOn: lastDayOfMonth(y, 2) },
    { kind: 'visitor_selection', startsOn: date(y, 3, 1), endsOn: date(y, 3, 31) },
    { kind: 'visits', startsOn: date(y, 5, 1), endsOn: date(y, 6, 30) },
    { kind: 'follow_up', startsOn: date(y, 7, 1), endsOn: date(y + 1, 6, 30) },
  ];
}

/**
 * Which step may not start before which ends. The host call is for Mission
 * Cities and may run while the discussion groups (for the visiting cities)
 * are still on; the follow-up may begin while the last visits happen.
 */
const ORDER_RULES: readonly (readonly [MilestoneKind, MilestoneKind])[] = [
  ['host_selection', 'host_call'],
  ['visitor_call', 'host_selection'],
  ['visitor_call', 'discussion_groups'],
  ['visitor_selection', 'visitor_call'],
  ['visits', 'visitor_selection'],
];

/** Which step may not start before which starts: the follow-up overlaps the visits, but follows their beginning. */
const START_RULES: readonly (readonly [MilestoneKind, MilestoneKind])[] = [['follow_up', 'visits']];

/** The step's name as a reason's parameters (`step` in English, `stepKind` for translations). */
export const stepParams = (kind: MilestoneKind) => ({ step: MILESTONE_LABELS[kind], stepKind: kind });

/**
 * Problems with a timeline, as reasons; empty when it is sound. A step may
 * start on the last day of the one before it (a selection starts when its
 * call closes, which may be in the middle of a day); the visitor call starts
 * only after the discussion groups, whose learning it asks for.
 */
export function timelineProblems(milestones: readonly Milestone[]): Reason[] {
  const problems: Reason[] = [];
  const byKind = new Map(milestones.map((m) => [m.kind, m]));
  for (const kind of MILESTONE_KINDS) if (!byKind.has(kind)) problems.push(reason('TIMELINE_STEP_MISSING', stepParams(kind)));
  if (byKind.size !== milestones.length) problems.push(reason('TIMELINE_STEP_TWICE'));
  for (const m of milestones) {
    if (m.endsOn < m.startsOn) problems.push(reason('TIMELINE_ENDS_BEFORE_START', { ...stepParams(m.kind), startsOn: m.startsOn, endsOn: m.endsOn }));
  }
  for (const [kind, previous] of ORDER_RULES) {
    const cur = byKind.get(kind);
    const prev = byKind.get(previous);
    if (cur && prev && cur.startsOn < prev.endsOn) {
      problems.push(reason('TIMELINE_STARTS_BEFORE_PREVIOUS_ENDS', { ...stepParams(kind), startsOn: cur.startsOn, previous: MILESTONE_LABELS[previous], previousEndsOn: prev.endsOn }));
    }
  }
  for (const [kind, previous] of START_RULES) {
    const cur = byKind.get(kind);
    const prev = byKind.get(previous);
    if (cur && prev && cur.startsOn < prev.startsOn) {
      problems.push(reason('TIMELINE_STARTS_BEFORE_PREVIOUS_STARTS', { ...stepParams(kind), startsOn: cur.startsOn, previous: MILESTONE_LABELS[previous], previousStartsOn: prev.startsOn }));
    }
  }
  return problems;
}

/**
 * Days without visits outside the study visits step, each by its place in the
 * list: such a day would never keep a visit away, so it is probably a typo.
 */
export function daysWithoutVisitsProblems(days: readonly string[], milestones: readonly Milestone[]): { index: number; reason: Reason }[] {
  const visits = milestones.find((m) => m.kind === 'visits');
  if (!visits) return [];
  return days.flatMap((day, index) =>
    day < visits.startsOn || day > visits.endsOn ? [{ index, reason: reason('DAYS_WITHOUT_VISITS_OUTSIDE_WINDOW', { windowStart: visits.startsOn, windowEnd: visits.endsOn }) }] : [],
  );
}

/** The steps that must have reached their last day before this one may start. */
export const mustFollow = (kind: MilestoneKind): MilestoneKind[] => ORDER_RULES.filter(([k]) => k === kind).map(([, previous]) => previous);

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  discussion_groups: 'discussion groups',
  host_call: 'host call',
  host_selection: 'host selection',
  visitor_call: 'visitor call',
  visitor_selection: 'visitor selection',
  visits: 'study visits',
  follow_up: 'follow-up',
};
