-- Speed of the library and the map at the scale of all Europe
-- (docs/decisions/0007-library-cache-and-copies.md).
-- Runs unchanged on PGlite and PostgreSQL 15+.

-- 1. The city's country and kind copied onto each of its solutions, so the
--    search and its facet counts read one table instead of joining 10,000
--    cities per request. Kept by triggers, whoever writes: a solution takes
--    its city's values when inserted or moved; a city passes a change of
--    country or kind on to its solutions.
ALTER TABLE solutions
  ADD COLUMN city_country char(2),
  ADD COLUMN city_kind    text;
UPDATE solutions s SET city_country = c.country, city_kind = c.kind FROM cities c WHERE c.id = s.city_id;

CREATE FUNCTION solutions_copy_city() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.country, c.kind INTO NEW.city_country, NEW.city_kind FROM cities c WHERE c.id = NEW.city_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER solutions_copy_city
  BEFORE INSERT OR UPDATE OF city_id, city_country, city_kind ON solutions
  FOR EACH ROW EXECUTE FUNCTION solutions_copy_city();

ALTER TABLE solutions
  ALTER COLUMN city_country SET NOT NULL,
  ALTER COLUMN city_kind SET NOT NULL;

CREATE FUNCTION cities_copy_to_solutions() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE solutions SET city_country = NEW.country, city_kind = NEW.kind WHERE city_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER cities_copy_to_solutions
  AFTER UPDATE OF country, kind ON cities
  FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION cities_copy_to_solutions();

-- 2. A version number of the public library data (cities and solutions),
--    raised once by every transaction that writes either table. The server
--    caches the map and search answers under it: a request reads the number
--    (one row) and reuses the answer computed for the same number and query.
--    The triggers are deferred to the commit, so the counter row is locked
--    only for the last instant of a transaction (no waiting on it while the
--    transaction still works, hence no deadlock), and a reader sees the new
--    number only together with the new data.
CREATE TABLE cache_versions (
  name    text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1
);
INSERT INTO cache_versions (name) VALUES ('library');

CREATE FUNCTION bump_library_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction (a transaction-local setting marks it done).
  IF coalesce(current_setting('peercities.library_version_bumped', true), '') = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('peercities.library_version_bumped', 'yes', true);
  UPDATE cache_versions SET version = version + 1 WHERE name = 'library';
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER cities_library_version
  AFTER INSERT OR UPDATE OR DELETE ON cities DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_library_version();
CREATE CONSTRAINT TRIGGER solutions_library_version
  AFTER INSERT OR UPDATE OR DELETE ON solutions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_library_version();
