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

/** Problems with a timeline, in words; empty when it is sound. */
export function timelineProblems(milestones: readonly Milestone[]): string[] {
  const problems: string[] = [];
  const byKind = new Map(milestones.map((m) => [m.kind, m]));
  for (const kind of MILESTONE_KINDS) if (!byKind.has(kind)) problems.push(`The timeline has no ${label(kind)}.`);
  if (byKind.size !== milestones.length) problems.push('The timeline names a step twice.');
  for (const m of milestones) {
    if (m.endsOn < m.startsOn) problems.push(`The ${label(m.kind)} ends (${m.endsOn}) before it starts (${m.startsOn}).`);
  }
  const ordered = MILESTONE_KINDS.map((k) => byKind.get(k)).filter((m): m is Milestone => m !== undefined);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (prev && cur && cur.startsOn <= prev.endsOn && cur.kind !== 'follow_up') {
      problems.push(`The ${label(cur.kind)} starts (${cur.startsOn}) before the ${label(prev.kind)} ends (${prev.endsOn}).`);
    }
  }
  return problems;
}

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  discussion_groups: 'online discussion groups',
  host_call: 'host call',
  host_selection: 'host selection',
  visitor_call: 'visitor call',
  visitor_selection: 'visitor selection',
  visits: 'study visits',
  follow_up: 'follow-up',
};

const label = (kind: MilestoneKind) => MILESTONE_LABELS[kind];
