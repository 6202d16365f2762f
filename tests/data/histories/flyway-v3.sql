-- Flyway 3: "schema_version" with version_rank beside installed_rank, version NOT NULL and the
-- primary key on version.
-- DDL: flyway-core/src/main/resources/org/flywaydb/core/internal/dbsupport/postgresql/
--      createMetaDataTable.sql, tag flyway-3.2.1 (${schema} = public, ${table} = schema_version).
-- Rows: flyway-core/.../metadatatable/MetaDataTableImpl.java addAppliedMigration(), same tag:
--      version_rank orders by version, installed_rank by time of application.
CREATE TABLE "public"."schema_version" (
    "version_rank" INT NOT NULL,
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
) WITH (
  OIDS=FALSE
);
ALTER TABLE "public"."schema_version" ADD CONSTRAINT "schema_version_pk" PRIMARY KEY ("version");

CREATE INDEX "schema_version_vr_idx" ON "public"."schema_version" ("version_rank");
CREATE INDEX "schema_version_ir_idx" ON "public"."schema_version" ("installed_rank");
CREATE INDEX "schema_version_s_idx" ON "public"."schema_version" ("success");

-- @scenario success
INSERT INTO "public"."schema_version" ("version_rank", "installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, 1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2015-03-02 10:00:00.120', 18, true),
    (2, 2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2015-04-14 16:20:05.004', 7, true),
    (3, 3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2015-05-30 11:45:51.630', 41, true);
