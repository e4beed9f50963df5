-- Expert support (issue 21): experts declare what they know and how many
-- requests a week they take; cities ask; each request is routed at once to
-- the best expert (src/domain/support/route-requests.ts) and has a life of
-- events. docs/support.md explains the model.

-- What an expert declares. No row: the expert has not offered support yet
-- (routing leaves them out).
CREATE TABLE expert_profiles (
  person_id        uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  sectors          text[] NOT NULL DEFAULT '{}',
  levers           text[] NOT NULL DEFAULT '{}',
  languages        text[] NOT NULL DEFAULT '{}',
  countries        text[] NOT NULL DEFAULT '{}',
  weekly_capacity  integer NOT NULL DEFAULT 0 CHECK (weekly_capacity BETWEEN 0 AND 40),
  bio              text NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Cities an expert must never be assigned (a declared conflict of interest).
-- The cities they represent are conflicts too, read from role_grants.
CREATE TABLE expert_conflicts (
  person_id        uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  city_id          uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  PRIMARY KEY (person_id, city_id)
);

-- A city's request. `expert_id` is null only while no expert fits
-- (`unassigned_reason` says why); `assignment_reasons` are the reasons of
-- the current assignment (shared sectors, languages, free slots…).
CREATE TABLE support_requests (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_id             uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  asked_by            uuid REFERENCES people (id) ON DELETE SET NULL,
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  question            text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
  sectors             text[] NOT NULL DEFAULT '{}',
  levers              text[] NOT NULL DEFAULT '{}',
  languages           text[] NOT NULL DEFAULT '{}',
  kind                text NOT NULL CHECK (kind IN ('answer', 'call', 'peer-session')),
  urgency             text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  state               text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'assigned', 'answered', 'session_held', 'closed')),
  expert_id           uuid REFERENCES people (id) ON DELETE SET NULL,
  assigned_by         text CHECK (assigned_by IN ('routing', 'manager')),
  assignment_reasons  jsonb NOT NULL DEFAULT '[]',
  unassigned_reason   jsonb,
  assigned_at         timestamptz,
  first_answer_due_at timestamptz NOT NULL,
  first_answered_at   timestamptz,
  rating              integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment      text NOT NULL DEFAULT '' CHECK (length(rating_comment) <= 2000),
  closed_at           timestamptz,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'submitted') = (expert_id IS NULL)),
  CHECK ((expert_id IS NULL) = (assigned_by IS NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((state = 'closed') = (rating IS NOT NULL))
);
-- The three list scopes: my cities', assigned to me, all; newest first.
CREATE INDEX support_requests_city_idx ON support_requests (city_id, created_at DESC, id);
CREATE INDEX support_requests_expert_idx ON support_requests (expert_id, created_at DESC, id) WHERE expert_id IS NOT NULL;
CREATE INDEX support_requests_created_idx ON support_requests (created_at DESC, id);
-- What the reminder job reads: requests not answered yet and not closed.
CREATE INDEX support_requests_due_idx ON support_requests (first_answer_due_at) WHERE first_answered_at IS NULL AND state <> 'closed';

-- The expert's answers, sanitised as messages are.
CREATE TABLE support_answers (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id       uuid NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  author_id        uuid REFERENCES people (id) ON DELETE SET NULL,
  body_html        text NOT NULL CHECK (length(body_html) BETWEEN 1 AND 40000),
  body_text        text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_answers_request_idx ON support_answers (request_id, created_at, id);

-- Every change of a request, as the city and the audit see it; actor null
-- for the platform (routing, reminders).
CREATE TABLE support_events (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order of events written in the same instant (submitted, then routed).
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  request_id       uuid NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  at               timestamptz NOT NULL DEFAULT now(),
  kind             text NOT NULL CHECK (kind IN ('submitted', 'assigned', 'reassigned', 'unassigned', 'answered', 'session_held', 'closed', 'reopened', 'reminded', 'escalated')),
  actor_id         uuid REFERENCES people (id) ON DELETE SET NULL,
  note             text CHECK (length(note) <= 2000)
);
CREATE INDEX support_events_request_idx ON support_events (request_id, at, seq);
-- A reminder and an escalation happen once per request, whatever the number of processes.
CREATE UNIQUE INDEX support_events_once_idx ON support_events (request_id, kind) WHERE kind IN ('reminded', 'escalated');

-- Notifications of a new kind: support requests.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice', 'support'));
ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_kind_check;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_kind_check CHECK (kind IN ('message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice', 'support'));
