IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MIGRATION_ID] nvarchar(150) NOT NULL,
        [PRODUCT_VERSION] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EF_MIGRATIONS_HISTORY] PRIMARY KEY ([MIGRATION_ID])
    );
END;
GO

BEGIN TRANSACTION;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240105093000_InitialCreate'
)
BEGIN
    CREATE TABLE [PROJECTS] (
        [ID] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PROJECTS] PRIMARY KEY ([ID])
    );
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240105093000_InitialCreate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MIGRATION_ID], [PRODUCT_VERSION])
    VALUES (N'20240105093000_InitialCreate', N'9.0.6');
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240212141500_AddTenants'
)
BEGIN
    CREATE TABLE [TENANTS] (
        [ID] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_TENANTS] PRIMARY KEY ([ID])
    );
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240212141500_AddTenants'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MIGRATION_ID], [PRODUCT_VERSION])
    VALUES (N'20240212141500_AddTenants', N'9.0.6');
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240318080000_AddAuditLog'
)
BEGIN
    CREATE TABLE [AUDIT_LOG] (
        [ID] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AUDIT_LOG] PRIMARY KEY ([ID])
    );
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MIGRATION_ID] = N'20240318080000_AddAuditLog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MIGRATION_ID], [PRODUCT_VERSION])
    VALUES (N'20240318080000_AddAuditLog', N'9.0.6');
END;
GO

COMMIT;
GO

