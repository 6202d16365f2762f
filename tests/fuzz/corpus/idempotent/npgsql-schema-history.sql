DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = 'platform') THEN
        CREATE SCHEMA platform;
    END IF;
END $EF$;
CREATE TABLE IF NOT EXISTS platform."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20231120101500_Initial') THEN
        IF NOT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = 'platform') THEN
            CREATE SCHEMA platform;
        END IF;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20231120101500_Initial') THEN
    CREATE TABLE platform.tenants (
        id uuid NOT NULL,
        slug character varying(63) NOT NULL,
        display_name text NOT NULL,
        CONSTRAINT pk_tenants PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20231120101500_Initial') THEN
    CREATE UNIQUE INDEX ix_tenants_slug ON platform.tenants (slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20231120101500_Initial') THEN
    INSERT INTO platform."__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20231120101500_Initial', '8.0.11');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20240208134210_TenantQuotas') THEN
    ALTER TABLE platform.tenants ADD max_users integer NOT NULL DEFAULT 25;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20240208134210_TenantQuotas') THEN
    INSERT INTO platform."__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20240208134210_TenantQuotas', '8.0.11');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20240617090000_TenantRegion') THEN
    ALTER TABLE platform.tenants ADD region character varying(16) NOT NULL DEFAULT 'eu-central';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM platform."__EFMigrationsHistory" WHERE "MigrationId" = '20240617090000_TenantRegion') THEN
    INSERT INTO platform."__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20240617090000_TenantRegion', '8.0.11');
    END IF;
END $EF$;
COMMIT;

