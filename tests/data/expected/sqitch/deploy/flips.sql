-- Deploy flipr:flips to pg
-- requires: appschema
-- requires: users

BEGIN;

-- XXX Add DDLs here.

COMMIT;
