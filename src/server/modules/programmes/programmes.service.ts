import { changeProblems, programmeLocks, type ChangeFacts } from '../../../domain/programmes/change-rules.ts';
import { callMilestoneOf, callState, windowOfDates, type CallWindow } from '../../../domain/programmes/call-window.ts';
import { DEFAULT_SETTINGS, daysWithoutVisitsProblems, defaultTimeline } from '../../../domain/programmes/programme-template.ts';
import { programmeStage } from '../../../domain/programmes/programme-stage.ts';
import { isValidTimeZone, localDateAt } from '../../../domain/time/zoned-time.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CallKind, CreateProgrammeBody, Milestone, Programme, ProgrammeSettings, ProgrammeSummary, UpdateProgrammeBody } from '../../../shared/programme.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { updateCallWindow } from './calls.repository.ts';
import { visibleProgrammeOrThrow } from './programme-lookup.ts';
import { seesDrafts } from './programmes.policy.ts';
import {
  callFactsOf,
  countProgrammes,
  insertProgramme,
  listProgrammeRows,
  meetingsBeyondPhase,
  milestonesOf,
  programmeNamed,
  rebuildLearningPhases,
  replaceMilestones,
  updateProgrammeRow,
  type ProgrammeRow,
} from './programmes.repository.ts';

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'programme';

/** What presenting a programme reads of its calls. */
export interface CallWindowFacts {
  id: string;
  kind: CallKind;
  opens_at: Date;
  closes_at: Date;
  decisions_published_at: Date | null;
}

/** Where a programme stands and what may still change: its stage, from its milestones and its calls' windows. */
function assess(row: ProgrammeRow, milestones: readonly Milestone[], calls: readonly CallWindowFacts[], now: Date): ChangeFacts {
  const published = row.published_at !== null;
  const decided = (kind: CallKind) => calls.some((c) => c.kind === kind && c.decisions_published_at !== null);
  const windows: Partial<Record<CallKind, CallWindow>> = {};
  for (const c of calls) windows[c.kind] = { opensAt: new Date(c.opens_at), closesAt: new Date(c.closes_at) };
  const stage = programmeStage(milestones, { hostsPublished: decided('host'), visitorsPublished: decided('visitor') }, row.settings.timeZone, now, { published, calls: windows });
  const stateOf = (kind: CallKind) => {
    const w = windows[kind];
    return w ? callState(w, published, now) : 'upcoming';
  };
  return { published, milestones, stage, callStates: { host: stateOf('host'), visitor: stateOf('visitor') } };
}

/** A programme row with its timeline, where it stands at `now`, and what can no longer change. */
export function presentProgramme(row: ProgrammeRow, milestones: Milestone[], calls: readonly CallWindowFacts[], now: Date): Programme {
  const facts = assess(row, milestones, calls, now);
  const { stage } = facts;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    format: row.format,
    editionYear: row.edition_year,
    settings: row.settings,
    milestones,
    steps: stage.steps.map((s) => ({ kind: s.kind, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), status: s.status })),
    current: stage.current,
    next: stage.next,
    phase: stage.phase,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    locks: programmeLocks(facts),
    version: row.version,
  };
}

/** The programme of a row already read: its milestones and calls, side by side. */
export async function presentRow(db: Db, row: ProgrammeRow, now: Date): Promise<Programme> {
  const [milestones, calls] = await Promise.all([milestonesOf(db, [row.id]), callFactsOf(db, [row.id])]);
  return presentProgramme(row, milestones.get(row.id) ?? [], calls.get(row.id) ?? [], now);
}

/**
 * A programme by its address. With `viewer` (a request's reader) a draft is
 * found only by programme managers; without, the caller has checked access.
 */
export async function loadProgramme(db: Db, slug: string, now = new Date(), access: { viewer: CurrentUser | null } | null = null): Promise<Programme> {
  const row = await visibleProgrammeOrThrow(db, slug, access ? access.viewer : undefined);
  return presentRow(db, row, now);
}

export async function listProgrammes(db: Db, page: number, pageSize: number, now: Date, viewer: CurrentUser | null) {
  const drafts = seesDrafts(viewer);
  const [rows, total] = await Promise.all([listProgrammeRows(db, pageSize, (page - 1) * pageSize, drafts), countProgrammes(db, drafts)]);
  const ids = rows.map((r) => r.id);
  const [milestones, calls] = await Promise.all([milestonesOf(db, ids), callFactsOf(db, ids)]);
  const items: ProgrammeSummary[] = rows.map((row) => {
    const p = presentProgramme(row, milestones.get(row.id) ?? [], calls.get(row.id) ?? [], now);
    return { id: p.id, slug: p.slug, title: p.title, format: p.format, editionYear: p.editionYear, current: p.current, next: p.next, phase: p.phase, publishedAt: p.publishedAt };
  });
  return { items, total, page, pageSize };
}

/** Refuses a name or address another programme already has, on the field the person typed it in. */
async function assertNamesFree(db: Db, names: { title: string; slug?: string; slugField?: 'body.slug' | 'body.title' }, exceptId?: string) {
  const others = await programmeNamed(db, { title: names.title, ...(names.slug !== undefined ? { slug: names.slug } : {}) }, exceptId);
  const other = others[0];
  if (!other) return;
  const sameTitle = other.title.trim().toLowerCase() === names.title.trim().toLowerCase();
  const why = sameTitle || names.slugField !== 'body.slug' ? reason('PROGRAMME_EXISTS', { title: other.title }) : reason('PROGRAMME_ADDRESS_TAKEN', { slug: other.slug, title: other.title });
  const field = sameTitle ? 'body.title' : (names.slugField ?? 'body.title');
  throw new AppError('CONFLICT', why, { errors: [fieldError(field, why)] });
}

/** Creates a draft edition from the template: default numbers, the December-to-June timeline, ready calls. */
export async function createProgramme(db: Db, body: CreateProgrammeBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Programme> {
  if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
    const why = reason('TIME_ZONE_UNKNOWN');
    throw new AppError('VALIDATION_FAILED', why, { errors: [fieldError('body.timeZone', why)] });
  }
  const slug = body.slug ?? slugify(`${body.title}`);
  await assertNamesFree(db, { title: body.title, slug, slugField: body.slug ? 'body.slug' : 'body.title' });
  const settings = { ...DEFAULT_SETTINGS[body.format], ...(body.timeZone ? { timeZone: body.timeZone } : {}) };
  const milestones = defaultTimeline(body.editionYear);
  await db.transaction().execute(async (trx) => {
    const id = await insertProgramme(
      trx,
      { slug, title: body.title, description: body.description, format: body.format, editionYear: body.editionYear, settings, createdBy: actor.id, publishedAt: null },
      milestones,
    );
    await recordAudit(trx, { actorId: actor.id, action: 'programme.create', entityType: 'programme', entityId: id, ip, details: { after: { slug, title: body.title, format: body.format, editionYear: body.editionYear, published: false } } });
  });
  return loadProgramme(db, slug, now);
}

/**
 * Changes title, numbers or dates, within the rules of what may still change
 * (src/domain/programmes/change-rules.ts). A call's window follows its
 * milestone's new dates (before it opens); the learning phases are spread
 * again when the discussion groups' dates or their number change. A stale
 * version is refused so two managers cannot overwrite each other.
 */
export async function updateProgramme(db: Db, slug: string, body: UpdateProgrammeBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Programme> {
  const row = await visibleProgrammeOrThrow(db, slug, actor);
  const [milestoneMap, callMap] = await Promise.all([milestonesOf(db, [row.id]), callFactsOf(db, [row.id])]);
  const before = milestoneMap.get(row.id) ?? [];
  const calls = callMap.get(row.id) ?? [];
  const facts = assess(row, before, calls, now);
  const settings: ProgrammeSettings = { ...row.settings, ...body.settings };
  const changed = new Map((body.milestones ?? []).map((m) => [m.kind, m]));
  const milestones = before.map((m) => changed.get(m.kind) ?? m);

  const errors: FieldError[] = changeProblems(
    facts,
    { settings: row.settings },
    { milestones, settings },
    localDateAt(now, row.settings.timeZone),
  ).map((p) => fieldError(p.field, p.reason));
  // Checked when they change (or the visits move): a day outside the study visits would never keep a visit away.
  if (body.settings?.daysWithoutVisits || changed.has('visits')) {
    for (const p of daysWithoutVisitsProblems(settings.daysWithoutVisits, milestones)) errors.push(fieldError(`body.settings.daysWithoutVisits.${p.index}`, p.reason));
  }
  if (!isValidTimeZone(settings.timeZone)) errors.push(fieldError('body.settings.timeZone', reason('TIME_ZONE_UNKNOWN')));
  const groups = milestones.find((m) => m.kind === 'discussion_groups');
  const groupsBefore = before.find((m) => m.kind === 'discussion_groups');
  const phasesChange = groups !== undefined && (settings.learningPhases !== row.settings.learningPhases || groups.startsOn !== groupsBefore?.startsOn || groups.endsOn !== groupsBefore.endsOn);
  if (settings.learningPhases < row.settings.learningPhases) {
    const orphaned = await meetingsBeyondPhase(db, row.id, settings.learningPhases);
    if (orphaned) errors.push(fieldError('body.settings.learningPhases', reason('LEARNING_PHASE_HAS_MEETINGS', { phase: orphaned.phase, count: Number(orphaned.meetings) })));
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', reason('PROGRAMME_CHANGES_REFUSED'), { errors });
  const title = body.title ?? row.title;
  const description = body.description ?? row.description;
  if (title.trim().toLowerCase() !== row.title.trim().toLowerCase()) await assertNamesFree(db, { title }, row.id);

  const callsMoved = calls.filter((c) => {
    const m = changed.get(callMilestoneOf(c.kind));
    const was = before.find((x) => x.kind === callMilestoneOf(c.kind));
    return m !== undefined && (m.startsOn !== was?.startsOn || m.endsOn !== was.endsOn);
  });
  await db.transaction().execute(async (trx) => {
    const ok = await updateProgrammeRow(trx, row.id, body.version, { title, description, settings });
    if (!ok) throw new AppError('CONFLICT', reason('PROGRAMME_STALE'));
    if (body.milestones) await replaceMilestones(trx, row.id, milestones);
    for (const call of callsMoved) {
      const m = changed.get(callMilestoneOf(call.kind));
      if (m) await updateCallWindow(trx, call.id, windowOfDates(m.startsOn, m.endsOn, settings.timeZone));
    }
    if (phasesChange && groups) await rebuildLearningPhases(trx, row.id, groups, settings.learningPhases);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'programme.update',
      entityType: 'programme',
      entityId: row.id,
      ip,
      details: {
        before: { title: row.title, description: row.description, settings: row.settings, milestones: before },
        after: { title, description, settings, milestones },
        ...(phasesChange ? { learningPhasesRebuilt: settings.learningPhases } : {}),
      },
    });
  });
  return loadProgramme(db, slug, now);
}
