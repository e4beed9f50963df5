-- Two-step sign-in (issue 19, docs/decisions/0027-two-factor.md): a TOTP
-- secret per person, single-use recovery codes, the pending second step of a
-- sign-in, and browsers remembered for 30 days.

-- One row per person who started enrolment; confirmed_at is set once the
-- person proved with a code that the authenticator app holds the secret.
-- The secret is shown once, at enrolment, and never returned by the API again.
CREATE TABLE two_factor (
  person_id      uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  secret         text NOT NULL CHECK (length(secret) BETWEEN 16 AND 128),
  created_at     timestamptz NOT NULL DEFAULT now(),
  confirmed_at   timestamptz,
  -- The 30-second step of the last accepted code: a code is accepted once.
  last_used_step integer
);

-- Ten codes, each usable once, stored as their SHA-256.
CREATE TABLE two_factor_recovery_codes (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  used_at    timestamptz,
  UNIQUE (person_id, code_hash)
);

-- A correct password of an account with two-step sign-in: not a session, only
-- the right to give a code for a few minutes. The cookie holds the token; the
-- table its hash.
CREATE TABLE two_factor_challenges (
  token_hash   text PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  failures     integer NOT NULL DEFAULT 0
);
CREATE INDEX two_factor_challenges_person_idx ON two_factor_challenges (person_id);

-- "Remember this browser for 30 days": the cookie holds the token, the table
-- its hash; deleting the row revokes it.
CREATE TABLE remembered_devices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   text NOT NULL UNIQUE,
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  user_agent   text CHECK (length(user_agent) <= 400)
);
CREATE INDEX remembered_devices_person_idx ON remembered_devices (person_id);

-- A new password (changed, reset, or set by any other path) forgets every
-- remembered browser of that person.
CREATE FUNCTION forget_devices_on_new_password() RETURNS trigger AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
    DELETE FROM remembered_devices WHERE person_id = NEW.id;
    DELETE FROM two_factor_challenges WHERE person_id = NEW.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER people_forget_devices_on_new_password
  AFTER UPDATE OF password_hash ON people
  FOR EACH ROW EXECUTE FUNCTION forget_devices_on_new_password();
