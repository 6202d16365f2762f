// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

#include <QList>
#include <QString>
#include <QStringList>

struct DbError;

// EF Core's migration history: the __EFMigrationsHistory table (or the one
// MigrationsHistoryTable names) as HistoryRepository writes it, read on a check's
// connection. PostgreSQL and SQLite.
class EfCoreHistory
{
public:
    struct Applied
    {
        QString id;
        QString productVersion;
    };

    // The names a history table's two columns have. EF Core's HistoryRepository writes
    // "MigrationId" and "ProductVersion"; EFCore.NamingConventions rewrites them like any
    // other column (its issue #1) while the table keeps its name. Source of the names: the
    // package's rewriters (SnakeCase, LowerCase, UpperCase, UpperSnakeCase, CamelCase).
    struct HistoryLayout
    {
        QString convention; // "default" or the options method, e.g. UseSnakeCaseNamingConvention
        QString idColumn;
        QString versionColumn;
    };
    // Every layout understood, EF Core's own first; a table with several pairs is read
    // with the first that is complete.
    static const QList<HistoryLayout> &historyLayouts();

    // What the catalog says about the history table's columns.
    struct HistoryColumns
    {
        QStringList found; // every column, in the table's order
        qsizetype layout = -1; // index into historyLayouts(), -1 when none matched
        // PostgreSQL, when the table does not exist: "schema.table" of tables or views of
        // that name (case ignored) in other schemas, sorted, at most 5 (pg_class, which every
        // role may read). An app that keeps its history elsewhere (MigrationsHistoryTable's
        // schema) is not a database that was never migrated.
        QStringList elsewhere;
    };

    // The statements read() needs answered first, to send in a check's plan (Check::plan()):
    // the catalog's view of the table (existence, the role's privileges, the columns and the
    // layout they fit, in one statement) and, on PostgreSQL, where else a table of that name
    // is. Empty when the configured names cannot name a table (a NUL).
    static QList<QueryGroup> plan(const CheckContext &ctx);
    // Reads the history table on the context's session from plan()'s answers (planned, in
    // plan()'s order), sending one more flight for the rows when the table is there and
    // readable; also used to take a reference environment's applied list as the expected
    // set (ReferenceEnvironment). Applied rows come newest id first. Returns false with
    // *error set: a server error, a privilege missing (with the GRANT), or a table whose
    // columns fit no layout (the message names its columns and the layouts understood).
    // ROWS (PostgreSQL): the answer to rowsStatement(), when the caller sent it in a flight of
    // its own (the migrations check, with the other tools' histories); read() then sends
    // nothing, and takes the texts out of *ROWS (moved into APPLIED: it is left empty).
    static bool read(const CheckContext &ctx, const FlightAnswers &planned, bool *tableExists,
        QList<Applied> *applied, DbError *error, HistoryColumns *columns = nullptr,
        QueryResult *rows = nullptr);
    // PostgreSQL: the SELECT of the history's rows when plan()'s answers (PLANNED) say the
    // table exists, is readable and has a known layout; empty otherwise.
    static QString rowsStatement(const FlightAnswers &planned);
};
