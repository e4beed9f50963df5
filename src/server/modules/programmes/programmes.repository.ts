import type { Kysely } from 'kysely';
import { defaultLearningPhases } from '../../../domain/groups/learning-phases.ts';
import type { Milestone, ProgrammeSettings } from '../../../shared/programme.schemas.ts';
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
}

const COLUMNS = ['id', 'slug', 'title', 'description', 'format', 'edition_year', 'settings', 'version'] as const;

export function findProgrammeBySlug(db: Q, slug: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function listProgrammeRows(db: Q, limit: number, offset: number) {
  return db.selectFrom('programmes').select(COLUMNS).orderBy('edition_year', 'desc').orderBy('title').limit(limit).offset(offset).execute();
}

export async function countProgrammes(db: Q) {
  return (await db.selectFrom('programmes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
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

/** Which of these programmes have published host and visitor decisions. */
export async function publishedDecisions(db: Q, programmeIds: readonly string[]) {
  const map = new Map<string, { hostsPublished: boolean; visitorsPublished: boolean }>();
  for (const id of programmeIds) map.set(id, { hostsPublished: false, visitorsPublished: false });
  if (programmeIds.length === 0) return map;
  const rows = await db
    .selectFrom('calls')
    .select(['programme_id', 'kind'])
    .where('programme_id', 'in', programmeIds)
    .where('decisions_published_at', 'is not', null)
    .execute();
  for (const r of rows) {
    const entry = map.get(r.programme_id);
    if (!entry) continue;
    if (r.kind === 'host') entry.hostsPublished = true;
    else entry.visitorsPublished = true;
  }
  return map;
}

export async function insertProgramme(
  db: Q,
  p: { slug: string; title: string; description: string; format: ProgrammeRow['format']; editionYear: number; settings: ProgrammeSettings; createdBy: string | null; demo?: boolean },
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_milestones')
    .values(milestones.map((m) => ({ programme_id: id, kind: m.kind, starts_on: m.startsOn, ends_on: m.endsOn })))
    .execute();
  const discussion = milestones.find((m) => m.kind === 'discussion_groups');
  if (discussion) {
    await db
      .insertInto('learning_phases')
      .values(
        defaultLearningPhases(discussion, p.settings.learningPhases).map((ph) => ({
          programme_id: id,
          number: ph.number,
          title: ph.title,
          goals: ph.goals,
          starts_on: ph.startsOn,
          ends_on: ph.endsOn,
        })),
      )
      .execute();
  }
  await db
    .insertInto('calls')
    .values([
      { programme_id: id, kind: 'host' },
      { programme_id: id, kind: 'visitor' },
    ])
    .execute();
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

export async function slugTaken(db: Q, slug: string) {
  return (await db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}
