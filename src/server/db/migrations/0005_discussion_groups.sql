-- Online discussion groups: learning phases of a programme, groups with
-- facilitators and member cities, sessions, attendance, threads and posts,
-- and private calendar feeds.

CREATE TABLE learning_phases (
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  number       integer NOT NULL CHECK (number BETWEEN 1 AND 12),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  goals        text NOT NULL DEFAULT '' CHECK (length(goals) <= 2000),
  starts_on    date NOT NULL,
  ends_on      date NOT NULL CHECK (ends_on >= starts_on),
  materials    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(materials) = 'array'),
  PRIMARY KEY (programme_id, number)
);

CREATE TABLE discussion_groups (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  description  text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  sectors      text[] NOT NULL CHECK (cardinality(sectors) >= 1
                 AND sectors <@ ARRAY['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']::text[]),
  language     text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
  capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, name)
);

CREATE TABLE group_facilitators (
  group_id  uuid NOT NULL REFERENCES discussion_groups (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_facilitators_person_idx ON group_facilitators (person_id);

CREATE TABLE group_memberships (
  group_id     uuid NOT NULL REFERENCES discussion_groups (id) ON DELETE CASCADE,
  city_id      uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'interested' CHECK (status IN ('interested', 'admitted', 'declined')),
  sectors      text[] NOT NULL DEFAULT '{}',
  message      text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
  requested_by uuid REFERENCES people (id) ON DELETE SET NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  decided_at   timestamptz,
  PRIMARY KEY (group_id, city_id)
);
CREATE INDEX group_memberships_city_idx ON group_memberships (city_id);

CREATE TABLE group_sessions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id         uuid NOT NULL REFERENCES discussion_groups (id) ON DELETE CASCADE,
  phase_number     integer NOT NULL CHECK (phase_number BETWEEN 1 AND 12),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at        timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
  join_url         text CHECK (join_url IS NULL OR join_url ~ '^https://'),
  agenda           text NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX group_sessions_group_idx ON group_sessions (group_id, starts_at);

CREATE TABLE session_attendance (
  session_id  uuid NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
  person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  recorded_by uuid REFERENCES people (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_attendance_city_idx ON session_attendance (city_id);

-- A person's private calendar feed: the URL carries a token stored as its hash.
CREATE TABLE calendar_feeds (
  person_id  uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
