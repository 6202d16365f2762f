-- Atlas (versioned migrations): atlas_schema_revisions in the schema atlas_schema_revisions,
-- where Atlas keeps it when the URL names no schema.
-- DDL: cmd/atlas/internal/migrate/ent/schema/revision.go and ent/migrate/schema.go, tag v1.2.3,
--      as ent creates them on PostgreSQL (strings character varying, uint/int bigint, Text text,
--      Strings jsonb, version the primary key; `atlas migrate diff` of a project holding this
--      table prints exactly this CREATE TABLE).
-- Rows: sql/migrate/migrate.go Executor.exec() and writeRevision(), same tag, through
--      cmd/atlas/internal/migrate/ent/convert.go SetRevision(): a row is written when a file
--      starts (applied 0 of total statements), after each statement (applied + 1, partial_hashes
--      grows), and when it ends (partial_hashes cleared). error and error_stmt are always set, so
--      a file that succeeded stores '' in both, not NULL; a failed statement stores the driver's
--      error text and the statement. type 2 = executed (RevisionTypeExecute). version and
--      description come from the file name (sql/migrate/dir.go LocalFile.Version()/Desc()).
--      operator_version "Atlas CLI v<version>" (cmd/atlas/internal/cmdapi/migrate.go).
-- Source tree: 20240105093000_create_users.sql (2 statements), 20240212141500_add_tenants.sql
--      (3), 20240318080000_add_audit_log.sql (2).
CREATE SCHEMA "atlas_schema_revisions";
CREATE TABLE "atlas_schema_revisions"."atlas_schema_revisions" ("version" character varying NOT NULL, "description" character varying NOT NULL, "type" bigint NOT NULL DEFAULT 2, "applied" bigint NOT NULL DEFAULT 0, "total" bigint NOT NULL DEFAULT 0, "executed_at" timestamptz NOT NULL, "execution_time" bigint NOT NULL, "error" text NULL, "error_stmt" text NULL, "hash" character varying NOT NULL, "partial_hashes" jsonb NULL, "operator_version" character varying NOT NULL, PRIMARY KEY ("version"));

-- @scenario success
INSERT INTO "atlas_schema_revisions"."atlas_schema_revisions" ("version", "description", "type", "applied", "total", "executed_at", "execution_time", "error", "error_stmt", "hash", "partial_hashes", "operator_version") VALUES
    ('20240105093000', 'create_users', 2, 2, 2, '2024-01-05 09:30:18.114+00', 20741116, '', '', 'k0r9nWWfyswi4JjzKYuA53hyrH9K9poXAegS8KRBg2w=', 'null', 'Atlas CLI v0.31.0'),
    ('20240212141500', 'add_tenants', 2, 3, 3, '2024-02-12 14:15:09.530+00', 31209874, '', '', 'Gr2mWe6Fh1KFWyAJRdel4wWdbr+to8OLcET+UnczVi4=', 'null', 'Atlas CLI v0.31.0'),
    ('20240318080000', 'add_audit_log', 2, 2, 2, '2024-03-18 08:00:48.006+00', 15772031, '', '', '4XQeXGHu4q5mSsJVM07PjTmuK4P/PVvYIS3hkvEJQ18=', 'null', 'Atlas CLI v0.31.0');

-- @scenario failed
-- The second statement of add_tenants failed: applied 1 of 3, the error and the statement
-- stored, the first statement's hash in partial_hashes. add_audit_log was never started.
INSERT INTO "atlas_schema_revisions"."atlas_schema_revisions" ("version", "description", "type", "applied", "total", "executed_at", "execution_time", "error", "error_stmt", "hash", "partial_hashes", "operator_version") VALUES
    ('20240105093000', 'create_users', 2, 2, 2, '2024-01-05 09:30:18.114+00', 20741116, '', '', 'k0r9nWWfyswi4JjzKYuA53hyrH9K9poXAegS8KRBg2w=', 'null', 'Atlas CLI v0.31.0'),
    ('20240212141500', 'add_tenants', 2, 1, 3, '2024-02-12 14:15:09.530+00', 8844120, 'pq: column "tenant_id" of relation "users" already exists', 'ALTER TABLE "users" ADD COLUMN "tenant_id" bigint NULL;', 'Gr2mWe6Fh1KFWyAJRdel4wWdbr+to8OLcET+UnczVi4=', '["h1:9V+0SvJtAzhjWrs0/4Py1n6Fcgb0Rm2aTX7d/qRQbO4="]', 'Atlas CLI v0.31.0');

-- @scenario killed
-- `atlas migrate apply` was killed after the first statement of add_tenants: the row written
-- after that statement says applied 1 of 3 with no error. Still not finished: failed.
INSERT INTO "atlas_schema_revisions"."atlas_schema_revisions" ("version", "description", "type", "applied", "total", "executed_at", "execution_time", "error", "error_stmt", "hash", "partial_hashes", "operator_version") VALUES
    ('20240105093000', 'create_users', 2, 2, 2, '2024-01-05 09:30:18.114+00', 20741116, '', '', 'k0r9nWWfyswi4JjzKYuA53hyrH9K9poXAegS8KRBg2w=', 'null', 'Atlas CLI v0.31.0'),
    ('20240212141500', 'add_tenants', 2, 1, 3, '2024-02-12 14:15:09.530+00', 0, '', '', 'Gr2mWe6Fh1KFWyAJRdel4wWdbr+to8OLcET+UnczVi4=', '["h1:9V+0SvJtAzhjWrs0/4Py1n6Fcgb0Rm2aTX7d/qRQbO4="]', 'Atlas CLI v0.31.0');

-- @scenario cloud-identifier
-- With Atlas Cloud reporting on, the table also holds the revisions table's own identifier:
-- version ".atlas_cloud_identifier", a UUID as description, applied = total = 0, hash ''
-- (cmd/atlas/internal/migrate/migrate.go EntRevisions.ID(); error and error_stmt not set, so
-- NULL). It is not a migration: three applied, none failed.
INSERT INTO "atlas_schema_revisions"."atlas_schema_revisions" ("version", "description", "executed_at", "execution_time", "hash", "operator_version") VALUES
    ('.atlas_cloud_identifier', '8f14e45f-ceea-4e67-a7d9-1c3b5e7a9d02', '2024-01-05 09:30:17.990+00', 0, '', 'Atlas CLI v0.31.0');
INSERT INTO "atlas_schema_revisions"."atlas_schema_revisions" ("version", "description", "type", "applied", "total", "executed_at", "execution_time", "error", "error_stmt", "hash", "partial_hashes", "operator_version") VALUES
    ('20240105093000', 'create_users', 2, 2, 2, '2024-01-05 09:30:18.114+00', 20741116, '', '', 'k0r9nWWfyswi4JjzKYuA53hyrH9K9poXAegS8KRBg2w=', 'null', 'Atlas CLI v0.31.0'),
    ('20240212141500', 'add_tenants', 2, 3, 3, '2024-02-12 14:15:09.530+00', 31209874, '', '', 'Gr2mWe6Fh1KFWyAJRdel4wWdbr+to8OLcET+UnczVi4=', 'null', 'Atlas CLI v0.31.0'),
    ('20240318080000', 'add_audit_log', 2, 2, 2, '2024-03-18 08:00:48.006+00', 15772031, '', '', '4XQeXGHu4q5mSsJVM07PjTmuK4P/PVvYIS3hkvEJQ18=', 'null', 'Atlas CLI v0.31.0');
