-- Deploy flipr:users to pg
-- requires: appschema

BEGIN;

-- XXX Add DDLs here.

COMMIT;
