-- Our functions name tables and other functions without a schema. pg_restore
-- runs with an empty search_path, so a generated column or trigger calling
-- them failed during `peercities restore` (decision 0029): fix each
-- function's search_path. Functions of extensions (pg_trgm, unaccent) are
-- left alone. A function added later needs `SET search_path = public,
-- pg_catalog` too; the backup round-trip test on PostgreSQL finds one that lacks it.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid::regprocedure
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public, pg_catalog', f);
  END LOOP;
END
$$;
