import { sql, type Kysely, type Selectable } from 'kysely';
import { localDateAt } from '../../../domain/time/zoned-time.ts';
import type { SurveyState } from '../../../shared/survey.schemas.ts';
import type { Database } from '../../db/schema.ts';
import type { SurveysTable } from '../../db/tables/surveys.ts';

type Q = Kysely<Database>;

/** Survey windows are days in the programme's time zone (docs/surveys.md). */
export const SURVEY_TIME_ZONE = 'Europe/Brussels';
export const surveyToday = (now: Date) => localDateAt(now, SURVEY_TIME_ZONE);

export type SurveyRow = Selectable<SurveysTable>;

/** draft while never sent; closed when closed by hand or (sent and) today is after its last day; else open. */
export function stateOf(row: Pick<SurveyRow, 'sent_at' | 'closed_at' | 'closes_on'>, today: string): SurveyState {
  if (!row.sent_at) return 'draft';
  if (row.closed_at || today > row.closes_on) return 'closed';
  return 'open';
}

export function surveyById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('surveys').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Invited: people for per-person surveys, cities for per-city ones; responses: answers received. */
export async function countsOf(db: Q, ids: readonly string[]): Promise<Map<string, { invited: number; responses: number }>> {
  const counts = new Map<string, { invited: number; responses: number }>();
  if (!ids.length) return counts;
  const rows = await sql<{ id: string; invited: number; responses: number }>`
    SELECT s.id,
           (SELECT CASE WHEN s.respondent = 'city' THEN count(DISTINCT i.city_id) ELSE count(*) END FROM survey_invitations i WHERE i.survey_id = s.id)::int AS invited,
           (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id)::int AS responses
      FROM surveys s
     WHERE s.id IN (${sql.join([...ids])})`.execute(db);
  for (const r of rows.rows) counts.set(r.id, { invited: r.invited, responses: r.responses });
  return counts;
}

export async function hasResponses(db: Q, surveyId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId).limit(1).executeTakeFirst());
}

/** A page of surveys, the last changed first, optionally in one state. */
export async function listSurveys(db: Q, i: { state?: SurveyState | undefined; today: string; limit: number; offset: number }) {
  let q = db.selectFrom('surveys');
  if (i.state === 'draft') q = q.where('sent_at', 'is', null);
  if (i.state === 'open') q = q.where('sent_at', 'is not', null).where('closed_at', 'is', null).where('closes_on', '>=', i.today);
  if (i.state === 'closed') q = q.where('sent_at', 'is not', null).where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_on', '<', i.today)]));
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(i.limit).offset(i.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
