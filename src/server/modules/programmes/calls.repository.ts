import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
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
  opens_at: Date;
  closes_at: Date;
  /** Applications ever submitted (withdrawn ones included): the form is fixed from the first. */
  submitted_count: number;
  last_submitted_at: Date | null;
  /** Cities the call was reopened for after it closed. */
  reopenings: { city_id: string; city_name: string; until: Date; reason: string }[];
}

/**
 * Both calls of a programme (host and visitor) with what their rules read:
 * submissions so far and reopenings, in the one statement.
 */
export function callsOfProgramme(db: Q, programmeId: string): Promise<CallRow[]> {
  return callsOfProgrammes(db, [programmeId]);
}

/** The calls of these programmes, as `callsOfProgramme` reads them. */
export async function callsOfProgrammes(db: Q, programmeIds: readonly string[]): Promise<CallRow[]> {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .selectFrom('calls as k')
    .select(['k.id', 'k.programme_id', 'k.kind', 'k.questions', 'k.criteria', 'k.decisions_published_at', 'k.version', 'k.opens_at', 'k.closes_at'])
    .select((eb) => [
      eb.selectFrom('applications as a').select((a) => a.fn.countAll<string>().as('n')).whereRef('a.call_id', '=', 'k.id').where('a.submitted_at', 'is not', null).as('submitted_count'),
      eb.selectFrom('applications as a').select((a) => a.fn.max('a.submitted_at').as('last')).whereRef('a.call_id', '=', 'k.id').as('last_submitted_at'),
      jsonArrayFrom(
        eb
          .selectFrom('call_reopenings as r')
          .innerJoin('cities as c', 'c.id', 'r.city_id')
          .select(['r.city_id', 'c.name as city_name', 'r.until', 'r.reason'])
          .whereRef('r.call_id', '=', 'k.id')
          .orderBy('c.name'),
      ).as('reopenings'),
    ])
    .where('k.programme_id', 'in', programmeIds)
    .execute();
  // Counts and JSON come back as text and strings: parse them once here.
  return rows.map((r) => ({
    ...r,
    submitted_count: Number(r.submitted_count ?? 0),
    last_submitted_at: r.last_submitted_at ? new Date(r.last_submitted_at) : null,
    reopenings: r.reopenings.map((o) => ({ ...o, until: new Date(o.until) })),
  }));
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

/** Gives the call a new window; false when someone else changed the call first (`expectedVersion`, when given). */
export async function updateCallWindow(db: Q, id: string, window: { opensAt: Date; closesAt: Date }, expectedVersion?: number) {
  let q = db
    .updateTable('calls')
    .set((eb) => ({ opens_at: window.opensAt, closes_at: window.closesAt, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** A new version of the call without other changes; false when someone else changed it first. */
export async function bumpCallVersion(db: Q, id: string, expectedVersion: number) {
  const result = await db
    .updateTable('calls')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Opens the closed call again for one city until `until` (replacing an earlier reopening for it). */
export async function upsertReopening(db: Q, r: { callId: string; cityId: string; until: Date; reason: string; grantedBy: string }) {
  await db
    .insertInto('call_reopenings')
    .values({ call_id: r.callId, city_id: r.cityId, until: r.until, reason: r.reason, granted_by: r.grantedBy })
    .onConflict((oc) => oc.columns(['call_id', 'city_id']).doUpdateSet({ until: r.until, reason: r.reason, granted_by: r.grantedBy, granted_at: sql`now()` }))
    .execute();
}

/** Draft applications per call of a programme (the ones a close leaves unsubmitted). */
export async function draftCountsOf(db: Q, programmeId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .select(['a.call_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('k.programme_id', '=', programmeId)
    .where('a.status', '=', 'draft')
    .groupBy('a.call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
}

/**
 * The people to tell about a call's new date: the representatives of every
 * city with an application that is not withdrawn, or of one city.
 */
export function representativesToTell(db: Q, about: { applicantsOf: string } | { cityId: string }) {
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .innerJoin('cities as c', 'c.id', 'g.city_id')
    .select(['g.city_id', 'c.name as city_name', 'p.email', 'p.name'])
    .where('g.role', '=', 'city_representative')
    .where('p.disabled_at', 'is', null);
  if ('cityId' in about) q = q.where('g.city_id', '=', about.cityId);
  else {
    const callId = about.applicantsOf;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('applications as a').select('a.id').whereRef('a.city_id', '=', 'g.city_id').where('a.call_id', '=', callId).where('a.status', '<>', 'withdrawn')),
    );
  }
  return q.orderBy('c.name').orderBy('p.email').execute();
}

/** Marks the call's decisions published; returns the moment recorded. */
export async function markDecisionsPublished(db: Q, id: string): Promise<Date> {
  const at = new Date();
  await db.updateTable('calls').set({ decisions_published_at: at }).where('id', '=', id).execute();
  return at;
}

export async function markLearningComplete(db: Q, programmeId: string, cityId: string, by: string) {
  await db.insertInto('learning_completions').values({ programme_id: programmeId, city_id: cityId, marked_by: by }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unmarkLearningComplete(db: Q, programmeId: string, cityId: string) {
  await db.deleteFrom('learning_completions').where('programme_id', '=', programmeId).where('city_id', '=', cityId).execute();
}
