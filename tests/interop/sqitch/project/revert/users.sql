-- Revert interop:users from pg

BEGIN;
DROP TABLE users;
COMMIT;
