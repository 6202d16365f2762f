-- Deploy flipr:insert_user to pg
-- requires: users
-- requires: appschema

BEGIN;

CREATE FUNCTION flipr.insert_user(nickname TEXT, password TEXT) RETURNS VOID LANGUAGE SQL AS $$ INSERT INTO flipr.users VALUES($1, md5($2)); $$;

COMMIT;
