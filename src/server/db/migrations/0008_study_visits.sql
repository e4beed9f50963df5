-- Study visits: one per host, with its visiting cities, facilitator, dates,
-- agenda, delegations and their travel, feedback, and what visiting cities
-- replicate afterwards.

CREATE TABLE study_visits (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id        uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  host_city_id        uuid NOT NULL REFERENCES cities (id),
  facilitator_id      uuid REFERENCES people (id) ON DELETE SET NULL,
  matching_run_id     uuid,
  -- Dates the host cannot receive visitors (local dates).
  host_unavailable    date[] NOT NULL DEFAULT '{}',
  starts_on           date,
  ends_on             date CHECK (ends_on IS NULL OR ends_on >= starts_on),
  schedule_confirmed_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  UNIQUE (programme_id, host_city_id)
);

CREATE TABLE visit_participants (
  visit_id uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  city_id  uuid NOT NULL REFERENCES cities (id),
  PRIMARY KEY (visit_id, city_id)
);
CREATE INDEX visit_participants_city_idx ON visit_participants (city_id);

-- Days a facilitator cannot travel.
CREATE TABLE facilitator_unavailability (
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  day       date NOT NULL,
  PRIMARY KEY (person_id, day)
);

CREATE TABLE visit_agenda_items (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id    uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  day         integer NOT NULL CHECK (day BETWEEN 1 AND 10),
  starts_at   time NOT NULL,
  ends_at     time NOT NULL CHECK (ends_at > starts_at),
  kind        text NOT NULL CHECK (kind IN ('site_visit', 'talk', 'workshop', 'meal', 'other')),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  place       text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
  solution_id uuid REFERENCES solutions (id) ON DELETE SET NULL
);
CREATE INDEX visit_agenda_items_visit_idx ON visit_agenda_items (visit_id, day, starts_at);

-- Personal data: seen by the host, the facilitator and programme managers only.
CREATE TABLE visit_delegates (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id     uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  city_id      uuid NOT NULL REFERENCES cities (id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role_title   text NOT NULL DEFAULT '' CHECK (length(role_title) <= 120),
  email        text CHECK (email IS NULL OR position('@' IN email) > 1),
  dietary      text NOT NULL DEFAULT '' CHECK (length(dietary) <= 500),
  access_needs text NOT NULL DEFAULT '' CHECK (length(access_needs) <= 500),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_delegates_visit_idx ON visit_delegates (visit_id, city_id);

CREATE TABLE visit_travel (
  visit_id    uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  city_id     uuid NOT NULL REFERENCES cities (id),
  mode        text NOT NULL CHECK (mode IN ('rail', 'air')),
  distance_km numeric NOT NULL CHECK (distance_km >= 0),
  travellers  integer NOT NULL CHECK (travellers BETWEEN 0 AND 50),
  co2_kg      numeric NOT NULL CHECK (co2_kg >= 0),
  PRIMARY KEY (visit_id, city_id)
);

CREATE TABLE visit_feedback (
  visit_id   uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  city_id    uuid NOT NULL REFERENCES cities (id),
  role       text NOT NULL CHECK (role IN ('visitor', 'host')),
  ratings    jsonb NOT NULL CHECK (jsonb_typeof(ratings) = 'object'),
  comments   text NOT NULL DEFAULT '' CHECK (length(comments) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (visit_id, person_id)
);

CREATE TABLE replication_plans (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id       uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  city_id        uuid NOT NULL REFERENCES cities (id),
  solution_id    uuid REFERENCES solutions (id) ON DELETE SET NULL,
  title          text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  steps          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(steps) = 'array'),
  owner          text NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
  target_date    date,
  created_by     uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX replication_plans_visit_idx ON replication_plans (visit_id, city_id);

CREATE TABLE replication_updates (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id       uuid NOT NULL REFERENCES replication_plans (id) ON DELETE CASCADE,
  checkpoint    integer NOT NULL CHECK (checkpoint IN (3, 6, 12)),
  status        text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
  evidence_text text NOT NULL DEFAULT '' CHECK (length(evidence_text) <= 5000),
  evidence_url  text CHECK (evidence_url IS NULL OR evidence_url ~ '^https?://'),
  created_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, checkpoint)
);
