-- Meeting requests (issue 20): the agreed start of a meeting, kept after a
-- cancellation so that the cancelling .ics names the event it cancels, and
-- the index the reminder job reads (accepted meetings not yet reminded of).
ALTER TABLE meeting_requests ADD COLUMN scheduled_at timestamptz;
ALTER TABLE meeting_requests ADD CONSTRAINT meeting_requests_scheduled_ck CHECK (status <> 'accepted' OR scheduled_at IS NOT NULL);
CREATE INDEX meeting_requests_reminder_idx ON meeting_requests (scheduled_at) WHERE status = 'accepted' AND reminder_sent_at IS NULL;
