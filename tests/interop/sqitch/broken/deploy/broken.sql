-- Deploy interop:broken to pg
-- requires: posts

BEGIN;
CREATE TABLE archive (id int);
INSERT INTO archive SELECT id FROM no_such_table;
COMMIT;
