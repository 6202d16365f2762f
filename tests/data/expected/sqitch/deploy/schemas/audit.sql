-- Deploy flipr:schemas/audit to pg
-- requires: appschema

BEGIN;

-- XXX Add DDLs here.

COMMIT;
