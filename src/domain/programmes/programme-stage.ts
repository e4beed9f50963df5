import { zonedToUtc } from '../time/zoned-time.ts';
import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from './programme-template.ts';

/** What has been decided so far; selections end when their decisions are published. */
export interface ProgrammeDecisions {
  hostsPublished: boolean;
  visitorsPublished: boolean;
}

export type StepStatus = 'done' | 'current' | 'overdue' | 'upcoming';

export interface StepState {
  kind: MilestoneKind;
  startsAt: Date;
  endsAt: Date;
  status: StepStatus;
}

export interface ProgrammeStage {
  steps: StepState[];
  /** The step the programme is in now, or null before it starts and after it ends. */
  current: MilestoneKind | null;
  /** The next step to start, or null when none is left. */
  next: MilestoneKind | null;
  phase: 'not_started' | 'running' | 'finished';
}

/** First and last instants of a milestone: 00:00 of its first day to the end of its last, local time. */
export function milestoneWindow(m: Milestone, timeZone: string) {
  return { startsAt: zonedToUtc(m.startsOn, '00:00:00', timeZone), endsAt: zonedToUtc(m.endsOn, '23:59:59', timeZone) };
}

/**
 * Where an edition stands, derived from its dates and decisions — never a
 * status someone sets by hand. A selection step is done once its decisions
 * are published (even early); after its last day without them it is overdue.
 */
export function programmeStage(milestones: readonly Milestone[], decisions: ProgrammeDecisions, timeZone: string, now: Date): ProgrammeStage {
  const order = new Map(MILESTONE_KINDS.map((k, i) => [k, i]));
  const sorted = [...milestones].sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  const steps: StepState[] = sorted.map((m) => {
    const { startsAt, endsAt } = milestoneWindow(m, timeZone);
    const published = m.kind === 'host_selection' ? decisions.hostsPublished : m.kind === 'visitor_selection' ? decisions.visitorsPublished : null;
    let status: StepStatus;
    if (published === true) status = 'done';
    else if (now < startsAt) status = 'upcoming';
    else if (now <= endsAt) status = 'current';
    else status = published === false ? 'overdue' : 'done';
    return { kind: m.kind, startsAt, endsAt, status };
  });
  const active = steps.filter((s) => s.status === 'current' || s.status === 'overdue');
  const current = active.at(-1)?.kind ?? null;
  const next = steps.find((s) => s.status === 'upcoming')?.kind ?? null;
  const phase = steps.every((s) => s.status === 'upcoming') ? 'not_started' : steps.every((s) => s.status === 'done') ? 'finished' : 'running';
  return { steps, current, next, phase };
}

/** A milestone's dates may change only until it has started. */
export function milestoneEditable(m: Milestone, timeZone: string, now: Date): boolean {
  return now < milestoneWindow(m, timeZone).startsAt;
}

/** The step whose start freezes a setting: numbers change only before the step they govern. */
export const SETTING_GOVERNED_BY = {
  hostCount: 'host_selection',
  visitorsPerHost: 'visitor_selection',
  visitorTargetYearMax: 'visitor_call',
  requireDiscussionGroups: 'visitor_call',
  evaluatorsPerApplication: 'host_selection',
  maxDelegatesPerCity: 'visits',
  visitLengthDays: 'visits',
  learningPhases: 'discussion_groups',
  timeZone: 'discussion_groups',
} as const satisfies Record<string, MilestoneKind>;
