-- Files attached to an application: one PDF per file question, replaced by
-- a new upload. Kept in the database (not on disk) so that backups, the
-- PGlite default and deletion with the application all stay in one place;
-- the upload limit (src/shared/attachment.schemas.ts) keeps rows small.
CREATE TABLE application_attachments (
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  question_id    text NOT NULL CHECK (question_id ~ '^[a-z0-9_]{1,40}$'),
  filename       text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type   text NOT NULL CHECK (content_type = 'application/pdf'),
  size_bytes     integer NOT NULL CHECK (size_bytes > 0),
  content        bytea NOT NULL,
  uploaded_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, question_id)
);
