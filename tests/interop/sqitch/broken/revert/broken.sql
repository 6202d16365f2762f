-- Revert interop:broken from pg

BEGIN;
DROP TABLE IF EXISTS archive;
COMMIT;
