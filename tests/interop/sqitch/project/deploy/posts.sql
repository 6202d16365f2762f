-- Deploy interop:posts to pg
-- requires: users

BEGIN;
CREATE TABLE posts (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), body text);
COMMIT;
