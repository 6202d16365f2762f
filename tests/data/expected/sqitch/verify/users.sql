-- Verify flipr:users on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
