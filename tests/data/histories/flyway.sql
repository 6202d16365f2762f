-- Flyway 9 and 10: flyway_schema_history as Flyway creates it on PostgreSQL.
-- DDL: flyway-database/flyway-database-postgresql/src/main/java/org/flywaydb/database/
--      postgresql/PostgreSQLDatabase.java getRawCreateScript(), tag flyway-10.22.0 (identical in
--      flyway-9.22.3, flyway-core/.../database/postgresql/PostgreSQLDatabase.java).
-- Rows: flyway-core/src/main/java/org/flywaydb/core/internal/database/base/Database.java
--      getInsertStatement() (installed_on is left to its default now()) and
--      .../internal/schemahistory/JdbcTableSchemaHistory.java doAddAppliedMigration(), same tag:
--      version "1.1" for V1_1__Add_email.sql, description with '_' turned into ' ', type SQL,
--      script = the file name, checksum = CRC32 over the file's lines (ChecksumCalculator.java)
--      as a signed int, installed_by = current_user, execution_time in ms.
-- Failure: .../internal/command/DbMigrate.java (same tag) writes success = false only when the
--      migration ran outside a transaction (PostgreSQL rolls back a transactional one and no row
--      is written): V2 uses CREATE INDEX CONCURRENTLY, which Flyway runs non-transactionally.
-- Source tree: flyway-src/ (V1__Create_person_table.sql 112545635, V1_1__Add_email.sql
--      -1520492755, V2__Index_person_email.sql 719313139).
CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");

-- @scenario success
-- flyway migrate applied all three scripts of flyway-src/.
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, true);

-- @scenario failed
-- V2 failed (CREATE INDEX CONCURRENTLY ran outside a transaction: the index was left INVALID),
-- so Flyway recorded it with success = false; `flyway info` shows it as Failed.
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, false);

-- @scenario modified
-- V1_1__Add_email.sql was applied when it said varchar(100) (CRC32 -739616988) and edited
-- afterwards; `flyway validate` reports "Migration checksum mismatch for migration version 1.1".
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -739616988, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, true);

-- @scenario schema-marker
-- Flyway created the schema it migrates (flyway.schemas=public on an empty database): it first
-- writes the marker row, installed_rank 0, version NULL, type SCHEMA
-- (.../schemahistory/SchemaHistory.java addSchemasMarker() and calculateInstalledRank()). The
-- marker is not a migration: three applied.
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"public"', NULL, 'app', '2024-01-05 09:30:11.902', 0, true),
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, true);
