import type { CallKind } from '../../shared/programme.schemas.ts';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { callMilestoneOf, type CallState } from './call-window.ts';
import { SETTING_GOVERNED_BY, type ProgrammeStage } from './programme-stage.ts';
import { MILESTONE_KINDS, stepParams, timelineProblems, type Milestone, type ProgrammeSettings } from './programme-template.ts';

/** A date or number that can no longer change, and why. `field` is `milestones.<step>.startsOn|endsOn` or `settings.<name>`. */
export interface Lock {
  field: string;
  reason: Reason;
}

/** What the rules read of a programme. */
export interface ChangeFacts {
  published: boolean;
  milestones: readonly Milestone[];
  stage: ProgrammeStage;
  callStates: Record<CallKind, CallState>;
}

const SETTING_KEYS = Object.keys(SETTING_GOVERNED_BY) as (keyof typeof SETTING_GOVERNED_BY)[];

/**
 * What may no longer change, explicitly. Nothing of a draft (nothing has
 * happened yet). Once published: a step that has started keeps its first
 * day and its last day may still move (not before today), except that the
 * discussion groups are fixed once their learning phases run, an opened
 * call's window moves only through its actions (which tell the applicants),
 * and a step that is over or decided is fixed. A number is fixed once the
 * step it governs has started.
 */
export function programmeLocks(f: ChangeFacts): Lock[] {
  if (!f.published) return [];
  const locks: Lock[] = [];
  const both = (kind: Milestone['kind'], why: Reason) =>
    locks.push({ field: `milestones.${kind}.startsOn`, reason: why }, { field: `milestones.${kind}.endsOn`, reason: why });
  for (const kind of MILESTONE_KINDS) {
    const m = f.milestones.find((x) => x.kind === kind);
    const status = f.stage.steps.find((s) => s.kind === kind)?.status ?? 'upcoming';
    if (!m) continue;
    const call = (['host', 'visitor'] as const).find((k) => callMilestoneOf(k) === kind);
    if (call) {
      if (f.callStates[call] !== 'upcoming') both(kind, reason('CALL_DATES_BY_ACTIONS', { call }));
      continue;
    }
    if (status === 'upcoming') continue;
    if (kind === 'discussion_groups') both(kind, reason('LEARNING_STARTED', { date: m.startsOn }));
    else if (status === 'done') both(kind, kind.endsWith('_selection') ? reason('STEP_DECIDED', stepParams(kind)) : reason('STEP_OVER', { ...stepParams(kind), date: m.endsOn }));
    else locks.push({ field: `milestones.${kind}.startsOn`, reason: reason('STEP_STARTED', { ...stepParams(kind), date: m.startsOn }) });
  }
  for (const key of SETTING_KEYS) {
    const governing = SETTING_GOVERNED_BY[key];
    const status = f.stage.steps.find((s) => s.kind === governing)?.status ?? 'upcoming';
    const m = f.milestones.find((x) => x.kind === governing);
    if (status !== 'upcoming' && m) locks.push({ field: `settings.${key}`, reason: reason('SETTING_FIXED', { ...stepParams(governing), date: m.startsOn }) });
  }
  return locks;
}

/** A change refused, on the request's field (`body.milestones.host_call`, `body.settings.hostCount`, `body.milestones`). */
export interface ChangeProblem {
  field: string;
  reason: Reason;
}

/** Why a change of dates and numbers is not allowed; empty when it is. `today` is the local date in the programme's zone. */
export function changeProblems(
  f: ChangeFacts,
  before: { settings: ProgrammeSettings },
  after: { milestones: readonly Milestone[]; settings: ProgrammeSettings },
  today: string,
): ChangeProblem[] {
  const locks = new Map(programmeLocks(f).map((l) => [l.field, l.reason]));
  const problems: ChangeProblem[] = [];
  for (const key of SETTING_KEYS) {
    const why = locks.get(`settings.${key}`);
    if (why && before.settings[key] !== after.settings[key]) problems.push({ field: `body.settings.${key}`, reason: why });
  }
  for (const m of after.milestones) {
    const was = f.milestones.find((x) => x.kind === m.kind);
    if (!was) continue;
    const status = f.stage.steps.find((s) => s.kind === m.kind)?.status ?? 'upcoming';
    const startWhy = was.startsOn !== m.startsOn ? locks.get(`milestones.${m.kind}.startsOn`) : undefined;
    const endWhy = was.endsOn !== m.endsOn ? locks.get(`milestones.${m.kind}.endsOn`) : undefined;
    const why =
      startWhy ??
      endWhy ??
      (f.published && status !== 'upcoming' && was.endsOn !== m.endsOn && m.endsOn < today ? reason('STEP_END_BEFORE_TODAY', { ...stepParams(m.kind), date: today }) : undefined);
    if (why) problems.push({ field: `body.milestones.${m.kind}`, reason: why });
  }
  for (const problem of timelineProblems(after.milestones)) problems.push({ field: 'body.milestones', reason: problem });
  return problems;
}
