-- Verify flipr:schemas/audit on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
