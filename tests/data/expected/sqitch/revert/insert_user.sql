-- Deploy flipr:insert_user to pg
-- requires: users
-- requires: appschema

BEGIN;

-- XXX Add DDLs here.

COMMIT;
