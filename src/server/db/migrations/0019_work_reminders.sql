-- The work queues' reminders (src/server/jobs/work-reminders.ts): which
-- person was reminded of which item of their work on which day, written in
-- the transaction of the email, so nobody is reminded twice of the same item
-- on the same day. The day is the local date in the item's programme's time
-- zone; rows older than a month are deleted by the job.
CREATE TABLE work_reminders (
  person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  item_key    text NOT NULL CHECK (length(item_key) BETWEEN 1 AND 200),
  reminded_on date NOT NULL,
  sent_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, item_key, reminded_on)
);
CREATE INDEX work_reminders_reminded_on ON work_reminders (reminded_on);

-- Evaluations are due a number of days after their call closes (a new
-- programme setting, 14 days in the template): programmes made before it
-- existed get the template's number.
UPDATE programmes SET settings = settings || '{"evaluationDays": 14}'::jsonb WHERE NOT settings ? 'evaluationDays';
