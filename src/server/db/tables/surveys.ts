// Kysely's view of the tables of one area: surveys (0039).
// Keep in step with the SQL in ../migrations/; schema.test.ts compares them.
import type { Generated } from 'kysely';
import type { Json, TimestampNullable } from './column-types.ts';
import type { SurveyAnswers, SurveyAudience, SurveyDefinition, SurveyRespondent, SurveyTemplateKey, PopulationBand } from '../../../shared/survey.schemas.ts';

export interface SurveysTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  template: SurveyTemplateKey | null;
  definition: Json<SurveyDefinition>;
  audience: Json<SurveyAudience>;
  respondent: SurveyRespondent;
  anonymous: Generated<boolean>;
  /** YYYY-MM-DD. */
  opens_on: string;
  closes_on: string;
  programme_id: string | null;
  sent_at: TimestampNullable;
  closed_at: TimestampNullable;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SurveyInvitationsTable {
  survey_id: string;
  person_id: string;
  city_id: string | null;
  invited_at: Generated<Date>;
  reminded_at: TimestampNullable;
  answered: Generated<boolean>;
}

export interface SurveyDraftsTable {
  survey_id: string;
  city_id: string | null;
  person_id: string | null;
  answers: Json<SurveyAnswers>;
  saved_by: string | null;
  saved_at: Generated<Date>;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  person_id: string | null;
  city_id: string | null;
  respondent_key: string | null;
  country: string | null;
  city_kind: 'mission' | 'aspiring' | null;
  population_band: Generated<PopulationBand>;
  programme_id: string | null;
  answers: Json<SurveyAnswers>;
  /** YYYY-MM-DD: the day only. */
  submitted_on: string;
}

export interface SurveyAnswersTable {
  response_id: string;
  survey_id: string;
  question_id: string;
  item: Generated<string>;
  choice: string | null;
  number: number | null;
  text_value: string | null;
}

export interface CityPrioritiesTable {
  city_id: string;
  sectors: Generated<string[]>;
  levers: Generated<string[]>;
  survey_id: string | null;
  response_id: string | null;
  answered_on: string;
  updated_at: Generated<Date>;
}
