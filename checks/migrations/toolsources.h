// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"
#include "migrations/migrationtool.h"

#include <QByteArray>
#include <QString>

// Expected sets read from other migration tools' own source trees (issue 15, section 3):
// Flyway, golang-migrate, goose, dbmate, sqlx, Atlas, DbUp, Prisma, Diesel, Rails, Django,
// Knex, TypeORM, Sequelize and FluentMigrator. Alembic, Liquibase and Sqitch have readers
// of their own (alembicversions.h, liquibase*, sqitch*); EF Core's are in
// expectedmigrations.h.
//
// Every reader returns kind ToolSource with `tool` set, `ids` as the tool's history stores
// them (the "Ids" table of the contract), in the order the tool applies them, no
// duplicates; `source` the folder read. Errors name the file (and line) and what to do;
// a file that looks like a migration but does not parse is a warning naming it, never
// dropped silently. Files other than migrations (READMEs, atlas.sum, .keep) are ignored.
namespace ToolSources {

// Where a tool's migrations are, as recognise() found them.
struct Found
{
    MigrationTool tool = MigrationTool::Unknown; // Unknown: none recognised
    QString folder; // the folder to read (the given one, or a conventional one below it)
    // What gave it away, for messages ("V1__init.sql"); with Unknown, empty or why the
    // folder could not be told apart (numbered .sql files without a tool's sign).
    QString why;
};

// Which tool's source tree DIR is, by its contents, looking at DIR and at the tools'
// conventional folders below it (db/migrate, db/migrations, migrations, prisma/migrations,
// src/main/resources/db/migration, Migrations, Scripts), first match wins:
//   Prisma        subfolders <name>/migration.sql (or a migration_lock.toml)
//   Diesel        subfolders <YYYY-MM-DD-HHMMSS or digits>_<name>/up.sql
//   Flyway        V<version>__<desc>.sql or R__<desc>.sql, here or below
//   Atlas         an atlas.sum beside numbered .sql files
//   goose         .sql files marked "-- +goose Up", or .go files calling goose.AddMigration
//   dbmate        .sql files marked "-- migrate:up"
//   sqlx          <version>_<desc>.sql / .up.sql with a Cargo.toml in a parent folder
//   golang-migrate <version>_<name>.up.sql / .down.sql (no Cargo.toml above)
//   Rails         <version>_<name>.rb
//   Django        migrations/NNNN_<name>.py in a folder below
//   TypeORM       .ts/.js files implementing MigrationInterface (or <13 digits>-<Name>.ts)
//   Sequelize     .js/.cjs files using queryInterface (or <14 digits>-<name>.js)
//   Knex          other .js/.ts/.cjs/.mjs files exporting up and down
//   FluentMigrator .cs files with [Migration(<number>)] and none with [Migration("id")]
//   DbUp          .sql files with a .csproj in a parent folder, or not numbered
// Numbered .sql files with no other sign are not recognised (sqlx, Atlas and DbUp name
// them alike): Unknown with `why` saying to name the tool, which load() reports. A folder
// holding an EF Core [Migration("id")] anywhere, and anything not recognised, stays with
// the EF Core reader (ExpectedMigrations::load()), which keeps its own behaviour.
Found recognise(const QString &dir);

// Whether read() has a reader for TOOL (the tools listed above).
bool handles(MigrationTool tool);

// Reads PATH as TOOL's source tree: the first of the tool's conventional folders below
// PATH that holds its migrations (PATH is a project root), else PATH itself. Django: PATH
// and every app below it. TOOL must be handled().
ExpectedSet read(const QString &path, MigrationTool tool);

// --- the readers (each named after the file it is in) ---

// Flyway (flywayfolder.cpp): V<version>__<desc>.sql in DIR and below (Flyway scans its
// locations recursively), ids the version as the `version` column holds it ('_' becomes
// '.', leading zeros kept: V1_1__x.sql -> "1.1"), ordered as Flyway's MigrationVersion
// compares them (dot-separated parts as integers, trailing zero parts ignored); then
// R__<desc>.sql repeatables as "R__<desc>" by name. U (undo) and B (baseline) scripts and
// callbacks (beforeMigrate.sql ...) are ignored. checksums: flywayChecksum() of each.
// Errors: two scripts of one version (Flyway refuses them too). Warnings: a V or R .sql
// file whose name does not parse as Flyway's (V1_init.sql: one underscore), other .sql.
ExpectedSet fromFlywayFolder(const QString &dir);
// The checksum Flyway stores (ChecksumCalculator, flyway-core): CRC32 over the UTF-8 bytes
// of each line without its terminator (\n, \r or \r\n, as Java's BufferedReader.readLine
// splits), a leading BOM removed, as a signed 32-bit integer. So line endings do not
// change it, and neither do blank lines; trailing blanks do.
qint32 flywayChecksum(const QByteArray &fileBytes);
// Flyway's order of two versions as written ("1.10" after "1.9"; "1.0" equals "1");
// negative, zero or positive. Both must be Flyway versions (digits, '.' and '_').
int compareFlywayVersions(const QString &a, const QString &b);

// Numbered .sql folders (versionedsqlfolder.cpp), DIR only (not below, as the tools read):
// golang-migrate <version>_<name>.up.<ext> (.down ignored), goose <version>_<name>.sql or
// .go (_test.go ignored), sqlx <version>_<desc>.sql or .up.sql (.down.sql ignored), ids
// the version as a decimal without leading zeros, ordered numerically; dbmate
// <version>_<name>.sql and Atlas <version>[_<name>].sql (atlas.sum ignored), ids the
// version as written, ordered by file name. sqlx checksums: SHA-384 of the file's bytes,
// lowercase hex. Errors: two files of one version (each tool refuses them). Warnings: a
// numbered file the tool would refuse (a version over its integer type, goose's version
// 0, a goose .sql without "-- +goose Up", a dbmate file without "-- migrate:up"); a .sql
// file that is not numbered.
ExpectedSet fromVersionedSqlFolder(const QString &dir, MigrationTool tool);
// DbUp (versionedsqlfolder.cpp): every .sql file in DIR and below (bin/, obj/ and hidden
// folders skipped), ids the file name ("Script0001 - Create.sql"), ordered by name
// (ordinal). A file name found in two folders is a warning (the journal holds names).
ExpectedSet fromDbUpFolder(const QString &dir);

// A folder per migration (migrationsubfolders.cpp): Prisma <timestamp>_<name>/migration.sql,
// ids the folder name, ordered by name, checksums the SHA-256 of migration.sql, lowercase
// hex (Prisma also accepts the script with its line endings swapped, see
// ExpectedSet::checksums); Diesel <YYYY-MM-DD-HHMMSS>_<name>/up.sql, ids the folder
// prefix's digits ("2023-01-01-000000_x" -> "20230101000000"), ordered by them. A
// subfolder without the script is a warning.
ExpectedSet fromMigrationSubfolders(const QString &dir, MigrationTool tool);

// Rails and Django (railsdjangosources.cpp). Rails: <version>_<name>.rb in DIR and below
// (ActiveRecord's "**/[0-9]*_*.rb"), ids the version as the integer Rails stores
// (version.to_i: leading zeros dropped), ordered numerically; a .rb file named like a
// migration that Rails' pattern refuses is a warning, a version twice an error. Django:
// every migrations/ folder in DIR and below (DIR itself when it is one; virtualenvs and
// site-packages skipped), its modules (*.py not starting with '_' or '~') as
// "<app>.<module>", app the name of the folder holding migrations/; ordered by app, then
// name. Warnings: a migrations/ folder without __init__.py (Django skips it), a module
// without "class Migration".
ExpectedSet fromRailsMigrations(const QString &dir);
ExpectedSet fromDjangoProject(const QString &dir);

// Knex, TypeORM, Sequelize (javascriptmigrations.cpp), DIR only. Knex: .js, .cjs, .mjs
// and .ts files (not .d.ts), ids the file name, ordered by it. Sequelize: .js, .cjs and
// .ts files, ids the file name. TypeORM: <timestamp>-<Name>.ts or .js, ids the class
// that implements MigrationInterface (read from the file; <Name><timestamp> when none is
// found, with a warning), ordered by the timestamp.
ExpectedSet fromJavaScriptMigrations(const QString &dir, MigrationTool tool);

// FluentMigrator (fluentmigratorsources.cpp): classes in DIR's .cs files and below with a
// [Migration(<number>)] attribute (FluentMigrator.MigrationAttribute: a long version),
// ids the version as a decimal, ordered numerically. A version twice is an error
// (FluentMigrator refuses duplicates); [Migration] with another argument a warning.
ExpectedSet fromFluentMigratorFolder(const QString &dir);

} // namespace ToolSources
