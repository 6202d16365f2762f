-- golang-migrate: schema_migrations (version bigint, dirty bool), one row: the current version.
-- DDL: database/postgres/postgres.go ensureVersionTable(), tag v4.19.1: CREATE TABLE IF NOT
--      EXISTS <schema>.<table> with both names through pq.QuoteIdentifier; the schema is
--      current_schema() unless x-migrations-table names one.
-- Rows: database/postgres/postgres.go SetVersion(), same tag: TRUNCATE, then one INSERT
--      (version, dirty). migrate.go runs SetVersion(v, true) before a migration and
--      SetVersion(v, false) after it, so a migration that failed leaves its version with
--      dirty = true ("Dirty database version 3. Fix and force version.").
-- Source tree: golang-migrate-src/ (000001_create_users.up.sql, 000002_add_tenants.up.sql,
--      000003_add_audit_log.up.sql and their .down.sql)
--      (`migrate create -seq`): versions 1, 2, 3.
CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null);

-- @scenario success
INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (3, false);

-- @scenario dirty
INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (3, true);
