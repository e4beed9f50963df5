-- Materials of a discussion-group session: links (slides, recordings, reading)
-- and PDF files uploaded by the facilitators. Files are small (a few MB) and
-- few, so they live in the database with everything else (one backup).
CREATE TABLE session_materials (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id  uuid NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Exactly one of: a link, or a PDF file with its name and bytes.
  url         text CHECK (url IS NULL OR url ~ '^https?://'),
  filename    text,
  content     bytea,
  size_bytes  integer,
  created_by  uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NOT NULL AND content IS NULL AND filename IS NULL AND size_bytes IS NULL)
      OR (url IS NULL AND content IS NOT NULL AND filename IS NOT NULL AND size_bytes = octet_length(content)))
);
CREATE INDEX session_materials_session_idx ON session_materials (session_id, created_at);
