-- dbmate: schema_migrations (version varchar primary key; no length on PostgreSQL).
-- DDL: pkg/driver/postgres/postgres.go CreateMigrationsTable(), tag v2.35.0: "create table if
--      not exists %s.%s (version varchar primary key)" with the schema from the search_path
--      (quotedMigrationsTableNameParts(), quoted by the server's quote_ident(): public.schema_migrations).
-- Rows: InsertMigration(), same tag: the version only, the file name's numeric prefix
--      ("20240105093000_create_users.sql" -> "20240105093000"). No failure marker: each
--      migration runs in a transaction with its insert.
create table if not exists public.schema_migrations (version varchar primary key);

-- @scenario success
insert into public.schema_migrations (version) values ('20240105093000');
insert into public.schema_migrations (version) values ('20240212141500');
insert into public.schema_migrations (version) values ('20240318080000');
