-- sqlx: _sqlx_migrations as sqlx-postgres creates it.
-- DDL: sqlx-postgres/src/migrate.rs ensure_migrations_table(), tag v0.8.6 (the same columns
--      since v0.4 in sqlx-core/src/postgres/migrate.rs).
-- Rows: sqlx-postgres/src/migrate.rs execute_migration(), same tag: INSERT (version,
--      description, TRUE, checksum, -1) in the migration's transaction, then execution_time
--      (ns) is updated. version and description come from the file name
--      (sqlx-core/src/migrate/source.rs: "20240105093000_create_users.sql" -> 20240105093000,
--      "create users"); checksum = SHA-384 of the file's bytes (sqlx-core/src/migrate/migration.rs).
-- Source tree: sqlx-src/.
CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
    success BOOLEAN NOT NULL,
    checksum BYTEA NOT NULL,
    execution_time BIGINT NOT NULL
);

-- @scenario success
INSERT INTO _sqlx_migrations ( version, description, installed_on, success, checksum, execution_time ) VALUES
    (20240105093000, 'create users', '2024-01-05 09:30:17.330+00', TRUE, '\x4ddba47f9bd1231f2e0fe9bd1c20f5c10fdb53fda6c0c34db4f66eb1e162b0b3d4005f7d5e58fdc970a7a1887795d242', 6841233),
    (20240212141500, 'add tenants', '2024-02-12 14:15:08.912+00', TRUE, '\x864799f4f1528b643e26e36e11bbc7013701f65bad44f6ca8442864a9dec1511d2392982975ba5b17b2f5d2c581b9fea', 9120457),
    (20240318080000, 'add audit log', '2024-03-18 08:00:47.455+00', TRUE, '\x0d564083f2fc90b66c9bf9a3372a5edf4c1fdc4a3361b1fa2a28ad5e786bb821edae02b62513f87fb518bcfca14252a4', 5307782);

-- @scenario failed
-- success = false on 20240318080000: sqlx reads such a row as "migration 20240318080000 is
-- partially applied; fix and remove row from `_sqlx_migrations` table" (dirty_version(),
-- MigrateError::Dirty) and refuses to migrate. sqlx itself never writes it (v0.4 to v0.8.6 insert
-- TRUE only, after the script ran); the row comes from older tooling or a hand edit, and the
-- check must still report it as failed.
INSERT INTO _sqlx_migrations ( version, description, installed_on, success, checksum, execution_time ) VALUES
    (20240105093000, 'create users', '2024-01-05 09:30:17.330+00', TRUE, '\x4ddba47f9bd1231f2e0fe9bd1c20f5c10fdb53fda6c0c34db4f66eb1e162b0b3d4005f7d5e58fdc970a7a1887795d242', 6841233),
    (20240212141500, 'add tenants', '2024-02-12 14:15:08.912+00', TRUE, '\x864799f4f1528b643e26e36e11bbc7013701f65bad44f6ca8442864a9dec1511d2392982975ba5b17b2f5d2c581b9fea', 9120457),
    (20240318080000, 'add audit log', '2024-03-18 08:00:47.455+00', FALSE, '\x0d564083f2fc90b66c9bf9a3372a5edf4c1fdc4a3361b1fa2a28ad5e786bb821edae02b62513f87fb518bcfca14252a4', -1);

-- @scenario modified
-- 20240212141500_add_tenants.sql was applied before the REFERENCES was added: the stored
-- checksum is the old file's SHA-384; `sqlx migrate run` stops with "migration 20240212141500
-- was previously applied but has been modified".
INSERT INTO _sqlx_migrations ( version, description, installed_on, success, checksum, execution_time ) VALUES
    (20240105093000, 'create users', '2024-01-05 09:30:17.330+00', TRUE, '\x4ddba47f9bd1231f2e0fe9bd1c20f5c10fdb53fda6c0c34db4f66eb1e162b0b3d4005f7d5e58fdc970a7a1887795d242', 6841233),
    (20240212141500, 'add tenants', '2024-02-12 14:15:08.912+00', TRUE, '\x4590a272bd8e85613b6f421de9c1d4b20a907f3fcdf5c228589d50d8afaf8257bcb1a6c71b4560240a77604b27b85953', 9120457),
    (20240318080000, 'add audit log', '2024-03-18 08:00:47.455+00', TRUE, '\x0d564083f2fc90b66c9bf9a3372a5edf4c1fdc4a3361b1fa2a28ad5e786bb821edae02b62513f87fb518bcfca14252a4', 5307782);
