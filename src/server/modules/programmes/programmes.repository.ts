import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { defaultLearningPhases } from '../../../domain/groups/learning-phases.ts';
import { templateCallForm } from '../../../domain/programmes/call-template.ts';
import { callMilestoneOf, windowOfDates } from '../../../domain/programmes/call-window.ts';
import type { CallKind, Milestone, ProgrammeSettings } from '../../../shared/programme.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface ProgrammeRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  format: 'group_study_visits' | 'twinning';
  edition_year: number;
  settings: ProgrammeSettings;
  version: number;
  /** Null while the programme is a draft. */
  published_at: Date | null;
}

const COLUMNS = ['id', 'slug', 'title', 'description', 'format', 'edition_year', 'settings', 'version', 'published_at'] as const;

export function findProgrammeBySlug(db: Q, slug: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

/** A page of programmes, newest edition first; drafts only when asked for (programme managers). */
export function listProgrammeRows(db: Q, limit: number, offset: number, withDrafts: boolean) {
  let q = db.selectFrom('programmes').select(COLUMNS);
  if (!withDrafts) q = q.where('published_at', 'is not', null);
  return q.orderBy('edition_year', 'desc').orderBy('title').limit(limit).offset(offset).execute();
}

export async function countProgrammes(db: Q, withDrafts: boolean) {
  let q = db.selectFrom('programmes').select((eb) => eb.fn.countAll<number>().as('n'));
  if (!withDrafts) q = q.where('published_at', 'is not', null);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** Another programme with this address or this name (case and spacing aside), if any. */
export function programmeNamed(db: Q, names: { slug?: string; title: string }, exceptId?: string) {
  let q = db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title'])
    .where((eb) => {
      const sameTitle = eb(sql<string>`lower(btrim(title))`, '=', names.title.trim().toLowerCase());
      return names.slug === undefined ? sameTitle : eb.or([sameTitle, eb('slug', '=', names.slug)]);
    });
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('created_at').execute();
}

export async function milestonesOf(db: Q, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return new Map<string, Milestone[]>();
  const rows = await db
    .selectFrom('programme_milestones')
    .select(['programme_id', 'kind', 'starts_on', 'ends_on'])
    .where('programme_id', 'in', programmeIds)
    .orderBy('starts_on')
    .execute();
  const map = new Map<string, Milestone[]>();
  for (const r of rows) {
    const list = map.get(r.programme_id) ?? [];
    list.push({ kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on });
    map.set(r.programme_id, list);
  }
  return map;
}

/** What the stage of each programme reads of its two calls: their windows and whether their decisions are published. */
export async function callFactsOf(db: Q, programmeIds: readonly string[]) {
  const map = new Map<string, { id: string; kind: CallKind; opens_at: Date; closes_at: Date; decisions_published_at: Date | null }[]>();
  if (programmeIds.length === 0) return map;
  const rows = await db.selectFrom('calls').select(['id', 'programme_id', 'kind', 'opens_at', 'closes_at', 'decisions_published_at']).where('programme_id', 'in', programmeIds).execute();
  for (const r of rows) map.set(r.programme_id, [...(map.get(r.programme_id) ?? []), r]);
  return map;
}

export async function insertProgramme(
  db: Q,
  p: {
    slug: string;
    title: string;
    description: string;
    format: ProgrammeRow['format'];
    editionYear: number;
    settings: ProgrammeSettings;
    createdBy: string | null;
    demo?: boolean;
    /** Null for a draft. */
    publishedAt: Date | null;
  },
  milestones: readonly Milestone[],
): Promise<string> {
  const { id } = await db
    .insertInto('programmes')
    .values({
      slug: p.slug,
      title: p.title,
      description: p.description,
      format: p.format,
      edition_year: p.editionYear,
      settings: JSON.stringify(p.settings),
      created_by: p.createdBy,
      demo: p.demo ?? false,
      published_at: p.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_milestones')
    .values(milestones.map((m) => ({ programme_id: id, kind: m.kind, starts_on: m.startsOn, ends_on: m.endsOn })))
    .execute();
  const discussion = milestones.find((m) => m.kind === 'discussion_groups');
  if (discussion) await rebuildLearningPhases(db, id, discussion, p.settings.learningPhases);
  // The template's ready calls, their windows those of their milestones.
  const callRow = (kind: CallKind) => {
    const milestone = milestones.find((m) => m.kind === callMilestoneOf(kind));
    if (!milestone) throw new RangeError(`The timeline has no ${kind} call.`);
    const window = windowOfDates(milestone.startsOn, milestone.endsOn, p.settings.timeZone);
    const form = templateCallForm(kind);
    return { programme_id: id, kind, questions: JSON.stringify(form.questions), criteria: JSON.stringify(form.criteria), opens_at: window.opensAt, closes_at: window.closesAt };
  };
  await db.insertInto('calls').values([callRow('host'), callRow('visitor')]).execute();
  return id;
}

/** Writes a new version; false when someone else changed the programme first. */
export async function updateProgrammeRow(
  db: Q,
  id: string,
  expectedVersion: number,
  changes: { title: string; description: string; settings: ProgrammeSettings },
): Promise<boolean> {
  const result = await db
    .updateTable('programmes')
    .set((eb) => ({
      title: changes.title,
      description: changes.description,
      settings: JSON.stringify(changes.settings),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceMilestones(db: Q, programmeId: string, milestones: readonly Milestone[]) {
  await db.deleteFrom('programme_milestones').where('programme_id', '=', programmeId).execute();
  await db
    .insertInto('programme_milestones')
    .values(milestones.map((m) => ({ programme_id: programmeId, kind: m.kind, starts_on: m.startsOn, ends_on: m.endsOn })))
    .execute();
}

/** A new version without other changes (the timeline changed through an action); false when `expectedVersion` is stale. */
export async function bumpProgrammeVersion(db: Q, id: string, expectedVersion?: number) {
  let q = db.updateTable('programmes').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Publishes a draft (the caller has claimed the programme's version). */
export async function markProgrammePublished(db: Q, id: string, at: Date) {
  await db.updateTable('programmes').set({ published_at: at, updated_at: at }).where('id', '=', id).where('published_at', 'is', null).execute();
}

/** The lowest phase above `count` that has discussion-group meetings, with how many: reducing the phases would orphan them. */
export async function meetingsBeyondPhase(db: Q, programmeId: string, count: number) {
  return db
    .selectFrom('group_meetings as m')
    .innerJoin('discussion_groups as g', 'g.id', 'm.group_id')
    .select(['m.phase_number as phase', (eb) => eb.fn.countAll<number>().as('meetings')])
    .where('g.programme_id', '=', programmeId)
    .where('m.phase_number', '>', count)
    .groupBy('m.phase_number')
    .orderBy('m.phase_number')
    .executeTakeFirst();
}

/**
 * Spreads the learning phases again over the discussion groups' window:
 * phases keep their number, title, goals and materials; new ones take the
 * template's; those beyond `count` go.
 */
export async function rebuildLearningPhases(db: Q, programmeId: string, window: { startsOn: string; endsOn: string }, count: number) {
  await db.deleteFrom('learning_phases').where('programme_id', '=', programmeId).where('number', '>', count).execute();
  await db
    .insertInto('learning_phases')
    .values(defaultLearningPhases(window, count).map((ph) => ({ programme_id: programmeId, number: ph.number, title: ph.title, goals: ph.goals, starts_on: ph.startsOn, ends_on: ph.endsOn })))
    .onConflict((oc) => oc.columns(['programme_id', 'number']).doUpdateSet((eb) => ({ starts_on: eb.ref('excluded.starts_on'), ends_on: eb.ref('excluded.ends_on') })))
    .execute();
}
