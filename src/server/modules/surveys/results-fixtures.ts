// Survey rows for the results tests and bench (issue 22): a survey from a
// definition, invitations, and responses whose answer rows come from
// answerRows() — exactly what answering stores (surveys.service.ts).
import type { SurveyAnswers, SurveyDefinition, SurveyRespondent } from '../../../shared/survey.schemas.ts';
import { answerRows } from '../../../domain/surveys/answer-rows.ts';
import { keepVisibleAnswers } from '../../../domain/surveys/questions.ts';
import { populationBand } from '../../../domain/surveys/population-band.ts';
import type { Db } from '../../db/client.ts';

export interface FixtureCity {
  id: string;
  country: string;
  kind: 'mission' | 'aspiring';
  population: number | null;
}

export interface FixtureSurvey {
  id: string;
  definition: SurveyDefinition;
  anonymous: boolean;
  respondent: SurveyRespondent;
  programmeId: string | null;
}

/** A sent survey (open from 2026-12-01 to 2026-12-31). */
export async function insertSurvey(
  db: Db,
  input: { definition: SurveyDefinition; anonymous?: boolean; respondent?: SurveyRespondent; programmeId?: string | null; title?: string },
): Promise<FixtureSurvey> {
  const anonymous = input.anonymous ?? false;
  const respondent = input.respondent ?? 'city';
  const programmeId = input.programmeId ?? null;
  const row = await db
    .insertInto('surveys')
    .values({
      title: input.title ?? 'A survey for results',
      definition: JSON.stringify(input.definition),
      audience: JSON.stringify({ kind: 'all-cities' }),
      respondent,
      anonymous,
      opens_on: '2026-12-01',
      closes_on: '2026-12-31',
      programme_id: programmeId,
      sent_at: new Date('2026-12-01T08:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, definition: input.definition, anonymous, respondent, programmeId };
}

/** Invitations, one per person (with the city they answer for, if any). */
export async function insertInvitations(db: Db, surveyId: string, invitations: readonly { personId: string; cityId: string | null; answered?: boolean }[]) {
  for (let i = 0; i < invitations.length; i += 1000) {
    const page = invitations.slice(i, i + 1000);
    await db
      .insertInto('survey_invitations')
      .values(page.map((v) => ({ survey_id: surveyId, person_id: v.personId, city_id: v.cityId, answered: v.answered ?? false })))
      .execute();
  }
}

export interface FixtureResponse {
  city: FixtureCity | null;
  personId?: string | null;
  answers: SurveyAnswers;
  submittedOn?: string;
}

/** The response row and its answer rows, the segment copied from the city; anonymous: no person, no city, no key. */
export function responseRows(survey: FixtureSurvey, response: FixtureResponse, id: string) {
  const answers = keepVisibleAnswers(survey.definition, response.answers);
  const named = !survey.anonymous;
  const personId = named ? (response.personId ?? null) : null;
  const cityId = named ? (response.city?.id ?? null) : null;
  const key = !named ? null : survey.respondent === 'city' ? (cityId ? `city:${cityId}` : null) : personId ? `person:${personId}` : null;
  return {
    response: {
      id,
      survey_id: survey.id,
      person_id: personId,
      city_id: cityId,
      respondent_key: key,
      country: response.city?.country ?? null,
      city_kind: response.city?.kind ?? null,
      population_band: populationBand(response.city?.population ?? null),
      programme_id: survey.programmeId,
      answers: JSON.stringify(answers),
      submitted_on: response.submittedOn ?? '2026-12-07',
    },
    answers: answerRows(survey.definition, answers).map((r) => ({
      response_id: id,
      survey_id: survey.id,
      question_id: r.questionId,
      item: r.item,
      choice: r.choice,
      number: r.number,
      text_value: r.textValue,
    })),
  };
}

/** Inserts responses (in batches) and their answer rows; returns their ids. */
export async function insertResponses(db: Db, survey: FixtureSurvey, responses: readonly FixtureResponse[], batch = 500): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < responses.length; i += batch) {
    const rows = responses.slice(i, i + batch).map((r) => responseRows(survey, r, crypto.randomUUID()));
    await db.insertInto('survey_responses').values(rows.map((r) => r.response)).execute();
    const answers = rows.flatMap((r) => r.answers);
    // Bound the parameters of one statement (PostgreSQL takes at most 65,535).
    for (let j = 0; j < answers.length; j += 5000) await db.insertInto('survey_answers').values(answers.slice(j, j + 5000)).execute();
    ids.push(...rows.map((r) => r.response.id));
  }
  return ids;
}
