-- Foundation: people, roles, sessions, invitations, password resets,
-- the email outbox, sign-in attempts, the audit log and the city registry.
-- Runs unchanged on PGlite and PostgreSQL 15+.

CREATE TABLE cities (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country            char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  kind               text NOT NULL CHECK (kind IN ('mission', 'aspiring')),
  latitude           double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude          double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  population         integer CHECK (population >= 0),
  geonames_id        integer UNIQUE,
  mission_label_date date,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cities_country_idx ON cities (country);
CREATE INDEX cities_name_lower_idx ON cities (lower(name));

CREATE TABLE people (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  password_hash text,
  locale        text NOT NULL DEFAULT 'en',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);
CREATE UNIQUE INDEX people_email_key ON people (email);

CREATE TABLE role_grants (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id       uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('programme_manager', 'facilitator', 'evaluator', 'expert', 'city_representative')),
  city_id         uuid REFERENCES cities (id) ON DELETE CASCADE,
  primary_contact boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'city_representative') = (city_id IS NOT NULL)),
  CHECK (NOT primary_contact OR role = 'city_representative')
);
CREATE UNIQUE INDEX role_grants_unique_idx
  ON role_grants (person_id, role, coalesce(city_id, '00000000-0000-0000-0000-000000000000'));
-- One primary contact per city.
CREATE UNIQUE INDEX role_grants_primary_contact_idx ON role_grants (city_id) WHERE primary_contact;

-- Sessions are looked up by the SHA-256 of the cookie value, so a copy of
-- the table does not give anyone a working session.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_person_idx ON sessions (person_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE invitations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email              text NOT NULL CHECK (email = lower(email)),
  name               text NOT NULL,
  role               text NOT NULL CHECK (role IN ('programme_manager', 'facilitator', 'evaluator', 'expert', 'city_representative')),
  city_id            uuid REFERENCES cities (id) ON DELETE CASCADE,
  primary_contact    boolean NOT NULL DEFAULT false,
  token_hash         text NOT NULL UNIQUE,
  invited_by         uuid NOT NULL REFERENCES people (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  expires_at         timestamptz NOT NULL,
  accepted_at        timestamptz,
  accepted_person_id uuid REFERENCES people (id),
  revoked_at         timestamptz,
  CHECK ((role = 'city_representative') = (city_id IS NOT NULL))
);
CREATE INDEX invitations_email_idx ON invitations (email);
CREATE INDEX invitations_created_idx ON invitations (created_at DESC, id);

CREATE TABLE password_resets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_resets_person_idx ON password_resets (person_id);

CREATE TABLE sign_in_attempts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email        text NOT NULL,
  ip           text NOT NULL,
  succeeded    boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_email_idx ON sign_in_attempts (email, attempted_at);
CREATE INDEX sign_in_attempts_ip_idx ON sign_in_attempts (ip, attempted_at);

-- Transactional outbox: written in the same transaction as the change that
-- causes the email; the mail worker delivers and marks each row.
CREATE TABLE outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address      text NOT NULL,
  subject         text NOT NULL,
  text_body       text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  transport       text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_created_idx ON outbox (created_at DESC, id);

CREATE TABLE audit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    uuid REFERENCES people (id) ON DELETE SET NULL,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  ip          text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at);

-- Which demo-data sets have been loaded, so a restart never loads one twice.
CREATE TABLE seed_runs (
  name       text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
