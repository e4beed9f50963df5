-- Programmes (editions of a format) with their timeline, calls with their
-- forms and criteria, applications, evaluations and selection decisions.

CREATE TABLE programmes (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title         text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  description   text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  format        text NOT NULL CHECK (format IN ('group_study_visits', 'twinning')),
  edition_year  integer NOT NULL CHECK (edition_year BETWEEN 2020 AND 2100),
  -- Every number of the programme (hosts, visitors per host, …); see
  -- src/domain/programmes/programme-template.ts for the fields.
  settings      jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
  demo          boolean NOT NULL DEFAULT false,
  created_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);

-- Local dates in the programme's time zone: a step runs from 00:00 on its
-- first day to 23:59:59 on its last.
CREATE TABLE programme_milestones (
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('discussion_groups', 'host_call', 'host_selection', 'visitor_call', 'visitor_selection', 'visits', 'follow_up')),
  starts_on    date NOT NULL,
  ends_on      date NOT NULL CHECK (ends_on >= starts_on),
  PRIMARY KEY (programme_id, kind)
);

-- A call's window is its milestone (host_call / visitor_call); the call holds
-- the form, the criteria and when its decisions were published.
CREATE TABLE calls (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id           uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  kind                   text NOT NULL CHECK (kind IN ('host', 'visitor')),
  questions              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(questions) = 'array'),
  criteria               jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(criteria) = 'array'),
  decisions_published_at timestamptz,
  version                integer NOT NULL DEFAULT 1,
  UNIQUE (programme_id, kind)
);

-- A programme manager's mark that a city completed the learning phases
-- (until the discussion groups record it themselves).
CREATE TABLE learning_completions (
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  city_id      uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  marked_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  marked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (programme_id, city_id)
);

CREATE TABLE applications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id      uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  city_id      uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
  answers      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
  created_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  withdrawn_at timestamptz,
  version      integer NOT NULL DEFAULT 1,
  UNIQUE (call_id, city_id)
);
CREATE INDEX applications_city_idx ON applications (city_id);

-- Reminders already sent, so a restart or a second process never sends one twice.
CREATE TABLE application_reminders (
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('deadline_7d', 'deadline_1d')),
  sent_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, kind)
);

CREATE TABLE evaluator_assignments (
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  evaluator_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  assigned_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, evaluator_id)
);
CREATE INDEX evaluator_assignments_evaluator_idx ON evaluator_assignments (evaluator_id);

CREATE TABLE evaluations (
  application_id  uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  evaluator_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  scores          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(scores) = 'object'),
  comment         text NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'conflict')),
  conflict_reason text,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (application_id, evaluator_id)
);

CREATE TABLE application_decisions (
  application_id    uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  outcome           text NOT NULL CHECK (outcome IN ('selected', 'waitlisted', 'rejected')),
  reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  waitlist_position integer CHECK (waitlist_position >= 1),
  decided_by        uuid REFERENCES people (id) ON DELETE SET NULL,
  decided_at        timestamptz NOT NULL DEFAULT now(),
  -- Set when a waitlisted city moved up because a selected one withdrew.
  promoted_at       timestamptz,
  CHECK ((outcome = 'waitlisted') = (waitlist_position IS NOT NULL))
);
