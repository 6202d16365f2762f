-- Verify flipr:flips on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
