-- Expert support (issue 21), continued: answers become knowledge, and
-- requests carry PDF attachments. docs/support.md, "Knowledge" and
-- "Attachments".

-- A request's way into the library. The row appears when the city's
-- representatives consent (consent_at) and stays while the entry is
-- prepared, published (published_at) or unpublished; withdrawing consent
-- before publication clears consent_at. title, question and answer are the
-- public texts, with the personal data removed (src/domain/support/redact.ts)
-- and edited by a programme manager; sectors and levers are the request's.
CREATE TABLE support_publications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id    uuid NOT NULL UNIQUE REFERENCES support_requests (id) ON DELETE CASCADE,
  city_id       uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  consent_by    uuid REFERENCES people (id) ON DELETE SET NULL,
  consent_at    timestamptz,
  title         text NOT NULL DEFAULT '' CHECK (length(title) <= 200),
  question      text NOT NULL DEFAULT '' CHECK (length(question) <= 5000),
  answer        text NOT NULL DEFAULT '' CHECK (length(answer) <= 20000),
  sectors       text[] NOT NULL DEFAULT '{}',
  levers        text[] NOT NULL DEFAULT '{}',
  language      text NOT NULL DEFAULT 'en',
  published_by  uuid REFERENCES people (id) ON DELETE SET NULL,
  published_at  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  -- Stemmed in the entry's language (title A, question B, answer C) with an
  -- unstemmed copy (D), as solutions are (solution_search_document, 0002).
  search        tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(search_config(language), title), 'A')
    || setweight(to_tsvector(search_config(language), question), 'B')
    || setweight(to_tsvector(search_config(language), answer), 'C')
    || setweight(to_tsvector('simple'::regconfig, title || ' ' || question || ' ' || answer), 'D')
  ) STORED,
  CHECK (published_at IS NULL OR (consent_at IS NOT NULL AND length(title) > 0 AND length(question) > 0 AND length(answer) > 0))
);
CREATE INDEX support_publications_search_idx ON support_publications USING gin (search) WHERE published_at IS NOT NULL;
CREATE INDEX support_publications_published_idx ON support_publications (published_at DESC) WHERE published_at IS NOT NULL;

-- The library's cached answers change when an entry does (0012).
CREATE CONSTRAINT TRIGGER support_publications_library_version
  AFTER INSERT OR UPDATE OR DELETE ON support_publications DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_library_version();

-- PDFs a city attached to its request (at most 5, src/shared/support-attachment.schemas.ts),
-- kept in the database as application attachments are (0011).
CREATE TABLE support_request_attachments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order of upload, files sent in the same instant included.
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  request_id    uuid NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
  filename      text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type  text NOT NULL CHECK (content_type = 'application/pdf'),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  content       bytea NOT NULL,
  uploaded_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_request_attachments_request_idx ON support_request_attachments (request_id, seq);
