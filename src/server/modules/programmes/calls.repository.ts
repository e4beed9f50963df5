import type { Kysely } from 'kysely';
import type { CallKind, Criterion, Question } from '../../../shared/programme.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export interface CallRow {
  id: string;
  programme_id: string;
  kind: CallKind;
  questions: Question[];
  criteria: Criterion[];
  decisions_published_at: Date | null;
  version: number;
}

const COLUMNS = ['id', 'programme_id', 'kind', 'questions', 'criteria', 'decisions_published_at', 'version'] as const;

/** Both calls of a programme (host and visitor). */
export function callsOfProgramme(db: Q, programmeId: string): Promise<CallRow[]> {
  return db.selectFrom('calls').select(COLUMNS).where('programme_id', '=', programmeId).execute();
}

export async function updateCallForm(db: Q, id: string, expectedVersion: number, form: { questions: Question[]; criteria: Criterion[] }) {
  const result = await db
    .updateTable('calls')
    .set((eb) => ({ questions: JSON.stringify(form.questions), criteria: JSON.stringify(form.criteria), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the call's decisions published; returns the moment recorded. */
export async function markDecisionsPublished(db: Q, id: string): Promise<Date> {
  const at = new Date();
  await db.updateTable('calls').set({ decisions_published_at: at }).where('id', '=', id).execute();
  return at;
}

export async function learningMarked(db: Q, programmeId: string, cityId: string) {
  return (await db.selectFrom('learning_completions').select('city_id').where('programme_id', '=', programmeId).where('city_id', '=', cityId).executeTakeFirst()) !== undefined;
}

export async function markLearningComplete(db: Q, programmeId: string, cityId: string, by: string) {
  await db.insertInto('learning_completions').values({ programme_id: programmeId, city_id: cityId, marked_by: by }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unmarkLearningComplete(db: Q, programmeId: string, cityId: string) {
  await db.deleteFrom('learning_completions').where('programme_id', '=', programmeId).where('city_id', '=', cityId).execute();
}
