import type { CallWindow } from '../../../domain/programmes/call-window.ts';
import { planAdvance, planClose, planExtend, planOpen, planPublish, planReopen, type CallFacts, type Plan, type TimelineFacts } from '../../../domain/programmes/timeline-actions.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { ActionOutcome, ActionPreview, CallKind, Milestone } from '../../../shared/programme.schemas.ts';
import type { Reason } from '../../../shared/reason.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCityFacts } from '../cities/cities.repository.ts';
import { enqueueEmails, type OutgoingEmail } from '../email/outbox.repository.ts';
import { deadlineExtendedEmail, reopenedForCityEmail } from './call-emails.ts';
import { bumpCallVersion, callsOfProgramme, draftCountsOf, representativesToTell, updateCallWindow, upsertReopening, type CallRow } from './calls.repository.ts';
import { visibleProgrammeOrThrow } from './programme-lookup.ts';
import { bumpProgrammeVersion, milestonesOf, markProgrammePublished, rebuildLearningPhases, replaceMilestones, type ProgrammeRow } from './programmes.repository.ts';

// The programme team's actions on the timeline: publish a draft, move to the
// next step, open a call now, close it now, extend its deadline, reopen it
// for one late city. Each has a preview (nothing changes) and the action
// itself; both run the same plan (src/domain/programmes/timeline-actions.ts).
// The action writes, emails and audits in one transaction.

interface Loaded {
  row: ProgrammeRow;
  calls: CallRow[];
  facts: TimelineFacts;
}

type Done = Extract<Plan, { ok: true }>;

/** Who is told by email, and the effect that says so. */
interface Notice {
  effect: Reason;
  emails: OutgoingEmail[];
}

interface ActionSpec<Input> {
  /** The audit log's action. */
  action: string;
  /** The call the action is about, if any (its version is the one the request names). */
  call?: CallKind;
  plan: (db: Db, t: Loaded, input: Input) => Promise<Plan>;
  /** The emails the action sends, read in its transaction (or for the preview). */
  notice?: (db: Db, t: Loaded, input: Input, plan: Done) => Promise<Notice>;
  /** What the action writes besides the new milestones and windows. */
  write?: (trx: Db, t: Loaded, input: Input, actor: CurrentUser) => Promise<void>;
  details?: (input: Input) => Record<string, unknown>;
}

interface Request<Input> {
  slug: string;
  input: Input;
  actor: CurrentUser;
  now: Date;
}

const callFacts = (c: CallRow, drafts: number): CallFacts => ({
  opensAt: new Date(c.opens_at),
  closesAt: new Date(c.closes_at),
  questions: c.questions.length,
  criteria: c.criteria.length,
  decisionsPublished: c.decisions_published_at !== null,
  submitted: c.submitted_count,
  drafts,
  lastSubmittedAt: c.last_submitted_at,
});

async function loadTimeline(db: Db, slug: string, viewer: CurrentUser, now: Date): Promise<Loaded> {
  const row = await visibleProgrammeOrThrow(db, slug, viewer);
  const [milestones, calls, drafts] = await Promise.all([milestonesOf(db, [row.id]), callsOfProgramme(db, row.id), draftCountsOf(db, row.id)]);
  const callOf = (kind: CallKind) => {
    const c = calls.find((x) => x.kind === kind);
    if (!c) throw new AppError('NOT_FOUND', reason('CALL_NOT_FOUND', { call: kind }));
    return callFacts(c, drafts.get(c.id) ?? 0);
  };
  return {
    row,
    calls,
    facts: { published: row.published_at !== null, timeZone: row.settings.timeZone, milestones: milestones.get(row.id) ?? [], calls: { host: callOf('host'), visitor: callOf('visitor') }, now },
  };
}

const callRowOf = (t: Loaded, kind: CallKind) => {
  const call = t.calls.find((c) => c.kind === kind);
  if (!call) throw new AppError('NOT_FOUND', reason('CALL_NOT_FOUND', { call: kind }));
  return call;
};

const sameDates = (a: Milestone | undefined, b: Milestone | undefined) => a?.startsOn === b?.startsOn && a?.endsOn === b?.endsOn;
const groupsOf = (milestones: readonly Milestone[]) => milestones.find((m) => m.kind === 'discussion_groups');
const windowsBefore = (t: Loaded): Record<CallKind, CallWindow> => ({ host: t.facts.calls.host, visitor: t.facts.calls.visitor });

/** What the action would do now, or why not; nothing changes. */
async function preview<Input>(db: Db, spec: ActionSpec<Input>, r: Request<Input>): Promise<ActionPreview> {
  const t = await loadTimeline(db, r.slug, r.actor, r.now);
  const plan = await spec.plan(db, t, r.input);
  if (!plan.ok) return { allowed: false, refusal: plan.refusal, effects: [] };
  const notice = spec.notice ? await spec.notice(db, t, r.input, plan) : null;
  return { allowed: true, refusal: null, effects: effectsOf(t, plan, notice) };
}

function effectsOf(t: Loaded, plan: Done, notice: Notice | null): Reason[] {
  const effects = [...plan.effects];
  if (notice) effects.push(notice.effect);
  const groups = groupsOf(plan.milestones);
  if (groups && !sameDates(groups, groupsOf(t.facts.milestones))) effects.push(reason('EFFECT_LEARNING_PHASES_REBUILT', { count: t.row.settings.learningPhases }));
  effects.push(reason('EFFECT_AUDITED'));
  return effects;
}

/**
 * Does the action: refuses with the plan's reason, or a stale version (the
 * call's for call actions, the programme's otherwise); writes the new
 * milestones and windows, spreads the learning phases again when the
 * discussion groups moved, sends the emails and records the audit event.
 */
async function perform<Input>(db: Db, spec: ActionSpec<Input>, r: Request<Input> & { version: number; ip: string }): Promise<ActionOutcome> {
  const t = await loadTimeline(db, r.slug, r.actor, r.now);
  const plan = await spec.plan(db, t, r.input);
  if (!plan.ok) throw new AppError('CONFLICT', plan.refusal);
  const effects = await db.transaction().execute(async (trx) => {
    const acting = spec.call ? callRowOf(t, spec.call) : null;
    if (acting) {
      if (!plan.windows[acting.kind] && !(await bumpCallVersion(trx, acting.id, r.version))) throw new AppError('CONFLICT', reason('CALL_STALE'));
      await bumpProgrammeVersion(trx, t.row.id);
    } else if (!(await bumpProgrammeVersion(trx, t.row.id, r.version))) {
      throw new AppError('CONFLICT', reason('PROGRAMME_STALE'));
    }
    for (const call of t.calls) {
      const window = plan.windows[call.kind];
      if (window && !(await updateCallWindow(trx, call.id, window, call.id === acting?.id ? r.version : undefined))) throw new AppError('CONFLICT', reason('CALL_STALE'));
    }
    const moved = plan.milestones.some((m) => !sameDates(m, t.facts.milestones.find((x) => x.kind === m.kind)));
    if (moved) await replaceMilestones(trx, t.row.id, plan.milestones);
    const groups = groupsOf(plan.milestones);
    if (groups && !sameDates(groups, groupsOf(t.facts.milestones))) await rebuildLearningPhases(trx, t.row.id, groups, t.row.settings.learningPhases);
    await spec.write?.(trx, t, r.input, r.actor);
    const notice = spec.notice ? await spec.notice(trx, t, r.input, plan) : null;
    if (notice) await enqueueEmails(trx, notice.emails);
    const done = effectsOf(t, plan, notice);
    await recordAudit(trx, {
      actorId: r.actor.id,
      action: spec.action,
      entityType: acting ? 'call' : 'programme',
      entityId: acting ? acting.id : t.row.id,
      ip: r.ip,
      details: {
        programme: t.row.slug,
        ...spec.details?.(r.input),
        before: { milestones: t.facts.milestones, windows: windowsBefore(t) },
        after: { milestones: plan.milestones, windows: { ...windowsBefore(t), ...plan.windows } },
        effects: done.map((e) => e.code),
      },
    });
    return done;
  });
  return { effects };
}

const programmeUrl = (publicUrl: string, t: Loaded, kind: CallKind) => `${publicUrl}/programmes/${t.row.slug}/calls/${kind}`;

const publish: ActionSpec<null> = {
  action: 'programme.publish',
  plan: async (_db, t) => planPublish(t.facts, t.row.published_at),
  write: async (trx, t) => markProgrammePublished(trx, t.row.id, t.facts.now),
};

const advance: ActionSpec<null> = { action: 'programme.advance', plan: async (_db, t) => planAdvance(t.facts) };

const openCall = (kind: CallKind): ActionSpec<{ closesAt?: Date }> => ({
  action: 'call.open_now',
  call: kind,
  plan: async (_db, t, input) => planOpen(t.facts, kind, input.closesAt),
  details: (input) => ({ closesAt: input.closesAt?.toISOString() ?? null }),
});

const closeCall = (kind: CallKind): ActionSpec<null> => ({ action: 'call.close_now', call: kind, plan: async (_db, t) => planClose(t.facts, kind) });

const extendCall = (kind: CallKind, publicUrl: string): ActionSpec<{ until: Date }> => ({
  action: 'call.extend',
  call: kind,
  plan: async (_db, t, input) => planExtend(t.facts, kind, input.until),
  notice: async (db, t, input) => {
    const people = await representativesToTell(db, { applicantsOf: callRowOf(t, kind).id });
    const emails = people.map((p) =>
      deadlineExtendedEmail({ to: p.email, name: p.name, cityName: p.city_name, programmeTitle: t.row.title, callKind: kind, timeZone: t.facts.timeZone, url: programmeUrl(publicUrl, t, kind), closesAt: input.until }),
    );
    return { effect: reason('EFFECT_APPLICANTS_EMAILED', { cities: new Set(people.map((p) => p.city_id)).size, emails: emails.length }), emails };
  },
  details: (input) => ({ until: input.until.toISOString() }),
});

interface ReopenInput {
  cityId: string;
  until: Date;
  reason: string;
}

const reopenCall = (kind: CallKind, publicUrl: string): ActionSpec<ReopenInput> => ({
  action: 'call.reopen_for_city',
  call: kind,
  plan: async (db, t, input) => {
    const city = await findCityFacts(db, input.cityId);
    if (!city) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
    return planReopen(t.facts, kind, city.name, input.until);
  },
  notice: async (db, t, input) => {
    const people = await representativesToTell(db, { cityId: input.cityId });
    const cityName = people[0]?.city_name ?? (await findCityFacts(db, input.cityId))?.name ?? '';
    const emails = people.map((p) =>
      reopenedForCityEmail({ to: p.email, name: p.name, cityName: p.city_name, programmeTitle: t.row.title, callKind: kind, timeZone: t.facts.timeZone, url: programmeUrl(publicUrl, t, kind), until: input.until }),
    );
    return { effect: reason('EFFECT_CITY_EMAILED', { city: cityName, emails: emails.length }), emails };
  },
  write: async (trx, t, input, actor) => upsertReopening(trx, { callId: callRowOf(t, kind).id, cityId: input.cityId, until: input.until, reason: input.reason, grantedBy: actor.id }),
  details: (input) => ({ cityId: input.cityId, until: input.until.toISOString(), reason: input.reason }),
});

/** The timeline actions of one request's programme, as previews and as actions. */
export const timelineActions = {
  previewPublish: (db: Db, r: Request<null>) => preview(db, publish, r),
  publish: (db: Db, r: Request<null> & { version: number; ip: string }) => perform(db, publish, r),
  previewAdvance: (db: Db, r: Request<null>) => preview(db, advance, r),
  advance: (db: Db, r: Request<null> & { version: number; ip: string }) => perform(db, advance, r),
  previewOpen: (db: Db, kind: CallKind, r: Request<{ closesAt?: Date }>) => preview(db, openCall(kind), r),
  open: (db: Db, kind: CallKind, r: Request<{ closesAt?: Date }> & { version: number; ip: string }) => perform(db, openCall(kind), r),
  previewClose: (db: Db, kind: CallKind, r: Request<null>) => preview(db, closeCall(kind), r),
  close: (db: Db, kind: CallKind, r: Request<null> & { version: number; ip: string }) => perform(db, closeCall(kind), r),
  previewExtend: (db: Db, kind: CallKind, publicUrl: string, r: Request<{ until: Date }>) => preview(db, extendCall(kind, publicUrl), r),
  extend: (db: Db, kind: CallKind, publicUrl: string, r: Request<{ until: Date }> & { version: number; ip: string }) => perform(db, extendCall(kind, publicUrl), r),
  previewReopen: (db: Db, kind: CallKind, publicUrl: string, r: Request<ReopenInput>) => preview(db, reopenCall(kind, publicUrl), r),
  reopen: (db: Db, kind: CallKind, publicUrl: string, r: Request<ReopenInput> & { version: number; ip: string }) => perform(db, reopenCall(kind, publicUrl), r),
};
