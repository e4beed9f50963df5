-- Surveys (issue 22): questionnaires built by programme teams, sent to an
-- audience, answered per city or per person, named or anonymous.
-- docs/surveys.md explains the model and the anonymity guarantee.

CREATE TABLE surveys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title         text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  description   text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  -- The template it started from, if any (src/domain/surveys/templates.ts).
  template      text CHECK (template IN ('support-needs', 'group-meeting-feedback', 'study-visit-feedback', 'six-months-after-visit')),
  -- The questionnaire (SurveyDefinition in src/shared/survey.schemas.ts).
  definition    jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  -- Who is asked (SurveyAudience).
  audience      jsonb NOT NULL CHECK (jsonb_typeof(audience) = 'object'),
  respondent    text NOT NULL CHECK (respondent IN ('city', 'person')),
  anonymous     boolean NOT NULL DEFAULT false,
  -- The answer window, as days in the programme's time zone (inclusive).
  opens_on      date NOT NULL,
  closes_on     date NOT NULL,
  programme_id  uuid REFERENCES programmes (id) ON DELETE SET NULL,
  -- Invitations went out (the survey is open from then on, within its window).
  sent_at       timestamptz,
  -- Closed by hand before the window's end.
  closed_at     timestamptz,
  created_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on),
  CHECK (closed_at IS NULL OR sent_at IS NOT NULL)
);
CREATE INDEX surveys_updated_idx ON surveys (updated_at DESC);

-- Who was asked. For a per-city survey every representative of the city is
-- invited (city_id set), and one answer answers for all of them.
-- `answered` is all the platform keeps of having answered: a flag, no time,
-- no link to the response (for anonymous surveys that is the guarantee).
CREATE TABLE survey_invitations (
  survey_id    uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  city_id      uuid REFERENCES cities (id) ON DELETE CASCADE,
  invited_at   timestamptz NOT NULL DEFAULT now(),
  reminded_at  timestamptz,
  answered     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (survey_id, person_id)
);
CREATE INDEX survey_invitations_person_idx ON survey_invitations (person_id);
CREATE INDEX survey_invitations_city_idx ON survey_invitations (survey_id, city_id);

-- Answers saved as people type, until they submit. Per-city surveys keep
-- one draft per city (colleagues continue each other's draft).
CREATE TABLE survey_drafts (
  survey_id    uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  -- The city for per-city surveys, else the person: exactly one is set.
  city_id      uuid REFERENCES cities (id) ON DELETE CASCADE,
  person_id    uuid REFERENCES people (id) ON DELETE CASCADE,
  answers      jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  saved_by     uuid REFERENCES people (id) ON DELETE SET NULL,
  saved_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((city_id IS NULL) <> (person_id IS NULL))
);
CREATE UNIQUE INDEX survey_drafts_respondent_idx ON survey_drafts (survey_id, coalesce(city_id, person_id));

-- A submitted answer. Named: person_id and city_id say who; anonymous: both
-- are null and only the segment is kept (country, kind of city, population
-- band, programme), with the day, never the time.
CREATE TABLE survey_responses (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id        uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  person_id        uuid REFERENCES people (id) ON DELETE SET NULL,
  city_id          uuid REFERENCES cities (id) ON DELETE SET NULL,
  -- 'city:<id>' or 'person:<id>' for named answers: one answer each. Null when anonymous.
  respondent_key   text,
  country          char(2),
  city_kind        text CHECK (city_kind IN ('mission', 'aspiring')),
  population_band  text NOT NULL DEFAULT 'unknown'
                     CHECK (population_band IN ('under-50k', '50k-100k', '100k-250k', '250k-500k', '500k-1m', 'over-1m', 'unknown')),
  programme_id     uuid REFERENCES programmes (id) ON DELETE SET NULL,
  answers          jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  submitted_on     date NOT NULL
);
CREATE UNIQUE INDEX survey_responses_respondent_idx ON survey_responses (survey_id, respondent_key);
CREATE INDEX survey_responses_segment_idx ON survey_responses (survey_id, country);

-- The answers again, one row per value, so results are counted in SQL:
-- single and the pickers: choice; multiple: a row per option chosen;
-- rating and number: number; matrix: item and number; ranking: item (the
-- option) and number (its rank); text: text_value.
CREATE TABLE survey_answers (
  response_id  uuid NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
  survey_id    uuid NOT NULL,
  question_id  text NOT NULL,
  item         text NOT NULL DEFAULT '',
  choice       text,
  number       numeric,
  text_value   text
);
CREATE INDEX survey_answers_question_idx ON survey_answers (survey_id, question_id, item, choice);
CREATE INDEX survey_answers_response_idx ON survey_answers (response_id);

-- What a city's latest named support-needs answer says it wants to learn
-- about; read where the platform proposes (groups, matching, expert routing).
CREATE TABLE city_priorities (
  city_id      uuid PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
  sectors      text[] NOT NULL DEFAULT '{}'
                 CHECK (sectors <@ ARRAY['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']::text[]),
  levers       text[] NOT NULL DEFAULT '{}',
  survey_id    uuid REFERENCES surveys (id) ON DELETE SET NULL,
  response_id  uuid REFERENCES survey_responses (id) ON DELETE SET NULL,
  answered_on  date NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
