-- The baseline of tests/bench/fleet: the statements the three PostgreSQL checks send,
-- as one psql script per database (psql -X -q -v ON_ERROR_STOP=1 -f fleet-baseline.sql).
-- With --rtt the floor (tests/bench/floor.c) sends the same file in one libpq pipeline,
-- so it is the one place to update. Its rules, for both: a statement ends with the line
-- whose last character is ';'; lines that begin with "--" are comments; no psql
-- meta-commands (lines that begin with a backslash).
-- Keep it in step with checks/dbsession.cpp and checks/postgres/*.cpp. Like the CLI, it
-- runs the checks in registry order on one connection, each in its own READ ONLY
-- transaction. The values that doctor binds are literals here.

-- DbSession::beginReadOnly: each check's transaction starts with the environment's statement
-- and lock timeouts (defaults 10 s, 2 s), local to the transaction.

-- check.postgres.connectivity: three round trips, the server version.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT 1;
SELECT 1;
SELECT 1;
SHOW server_version;
ROLLBACK;

-- check.postgres.migrations: existence and privilege, then the history.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT s.usage, c.oid IS NOT NULL, CASE WHEN c.oid IS NULL THEN false ELSE has_table_privilege(c.oid, 'SELECT') END,
       format('SELECT "MigrationId", "ProductVersion" FROM %I.%I ORDER BY "MigrationId" DESC', 'public'::text, '__EFMigrationsHistory'::text),
       format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I', 'public'::text, current_user, 'public'::text, '__EFMigrationsHistory'::text, current_user)
  FROM (SELECT n.oid IS NULL OR has_schema_privilege(n.oid, 'USAGE') AS usage
          FROM (SELECT (SELECT oid FROM pg_namespace WHERE nspname = 'public'::text) AS oid) n) s
 CROSS JOIN LATERAL (SELECT CASE WHEN s.usage
          THEN to_regclass(format('%I.%I', 'public'::text, '__EFMigrationsHistory'::text)) END AS oid) c;
SELECT "MigrationId", "ProductVersion" FROM public."__EFMigrationsHistory" ORDER BY "MigrationId" DESC;
ROLLBACK;

-- check.postgres.pool: slots, idle-in-transaction (30 s), longest client transaction,
-- sessions of other roles seen only in outline (not WAL senders), by application.
BEGIN TRANSACTION READ ONLY;
SELECT set_config('statement_timeout', '10000', true), set_config('lock_timeout', '2000', true);
SELECT current_setting('max_connections')::int,
       current_setting('superuser_reserved_connections')::int
         + COALESCE(current_setting('reserved_connections', true)::int, 0)
         + COALESCE(current_setting('rds.rds_superuser_reserved_connections', true)::int, 0),
       count(*) FILTER (WHERE (backend_type = 'client backend' OR (backend_type IS NULL
           AND usesysid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders())))),
       count(*) FILTER (WHERE state LIKE 'idle in transaction%'
           AND state_change < clock_timestamp() - make_interval(secs => 30)),
       COALESCE(EXTRACT(EPOCH FROM max(clock_timestamp() - xact_start)
           FILTER (WHERE pid <> pg_backend_pid() AND backend_type = 'client backend')), 0)::float8,
       count(*) FILTER (WHERE (backend_type IS NULL AND usesysid IS NOT NULL
           AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders()))),
       quote_ident(current_user)
  FROM pg_stat_get_activity(NULL);
SELECT COALESCE(NULLIF(application_name, ''), '(unnamed)'), count(*)
  FROM pg_stat_get_activity(NULL)
 WHERE (backend_type = 'client backend' OR (backend_type IS NULL
     AND usesysid IS NOT NULL AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders())))
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25;
ROLLBACK;
