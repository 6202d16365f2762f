// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationtool.h"

#include <QList>
#include <QString>
#include <QStringList>

struct QueryResult;

// A migration history found in the catalog: which tool wrote it, where, and whether the
// check's role may read it.
struct DetectedHistory
{
    MigrationTool tool = MigrationTool::Unknown;
    QString schema;
    QString table;
    QStringList columns; // the table's columns, in order
    // Tables of the schema that tell tools apart, lower case (see catalogStatement()); the
    // lock tables among them (databasechangeloglock, knex_migrations_lock) are read for
    // a migration lock left set.
    QStringList siblings;
    bool readable = false; // USAGE on the schema and SELECT on the table
    // The statements a DBA runs to make it readable: "GRANT USAGE ON SCHEMA s TO r; GRANT
    // SELECT ON s.t TO r" with the role the check connects as.
    QString grant;

    QString qualified() const { return schema + u'.' + table; }
    // "<tool key> <schema>.<table>": the result's subject (CheckResult::subject).
    QString subject() const { return MigrationTools::key(tool) + u' ' + qualified(); }
};

// Finds every migration history the role can see with one catalog statement, whatever the
// number of tools: pg_class and pg_attribute (readable by every role, so a history the role
// may not read is still found and reported with its GRANT).
namespace HistoryDetection {
// The statement (PostgreSQL). Rows: schema, table, columns (a JSON array of names), schema
// USAGE (bool), table SELECT (bool), sibling tables of the schema that tell tools apart (a
// JSON array: ar_internal_metadata, events, projects, databasechangeloglock,
// knex_migrations_lock), the GRANT text. Candidates are the tables named as a tool names
// its history (case ignored) and any table with an EF Core migration-id column (EF Core's
// name and schema are configurable: MigrationsHistoryTable).
QString catalogStatement();
// The WHERE condition catalogStatement() puts on pg_class (as ALIAS): a table named as a
// tool names its history (or as MORENAMES, lower case constants), or with an EF Core
// migration-id column. The lock probe (migrationlockprobe.h) asks for locks on the same.
QString relationFilter(const QString &alias, const QStringList &moreNames = {});
// The histories in the catalog statement's answer, ordered by schema and table; tables that
// fit no tool are left out.
QList<DetectedHistory> fromCatalog(const QueryResult &answer);
// Which tool wrote a table, by its name, its columns and its schema's other tables. Names
// collide, so columns decide (source: migration-histories.md): schema_migrations with
// `dirty` is golang-migrate, with ar_internal_metadata beside it Rails, otherwise dbmate;
// migrations(id, timestamp, name) is TypeORM (Laravel's migrations(id, migration, batch)
// is not ours); Sqitch's changes table needs change_id and script_hash and sits beside
// events. Unknown when the columns are not the tool's.
MigrationTool classify(
    const QString &table, const QStringList &columns, const QStringList &siblings);
} // namespace HistoryDetection
