import type { Kysely } from 'kysely';
import type { FacilitatorStage, MatchingRuleSettings, MatchingWeights, PairRule, RunContext, StoredInstance, StoredResult } from '../../../shared/matching.schemas.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function settingsRow(db: Q, programmeId: string) {
  return db.selectFrom('matching_settings').selectAll().where('programme_id', '=', programmeId).executeTakeFirst();
}

export async function pairRulesOf(db: Q, programmeId: string): Promise<PairRule[]> {
  const rows = await db
    .selectFrom('matching_pair_rules')
    .select(['host_city_id', 'visitor_city_id', 'rule'])
    .where('programme_id', '=', programmeId)
    .orderBy('host_city_id')
    .orderBy('visitor_city_id')
    .execute();
  return rows.map((r) => ({ hostCityId: r.host_city_id, visitorCityId: r.visitor_city_id, rule: r.rule }));
}

/** Writes the settings if `expectedVersion` is current (0: none stored yet); false when someone else changed them. */
export async function saveSettings(db: Q, i: { programmeId: string; weights: MatchingWeights; rules: MatchingRuleSettings; expectedVersion: number; by: string | null }): Promise<boolean> {
  if (i.expectedVersion === 0) {
    const res = await db
      .insertInto('matching_settings')
      .values({ programme_id: i.programmeId, weights: JSON.stringify(i.weights), rules: JSON.stringify(i.rules), updated_by: i.by })
      .onConflict((oc) => oc.column('programme_id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await db
    .updateTable('matching_settings')
    .set((eb) => ({ weights: JSON.stringify(i.weights), rules: JSON.stringify(i.rules), updated_by: i.by, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('programme_id', '=', i.programmeId)
    .where('version', '=', i.expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A pair rule changes the inputs too: the settings version moves (the row is created with the defaults if needed). */
export async function bumpSettingsVersion(db: Q, programmeId: string, defaults: { weights: MatchingWeights; rules: MatchingRuleSettings }, by: string) {
  await db
    .insertInto('matching_settings')
    .values({ programme_id: programmeId, weights: JSON.stringify(defaults.weights), rules: JSON.stringify(defaults.rules), updated_by: by })
    .onConflict((oc) => oc.column('programme_id').doUpdateSet((eb) => ({ version: eb('matching_settings.version', '+', 1), updated_by: by, updated_at: new Date() })))
    .execute();
}

export async function setPairRule(db: Q, i: { programmeId: string; hostCityId: string; visitorCityId: string; rule: 'locked' | 'forbidden' | 'none'; by: string }) {
  await db
    .deleteFrom('matching_pair_rules')
    .where('programme_id', '=', i.programmeId)
    .where('host_city_id', '=', i.hostCityId)
    .where('visitor_city_id', '=', i.visitorCityId)
    .execute();
  if (i.rule === 'none') return;
  // One lock per visitor: locking a visitor elsewhere replaces its earlier lock.
  if (i.rule === 'locked') {
    await db.deleteFrom('matching_pair_rules').where('programme_id', '=', i.programmeId).where('visitor_city_id', '=', i.visitorCityId).where('rule', '=', 'locked').execute();
  }
  await db
    .insertInto('matching_pair_rules')
    .values({ programme_id: i.programmeId, host_city_id: i.hostCityId, visitor_city_id: i.visitorCityId, rule: i.rule, created_by: i.by })
    .execute();
}

/** Cities with what the fit model needs, with their priority sectors from the support-needs survey (empty when none). */
export async function citiesForFit(db: Q, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('cities as c')
    .leftJoin('city_priorities as p', 'p.city_id', 'c.id')
    .select(['c.id', 'c.slug', 'c.name', 'c.country', 'c.region', 'c.latitude', 'c.longitude', 'c.population', 'c.languages', 'c.sectors_of_interest as sectorsOfInterest', 'c.solution_sectors as solutionSectors', 'p.sectors as prioritySectors'])
    .where('c.id', 'in', ids)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, prioritySectors: r.prioritySectors ?? [] }));
}

/** The submitted applications of a programme (both calls) with their answers. */
export function applicationsOfProgramme(db: Q, programmeId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('calls as k', 'k.id', 'a.call_id')
    .select(['a.id', 'a.city_id as cityId', 'a.answers', 'k.kind'])
    .where('k.programme_id', '=', programmeId)
    .where('a.status', '=', 'submitted')
    .execute();
}

/** People holding the facilitator role (not disabled), with their days off. */
export async function facilitatorsWithDaysOff(db: Q) {
  const people = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.name'])
    .where('g.role', '=', 'facilitator')
    .where('p.disabled_at', 'is', null)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const ids = people.map((p) => p.id);
  const days = ids.length ? await db.selectFrom('facilitator_unavailability').select(['person_id', 'day']).where('person_id', 'in', ids).orderBy('day').execute() : [];
  return people.map((p) => ({ ...p, daysOff: days.filter((d) => d.person_id === p.id).map((d) => d.day) }));
}

export async function latestRunNumber(db: Q, programmeId: string) {
  const row = await db.selectFrom('matching_runs').select((eb) => eb.fn.max('number').as('n')).where('programme_id', '=', programmeId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertRun(
  db: Q,
  r: {
    programmeId: string;
    number: number;
    by: string | null;
    settingsVersion: number;
    inputsHash: string;
    instance: StoredInstance;
    context: RunContext;
    result: StoredResult;
    facilitators: FacilitatorStage;
    totalCo2Kg: number | null;
    createdAt?: Date;
  },
) {
  const { id } = await db
    .insertInto('matching_runs')
    .values({
      programme_id: r.programmeId,
      number: r.number,
      created_by: r.by,
      settings_version: r.settingsVersion,
      inputs_hash: r.inputsHash,
      instance: JSON.stringify(r.instance),
      context: JSON.stringify(r.context),
      status: r.result.status,
      objective: r.result.objective ?? null,
      result: JSON.stringify(r.result),
      facilitators: JSON.stringify(r.facilitators),
      total_co2_kg: r.totalCo2Kg,
      ...(r.createdAt ? { created_at: r.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function listRuns(db: Q, programmeId: string, limit: number, offset: number) {
  return db
    .selectFrom('matching_runs as r')
    .leftJoin('people as p', 'p.id', 'r.created_by')
    .select(['r.id', 'r.number', 'r.created_at', 'p.name as created_by_name', 'r.status', 'r.objective', 'r.result', 'r.total_co2_kg'])
    .where('r.programme_id', '=', programmeId)
    .orderBy('r.number', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countRuns(db: Q, programmeId: string) {
  const row = await db.selectFrom('matching_runs').select((eb) => eb.fn.countAll().as('n')).where('programme_id', '=', programmeId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findRun(db: Q, id: string) {
  return db
    .selectFrom('matching_runs as r')
    .innerJoin('programmes as g', 'g.id', 'r.programme_id')
    .leftJoin('people as p', 'p.id', 'r.created_by')
    .selectAll('r')
    .select(['g.slug as programme_slug', 'g.title as programme_title', 'p.name as created_by_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export function previousRun(db: Q, programmeId: string, number: number) {
  return db.selectFrom('matching_runs').select(['id', 'number', 'objective', 'result']).where('programme_id', '=', programmeId).where('number', '<', number).orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export function publicationOf(db: Q, programmeId: string) {
  return db
    .selectFrom('matching_publications as m')
    .innerJoin('matching_runs as r', 'r.id', 'm.run_id')
    .leftJoin('people as p', 'p.id', 'm.published_by')
    .select(['m.run_id', 'r.number', 'm.published_at', 'p.name as published_by_name'])
    .where('m.programme_id', '=', programmeId)
    .executeTakeFirst();
}

export async function insertPublication(db: Q, i: { programmeId: string; runId: string; by: string | null; at?: Date }) {
  await db
    .insertInto('matching_publications')
    .values({ programme_id: i.programmeId, run_id: i.runId, published_by: i.by, ...(i.at ? { published_at: i.at } : {}) })
    .execute();
}
