-- The city registry's profile, contact persons and change history, and the
-- library of climate solutions with its full-text search.
-- Runs unchanged on PGlite and PostgreSQL 15+ (docs/decisions/0005-library-search.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE cities
  ADD COLUMN region              text CHECK (region IS NULL OR length(region) BETWEEN 1 AND 120),
  ADD COLUMN languages           text[] NOT NULL DEFAULT '{}' CHECK (array_position(languages, NULL) IS NULL AND cardinality(languages) <= 12),
  ADD COLUMN climate_target_year integer CHECK (climate_target_year BETWEEN 2025 AND 2100),
  ADD COLUMN sectors_of_interest text[] NOT NULL DEFAULT '{}'
    CHECK (sectors_of_interest <@ ARRAY['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']::text[]),
  ADD COLUMN profile             text NOT NULL DEFAULT '' CHECK (length(profile) <= 10000),
  ADD COLUMN updated_by          uuid REFERENCES people (id) ON DELETE SET NULL,
  -- Optimistic concurrency: an edit names the version it started from.
  ADD COLUMN version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Kept by the solutions repository on every solution write, so the map and
  -- "cities like mine" never aggregate the whole library per request.
  ADD COLUMN solution_count      integer NOT NULL DEFAULT 0 CHECK (solution_count >= 0),
  ADD COLUMN solution_sectors    text[] NOT NULL DEFAULT '{}';

CREATE INDEX cities_kind_idx ON cities (kind);
CREATE INDEX cities_sectors_of_interest_idx ON cities USING gin (sectors_of_interest);
CREATE INDEX cities_solution_sectors_idx ON cities USING gin (solution_sectors);

-- Personal data: shown only to the city's own representatives and to
-- programme managers, never in a public answer.
CREATE TABLE city_contacts (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_id    uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  position   integer NOT NULL DEFAULT 0,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email      text CHECK (email IS NULL OR (email = lower(email) AND position('@' IN email) > 1)),
  phone      text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  role_title text CHECK (role_title IS NULL OR length(role_title) <= 120),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX city_contacts_city_idx ON city_contacts (city_id, position);

-- Field-level history of every change to a city: who, when, before and after.
CREATE TABLE city_changes (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  city_id   uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  actor_id  uuid REFERENCES people (id) ON DELETE SET NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  source    text NOT NULL CHECK (source IN ('edit', 'import', 'contacts')),
  changes   jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object')
);
CREATE INDEX city_changes_city_idx ON city_changes (city_id, at DESC, id DESC);

-- The text-search configuration of a solution's language; 'simple' (no
-- stemming) for languages PostgreSQL 15 has no stemmer for.
CREATE FUNCTION search_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang
    WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig
    WHEN 'de' THEN 'german'::regconfig WHEN 'es' THEN 'spanish'::regconfig
    WHEN 'it' THEN 'italian'::regconfig WHEN 'fi' THEN 'finnish'::regconfig
    WHEN 'sv' THEN 'swedish'::regconfig WHEN 'nl' THEN 'dutch'::regconfig
    WHEN 'pt' THEN 'portuguese'::regconfig WHEN 'da' THEN 'danish'::regconfig
    WHEN 'hu' THEN 'hungarian'::regconfig WHEN 'no' THEN 'norwegian'::regconfig
    WHEN 'ro' THEN 'romanian'::regconfig WHEN 'ru' THEN 'russian'::regconfig
    WHEN 'tr' THEN 'turkish'::regconfig WHEN 'lt' THEN 'lithuanian'::regconfig
    WHEN 'el' THEN 'greek'::regconfig WHEN 'ca' THEN 'catalan'::regconfig
    WHEN 'eu' THEN 'basque'::regconfig WHEN 'ga' THEN 'irish'::regconfig
    WHEN 'sr' THEN 'serbian'::regconfig
    ELSE 'simple'::regconfig
  END
$$;

-- The search document: stemmed in the solution's own language (title A,
-- summary B, body and tags C) plus an unstemmed 'simple' copy (D) so a word
-- typed in another language still finds it. Tags are stripped from the body.
CREATE FUNCTION solution_search_document(lang text, title text, summary text, body_html text, tags text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(search_config(lang), title), 'A')
      || setweight(to_tsvector(search_config(lang), summary), 'B')
      || setweight(to_tsvector(search_config(lang), regexp_replace(body_html, '<[^>]*>', ' ', 'g') || ' ' || array_to_string(tags, ' ')), 'C')
      || setweight(to_tsvector('simple'::regconfig, title || ' ' || summary || ' ' || array_to_string(tags, ' ')), 'D')
$$;

CREATE TABLE solutions (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_id                uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  title                  text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  summary                text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
  body_html              text NOT NULL DEFAULT '' CHECK (length(body_html) <= 50000),
  sectors                text[] NOT NULL CHECK (
    cardinality(sectors) BETWEEN 1 AND 6
    AND sectors <@ ARRAY['energy', 'buildings', 'mobility', 'circular-economy', 'industry', 'nature-based-solutions']::text[]),
  lever                  text NOT NULL CHECK (lever IN ('technology-infrastructure', 'governance-policy', 'social-innovation',
                           'democracy-participation', 'finance-funding', 'learning-capabilities')),
  stage                  text NOT NULL CHECK (stage IN ('planned', 'in_progress', 'implemented')),
  impact_tco2e_per_year  numeric(12, 1) CHECK (impact_tco2e_per_year >= 0),
  cost_range             text CHECK (cost_range IN ('under_100k', '100k_1m', '1m_10m', '10m_100m', 'over_100m')),
  visitable              boolean NOT NULL DEFAULT false,
  start_year             integer CHECK (start_year BETWEEN 1990 AND 2100),
  end_year               integer CHECK (end_year BETWEEN 1990 AND 2100),
  links                  jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(links) = 'array'),
  tags                   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
  language               text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}$'),
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at           timestamptz,
  demo                   boolean NOT NULL DEFAULT false,
  version                integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by             uuid REFERENCES people (id) ON DELETE SET NULL,
  updated_by             uuid REFERENCES people (id) ON DELETE SET NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  search                 tsvector GENERATED ALWAYS AS (solution_search_document(language, title, summary, body_html, tags)) STORED,
  CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX solutions_search_idx ON solutions USING gin (search);
CREATE INDEX solutions_title_trgm_idx ON solutions USING gin (title gin_trgm_ops);
CREATE INDEX solutions_sectors_idx ON solutions USING gin (sectors);
CREATE INDEX solutions_city_idx ON solutions (city_id, status);
CREATE INDEX solutions_published_idx ON solutions (published_at DESC, id) WHERE status = 'published';
