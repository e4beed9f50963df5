-- Open registration (issue 18): a person signs up with the city they
-- represent, verifies their email, then waits for a programme manager (or,
-- for a city that already has representatives, its primary contact) to
-- decide. Until then the person's account is restricted
-- (people.approval_pending, checked centrally by the auth plugin).

-- Whether anyone may sign up; one row, changed by programme managers.
CREATE TABLE registration_settings (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  open       boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES people (id) ON DELETE SET NULL
);
INSERT INTO registration_settings (id, open) VALUES (true, false);

-- A verified person whose registration is not approved: signs in, sees public
-- pages and their registration, nothing else.
ALTER TABLE people ADD COLUMN approval_pending boolean NOT NULL DEFAULT false;
-- Approval changes what the person's sessions may do: the caches forget them (0014).
CREATE TRIGGER people_approval_announce AFTER UPDATE OF approval_pending ON people
  FOR EACH ROW EXECUTE FUNCTION announce_session_change();

CREATE TABLE registrations (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email               text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  -- Until verification the password waits here; the account is created then.
  password_hash       text,
  person_id           uuid REFERENCES people (id) ON DELETE CASCADE,
  token_hash          text UNIQUE,
  token_expires_at    timestamptz,
  status              text NOT NULL DEFAULT 'unverified'
                        CHECK (status IN ('unverified', 'pending', 'approved', 'declined')),
  -- Where the city came from: the registry (city_id), a GeoNames place, or typed by the person.
  city_source         text NOT NULL CHECK (city_source IN ('registry', 'geonames', 'unlisted')),
  city_id             uuid REFERENCES cities (id) ON DELETE SET NULL,
  geonames_id         integer,
  city_name           text NOT NULL CHECK (length(city_name) BETWEEN 1 AND 120),
  country             text NOT NULL CHECK (length(country) = 2),
  latitude            double precision,
  longitude           double precision,
  population          integer,
  description         text CHECK (length(description) <= 1000),
  role_title          text NOT NULL CHECK (length(role_title) BETWEEN 1 AND 120),
  climate_target_year integer CHECK (climate_target_year BETWEEN 2025 AND 2100),
  has_climate_plan    boolean,
  covenant_signatory  boolean,
  -- The privacy notice version the person accepted when signing up; recorded
  -- as their consent (privacy_consents, 0023) once the account exists.
  privacy_notice_version text NOT NULL CHECK (length(privacy_notice_version) BETWEEN 1 AND 40),
  decline_reason      text CHECK (length(decline_reason) <= 1000),
  decided_by          uuid REFERENCES people (id) ON DELETE SET NULL,
  decided_at          timestamptz,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  verified_at         timestamptz
);
CREATE INDEX registrations_email ON registrations (email);
CREATE INDEX registrations_status ON registrations (status, created_at);
CREATE INDEX registrations_person ON registrations (person_id);

-- Sign-ups and verifications per address and per email, for the rate limits.
CREATE TABLE registration_attempts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('sign_up', 'verify')),
  ip           text NOT NULL,
  email        text,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_attempts_ip ON registration_attempts (kind, ip, attempted_at);
CREATE INDEX registration_attempts_email ON registration_attempts (kind, email, attempted_at);
