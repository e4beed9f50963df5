import { answerRows } from '../../domain/surveys/answer-rows.ts';
import { populationBand } from '../../domain/surveys/population-band.ts';
import { SURVEY_TEMPLATES } from '../../domain/surveys/templates.ts';
import type { SurveyAnswers } from '../../shared/survey.schemas.ts';
import type { Db } from '../db/client.ts';
import { inviteesOf } from '../modules/surveys/survey-audience.ts';
import type { DemoCalendar } from './demo-calendar.ts';

const SEED_NAME = 'demo-surveys-v1';

/** The groups of the open edition whose November meetings the survey asks about (demo-groups.ts). */
const GROUPS = ['Energy and buildings 2027 (English)', 'Mobility and public space 2027 (English)'];

/** Six anonymous answers, enough for results to show (5 or more). */
const ANSWERS: { answers: SurveyAnswers; on: string }[] = [
  { on: '2026-11-30', answers: { overall: 5, aspects: { content: 5, facilitation: 4, exchange: 5, 'time-use': 4 }, recommend: 9, 'next-step': 'Ask our energy agency to map the roofs of our schools for solar panels.' } },
  { on: '2026-12-01', answers: { overall: 4, aspects: { content: 4, facilitation: 4, exchange: 5, 'time-use': 3 }, recommend: 8, 'next-step': 'Share the one-stop-shop idea for renovations with our housing department.' } },
  { on: '2026-12-01', answers: { overall: 4, aspects: { content: 4, facilitation: 5, exchange: 4, 'time-use': 4 }, recommend: 7 } },
  { on: '2026-12-02', answers: { overall: 3, aspects: { content: 3, facilitation: 4, exchange: 3, 'time-use': 2 }, recommend: 6, 'next-step': 'Less time on presentations next time, more on our own cases.' } },
  { on: '2026-12-03', answers: { overall: 5, aspects: { content: 5, facilitation: 5, exchange: 5, 'time-use': 5 }, recommend: 10, 'next-step': 'Start a pilot of school streets in two districts in spring.' } },
  { on: '2026-12-04', answers: { overall: 4, aspects: { content: 4, facilitation: 3, exchange: 4, 'time-use': 4 }, recommend: 8 } },
];

/**
 * Surveys' demo (issue 22): an open, anonymous "Feedback after a group
 * meeting" survey, per person, sent on 30 November to the representatives of
 * the member cities of the open edition's two discussion groups (a group
 * alone has four representatives, fewer than an anonymous survey needs to
 * show results), with six answers. The support-needs survey is not here: the
 * end-to-end test starts it from its template. A set of its own, applied once.
 */
export async function seedSurveysDemo(db: Db, cal: DemoCalendar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.insertInto('seed_runs').values({ name: SEED_NAME }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const groups = await trx.selectFrom('discussion_groups').select(['id', 'programme_id']).where('name', 'in', GROUPS).execute();
    const manager = await trx.selectFrom('people').select('id').where('email', '=', 'manager@demo.peercities.eu').executeTakeFirst();
    if (groups.length !== GROUPS.length || !manager) return false;
    const members = await trx.selectFrom('group_memberships').select('city_id').distinct().where('group_id', 'in', groups.map((g) => g.id)).where('status', '=', 'admitted').orderBy('city_id').execute();
    const audience = { kind: 'list' as const, cityIds: members.map((m) => m.city_id), personIds: [] };
    const template = SURVEY_TEMPLATES['group-meeting-feedback'];
    const sentAt = cal.instant('2026-11-30T09:00:00Z');
    const survey = await trx
      .insertInto('surveys')
      .values({
        title: 'Feedback after the November group meetings',
        description: template.description,
        template: template.key,
        definition: JSON.stringify(template.definition),
        audience: JSON.stringify(audience),
        respondent: 'person',
        anonymous: true,
        opens_on: cal.date('2026-11-30'),
        closes_on: cal.date('2026-12-18'),
        programme_id: groups[0]!.programme_id,
        sent_at: sentAt,
        created_by: manager.id,
        created_at: sentAt,
        updated_at: sentAt,
        version: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invitees = await inviteesOf(trx, audience, 'person');
    if (invitees.length < ANSWERS.length) throw new Error(`demo surveys: ${invitees.length} people invited, fewer than the ${ANSWERS.length} answers`);
    await trx
      .insertInto('survey_invitations')
      .values(invitees.map((i, n) => ({ survey_id: survey.id, person_id: i.personId, city_id: i.cityId, invited_at: sentAt, answered: n < ANSWERS.length })))
      .execute();
    const cities = new Map((await trx.selectFrom('cities').select(['id', 'country', 'kind', 'population']).where('id', 'in', audience.cityIds).execute()).map((c) => [c.id, c]));
    // Anonymous: the responses carry only the segment and the day (docs/decisions/0036-survey-anonymity.md).
    // Demo data: each answer takes the segment of one of the six people marked answered.
    for (const [n, a] of ANSWERS.entries()) {
      const city = cities.get(invitees[n]!.cityId ?? '');
      const response = await trx
        .insertInto('survey_responses')
        .values({
          survey_id: survey.id,
          person_id: null,
          city_id: null,
          respondent_key: null,
          country: city?.country ?? null,
          city_kind: city?.kind ?? null,
          population_band: populationBand(city?.population ?? null),
          programme_id: groups[0]!.programme_id,
          answers: JSON.stringify(a.answers),
          submitted_on: cal.date(a.on),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = answerRows(template.definition, a.answers);
      await trx
        .insertInto('survey_answers')
        .values(rows.map((r) => ({ response_id: response.id, survey_id: survey.id, question_id: r.questionId, item: r.item, choice: r.choice, number: r.number, text_value: r.textValue })))
        .execute();
    }
    return true;
  });
}
