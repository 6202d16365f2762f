-- Verify flipr:insert_user on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
