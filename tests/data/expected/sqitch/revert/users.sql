-- Revert flipr:users from pg

BEGIN;

-- XXX Add DDLs here.

COMMIT;
