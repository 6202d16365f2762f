-- Deploy interop:users to pg

BEGIN;
CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);
COMMIT;
