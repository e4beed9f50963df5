-- Every app process keeps the sessions it has checked in memory for up to a
-- minute (docs/decisions/0010-session-cache.md). Whatever changes who a
-- session belongs to or what that person may do announces the person's id on
-- the channel `session_changes`, in the same transaction: every process
-- listens and forgets that person's sessions when the change commits. As
-- triggers, no code path (an admin screen, a script, psql) can forget to.
CREATE FUNCTION announce_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'people' THEN
    PERFORM pg_notify('session_changes', OLD.id::text);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('session_changes', OLD.person_id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('session_changes', NEW.person_id::text); END IF;
  END IF;
  RETURN NULL;
END $$;

-- A session ended (sign-out, new sign-in, password change) or changed.
CREATE TRIGGER sessions_announce AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION announce_session_change();
-- Roles granted, changed or withdrawn.
CREATE TRIGGER role_grants_announce AFTER INSERT OR UPDATE OR DELETE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION announce_session_change();
-- What a request knows of its person: name, email, language, and whether the account is disabled.
CREATE TRIGGER people_announce AFTER UPDATE OF email, name, locale, disabled_at ON people
  FOR EACH ROW EXECUTE FUNCTION announce_session_change();
