-- Verify flipr:appschema on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
