-- Peer sessions and calls on request (issue 21): the Mission Cities invited
-- to a peer session and their answers, the times an expert proposes for a
-- call or a peer session and the one the city picks (an .ics and a
-- reminder, as meetings between cities have), and what the city takes away
-- once the session is held. docs/support.md, "Peer sessions and calls".

-- What the asking city takes away from a held session (counted on the dashboard).
ALTER TABLE support_requests ADD COLUMN takeaway text CHECK (length(takeaway) BETWEEN 10 AND 4000);
ALTER TABLE support_requests ADD COLUMN takeaway_by uuid REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE support_requests ADD COLUMN takeaway_at timestamptz;
ALTER TABLE support_requests ADD CONSTRAINT support_requests_takeaway_ck CHECK ((takeaway IS NULL) = (takeaway_at IS NULL));

-- The Mission Cities the expert invited to a peer session (the platform
-- proposed three; `proposed` says whether this one was among them, with the
-- reasons), and each city's answer.
CREATE TABLE support_peer_invitations (
  request_id   uuid NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  city_id      uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  position     integer NOT NULL CHECK (position BETWEEN 1 AND 5),
  proposed     boolean NOT NULL,
  reasons      jsonb NOT NULL DEFAULT '[]',
  invited_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  invited_at   timestamptz NOT NULL,
  answer       text NOT NULL DEFAULT 'pending' CHECK (answer IN ('pending', 'accepted', 'declined')),
  answered_by  uuid REFERENCES people (id) ON DELETE SET NULL,
  answered_at  timestamptz,
  PRIMARY KEY (request_id, city_id),
  CHECK ((answer = 'pending') = (answered_at IS NULL))
);
-- The cities a representative answers for; the hosting count of the proposal.
CREATE INDEX support_peer_invitations_city_idx ON support_peer_invitations (city_id, answer);

-- The scheduling of a call or peer session: the expert proposes times, the city picks one.
CREATE TABLE support_sessions (
  request_id        uuid PRIMARY KEY REFERENCES support_requests (id) ON DELETE CASCADE,
  duration_minutes  integer NOT NULL DEFAULT 120 CHECK (duration_minutes BETWEEN 15 AND 480),
  join_url          text NOT NULL DEFAULT '' CHECK (length(join_url) <= 2000),
  proposed_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  proposed_at       timestamptz NOT NULL,
  slot_id           uuid,
  scheduled_at      timestamptz,
  picked_by         uuid REFERENCES people (id) ON DELETE SET NULL,
  picked_at         timestamptz,
  ics_uid           text NOT NULL UNIQUE,
  ics_sequence      integer NOT NULL DEFAULT 0,
  reminder_sent_at  timestamptz,
  CHECK ((slot_id IS NULL) = (scheduled_at IS NULL))
);
-- What the reminder job reads: scheduled sessions not yet reminded of.
CREATE INDEX support_sessions_reminder_idx ON support_sessions (scheduled_at) WHERE scheduled_at IS NOT NULL AND reminder_sent_at IS NULL;

CREATE TABLE support_session_slots (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id  uuid NOT NULL REFERENCES support_sessions (request_id) ON DELETE CASCADE,
  starts_at   timestamptz NOT NULL,
  UNIQUE (request_id, starts_at)
);

-- The session's events on the request's timeline.
ALTER TABLE support_events DROP CONSTRAINT support_events_kind_check;
ALTER TABLE support_events ADD CONSTRAINT support_events_kind_check CHECK (kind IN (
  'submitted', 'assigned', 'reassigned', 'unassigned', 'answered', 'session_held', 'closed', 'reopened', 'reminded', 'escalated',
  'peers_invited', 'peer_accepted', 'peer_declined', 'slots_proposed', 'session_scheduled', 'takeaway'));
