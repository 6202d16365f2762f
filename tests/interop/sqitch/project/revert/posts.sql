-- Revert interop:posts from pg

BEGIN;
DROP TABLE posts;
COMMIT;
