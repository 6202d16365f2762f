-- Prisma Migrate: _prisma_migrations as the schema engine creates it on PostgreSQL.
-- DDL: prisma/prisma-engines schema-engine/connectors/sql-schema-connector/src/flavour/postgres.rs
--      create_migrations_table() (read at commit 1f7ff79b4ab4272161e4f723f09b15f965d7f829 of
--      that file).
-- Rows: schema-engine/connectors/sql-schema-connector/src/sql_migration_persistence.rs (commit
--      17a550caa0318a411d3def95563d4aa77bf057f5) and schema-engine/core/src/commands/
--      apply_migrations.rs (commit 317793c5b498aefc622ca0337de3204d401d8d06):
--      record_migration_started() inserts id (UUID v4), checksum (SHA-256 of migration.sql,
--      lowercase hex), started_at, migration_name; logs stays NULL. On success
--      record_successful_step() (applied_steps_count + 1) and record_migration_finished()
--      (finished_at). On failure record_failed_step() sets logs = the error's text and
--      finished_at stays NULL. `prisma migrate resolve --rolled-back` sets rolled_back_at
--      (mark_migration_rolled_back_by_id); `--applied` inserts a finished row with logs ''.
-- Source tree: prisma-src/migrations/ (20240105093000_init 481547b0..., 20240212141500_add_tenants
--      d230fb02..., 20240318080000_add_audit_log c54f6f6d...).
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);

-- @scenario success
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a', '2024-01-05 09:30:15.208+00', '20240105093000_init', '2024-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd230fb02983c7bbaaf50af902f924db3810383e351de212546549edf6635ddb2', '2024-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2024-02-12 14:15:06.180+00', 1),
    ('a7f0c9d2-6e3b-48a1-9c5f-2d7b4e8a1f05', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:00:45.902+00', '20240318080000_add_audit_log', '2024-03-18 08:00:45.967+00', 1);

-- @scenario failed
-- 20240318080000_add_audit_log failed: finished_at and rolled_back_at NULL, the error in logs
-- (a ConnectorError's text: the P3018 message, the database error and the span trace), no
-- step applied. `prisma migrate deploy` now stops with P3009.
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a', '2024-01-05 09:30:15.208+00', '20240105093000_init', '2024-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd230fb02983c7bbaaf50af902f924db3810383e351de212546549edf6635ddb2', '2024-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2024-02-12 14:15:06.180+00', 1);
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES
    ('e2b6d4f8-1c3a-4e5b-8d7f-9a0c2e4b6d81', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:00:45.902+00', '20240318080000_add_audit_log');
UPDATE "public"."_prisma_migrations" SET "logs" = E'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: 20240318080000_add_audit_log\n\nDatabase error code: 42P07\n\nDatabase error:\nERROR: relation "AuditLog" already exists\n\nDbError { severity: "ERROR", parsed_severity: Some(Error), code: SqlState(E42P07), message: "relation \\"AuditLog\\" already exists", detail: None, hint: None, position: None, where_: None, schema: None, table: None, column: None, datatype: None, constraint: None, file: Some("heap.c"), line: Some(1146), routine: Some("heap_create_with_catalog") }\n\n   0: sql_schema_connector::apply_migration::apply_script\n           with migration_name="20240318080000_add_audit_log"\n             at schema-engine/connectors/sql-schema-connector/src/apply_migration.rs:106\n   1: schema_core::commands::apply_migrations::Applying migration\n           with migration_name="20240318080000_add_audit_log"\n             at schema-engine/core/src/commands/apply_migrations.rs:91\n   2: schema_core::state::ApplyMigrations\n             at schema-engine/core/src/state.rs:226' WHERE "id" = 'e2b6d4f8-1c3a-4e5b-8d7f-9a0c2e4b6d81';

-- @scenario modified
-- 20240212141500_add_tenants/migration.sql was edited after it was applied (ON DELETE RESTRICT
-- became SET NULL): the stored checksum is the old file's; `prisma migrate dev` reports "The
-- migration 20240212141500_add_tenants was modified after it was applied".
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a', '2024-01-05 09:30:15.208+00', '20240105093000_init', '2024-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd15fb65ae349d834c7a5e8f1d6c3efcca385c35ed29835c4ab0254d7fdb5cf77', '2024-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2024-02-12 14:15:06.180+00', 1),
    ('a7f0c9d2-6e3b-48a1-9c5f-2d7b4e8a1f05', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:00:45.902+00', '20240318080000_add_audit_log', '2024-03-18 08:00:45.967+00', 1);

-- @scenario retried
-- The failed row of the failed scenario after `prisma migrate resolve --rolled-back
-- 20240318080000_add_audit_log` (rolled_back_at set) and a deploy that then applied it: two
-- rows for one migration, the latest finished. Up to date; nothing failed.
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a', '2024-01-05 09:30:15.208+00', '20240105093000_init', '2024-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd230fb02983c7bbaaf50af902f924db3810383e351de212546549edf6635ddb2', '2024-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2024-02-12 14:15:06.180+00', 1);
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","logs","rolled_back_at") VALUES
    ('e2b6d4f8-1c3a-4e5b-8d7f-9a0c2e4b6d81', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:00:45.902+00', '20240318080000_add_audit_log', E'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: 20240318080000_add_audit_log\n\nDatabase error code: 42P07\n\nDatabase error:\nERROR: relation "AuditLog" already exists', '2024-03-18 08:20:02.417+00');
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('a7f0c9d2-6e3b-48a1-9c5f-2d7b4e8a1f05', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:25:31.006+00', '20240318080000_add_audit_log', '2024-03-18 08:25:31.071+00', 1);

-- @scenario password
-- Prisma 2's Migrate preview stored the whole script in logs on failure
-- (prisma-engines migration-engine/core/src/commands/apply_migrations.rs at commit
-- 96e2059074216974e2ebb703becfa8d27f3aa9ba: logs = format!("script:\n{}\n\nerror:\n{}", script, err)).
-- A script that creates a login role therefore leaves its password in the history. The
-- passwords below are fake; none may appear in anything the check reports.
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a', '2021-01-05 09:30:15.208+00', '20240105093000_init', '2021-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd230fb02983c7bbaaf50af902f924db3810383e351de212546549edf6635ddb2', '2021-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2021-02-12 14:15:06.180+00', 1);
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","logs") VALUES
    ('3d9a6c1e-5f2b-4a8d-b7e0-1c4f6a9d2e58', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2021-03-18 08:00:45.902+00', '20240318080000_add_audit_log', E'script:\n-- Reporting reads through a role of its own\nCREATE ROLE reporting LOGIN PASSWORD ''Fake-Pr1sma-Passw0rd'';\nCREATE USER MAPPING FOR reporting SERVER warehouse OPTIONS (user ''etl'', password ''Fake-Mapping-Secret'');\nSELECT dblink_connect(''wh'', ''postgresql://etl:Fake-Url-Secret@warehouse.internal:5432/dw'');\nCREATE TABLE "AuditLog" ("id" SERIAL NOT NULL);\n\nerror:\nDatabase error: Error querying the database: db error: ERROR: server "warehouse" does not exist\n   0: migration_core::api::ApplyMigrations\n             at migration-engine/core/src/api.rs:202');

-- @scenario old-checksum
-- 20240105093000_init applied by a Prisma 2 whose engine wrote checksums without zero padding
-- (byte 0x08 of the SHA-256 written "8": 63 characters). Prisma still matches it: schema-engine/
-- connectors/schema-connector/src/checksum.rs script_matches_checksum() (commit
-- 48784dc4afd777a4e5f95b2191e749dd32c40733) compares a checksum that is not 64 characters long
-- with format_checksum_old() (prisma/prisma-engines issue 1887). Not modified: up to date.
INSERT INTO "public"."_prisma_migrations" ("id","checksum","started_at","migration_name","finished_at","applied_steps_count") VALUES
    ('0c5d2a7e-8a51-4c1e-9d0b-3f6e7a2b9c14', '481547b0516e7b24d5c46deac974dc1f8fdac632288d82c27a8d2e6b14d665a', '2021-01-05 09:30:15.208+00', '20240105093000_init', '2021-01-05 09:30:15.251+00', 1),
    ('5b8e1f3c-27d4-4f6a-b2c9-8e0d1a4f7b63', 'd230fb02983c7bbaaf50af902f924db3810383e351de212546549edf6635ddb2', '2024-02-12 14:15:06.114+00', '20240212141500_add_tenants', '2024-02-12 14:15:06.180+00', 1),
    ('a7f0c9d2-6e3b-48a1-9c5f-2d7b4e8a1f05', 'c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c', '2024-03-18 08:00:45.902+00', '20240318080000_add_audit_log', '2024-03-18 08:00:45.967+00', 1);
