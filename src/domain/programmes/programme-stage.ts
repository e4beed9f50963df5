import type { CallKind } from '../../shared/programme.schemas.ts';
import { zonedToUtc } from '../time/zoned-time.ts';
import type { CallWindow } from './call-window.ts';
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

/** What else the stage reads: whether the programme is published, and the calls' own windows. */
export interface StageOptions {
  /** A draft's calls cannot open: in a draft, every step from the host call on is upcoming. True when not given. */
  published?: boolean;
  /** The calls' windows, which are more precise than their milestones' days (a call closed at 14:00). */
  calls?: Partial<Record<CallKind, CallWindow>>;
}

const CALL_OF: Partial<Record<MilestoneKind, CallKind>> = { host_call: 'host', visitor_call: 'visitor' };
const CALL_BEFORE: Partial<Record<MilestoneKind, CallKind>> = { host_selection: 'host', visitor_selection: 'visitor' };

/**
 * Where an edition stands, derived from its dates, its calls' windows and
 * its decisions — never a status someone sets by hand. A selection starts
 * when its call closes (even early) and is done once its decisions are
 * published (even early); after its last day without them it is overdue.
 */
export function programmeStage(milestones: readonly Milestone[], decisions: ProgrammeDecisions, timeZone: string, now: Date, options: StageOptions = {}): ProgrammeStage {
  const order = new Map(MILESTONE_KINDS.map((k, i) => [k, i]));
  const sorted = [...milestones].sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  const published = options.published ?? true;
  const steps: StepState[] = sorted.map((m) => {
    const window = stepWindow(m, timeZone, options.calls ?? {});
    const { startsAt, endsAt } = window;
    if (!published && (order.get(m.kind) ?? 0) >= (order.get('host_call') ?? 0)) return { kind: m.kind, startsAt, endsAt, status: 'upcoming' };
    const decided = m.kind === 'host_selection' ? decisions.hostsPublished : m.kind === 'visitor_selection' ? decisions.visitorsPublished : null;
    let status: StepStatus;
    if (decided === true) status = 'done';
    else if (now < startsAt) status = 'upcoming';
    else if (now <= endsAt) status = 'current';
    else status = decided === false ? 'overdue' : 'done';
    return { kind: m.kind, startsAt, endsAt, status };
  });
  const active = steps.filter((s) => s.status === 'current' || s.status === 'overdue');
  const current = active.at(-1)?.kind ?? null;
  const next = steps.find((s) => s.status === 'upcoming')?.kind ?? null;
  const phase = steps.every((s) => s.status === 'upcoming') ? 'not_started' : steps.every((s) => s.status === 'done') ? 'finished' : 'running';
  return { steps, current, next, phase };
}

/** A step's first and last instants: a call's are its window; a selection starts once its call has closed. */
function stepWindow(m: Milestone, timeZone: string, calls: Partial<Record<CallKind, CallWindow>>) {
  const own = milestoneWindow(m, timeZone);
  const call = CALL_OF[m.kind];
  const callWindow = call ? calls[call] : undefined;
  if (callWindow) return { startsAt: callWindow.opensAt, endsAt: callWindow.closesAt };
  const before = CALL_BEFORE[m.kind];
  const previous = before ? calls[before] : undefined;
  if (previous) {
    const afterClose = new Date(previous.closesAt.getTime() + 1);
    return { startsAt: afterClose > own.startsAt ? afterClose : own.startsAt, endsAt: own.endsAt };
  }
  return own;
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
