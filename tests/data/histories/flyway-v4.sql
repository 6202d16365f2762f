-- Flyway 4 (before Flyway 5 renamed the table): the history is "schema_version".
-- DDL: flyway-core/src/main/resources/org/flywaydb/core/internal/dbsupport/postgresql/
--      createMetaDataTable.sql, tag flyway-4.2.0 (${schema} = public, ${table} = schema_version,
--      the default table of flyway-core/src/main/java/org/flywaydb/core/Flyway.java in 4.2.0).
-- Rows: flyway-core/src/main/java/org/flywaydb/core/internal/metadatatable/MetaDataTableImpl.java
--      addAppliedMigration(), same tag: the same columns and values as Flyway 5 and later.
-- Source tree: flyway-src/ (the same three scripts as flyway.sql).
CREATE TABLE "public"."schema_version" (
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
ALTER TABLE "public"."schema_version" ADD CONSTRAINT "schema_version_pk" PRIMARY KEY ("installed_rank");

CREATE INDEX "schema_version_s_idx" ON "public"."schema_version" ("success");

-- @scenario success
INSERT INTO "public"."schema_version" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2017-05-02 10:00:00.120', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2017-06-14 16:20:05.004', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2017-07-30 11:45:51.630', 41, true);

-- @scenario failed
-- Flyway 4 on PostgreSQL also writes success = false only for a migration that ran outside a
-- transaction (flyway-core/.../command/DbMigrate.java, tag flyway-4.2.0).
INSERT INTO "public"."schema_version" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2017-05-02 10:00:00.120', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2017-06-14 16:20:05.004', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2017-07-30 11:45:51.630', 41, false);
