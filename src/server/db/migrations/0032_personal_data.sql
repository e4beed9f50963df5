-- Personal-data rights (issue 19): erasure and the download of one's own data.

-- An erased account: the row stays so that the programme's records (applications,
-- evaluations, decisions, the audit log) still point somewhere; its personal
-- columns are overwritten and it reads "Former participant".
ALTER TABLE people ADD COLUMN erased_at timestamptz;

-- "Download my data": a ZIP made in the background, kept 24 hours.
CREATE TABLE data_exports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'ready', 'failed')),
  progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  content      bytea,
  size_bytes   integer,
  error        text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  ready_at     timestamptz,
  expires_at   timestamptz,
  CHECK ((status = 'ready') = (content IS NOT NULL))
);
CREATE INDEX data_exports_person_idx ON data_exports (person_id, requested_at DESC);
CREATE INDEX data_exports_pending_idx ON data_exports (requested_at) WHERE status IN ('pending', 'running');
-- At most one export in the making per person.
CREATE UNIQUE INDEX data_exports_one_open_idx ON data_exports (person_id) WHERE status IN ('pending', 'running');
