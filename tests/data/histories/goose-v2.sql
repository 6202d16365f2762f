-- goose 2.0 to 2.4: goose_db_version with id serial, and a down recorded as a new row with
-- is_applied = false instead of a DELETE.
-- DDL: dialect.go PostgresDialect.createVersionTableSQL(), tag v2.0.0 (unchanged to v2.7.0).
-- Rows: migration_sql.go runSQLMigration() (tag v2.0.0, lines 164 and 178):
--      insertVersionSQL() with (version, direction), direction false for a down. goose reads
--      the rows newest id first and the latest row per version decides (migrate.go
--      EnsureDBVersion, the same logic still in v3.27.3 migrate.go EnsureDBVersionContext()).
CREATE TABLE goose_db_version (
            	id serial NOT NULL,
                version_id bigint NOT NULL,
                is_applied boolean NOT NULL,
                tstamp timestamp NULL default now(),
                PRIMARY KEY(id)
            );
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, true, '2018-01-05 09:30:16.001');

-- @scenario down-marker
-- Three ups, then `goose down` of the third: its latest row says is_applied = false. Two applied.
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (20240105093000, true, '2018-01-05 09:30:16.048');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (20240212141500, true, '2018-02-12 14:15:07.302');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (20240318080000, true, '2018-03-18 08:00:46.519');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (20240318080000, false, '2018-03-19 10:12:40.077');
