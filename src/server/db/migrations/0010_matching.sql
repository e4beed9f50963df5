-- Matching: the settings a programme manager sets per programme (fit-model
-- weights and the solver's rules), the locked and forbidden pairs, every run
-- with its full inputs and result (so it can be reproduced), and the one
-- publication that turned a run into study visits.

CREATE TABLE matching_settings (
  programme_id uuid PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
  -- Fit-model weights and parameters; see src/shared/matching.schemas.ts (MatchingWeights).
  weights      jsonb NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
  -- maxPerCountryPerHost, minScore, placeAsManyAsPossible, facilitator profiles.
  rules        jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
  -- Every change (settings or a pair rule) moves the version: a run names the version it used.
  version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A pair the solver must keep (locked) or must not use (forbidden).
CREATE TABLE matching_pair_rules (
  programme_id    uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  host_city_id    uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  visitor_city_id uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  rule            text NOT NULL CHECK (rule IN ('locked', 'forbidden')),
  created_by      uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (programme_id, host_city_id, visitor_city_id)
);

CREATE TABLE matching_runs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id     uuid NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  -- 1, 2, 3 … within the programme.
  number           integer NOT NULL CHECK (number >= 1),
  created_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  settings_version integer NOT NULL,
  -- SHA-256 of the canonical JSON of every input (instance, fit settings,
  -- facilitator stage): equal hashes, equal results.
  inputs_hash      text NOT NULL CHECK (inputs_hash ~ '^[0-9a-f]{64}$'),
  -- The solver's instance in the stable format of `peercities match`.
  instance         jsonb NOT NULL CHECK (jsonb_typeof(instance) = 'object'),
  -- Cities, fit breakdown of each pair, travel, facilitator stage inputs.
  context          jsonb NOT NULL CHECK (jsonb_typeof(context) = 'object'),
  status           text NOT NULL CHECK (status IN ('optimal', 'feasible', 'infeasible')),
  objective        double precision,
  -- status, objective, assignments, unassigned, explanation or reason.
  result           jsonb NOT NULL CHECK (jsonb_typeof(result) = 'object'),
  facilitators     jsonb NOT NULL CHECK (jsonb_typeof(facilitators) = 'object'),
  total_co2_kg     double precision CHECK (total_co2_kg IS NULL OR total_co2_kg >= 0),
  UNIQUE (programme_id, number)
);
CREATE INDEX matching_runs_programme_idx ON matching_runs (programme_id, number DESC);

-- At most one publication per programme: it created the study visits.
CREATE TABLE matching_publications (
  programme_id uuid PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
  run_id       uuid NOT NULL UNIQUE REFERENCES matching_runs (id) ON DELETE CASCADE,
  published_by uuid REFERENCES people (id) ON DELETE SET NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE study_visits
  ADD CONSTRAINT study_visits_matching_run_fk FOREIGN KEY (matching_run_id) REFERENCES matching_runs (id) ON DELETE SET NULL;
