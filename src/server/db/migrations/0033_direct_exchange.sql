-- Direct exchange (issue 20): conversations between cities (the city is the
-- inbox), meeting requests with time slots, and notifications people tune.

-- A conversation: its subject and what it is about (shown as a card above
-- the first message).
CREATE TABLE conversations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  about_kind       text NOT NULL CHECK (about_kind IN ('topic', 'solution', 'city', 'visit')),
  about_solution_id uuid REFERENCES solutions (id) ON DELETE SET NULL,
  about_city_id    uuid REFERENCES cities (id) ON DELETE SET NULL,
  about_visit_id   uuid REFERENCES study_visits (id) ON DELETE SET NULL,
  started_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_message_at  timestamptz NOT NULL DEFAULT now()
);

-- Who takes part: a city (all its representatives read and answer), the
-- programme team (every programme manager), or one expert. A party's
-- last_message_at copies the conversation's, so that a city's inbox is one
-- index range scan.
CREATE TABLE conversation_parties (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('city', 'programme_team', 'expert')),
  city_id          uuid REFERENCES cities (id) ON DELETE CASCADE,
  person_id        uuid REFERENCES people (id) ON DELETE CASCADE,
  last_message_at  timestamptz NOT NULL DEFAULT now(),
  joined_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'city') = (city_id IS NOT NULL)),
  CHECK ((kind = 'expert') = (person_id IS NOT NULL))
);
-- The parties of one conversation (every access check reads them).
CREATE INDEX conversation_parties_conversation_idx ON conversation_parties (conversation_id);
CREATE UNIQUE INDEX conversation_parties_city_uq ON conversation_parties (conversation_id, city_id) WHERE kind = 'city';
CREATE UNIQUE INDEX conversation_parties_expert_uq ON conversation_parties (conversation_id, person_id) WHERE kind = 'expert';
CREATE UNIQUE INDEX conversation_parties_team_uq ON conversation_parties (conversation_id) WHERE kind = 'programme_team';
CREATE INDEX conversation_parties_city_inbox_idx ON conversation_parties (city_id, last_message_at DESC, conversation_id) WHERE kind = 'city';
CREATE INDEX conversation_parties_expert_inbox_idx ON conversation_parties (person_id, last_message_at DESC, conversation_id) WHERE kind = 'expert';
CREATE INDEX conversation_parties_team_inbox_idx ON conversation_parties (last_message_at DESC, conversation_id) WHERE kind = 'programme_team';

-- Messages, sanitised on the way in as group posts are. The author writes on
-- behalf of one party. A hidden message stays (with who hid it and why) and
-- reads "Hidden by the programme team".
CREATE TABLE messages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  party_id         uuid NOT NULL REFERENCES conversation_parties (id) ON DELETE CASCADE,
  author_id        uuid REFERENCES people (id) ON DELETE SET NULL,
  body_html        text NOT NULL CHECK (length(body_html) BETWEEN 1 AND 20000),
  -- The text without markup, for search in one's conversations.
  body_text        text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  hidden_at        timestamptz,
  hidden_by        uuid REFERENCES people (id) ON DELETE SET NULL,
  hidden_reason    text,
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at, id);
CREATE INDEX messages_body_trgm_idx ON messages USING gin (fold_name(body_text) gin_trgm_ops);

-- PDF attachments of messages (the limits and checks of application attachments).
CREATE TABLE message_attachments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id       uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type     text NOT NULL CHECK (content_type = 'application/pdf'),
  size_bytes       integer NOT NULL CHECK (size_bytes > 0),
  content          bytea NOT NULL,
  uploaded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_attachments_message_idx ON message_attachments (message_id);

-- Per person: up to when they have read a conversation, and whether they
-- archived it (a new message brings it back to the inbox).
CREATE TABLE conversation_reads (
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  person_id        uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  read_up_to       timestamptz NOT NULL DEFAULT '-infinity',
  archived_at      timestamptz,
  PRIMARY KEY (person_id, conversation_id)
);
-- The conversations a person archived (the inbox's count leaves them out).
CREATE INDEX conversation_reads_archived_idx ON conversation_reads (person_id, conversation_id) WHERE archived_at IS NOT NULL;

-- A city that will not receive new conversations from another city.
CREATE TABLE city_blocks (
  city_id          uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  blocked_city_id  uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  blocked_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, blocked_city_id),
  CHECK (city_id <> blocked_city_id)
);

-- A message reported to the programme team, and what the team did.
CREATE TABLE message_reports (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id       uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  reported_by      uuid REFERENCES people (id) ON DELETE SET NULL,
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  created_at       timestamptz NOT NULL DEFAULT now(),
  resolved_at      timestamptz,
  resolved_by      uuid REFERENCES people (id) ON DELETE SET NULL,
  outcome          text CHECK (outcome IN ('hidden', 'kept')),
  CHECK ((resolved_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX message_reports_open_idx ON message_reports (created_at) WHERE resolved_at IS NULL;
CREATE UNIQUE INDEX message_reports_once_idx ON message_reports (message_id, reported_by) WHERE resolved_at IS NULL;

-- A short online meeting proposed in a conversation: two to five slots, one
-- accepted. The .ics keeps one UID; every change raises the SEQUENCE.
CREATE TABLE meeting_requests (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  party_id         uuid NOT NULL REFERENCES conversation_parties (id) ON DELETE CASCADE,
  proposed_by      uuid REFERENCES people (id) ON DELETE SET NULL,
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 240),
  join_url         text NOT NULL CHECK (length(join_url) BETWEEN 1 AND 2000),
  status           text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined', 'cancelled')),
  accepted_slot_id uuid,
  decided_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  decided_at       timestamptz,
  decline_reason   text,
  ics_uid          text NOT NULL UNIQUE,
  ics_sequence     integer NOT NULL DEFAULT 0,
  reminder_sent_at timestamptz,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'accepted') = (accepted_slot_id IS NOT NULL))
);
CREATE INDEX meeting_requests_conversation_idx ON meeting_requests (conversation_id, created_at);

CREATE TABLE meeting_slots (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_request_id uuid NOT NULL REFERENCES meeting_requests (id) ON DELETE CASCADE,
  starts_at        timestamptz NOT NULL,
  UNIQUE (meeting_request_id, starts_at)
);
ALTER TABLE meeting_requests
  ADD CONSTRAINT meeting_requests_accepted_slot_fk FOREIGN KEY (accepted_slot_id) REFERENCES meeting_slots (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

-- What happened to a person: one row per person and event. `delivery` is the
-- person's preference for the kind when the notification was made;
-- `emailed_at` says when it went out by email (immediately, or in the
-- daily digest).
CREATE TABLE notifications (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice')),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body             text NOT NULL DEFAULT '',
  link             text NOT NULL CHECK (link LIKE '/%'),
  delivery         text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'app')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  read_at          timestamptz,
  emailed_at       timestamptz
);
CREATE INDEX notifications_person_idx ON notifications (person_id, created_at DESC, id);
CREATE INDEX notifications_unread_idx ON notifications (person_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest_idx ON notifications (person_id, created_at) WHERE delivery = 'digest' AND emailed_at IS NULL;

-- A person's choice per kind; a kind without a row takes the default.
CREATE TABLE notification_preferences (
  person_id        uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('message', 'meeting', 'mention', 'decision', 'evaluation_assigned', 'deadline', 'visit_notice')),
  delivery         text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'app')),
  PRIMARY KEY (person_id, kind)
);
