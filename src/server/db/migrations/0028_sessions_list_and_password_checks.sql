-- Stronger accounts (issue 19, docs/decisions/0026-stronger-accounts.md).

-- A person lists and ends their own sessions: each session gets an id to
-- name it by (the token's hash never leaves the server).
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);

-- Wrong current passwords on "change my password" are throttled like
-- sign-ins, in the same table, but counted apart: a stranger failing to sign
-- in must not stop the owner from changing their password.
ALTER TABLE sign_in_attempts ADD COLUMN kind text NOT NULL DEFAULT 'sign_in'
  CHECK (kind IN ('sign_in', 'password_check'));
-- Sign-in throttling counts failures per account and address.
CREATE INDEX sign_in_attempts_email_ip_idx ON sign_in_attempts (email, ip, attempted_at);
