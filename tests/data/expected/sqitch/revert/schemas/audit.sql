-- Revert flipr:schemas/audit from pg

BEGIN;

-- XXX Add DDLs here.

COMMIT;
