-- The names shown beside posts are remembered by each app process like the
-- sessions (docs/decisions/0010-session-cache.md): a person's label is their
-- name and the name of the city they represent. Renaming a city announces
-- every person who holds a role for it on `session_changes`, as the other
-- changes to a person are (0014); sessions carry their cities' names too.
CREATE FUNCTION announce_city_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('session_changes', person_id::text)
     FROM (SELECT DISTINCT person_id FROM role_grants WHERE city_id = NEW.id) holders;
  RETURN NULL;
END $$;

CREATE TRIGGER cities_announce_rename AFTER UPDATE OF name ON cities
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION announce_city_rename();
