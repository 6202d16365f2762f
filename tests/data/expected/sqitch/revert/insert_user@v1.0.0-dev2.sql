-- Revert flipr:insert_user from pg

BEGIN;

-- XXX Add DDLs here.

COMMIT;
