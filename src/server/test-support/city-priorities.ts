import { SURVEY_TEMPLATES } from '../../domain/surveys/templates.ts';
import type { Db } from '../db/client.ts';

/**
 * Gives a city priorities as its answer to a support-needs survey would
 * (the row the surveys module writes): a sent survey made from the
 * template, and the city's city_priorities row. Answers the survey's id.
 */
export async function givePriorities(db: Db, citySlug: string, p: { sectors: string[]; levers?: string[]; answeredOn?: string; surveyId?: string }): Promise<string> {
  const template = SURVEY_TEMPLATES['support-needs'];
  const surveyId =
    p.surveyId ??
    (
      await db
        .insertInto('surveys')
        .values({
          title: template.title,
          description: template.description,
          template: 'support-needs',
          definition: JSON.stringify(template.definition),
          audience: JSON.stringify({ kind: 'all-cities' }),
          respondent: template.respondent,
          anonymous: template.anonymous,
          opens_on: '2027-03-01',
          closes_on: '2027-03-29',
          sent_at: new Date('2027-03-01T09:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const { id: cityId } = await db.selectFrom('cities').select('id').where('slug', '=', citySlug).executeTakeFirstOrThrow();
  const row = { sectors: p.sectors, levers: p.levers ?? [], survey_id: surveyId, answered_on: p.answeredOn ?? '2027-03-12' };
  await db
    .insertInto('city_priorities')
    .values({ city_id: cityId, ...row })
    .onConflict((oc) => oc.column('city_id').doUpdateSet(row))
    .execute();
  return surveyId;
}
