-- FluentMigrator: "VersionInfo" as the runner creates it on PostgreSQL, by four migrations of
-- its own run in order.
-- DDL: src/FluentMigrator.Runner.Core/Versioning/VersionMigration.cs (VersionMigration,
--      VersionUniqueMigration, VersionDescriptionMigration), tag v8.0.1, with the names of
--      VersionTableInfo/DefaultVersionTableMetaData.cs ("VersionInfo", "Version", "AppliedOn",
--      "Description", index "UC_Version"), rendered by src/FluentMigrator.Runner.Postgres/
--      Generators/Postgres (PostgresQuoter: an empty schema is "public"; PostgresTypeMap:
--      Int64 bigint, DateTime timestamp, String(1024) varchar(1024)).
-- Rows: one per migration: ("Version", "AppliedOn", "Description"), the description from
--      [Migration(version, "description")] or the class name. No failure marker: a failed
--      migration's transaction rolls back.
CREATE TABLE "public"."VersionInfo" ("Version" bigint NOT NULL);
CREATE UNIQUE INDEX "UC_Version" ON "public"."VersionInfo" ("Version" ASC);
ALTER TABLE "public"."VersionInfo" ADD "AppliedOn" timestamp;
ALTER TABLE "public"."VersionInfo" ADD "Description" varchar(1024);

-- @scenario success
INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240105093000,'2024-01-05T09:30:20','CreateUsers');
INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240212141500,'2024-02-12T14:15:11','AddTenants');
INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240318080000,'2024-03-18T08:00:50','AddAuditLog');
