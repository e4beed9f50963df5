import { DEFAULT_SETTINGS, defaultTimeline, timelineProblems } from '../../../domain/programmes/programme-template.ts';
import { milestoneEditable, programmeStage, SETTING_GOVERNED_BY } from '../../../domain/programmes/programme-stage.ts';
import { isValidTimeZone } from '../../../domain/time/zoned-time.ts';
import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CreateProgrammeBody, Milestone, Programme, ProgrammeSettings, ProgrammeSummary, UpdateProgrammeBody } from '../../../shared/programme.schemas.ts';
import type { FieldError } from '../../../shared/problem.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { countProgrammes, insertProgramme, listProgrammeRows, milestonesOf, publishedDecisions, replaceMilestones, slugTaken, updateProgrammeRow, type ProgrammeRow } from './programmes.repository.ts';
import { programmeBySlugOrThrow } from './programme-lookup.ts';

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'programme';

/** A programme row with its timeline, and where it stands at `now`. */
export function presentProgramme(row: ProgrammeRow, milestones: Milestone[], decisions: { hostsPublished: boolean; visitorsPublished: boolean }, now: Date): Programme {
  const stage = programmeStage(milestones, decisions, row.settings.timeZone, now);
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
    version: row.version,
  };
}

export async function loadProgramme(db: Db, slug: string, now = new Date()): Promise<Programme> {
  const row = await programmeBySlugOrThrow(db, slug);
  const [milestones, decisions] = await Promise.all([milestonesOf(db, [row.id]), publishedDecisions(db, [row.id])]);
  return presentProgramme(row, milestones.get(row.id) ?? [], decisions.get(row.id) ?? { hostsPublished: false, visitorsPublished: false }, now);
}

export async function listProgrammes(db: Db, page: number, pageSize: number, now = new Date()) {
  const [rows, total] = await Promise.all([listProgrammeRows(db, pageSize, (page - 1) * pageSize), countProgrammes(db)]);
  const ids = rows.map((r) => r.id);
  const [milestones, decisions] = await Promise.all([milestonesOf(db, ids), publishedDecisions(db, ids)]);
  const items: ProgrammeSummary[] = rows.map((row) => {
    const p = presentProgramme(row, milestones.get(row.id) ?? [], decisions.get(row.id) ?? { hostsPublished: false, visitorsPublished: false }, now);
    return { id: p.id, slug: p.slug, title: p.title, format: p.format, editionYear: p.editionYear, current: p.current, next: p.next, phase: p.phase };
  });
  return { items, total, page, pageSize };
}

/** Creates an edition from the template: default numbers and the December-to-June timeline. */
export async function createProgramme(db: Db, body: CreateProgrammeBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Programme> {
  const slug = body.slug ?? slugify(`${body.title}`);
  if (await slugTaken(db, slug)) {
    throw new AppError('CONFLICT', `The address “${slug}” is taken by another programme; choose another.`, { errors: [{ field: 'body.slug', message: 'Already taken.' }] });
  }
  if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
    throw new AppError('VALIDATION_FAILED', 'Not a known time zone.', { errors: [{ field: 'body.timeZone', message: 'Not a known time zone (use e.g. Europe/Brussels).' }] });
  }
  const settings = { ...DEFAULT_SETTINGS[body.format], ...(body.timeZone ? { timeZone: body.timeZone } : {}) };
  const milestones = defaultTimeline(body.editionYear);
  await db.transaction().execute(async (trx) => {
    const id = await insertProgramme(trx, { slug, title: body.title, description: body.description, format: body.format, editionYear: body.editionYear, settings, createdBy: actor.id }, milestones);
    await recordAudit(trx, { actorId: actor.id, action: 'programme.create', entityType: 'programme', entityId: id, ip, details: { after: { slug, title: body.title, format: body.format, editionYear: body.editionYear } } });
  });
  return loadProgramme(db, slug, now);
}

/**
 * Changes title, numbers or dates. A date or number freezes once the step
 * it governs has started; a stale version is refused so two managers cannot
 * overwrite each other.
 */
export async function updateProgramme(db: Db, slug: string, body: UpdateProgrammeBody, actor: CurrentUser, ip: string, now = new Date()): Promise<Programme> {
  const current = await loadProgramme(db, slug, now);
  const tz = current.settings.timeZone;
  const errors: FieldError[] = [];
  const milestoneOf = (kind: Milestone['kind']) => current.milestones.find((m) => m.kind === kind);

  const settings: ProgrammeSettings = { ...current.settings, ...body.settings };
  for (const [key, value] of Object.entries(body.settings ?? {})) {
    if (value === undefined || current.settings[key as keyof ProgrammeSettings] === value) continue;
    const governing = milestoneOf(SETTING_GOVERNED_BY[key as keyof typeof SETTING_GOVERNED_BY]);
    if (governing && !milestoneEditable(governing, tz, now)) {
      errors.push({ field: `body.settings.${key}`, message: `Can no longer change: the ${governing.kind.replace('_', ' ')} started on ${governing.startsOn}.` });
    }
  }
  if (!isValidTimeZone(settings.timeZone)) errors.push({ field: 'body.settings.timeZone', message: 'Not a known time zone (use e.g. Europe/Brussels).' });

  let milestones = current.milestones;
  if (body.milestones) {
    const changed = new Map(body.milestones.map((m) => [m.kind, m]));
    milestones = current.milestones.map((m) => changed.get(m.kind) ?? m);
    for (const m of body.milestones) {
      const before = milestoneOf(m.kind);
      if (!before || (before.startsOn === m.startsOn && before.endsOn === m.endsOn)) continue;
      if (!milestoneEditable(before, tz, now)) errors.push({ field: `body.milestones.${m.kind}`, message: `The ${m.kind.replace('_', ' ')} has started; its dates can no longer change.` });
    }
    for (const problem of timelineProblems(milestones)) errors.push({ field: 'body.milestones', message: problem });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Some changes are not allowed.', { errors });

  await db.transaction().execute(async (trx) => {
    const ok = await updateProgrammeRow(trx, current.id, body.version, {
      title: body.title ?? current.title,
      description: body.description ?? current.description,
      settings,
    });
    if (!ok) throw new AppError('CONFLICT', 'Someone else changed this programme since you opened it. Reload to see their changes, then apply yours again.');
    if (body.milestones) await replaceMilestones(trx, current.id, milestones);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'programme.update',
      entityType: 'programme',
      entityId: current.id,
      ip,
      details: {
        before: { title: current.title, description: current.description, settings: current.settings, milestones: current.milestones },
        after: { title: body.title ?? current.title, description: body.description ?? current.description, settings, milestones },
      },
    });
  });
  return loadProgramme(db, slug, now);
}
