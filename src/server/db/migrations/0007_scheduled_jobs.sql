-- Periodic jobs (reminders, digests) claim their turn here, so several app
-- processes never run the same job at once.
CREATE TABLE job_runs (
  name        text PRIMARY KEY,
  last_run_at timestamptz NOT NULL
);

-- Session reminders already sent, one per session and person.
CREATE TABLE session_reminders (
  session_id uuid NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
  person_id  uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  sent_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, person_id)
);
