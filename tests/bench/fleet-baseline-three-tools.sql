-- The baseline of tests/bench/fleet --histories efcore+flyway+liquibase for the three_NNN
-- databases (EF Core, Flyway and Liquibase histories): the statements the three PostgreSQL
-- checks send there, one psql script per database (same rules as fleet-baseline.sql).
-- Captured from the server's log (log_statement = all) of one `doctor run` on three_001:
-- `tests/bench/fleet --histories efcore+flyway+liquibase --databases 1 --print-statements`,
-- doctor at 75bd657. Against fleet-baseline.sql it has two more groups: the Liquibase and
-- Flyway SELECTs (checks/migrations/historyreader.cpp), which doctor sends in the same
-- follow-up flight as EF Core's, in the catalog's order (schema, then table name). The
-- catalog statement of detection is the same on both fleets. Each group is its own READ
-- ONLY transaction with doctor's transaction-local preamble, as in fleet-baseline.sql.

-- check.postgres.connectivity: the server version (LatencyMs is this flight's round trip).
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SHOW server_version;
ROLLBACK;

-- check.postgres.migrations, plan group 1: existence, privileges, columns and layout of EF Core's history table.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT s.usage, c.oid IS NOT NULL, CASE WHEN c.oid IS NULL THEN false ELSE has_table_privilege(c.oid, 'SELECT') END, format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I', v.sch, current_user, v.sch, v.tbl, current_user), to_json(a.names)::text, k.rank, CASE WHEN k.rank IS NOT NULL THEN format('SELECT %I, %I FROM %I.%I ORDER BY %I DESC', k.id, k.version, v.sch, v.tbl, k.id) END FROM (SELECT 'public'::text AS sch, '__EFMigrationsHistory'::text AS tbl) v CROSS JOIN LATERAL (SELECT n.oid IS NULL OR has_schema_privilege(n.oid, 'USAGE')       AS usage FROM (SELECT (SELECT oid FROM pg_namespace WHERE nspname = v.sch)       AS oid) n) s CROSS JOIN LATERAL (SELECT CASE WHEN s.usage       THEN to_regclass(format('%I.%I', v.sch, v.tbl)) END AS oid OFFSET 0) c CROSS JOIN LATERAL (SELECT array_agg(attname::text ORDER BY attnum) AS names       FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped) a LEFT JOIN LATERAL (SELECT l.rank, l.id, l.version FROM (VALUES (0, 'MigrationId', 'ProductVersion'), (1, 'migration_id', 'product_version'), (2, 'migrationid', 'productversion'), (3, 'MIGRATIONID', 'PRODUCTVERSION'), (4, 'MIGRATION_ID', 'PRODUCT_VERSION'), (5, 'migrationId', 'productVersion')) AS l(rank, id, version)       WHERE l.id = ANY (a.names) AND l.version = ANY (a.names)       ORDER BY l.rank LIMIT 1) k ON true;
ROLLBACK;

-- check.postgres.migrations, plan group 2: where else a table of that name is.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT format('%s.%s', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE lower(c.relname) = lower('__EFMigrationsHistory') AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT (n.nspname = 'public' AND c.relname = '__EFMigrationsHistory') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' ORDER BY 1 LIMIT 5;
ROLLBACK;

-- check.postgres.migrations, plan group 3: detection, the catalog statement that finds every tool's history (checks/migrations/historydetection.cpp catalogStatement()).
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT n.nspname::text, c.relname::text, to_json(ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid   AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum))::text, has_schema_privilege(n.oid, 'USAGE'), has_table_privilege(c.oid, 'SELECT'), to_json(ARRAY(SELECT s.relname::text FROM pg_class s WHERE s.relnamespace = n.oid   AND s.relname IN ('ar_internal_metadata', 'events', 'projects', 'databasechangeloglock', 'knex_migrations_lock') ORDER BY 1))::text, format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I',   n.nspname, current_user, n.nspname, c.relname, current_user) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' AND (lower(c.relname) IN ('flyway_schema_history', 'schema_version', 'databasechangelog', 'schema_migrations', 'alembic_version', 'django_migrations', '_prisma_migrations', 'changes', 'atlas_schema_revisions', 'goose_db_version', 'knex_migrations', 'migrations', 'sequelizemeta', 'schemaversions', 'versioninfo', '__diesel_schema_migrations', '_sqlx_migrations') OR EXISTS (SELECT 1 FROM pg_attribute e WHERE e.attrelid = c.oid   AND NOT e.attisdropped AND e.attname IN ('MigrationId', 'migration_id', 'migrationid', 'MIGRATIONID', 'MIGRATION_ID', 'migrationId'))) ORDER BY 1, 2;
ROLLBACK;

-- check.postgres.pool, one group: slots, idle in transaction, longest transaction, hidden sessions; by application.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int + COALESCE(current_setting('reserved_connections', true)::int, 0) + COALESCE(current_setting('rds.rds_superuser_reserved_connections', true)::int, 0), count(*) FILTER (WHERE (backend_type = 'client backend' OR (backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders())))), count(*) FILTER (WHERE state LIKE 'idle in transaction%'    AND state_change < clock_timestamp() - make_interval(secs => 30)), COALESCE(EXTRACT(EPOCH FROM max(clock_timestamp() - xact_start)    FILTER (WHERE pid <> pg_backend_pid() AND backend_type = 'client backend')), 0)::float8, count(*) FILTER (WHERE (backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders()))), count(*) FILTER (WHERE (backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders())) AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'virtualxid' AND mode = 'ExclusiveLock' AND granted)), format('%I', current_user) FROM pg_stat_get_activity(NULL);
SELECT COALESCE(NULLIF(application_name, ''), '(unnamed)'), count(*) FROM pg_stat_get_activity(NULL) WHERE (backend_type = 'client backend' OR (backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders()))) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25;
ROLLBACK;

-- check.postgres.migrations, follow-up flight: Liquibase's databasechangelog rows (checks/migrations/historyreader.cpp).
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT ("filename" || '::' || "id" || '::' || "author")::text, ("description")::text, to_json("dateexecuted")#>>'{}', ("md5sum")::text, coalesce("exectype" = 'FAILED', false), coalesce(false, false), (NULL)::text, ("exectype")::text, ("orderexecuted")::bigint FROM "public"."databasechangelog" ORDER BY 9, 1;
ROLLBACK;

-- check.postgres.migrations, same follow-up flight: Flyway's flyway_schema_history rows.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT (coalesce("version", 'R__' || regexp_replace(regexp_replace("script", '^.*/', ''), '\.sql$', '')))::text, ("description")::text, to_json("installed_on")#>>'{}', ("checksum")::text, coalesce(NOT "success", false), coalesce(false, false), (NULL)::text, ("type")::text, ("installed_rank")::bigint FROM "public"."flyway_schema_history" WHERE "type" IS DISTINCT FROM 'SCHEMA' ORDER BY 9, 1;
ROLLBACK;

-- check.postgres.migrations, same follow-up flight: EF Core's history rows.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('transaction_read_only', 'on', true), set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT "MigrationId", "ProductVersion" FROM public."__EFMigrationsHistory" ORDER BY "MigrationId" DESC;
ROLLBACK;
