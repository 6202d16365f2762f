-- Revert flipr:flips from pg

BEGIN;

-- XXX Add DDLs here.

COMMIT;
