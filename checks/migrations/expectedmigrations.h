// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationtool.h"

#include <QHash>
#include <QString>
#include <QStringList>

// The set of migrations the application code expects, from one of several sources.
struct ExpectedSet
{
    // ToolSource: another tool's own source tree (a Flyway folder, a Liquibase changelog,
    // Alembic's versions/ ...), the tool named by `tool`.
    enum class Kind { None, IdempotentScript, MigrationsFolder, Manifest, Environment, ToolSource };
    Kind kind = Kind::None;
    MigrationTool tool = MigrationTool::EfCore; // whose ids these are
    // The ids as the tool's history stores them (EF Core: MigrationIds; Flyway: versions;
    // Liquibase: "file::id::author"; Django: "app.name"; see each reader), in the order the
    // tool applies them (EF Core and most tools: ascending ordinal), no duplicates.
    QStringList ids;
    // id -> the checksum as the tool stores it, for tools that store one and whose file
    // checksum we compute: Flyway (CRC32 as a signed decimal int), sqlx (SHA-384, lowercase
    // hex), Prisma (SHA-256, lowercase hex; then, after a space, the SHA-256 of the script
    // with its line endings swapped, which Prisma also accepts), Sqitch (SHA-1, lowercase
    // hex). Empty otherwise.
    QHash<QString, QString> checksums;
    // Alembic: revision -> its down_revisions (the graph; several for a merge, none for a
    // base). Empty for other tools.
    QHash<QString, QStringList> parents;
    QString source; // file, folder or environment it came from
    // Migrations folders: the DbContext(s) the ids belong to, as their simple class names
    // ("AppDbContext"; "AppDbContext, IdentityDbContext" for "*"). Empty for other kinds.
    QString dbContext;
    QString error; // empty on success; names the file and, where it applies, the line
    QStringList warnings;

    bool isKnown() const { return kind != Kind::None && error.isEmpty(); }
};

namespace ExpectedMigrations {
// Longest MigrationId the history table can hold: "MigrationId" varchar(150).
inline constexpr qsizetype MaxIdLength = 150;
// load() refuses larger files rather than reading unbounded input.
inline constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

// Looks at PATH and picks the reader: a folder is a Sqitch project (it holds sqitch.plan:
// sqitchplan.h), an Alembic project (alembicversions.h), another tool's source tree as
// ToolSources::recognise() tells by its files (Flyway's
// V1__x.sql, Prisma's <name>/migration.sql, Rails' .rb ...: toolsources.h), or else an
// EF Core Migrations/ folder; a file named sqitch.plan is Sqitch's plan; a Liquibase
// changelog (root databaseChangeLog in XML, YAML or JSON, or `--liquibase formatted sql`
// first: liquibasechangelog.h) is read with its includes; a file
// containing __EFMigrationsHistory inserts (or named *.sql) is an idempotent script;
// anything else is a manifest. A '#' comment line mentioning the table does not count.
// DBCONTEXT chooses among the DbContexts of a folder (see fromMigrationsFolder()); a
// script or manifest already holds one context's migrations and ignores it.
ExpectedSet load(const QString &path, const QString &dbContext = {});
// The same, for a history whose tool is known (pinned, or detected): a folder is read as
// HINT's source tree when toolsources.h has a reader for it (ToolSources::read(): the
// folder, or the tool's conventional folder below it), without recognition; a manifest
// gets HINT as its tool. MigrationTool::Unknown, EF Core and the tools with readers of
// their own (Alembic, Liquibase, Sqitch) go through load(PATH, DBCONTEXT).
ExpectedSet load(const QString &path, const QString &dbContext, MigrationTool hint);
// `dotnet ef migrations script --idempotent` output, Npgsql or SQL Server form. The ids
// come from INSERTs into any table (the history table may be renamed or schema-qualified)
// whose column list is exactly the history's id and product-version columns, in either
// order, named as EF Core names them (MigrationId, ProductVersion) or as
// EFCore.NamingConventions renames them: migration_id, migrationid, MIGRATIONID,
// MIGRATION_ID, migrationId, migration-id (and product_version ...), quoted or not, case
// ignored. Any other column list is not a history insert. The same names are accepted in
// the WHERE "MigrationId" = '...' guards. Comments, string literals and function bodies
// are skipped, so SQL quoted inside a migration is not mistaken for one.
ExpectedSet fromIdempotentScript(const QString &text, const QString &source);
// The migrations EF Core would find in the project's source, as EF Core finds them in the
// compiled assembly (MigrationsAssembly.Migrations): classes with a [Migration("<id>")]
// attribute (bare or qualified, in any partial declaration: usually the .Designer.cs, but
// the main file does as well) and a [DbContext(typeof(X))] naming their context. The
// MigrationId is the attribute's, never the file name: files may be named anything
// (0001_Initial.cs, AddTenants.cs) and sit in subfolders; every .cs file in DIR and below
// is read (bin/, obj/, node_modules/ and hidden folders are skipped), partial
// declarations paired by namespace and class name.
//
// DBCONTEXT picks the context when the folder holds migrations of several: its simple or
// full name, case ignored unless that is ambiguous (as dotnet ef --context matches), or
// "*" for all of them (contexts that share one history table). Empty: the folder's one
// context; several are an error listing them with their migration counts.
//
// Errors, each naming the file (and line) and what to do: a .cs file that cannot be read
// (it could hold a migration); a [Migration(...)] whose id is not a string literal; an
// empty id or one over 150 characters; two [Migration] ids for one class; a DbContext
// name that matches none or several; two model snapshots of the chosen context (one
// migrations set per database provider); no migrations at all. Warnings, for what is left
// out as EF Core leaves it out: a class deriving from Migration (or from the project's own
// base class of migrations) without a [Migration] attribute; a migration without
// [DbContext] or declared abstract; a file named like a migration (<digits>_<Name>.cs)
// that declares no class; a binary or over-64-MiB .cs file. Warnings, counted: an id
// declared twice (once); a file named as another id than its class's attribute says (not
// when the file also declares the migration it is named after); a migration declared
// inside #if on a build symbol (#if false branches are left out, as the compiler does).
// [Migration(<number>)] is FluentMigrator's attribute and ignored.
ExpectedSet fromMigrationsFolder(const QString &dir, const QString &dbContext = {});
// One MigrationId per line; '#' starts a comment; blank lines ignored. A line with spaces
// or separators (, ; | quotes: pasted tool output) or over 150 characters is an error
// naming SOURCE:LINE; an id listed twice is a warning.
ExpectedSet fromManifest(const QString &text, const QString &source);
QString kindName(ExpectedSet::Kind kind);

// How fromMigrationsFolder() treats a folder entry, by its name alone: hidden entries and
// bin/, obj/ and node_modules/ are ignored, other folders searched, and every *.cs file
// (any case) is C# source to read for migration classes.
enum class FolderEntry { Ignored, Folder, Source };
FolderEntry classifyFolderEntry(const QString &name, bool isDir);
} // namespace ExpectedMigrations
