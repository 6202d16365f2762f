-- Diesel: __diesel_schema_migrations.
-- DDL: diesel/src/migration/setup_migration_table.sql, tag v2.3.12.
-- Rows: diesel_migrations/src/migration_harness.rs run_migration(), same tag: the version
--      only (run_on is left to CURRENT_TIMESTAMP), in the migration's transaction. The version
--      is the folder name up to its first '_' with '-' removed
--      (migrations_internals version_from_string(): "2024-01-05-093000_create_users" ->
--      "20240105093000"). `diesel setup` adds 00000000000000_diesel_initial_setup, which runs
--      and is recorded like any other migration.
CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
       version VARCHAR(50) PRIMARY KEY NOT NULL,
       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- @scenario success
INSERT INTO __diesel_schema_migrations (version, run_on) VALUES ('00000000000000', '2024-01-05 09:30:21.205');
INSERT INTO __diesel_schema_migrations (version, run_on) VALUES ('20240105093000', '2024-01-05 09:30:21.266');
INSERT INTO __diesel_schema_migrations (version, run_on) VALUES ('20240212141500', '2024-02-12 14:15:12.090');
