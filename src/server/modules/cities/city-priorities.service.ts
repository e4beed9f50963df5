import type { CurrentUser } from '../../../shared/account.schemas.ts';
import type { CityPrioritiesAnswer } from '../../../shared/survey.schemas.ts';
import { LeverCode } from '../../../shared/solution.schemas.ts';
import { SectorCode } from '../../../shared/city.schemas.ts';
import { reason } from '../../../shared/reason-texts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { mayActForCity } from './cities.policy.ts';

// A city's priorities (issue 22): the sectors and levers of its latest named
// answer to a survey made from the support-needs template, kept in
// city_priorities by the surveys module. Shown to programme managers and to
// the city's own representatives (`priorities: null` while it has none: a
// page asking is not an error); anyone else gets 404, "not yours".

const sectorsOf = (values: readonly string[]) => values.filter((v): v is SectorCode => (SectorCode.options as readonly string[]).includes(v));
const leversOf = (values: readonly string[]) => values.filter((v): v is LeverCode => (LeverCode.options as readonly string[]).includes(v));

export async function cityPriorities(db: Db, slug: string, user: CurrentUser): Promise<CityPrioritiesAnswer> {
  const row = await db
    .selectFrom('cities as c')
    .leftJoin('city_priorities as p', 'p.city_id', 'c.id')
    .leftJoin('surveys as s', 's.id', 'p.survey_id')
    .select(['c.id as cityId', 'p.sectors', 'p.levers', 'p.survey_id as surveyId', 's.title as surveyTitle', 'p.answered_on as answeredOn'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
  if (!row || !mayActForCity(user, row.cityId)) throw new AppError('NOT_FOUND', reason('CITY_NOT_FOUND'));
  if (!row.surveyId || !row.sectors || !row.levers || !row.surveyTitle || !row.answeredOn) return { priorities: null };
  return { priorities: { sectors: sectorsOf(row.sectors), levers: leversOf(row.levers), surveyId: row.surveyId, surveyTitle: row.surveyTitle, answeredOn: row.answeredOn } };
}
