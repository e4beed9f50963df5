-- The registry's name search ignores accents and case: "Krakow" finds
-- Kraków, "malmo" finds Malmö (issue 18: people type city names as their
-- keyboard allows).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent(text) is only STABLE (it looks its dictionary up by name); naming
-- the dictionary makes the result depend on the text alone, so the function
-- can be IMMUTABLE and indexed.
CREATE FUNCTION fold_name(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Substring search while typing: a trigram index on the folded name.
CREATE INDEX cities_name_folded_trgm_idx ON cities USING gin (fold_name(name) gin_trgm_ops);
