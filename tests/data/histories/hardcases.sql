-- Hard cases for detection: several histories in one database, one table name used by three
-- tools, a mixed-case schema, and (with grants made by the test) a history the role cannot read.
-- Each scenario builds its tables the way the tool does (see the tool's own file here for the
-- citations); EF Core's as Npgsql's HistoryRepository creates it, Rails' as ActiveRecord's
-- activerecord/lib/active_record/schema_migration.rb and internal_metadata.rb create_table
-- (t.string :version / :key as primary key, t.timestamps => timestamp(6) NOT NULL).
-- No preamble: every scenario is complete.

-- @scenario three-tools
-- The platform by EF Core, a reporting module by Flyway, identity by Liquibase: all three in
-- public, all up to date.
CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20240105093000_InitialCreate', '9.0.6');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20240212141500_AddTenants', '9.0.6');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20240318080000_AddAuditLog', '9.0.6');
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
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, true);
CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID));
INSERT INTO public.databasechangeloglock (ID, LOCKED) VALUES (1, FALSE);
CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('add-email', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-02-12 14:15:05.338', 2, '9:0b1e9a7d3c5f2e4a6b8d0c1e3f5a7b9d', 'addColumn tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '7747305338');

-- @scenario shared-name
-- schema_migrations three times: golang-migrate's (bigint version, dirty) in registry, Rails'
-- (character varying version, ar_internal_metadata beside it) in storefront, dbmate's
-- (varchar version, nothing beside it) in ops. Rails' and dbmate's tables have the same
-- columns: only ar_internal_metadata tells them apart.
CREATE SCHEMA registry;
CREATE TABLE IF NOT EXISTS "registry"."schema_migrations" (version bigint not null primary key, dirty boolean not null);
INSERT INTO "registry"."schema_migrations" (version, dirty) VALUES (3, true);
CREATE SCHEMA storefront;
CREATE TABLE "storefront"."schema_migrations" ("version" character varying NOT NULL PRIMARY KEY);
CREATE TABLE "storefront"."ar_internal_metadata" ("key" character varying NOT NULL PRIMARY KEY, "value" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
INSERT INTO "storefront"."schema_migrations" ("version") VALUES ('20240105093000'), ('20240212141500'), ('20240318080000');
INSERT INTO "storefront"."ar_internal_metadata" ("key", "value", "created_at", "updated_at") VALUES ('environment', 'production', '2024-01-05 09:30:22.117101', '2024-01-05 09:30:22.117101');
CREATE SCHEMA ops;
create table if not exists ops.schema_migrations (version varchar primary key);
insert into ops.schema_migrations (version) values ('20240105093000');
insert into ops.schema_migrations (version) values ('20240212141500');

-- @scenario mixed-case-schema
-- Flyway with flyway.schemas=Billing (Flyway quotes names, so the schema keeps its case), V2
-- failed.
CREATE SCHEMA "Billing";
CREATE TABLE "Billing"."flyway_schema_history" (
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
ALTER TABLE "Billing"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "Billing"."flyway_schema_history" ("success");
INSERT INTO "Billing"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"Billing"', NULL, 'app', '2024-01-05 09:30:11.902', 0, true),
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true),
    (3, '2', 'Index person email', 'SQL', 'V2__Index_person_email.sql', 719313139, 'app', '2024-03-18 08:00:41.250', 41, false);

-- @scenario grants
-- Three histories; the test lets its role read only Flyway's (GRANT SELECT on it). Liquibase's
-- table is in public without SELECT; golang-migrate's is in a schema without USAGE.
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
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success") VALUES
    (1, '1', 'Create person table', 'SQL', 'V1__Create_person_table.sql', 112545635, 'app', '2024-01-05 09:30:12.104', 18, true),
    (2, '1.1', 'Add email', 'SQL', 'V1_1__Add_email.sql', -1520492755, 'app', '2024-02-12 14:15:03.771', 7, true);
CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID));
INSERT INTO public.databasechangeloglock (ID, LOCKED) VALUES (1, FALSE);
CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
CREATE SCHEMA registry;
CREATE TABLE IF NOT EXISTS "registry"."schema_migrations" (version bigint not null primary key, dirty boolean not null);
INSERT INTO "registry"."schema_migrations" (version, dirty) VALUES (2, false);
