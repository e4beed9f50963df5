-- Emails about a visit already sent to a person (reminder a week before,
-- feedback request after, replication updates at 3, 6 and 12 months).
CREATE TABLE visit_notices (
  visit_id  uuid NOT NULL REFERENCES study_visits (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind      text NOT NULL CHECK (kind IN ('week_before', 'feedback', 'update_3', 'update_6', 'update_12')),
  sent_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (visit_id, person_id, kind)
);
