import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ResultsQuery, SegmentBy, SurveyAnswers, SurveyDefinition, SurveyRespondent } from '../../../shared/survey.schemas.ts';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';

// The statements behind a survey's results (docs/surveys.md, "Results"):
// counted in SQL from survey_answers (one row per answer value, migration
// 0039) joined to the responses of the selected segment.

export interface ResultsSurvey {
  id: string;
  title: string;
  definition: SurveyDefinition;
  anonymous: boolean;
  respondent: SurveyRespondent;
  programme_id: string | null;
}

export async function findResultsSurvey(db: Db, id: string): Promise<ResultsSurvey | undefined> {
  return db.selectFrom('surveys').select(['id', 'title', 'definition', 'anonymous', 'respondent', 'programme_id']).where('id', '=', id).executeTakeFirst();
}

/** The filters on survey_responses (alias r): the segment columns kept with every answer. */
function responseFilters(eb: ExpressionBuilder<Database & { r: Database['survey_responses'] }, 'r'>, surveyId: string, filters: ResultsQuery): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('r.survey_id', '=', surveyId)];
  if (filters.country) parts.push(eb('r.country', '=', filters.country));
  if (filters.cityKind) parts.push(eb('r.city_kind', '=', filters.cityKind));
  if (filters.populationBand) parts.push(eb('r.population_band', '=', filters.populationBand));
  if (filters.programmeId) parts.push(eb('r.programme_id', '=', filters.programmeId));
  return eb.and(parts);
}

const isFiltered = (filters: ResultsQuery) => Boolean(filters.country || filters.cityKind || filters.populationBand || filters.programmeId);

/** The population band of an invited city, as populationBand() (src/domain/surveys/population-band.ts) computes it. */
const CITY_BAND = sql<string>`CASE WHEN c.population IS NULL THEN 'unknown' WHEN c.population < 50000 THEN 'under-50k' WHEN c.population < 100000 THEN '50k-100k' WHEN c.population < 250000 THEN '100k-250k' WHEN c.population < 500000 THEN '250k-500k' WHEN c.population < 1000000 THEN '500k-1m' ELSE 'over-1m' END`;

/** The invitations of the survey in the segment (joined to their city), as a query to count from. */
function invitationsInSegment(db: Db, survey: ResultsSurvey, filters: ResultsQuery) {
  let q = db
    .selectFrom('survey_invitations as i')
    .leftJoin('cities as c', 'c.id', 'i.city_id')
    .where('i.survey_id', '=', survey.id);
  if (filters.country) q = q.where('c.country', '=', filters.country);
  if (filters.cityKind) q = q.where('c.kind', '=', filters.cityKind);
  if (filters.populationBand) q = q.where(sql<SqlBool>`${CITY_BAND} = ${filters.populationBand}`);
  // Every invitation of a survey is in the survey's programme (answers copy it).
  if (filters.programmeId && filters.programmeId !== survey.programme_id) q = q.where(sql<SqlBool>`false`);
  return q;
}

/** What counts as one invited respondent: a city for per-city surveys, a person otherwise. */
const invitedCount = (respondent: SurveyRespondent) => (respondent === 'city' ? sql<string>`count(DISTINCT i.city_id)` : sql<string>`count(*)`);

/** How many responses the segment has (only what suppression needs to know). */
export async function responsesInSegment(db: Db, survey: ResultsSurvey, filters: ResultsQuery): Promise<number> {
  const row = await db
    .selectFrom('survey_responses as r')
    .select(sql<string>`count(*)`.as('n'))
    .where((eb) => responseFilters(eb, survey.id, filters))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AnswerCountRow {
  question_id: string;
  item: string;
  choice: string | null;
  number: string | number | null;
  n: string | number;
}

/**
 * The answer rows of the segment counted by question, item, choice and
 * number in one statement: choices per option, scale points, matrix cells,
 * rank places. Text rows count as one group per question (their `answered`).
 */
export async function answerCounts(db: Db, survey: ResultsSurvey, filters: ResultsQuery): Promise<AnswerCountRow[]> {
  let q = db
    .selectFrom('survey_answers as a')
    .select(['a.question_id', 'a.item', 'a.choice', 'a.number', sql<string>`count(*)`.as('n')])
    .where('a.survey_id', '=', survey.id);
  if (isFiltered(filters)) {
    q = q.where('a.response_id', 'in', db.selectFrom('survey_responses as r').select('r.id').where((eb) => responseFilters(eb, survey.id, filters)));
  }
  return q.groupBy(['a.question_id', 'a.item', 'a.choice', 'a.number']).execute();
}

/**
 * The responses of the segment, and how many of them answered each of the
 * given questions (those that give several answer rows per response:
 * multiple choices, pickers of several, matrices), read from the stored
 * answers in the same statement instead of counting distinct responses over
 * the answer rows.
 */
export async function responsesAndAnswered(db: Db, survey: ResultsSurvey, filters: ResultsQuery, questionIds: readonly string[]): Promise<{ responses: number; answered: Map<string, number> }> {
  const row = await db
    .selectFrom('survey_responses as r')
    .select([
      sql<string>`count(*)`.as('n'),
      ...questionIds.map((id, i) => sql<string>`count(*) FILTER (WHERE r.answers ? ${id} AND r.answers -> ${id} NOT IN ('[]'::jsonb, '{}'::jsonb))`.as(`q${i}`)),
    ])
    .where((eb) => responseFilters(eb, survey.id, filters))
    .executeTakeFirstOrThrow();
  const values = row as unknown as Record<string, string>;
  return { responses: Number(values.n), answered: new Map(questionIds.map((id, i) => [id, Number(values[`q${i}`])])) };
}

/** Invitations in the segment: cities for per-city surveys, people otherwise. */
export async function invitedInSegment(db: Db, survey: ResultsSurvey, filters: ResultsQuery): Promise<number> {
  const row = await invitationsInSegment(db, survey, filters).select(invitedCount(survey.respondent).as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const RESPONSE_SEGMENT = {
  country: sql<string | null>`r.country`,
  'city-kind': sql<string | null>`r.city_kind`,
  'population-band': sql<string | null>`r.population_band`,
  programme: sql<string | null>`r.programme_id::text`,
} as const;

/** Responses and invitations per segment value (null: not known, e.g. an invitation without a city). */
export async function countsBySegment(db: Db, survey: ResultsSurvey, by: SegmentBy, filters: ResultsQuery) {
  const invitationSegment = {
    country: sql<string | null>`c.country`,
    'city-kind': sql<string | null>`c.kind`,
    'population-band': sql<string | null>`CASE WHEN i.city_id IS NULL THEN NULL ELSE ${CITY_BAND} END`,
    programme: sql<string | null>`${survey.programme_id}::text`,
  }[by];
  const [responses, invitations] = await Promise.all([
    db
      .selectFrom('survey_responses as r')
      .select([RESPONSE_SEGMENT[by].as('value'), sql<string>`count(*)`.as('n')])
      .where((eb) => responseFilters(eb, survey.id, filters))
      .groupBy(sql`1`)
      .execute(),
    invitationsInSegment(db, survey, filters)
      .select([invitationSegment.as('value'), invitedCount(survey.respondent).as('n')])
      .groupBy(sql`1`)
      .execute(),
  ]);
  return {
    responses: new Map(responses.map((r) => [r.value, Number(r.n)])),
    invited: new Map(invitations.map((r) => [r.value, Number(r.n)])),
  };
}

export async function cityNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('cities').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function programmeTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('programmes').select(['id', 'title']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** A page of one question's text answers in the segment, newest first, optionally containing `q` (case-insensitive). */
export async function textAnswerPage(db: Db, survey: ResultsSurvey, input: { questionId: string; filters: ResultsQuery; q?: string; page: number; pageSize: number }) {
  let query = db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .leftJoin('cities as c', 'c.id', 'r.city_id')
    .where('a.survey_id', '=', survey.id)
    .where('a.question_id', '=', input.questionId)
    .where('a.text_value', 'is not', null)
    .where((eb) => responseFilters(eb, survey.id, input.filters));
  if (input.q) query = query.where(sql<SqlBool>`a.text_value ILIKE ${`%${input.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const rows = await query
    .select([
      'a.text_value',
      sql<string>`to_char(r.submitted_on, 'YYYY-MM-DD')`.as('submitted_on'),
      'c.name as city_name',
      sql<string>`count(*) OVER ()`.as('total'),
    ])
    .orderBy('r.submitted_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return rows;
}

export interface ExportResponseRow {
  id: string;
  submitted_on: string;
  city_name: string | null;
  country: string | null;
  city_kind: string | null;
  population_band: string;
  answers: SurveyAnswers;
}

/** The responses of the segment in pages, by id (keyset): `after` is the last id of the page before. */
export async function exportPage(db: Db, survey: ResultsSurvey, filters: ResultsQuery, after: string | null, size: number): Promise<ExportResponseRow[]> {
  let q = db
    .selectFrom('survey_responses as r')
    .leftJoin('cities as c', 'c.id', 'r.city_id')
    .select(['r.id', sql<string>`to_char(r.submitted_on, 'YYYY-MM-DD')`.as('submitted_on'), 'c.name as city_name', 'r.country', 'r.city_kind', 'r.population_band', 'r.answers'])
    .where((eb) => responseFilters(eb, survey.id, filters));
  if (after) q = q.where('r.id', '>', after);
  return q.orderBy('r.id').limit(size).execute();
}
