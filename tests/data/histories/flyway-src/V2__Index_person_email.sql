-- CREATE INDEX CONCURRENTLY cannot run in a transaction: Flyway runs this script outside one,
-- so a failure here is recorded as a row with success = false.
CREATE INDEX CONCURRENTLY person_email_idx ON person (email);
