import type { CallKind } from '../../shared/programme.schemas.ts';
import type { Reason } from '../../shared/reason.ts';
import { reason } from '../../shared/reason-texts.ts';
import { addDays, localDateAt, wallClockAt, zonedToUtc } from '../time/zoned-time.ts';
import { callMilestoneOf, callOpenProblems, callState, datesOfWindow, instantParams, selectionOf, type CallWindow } from './call-window.ts';
import { programmeStage, type ProgrammeStage } from './programme-stage.ts';
import { MILESTONE_KINDS, mustFollow, stepParams, timelineProblems, type Milestone, type MilestoneKind } from './programme-template.ts';

// The manager's actions on a programme's timeline, planned before they are
// done: each plan says what will happen (effects, as reasons) or why not
// (a refusal), and the new milestones and call windows the service writes.
// The preview and the action run the same plan, so they cannot disagree.

/** What the plans read of a call. */
export interface CallFacts extends CallWindow {
  questions: number;
  criteria: number;
  decisionsPublished: boolean;
  /** Applications submitted so far, and still drafts. */
  submitted: number;
  drafts: number;
  lastSubmittedAt: Date | null;
}

/** What the plans read of a programme. */
export interface TimelineFacts {
  published: boolean;
  timeZone: string;
  milestones: readonly Milestone[];
  calls: Record<CallKind, CallFacts>;
  now: Date;
}

export type Plan =
  | { ok: false; refusal: Reason }
  | {
      ok: true;
      effects: Reason[];
      milestones: Milestone[];
      /** The calls whose window changes, with the new window. */
      windows: Partial<Record<CallKind, CallWindow>>;
    };

const refuse = (refusal: Reason): Plan => ({ ok: false, refusal });
const CALL_KINDS: readonly CallKind[] = ['host', 'visitor'];
const callOfStep = (kind: MilestoneKind): CallKind | null => CALL_KINDS.find((k) => callMilestoneOf(k) === kind) ?? null;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The same wall-clock time `days` later in the programme's zone (a window keeps its hours when it moves). */
function shiftInstant(instant: Date, days: number, timeZone: string): Date {
  const w = wallClockAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return zonedToUtc(addDays(localDateAt(instant, timeZone), days), `${two(w.hour)}:${two(w.minute)}:${two(w.second)}`, timeZone);
}

/** The stage of the facts, optionally with changed milestones and windows. */
export function stageOf(f: TimelineFacts, milestones: readonly Milestone[] = f.milestones, windows: Partial<Record<CallKind, CallWindow>> = {}): ProgrammeStage {
  return programmeStage(
    milestones,
    { hostsPublished: f.calls.host.decisionsPublished, visitorsPublished: f.calls.visitor.decisionsPublished },
    f.timeZone,
    f.now,
    { published: f.published, calls: { host: windows.host ?? f.calls.host, visitor: windows.visitor ?? f.calls.visitor } },
  );
}

class Timeline {
  readonly milestones: Milestone[];
  readonly windows: Partial<Record<CallKind, CallWindow>> = {};
  readonly effects: Reason[] = [];
  private readonly stage: ProgrammeStage;

  constructor(private readonly f: TimelineFacts) {
    this.milestones = f.milestones.map((m) => ({ ...m }));
    this.stage = stageOf(f);
  }

  get today() {
    return localDateAt(this.f.now, this.f.timeZone);
  }

  step(kind: MilestoneKind): Milestone {
    const m = this.milestones.find((x) => x.kind === kind);
    if (!m) throw new RangeError(`The timeline has no ${kind}.`);
    return m;
  }

  started(kind: MilestoneKind) {
    return this.stage.steps.find((s) => s.kind === kind)?.status !== 'upcoming';
  }

  /** Gives a call a new window; its milestone's days follow. */
  setWindow(kind: CallKind, window: CallWindow) {
    this.windows[kind] = window;
    Object.assign(this.step(callMilestoneOf(kind)), datesOfWindow(window, this.f.timeZone));
  }

  /** Ends a finished step no later than today, so the step after it may start today. */
  endByToday(kind: MilestoneKind) {
    const m = this.step(kind);
    if (m.endsOn <= this.today) return;
    m.endsOn = this.today;
    if (m.startsOn > this.today) m.startsOn = this.today;
    this.effects.push(reason('EFFECT_STEP_ENDS', { ...stepParams(kind), date: this.today }));
  }

  /**
   * Moves every later step that would now start before a step it must
   * follow, keeping its length; refuses when one of them has started
   * (`mayMove`: started steps that may move all the same).
   */
  pushLaterSteps(mayMove: ReadonlySet<MilestoneKind> = new Set()): Plan | null {
    for (const kind of MILESTONE_KINDS) {
      const m = this.step(kind);
      let earliest: string | null = null;
      for (const previousKind of mustFollow(kind)) {
        const previous = this.step(previousKind);
        if (m.startsOn >= previous.endsOn) continue;
        // A selection starts the day its call closes; other steps the day after.
        const start = callOfStep(previousKind) ? previous.endsOn : addDays(previous.endsOn, 1);
        if (earliest === null || start > earliest) earliest = start;
      }
      if (earliest === null) continue;
      const call = callOfStep(kind);
      if (this.started(kind) && !mayMove.has(kind)) return refuse(reason('STEP_CANNOT_MOVE', { ...stepParams(kind), date: m.startsOn }));
      const days = daysBetween(m.startsOn, earliest);
      if (call) {
        const window = this.windows[call] ?? this.f.calls[call];
        this.setWindow(call, { opensAt: shiftInstant(window.opensAt, days, this.f.timeZone), closesAt: shiftInstant(window.closesAt, days, this.f.timeZone) });
      } else {
        m.startsOn = earliest;
        m.endsOn = addDays(m.endsOn, days);
      }
      this.effects.push(reason('EFFECT_STEP_MOVES', { ...stepParams(kind), startsOn: m.startsOn, endsOn: m.endsOn }));
    }
    return null;
  }

  done(): Plan {
    const problem = timelineProblems(this.milestones)[0];
    if (problem) return refuse(problem);
    return { ok: true, effects: this.effects, milestones: this.milestones, windows: this.windows };
  }
}

/** Opens a call that has not opened yet now, with its own deadline or another one. */
export function planOpen(f: TimelineFacts, kind: CallKind, closesAt?: Date): Plan {
  if (!f.published) return refuse(reason('PROGRAMME_IS_DRAFT'));
  const call = f.calls[kind];
  const state = callState(call, true, f.now);
  if (state === 'open') return refuse(reason('CALL_ALREADY_OPEN', { call: kind }));
  if (state === 'closed') return refuse(reason('CALL_ALREADY_CLOSED', { call: kind }));
  const problem = callOpenProblems(kind, call, true)[0];
  if (problem) return refuse(problem);
  const t = new Timeline(f);
  if (kind === 'visitor') {
    if (!f.calls.host.decisionsPublished) return refuse(reason('HOSTS_NOT_PUBLISHED'));
    const groups = t.step('discussion_groups');
    if (groups.endsOn > t.today) return refuse(reason('DISCUSSION_GROUPS_RUNNING', { date: groups.endsOn }));
  }
  // An upcoming call's own deadline is still ahead; another may be given.
  const deadline = closesAt ?? call.closesAt;
  if (deadline <= f.now) return refuse(reason('DEADLINE_NOT_FUTURE', instantParams(f.now, f.timeZone)));
  t.effects.push(reason('EFFECT_CALL_OPENS_NOW', { call: kind }), reason('EFFECT_DEADLINE', { call: kind, ...instantParams(deadline, f.timeZone) }));
  if (kind === 'visitor') t.endByToday('host_selection');
  t.setWindow(kind, { opensAt: f.now, closesAt: deadline });
  return t.pushLaterSteps() ?? t.done();
}

/** Closes an open call now; its selection starts. */
export function planClose(f: TimelineFacts, kind: CallKind): Plan {
  if (!f.published) return refuse(reason('PROGRAMME_IS_DRAFT'));
  const call = f.calls[kind];
  const state = callState(call, true, f.now);
  if (state === 'upcoming') return refuse(reason('CALL_NOT_OPENED_YET', { call: kind }));
  if (state === 'closed') return refuse(reason('CALL_ALREADY_CLOSED', { call: kind }));
  const t = new Timeline(f);
  // The last instant accepted is the one before this request.
  t.setWindow(kind, { opensAt: call.opensAt, closesAt: new Date(f.now.getTime() - 1) });
  const selection = t.step(selectionOf(kind));
  if (selection.startsOn > t.today) {
    selection.startsOn = t.today;
    if (selection.endsOn < selection.startsOn) selection.endsOn = selection.startsOn;
  }
  t.effects.push(reason('EFFECT_CALL_CLOSES_NOW', { call: kind, ...instantParams(f.now, f.timeZone) }));
  if (call.drafts > 0) t.effects.push(reason('EFFECT_DRAFTS_LEFT', { count: call.drafts }));
  t.effects.push(reason('EFFECT_SELECTION_STARTS', { ...stepParams(selectionOf(kind)), count: call.submitted }));
  return t.done();
}

/**
 * Moves an opened call's deadline later (also after it closed, which opens
 * it again): never before now or the last submission; later steps it runs
 * into move with it, unless they have started.
 */
export function planExtend(f: TimelineFacts, kind: CallKind, until: Date): Plan {
  if (!f.published) return refuse(reason('PROGRAMME_IS_DRAFT'));
  const call = f.calls[kind];
  const state = callState(call, true, f.now);
  if (state === 'upcoming') return refuse(reason('CALL_NOT_OPENED_YET', { call: kind }));
  if (call.decisionsPublished) return refuse(reason('CALL_DECISIONS_PUBLISHED', { call: kind }));
  if (until <= f.now) return refuse(reason('DEADLINE_NOT_FUTURE', instantParams(f.now, f.timeZone)));
  if (state === 'open' && until <= call.closesAt) return refuse(reason('DEADLINE_NOT_LATER', instantParams(call.closesAt, f.timeZone)));
  if (call.lastSubmittedAt && until < call.lastSubmittedAt) return refuse(reason('DEADLINE_BEFORE_SUBMISSION', instantParams(call.lastSubmittedAt, f.timeZone)));
  const t = new Timeline(f);
  t.setWindow(kind, { opensAt: call.opensAt, closesAt: until });
  t.effects.push(reason('EFFECT_NEW_DEADLINE', { call: kind, ...instantParams(until, f.timeZone) }));
  if (state === 'closed') t.effects.push(reason('EFFECT_CALL_OPEN_AGAIN', { call: kind }));
  // The selection waits for the call, even when it had begun.
  return t.pushLaterSteps(new Set([selectionOf(kind)])) ?? t.done();
}

/** Opens a closed call again for one late city until `until` (no later than the end of its selection). */
export function planReopen(f: TimelineFacts, kind: CallKind, city: string, until: Date): Plan {
  if (!f.published) return refuse(reason('PROGRAMME_IS_DRAFT'));
  const call = f.calls[kind];
  const state = callState(call, true, f.now);
  if (state === 'upcoming') return refuse(reason('CALL_NOT_OPENED_YET', { call: kind }));
  if (state === 'open') return refuse(reason('CALL_STILL_OPEN', { call: kind }));
  if (call.decisionsPublished) return refuse(reason('CALL_DECISIONS_PUBLISHED', { call: kind }));
  if (until <= f.now) return refuse(reason('DEADLINE_NOT_FUTURE', instantParams(f.now, f.timeZone)));
  const t = new Timeline(f);
  const selection = stageOf(f).steps.find((s) => s.kind === selectionOf(kind));
  if (selection && until > selection.endsAt) return refuse(reason('REOPEN_AFTER_SELECTION', { ...stepParams(selection.kind), date: t.step(selection.kind).endsOn }));
  t.effects.push(reason('EFFECT_CITY_REOPENED', { city, ...instantParams(until, f.timeZone) }));
  return t.done();
}

/** Makes a draft public: its calls then open by their dates (or at once, if those have begun). */
export function planPublish(f: TimelineFacts, publishedAt: Date | null): Plan {
  if (f.published) return refuse(reason('PROGRAMME_ALREADY_PUBLISHED', { date: localDateAt(publishedAt ?? f.now, f.timeZone) }));
  const broken = timelineProblems(f.milestones)[0];
  if (broken) return refuse(broken);
  for (const kind of CALL_KINDS) {
    const problem = callOpenProblems(kind, f.calls[kind], true)[0];
    if (problem) return refuse(problem);
  }
  const t = new Timeline(f);
  t.effects.push(reason('EFFECT_PROGRAMME_PUBLIC'));
  for (const kind of CALL_KINDS) {
    const call = f.calls[kind];
    const state = callState(call, true, f.now);
    if (state === 'upcoming') t.effects.push(reason('CALL_OPENS_ON', { call: kind, ...instantParams(call.opensAt, f.timeZone) }));
    else if (state === 'open') t.effects.push(reason('EFFECT_CALL_OPENS_AT_ONCE', { call: kind }), reason('EFFECT_DEADLINE', { call: kind, ...instantParams(call.closesAt, f.timeZone) }));
    else t.effects.push(reason('EFFECT_CALL_DATES_PASSED', { call: kind }));
  }
  return t.done();
}

/** The step "move to the next step" would start, if any. */
export const nextStepOf = (f: TimelineFacts): MilestoneKind | null => (f.published ? stageOf(f).next : null);

/**
 * Starts the next step now, when the one before it is done: a call opens
 * (the visitor call once the hosts are published), the visits start once the
 * visitors are published; a selection starts when its call is closed.
 */
export function planAdvance(f: TimelineFacts): Plan {
  if (!f.published) return refuse(reason('PROGRAMME_IS_DRAFT'));
  const next = nextStepOf(f);
  if (!next) return refuse(reason('NO_NEXT_STEP'));
  const call = callOfStep(next);
  if (call) return planOpen(f, call);
  const t = new Timeline(f);
  for (const kind of CALL_KINDS) {
    if (next === selectionOf(kind) && callState(f.calls[kind], true, f.now) === 'open') return refuse(reason('PREVIOUS_STEP_OPEN', stepParams(callMilestoneOf(kind))));
  }
  if (next === 'visits') {
    if (!f.calls.visitor.decisionsPublished) return refuse(reason('VISITORS_NOT_PUBLISHED'));
    t.endByToday('visitor_selection');
  }
  const step = t.step(next);
  step.startsOn = t.today;
  if (step.endsOn < step.startsOn) step.endsOn = step.startsOn;
  t.effects.unshift(reason('EFFECT_STEP_STARTS_TODAY', { ...stepParams(next), date: t.today }));
  return t.done();
}
