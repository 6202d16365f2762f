// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/efcorehistory.h"

#include "engine/dbsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString qualified(const Environment &env)
{
    return env.historySchema + u'.' + env.historyTable;
}

// The first layout whose two columns the table has, or -1.
qsizetype matchLayout(const QStringList &columns)
{
    const QList<EfCoreHistory::HistoryLayout> &layouts = EfCoreHistory::historyLayouts();
    for (qsizetype i = 0; i < layouts.size(); ++i) {
        if (columns.contains(layouts[i].idColumn) && columns.contains(layouts[i].versionColumn))
            return i;
    }
    return -1;
}

// A table that is there but is not EF Core's history under any layout we know.
bool unknownLayout(const Environment &env, const QStringList &columns, DbError *error)
{
    QStringList known;
    for (const EfCoreHistory::HistoryLayout &l : EfCoreHistory::historyLayouts())
        known << u"%1/%2 (%3)"_s.arg(l.idColumn, l.versionColumn, l.convention);
    error->kind = DbError::Kind::Other;
    error->detail = columns.isEmpty()
        ? u"History table %1 has no columns"_s.arg(qualified(env))
        : u"History table %1 has the columns %2, not a layout EF Core writes"_s.arg(
              qualified(env), columns.join(u", "_s));
    error->advice
        = u"Expected a migration id and a product version column, named as EF Core "
          "or EFCore.NamingConventions name them: %1. Check that the environment's "
          "history schema and table name EF Core's history table."_s.arg(known.join(u", "_s));
    return false;
}

// The (id, product version) rows of an answered history select. The texts are moved out of
// ROWS, which callers hand over (100 000 rows: no copy of each text into the list and no
// release of the answer's share of it after; bench_history, Session 9).
bool collect(QueryResult rows, QList<EfCoreHistory::Applied> *applied, DbError *error)
{
    // libpq hands over a result whole or not at all (a failover or a timeout part-way is an
    // error), so a short list is never reported as the history.
    if (!rows.ok()) {
        *error = rows.error;
        return false;
    }
    applied->reserve(rows.size());
    const auto take = [](QVariantList &row, qsizetype column) {
        return column < row.size() ? std::move(row[column]).value<QString>() : QString();
    };
    for (QVariantList &row : rows.rows)
        applied->append({ take(row, 0), take(row, 1) });
    return true;
}

bool namesUsable(const Environment &env)
{
    // No PostgreSQL name holds a NUL, and libpq would cut the literal there.
    return !env.historySchema.contains(QChar(0)) && !env.historyTable.contains(QChar(0));
}

// PostgreSQL: one statement says whether the table exists, whether the role may read it,
// which columns it has (pg_attribute) and which layout they fit; the server builds the
// SELECT with format(%I) from the catalog's names. Names from configuration are literals
// (escaped by libpq) that only the server turns into identifiers, never pasted as SQL.
// A second group, in the same flight, asks where else a table of that name is (pg_class,
// which every role may read): used only when the table is missing, and cheaper to send
// than a round trip to ask it later.
QList<QueryGroup> planPostgres(const CheckContext &ctx)
{
    const Environment &env = ctx.environment;
    const QString schema = ctx.session.literal(env.historySchema);
    const QString table = ctx.session.literal(env.historyTable);
    if (!namesUsable(env) || schema.isEmpty() || table.isEmpty())
        return {};
    QStringList layouts;
    const QList<EfCoreHistory::HistoryLayout> &known = EfCoreHistory::historyLayouts();
    for (qsizetype i = 0; i < known.size(); ++i)
        layouts << u"(%1, "_s.arg(i) + ctx.session.literal(known[i].idColumn) + u", "_s
                + ctx.session.literal(known[i].versionColumn) + u')';

    // to_regclass() raises 42501 instead of answering when the role lacks USAGE on the
    // schema, and the transaction would be lost with it; so the schema privilege is asked
    // first and to_regclass() only runs (CASE is evaluated lazily) where it may. OFFSET 0
    // keeps that subquery whole: pulled up into pg_attribute's WHERE, the planner would
    // call to_regclass() on the constant names to estimate selectivity, CASE or not.
    // pg_attribute is readable without any privilege on the table. format(%I) refuses NULL,
    // hence the CASE around the SELECT for a table without a known layout.
    const QString probe = u"SELECT s.usage, c.oid IS NOT NULL, CASE WHEN c.oid IS NULL THEN "
                          "false ELSE has_table_privilege(c.oid, 'SELECT') END, "
                          "format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I', "
                          "v.sch, current_user, v.sch, v.tbl, current_user), "
                          "to_json(a.names)::text, k.rank, "
                          "CASE WHEN k.rank IS NOT NULL THEN format("
                          "'SELECT %I, %I FROM %I.%I ORDER BY %I DESC', "
                          "k.id, k.version, v.sch, v.tbl, k.id) END "
                          "FROM (SELECT "_s
        + schema + u"::text AS sch, "_s + table
        + u"::text AS tbl) v "
          "CROSS JOIN LATERAL (SELECT n.oid IS NULL OR has_schema_privilege(n.oid, 'USAGE') "
          "      AS usage FROM (SELECT (SELECT oid FROM pg_namespace WHERE nspname = v.sch) "
          "      AS oid) n) s "
          "CROSS JOIN LATERAL (SELECT CASE WHEN s.usage "
          "      THEN to_regclass(format('%I.%I', v.sch, v.tbl)) END AS oid OFFSET 0) c "
          "CROSS JOIN LATERAL (SELECT array_agg(attname::text ORDER BY attnum) AS names "
          "      FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped) a "
          "LEFT JOIN LATERAL (SELECT l.rank, l.id, l.version FROM (VALUES "_s
        + layouts.join(u", "_s)
        + u") AS l(rank, id, version) "
          "      WHERE l.id = ANY (a.names) AND l.version = ANY (a.names) "
          "      ORDER BY l.rank LIMIT 1) k ON true"_s;
    const QString elsewhere = u"SELECT format('%s.%s', n.nspname, c.relname) FROM pg_class c "
                              "JOIN pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE lower(c.relname) = lower("_s
        + table
        + u") AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
          "AND NOT (n.nspname = "_s
        + schema + u" AND c.relname = "_s + table
        + u") AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
          "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 5"_s;
    return { { probe }, { elsewhere } };
}

bool readPostgres(const CheckContext &ctx, const FlightAnswers &answers, bool *exists,
    QList<EfCoreHistory::Applied> *applied, DbError *error, EfCoreHistory::HistoryColumns *columns,
    QueryResult *sentRows)
{
    const Environment &env = ctx.environment;
    *exists = false;
    if (!namesUsable(env))
        return true;
    if (answers.size() < 2) {
        error->kind = DbError::Kind::Other;
        error->detail = ctx.session.pgConnection()
            ? u"libpq could not quote the history table's name as a literal"_s
            : u"no libpq connection behind the session"_s;
        return false;
    }
    const QueryResult probe = answers[0].value(0);
    if (!probe.ok()) {
        *error = probe.error;
        return false;
    }
    const bool schemaUsable = probe.value(0, 0).toBool();
    *exists = probe.value(0, 1).toBool();
    const bool canSelect = probe.value(0, 2).toBool();
    const QString grant = probe.value(0, 3).toString();
    for (const QJsonValue &v :
        QJsonDocument::fromJson(probe.value(0, 4).toString().toUtf8()).array())
        columns->found << v.toString();
    columns->layout = probe.value(0, 5).isNull() ? -1 : probe.value(0, 5).toInt();
    const QString select = probe.value(0, 6).toString();
    if (!schemaUsable) {
        error->kind = DbError::Kind::PermissionDenied;
        error->sqlState = u"42501"_s;
        error->detail = u"permission denied for schema %1"_s.arg(env.historySchema);
        error->advice = u"The check's role cannot look into schema %1, so it cannot tell "
                        "whether %2 exists. A DBA can fix it with: %3"_s.arg(
                            env.historySchema, qualified(env), grant);
        return false;
    }
    if (!*exists) {
        const QueryResult elsewhere = answers[1].value(0);
        if (!elsewhere.ok()) {
            *error = elsewhere.error;
            return false;
        }
        for (const QVariantList &row : elsewhere.rows)
            columns->elsewhere << row.value(0).toString();
        return true;
    }
    if (!canSelect) {
        error->kind = DbError::Kind::PermissionDenied;
        error->sqlState = u"42501"_s;
        error->detail = u"permission denied for table %1"_s.arg(qualified(env));
        error->advice = u"The check's role cannot read %1. A DBA can fix it with: %2"_s.arg(
            qualified(env), grant);
        return false;
    }
    if (columns->layout < 0)
        return unknownLayout(env, columns->found, error);
    QueryResult rows
        = sentRows ? std::move(*sentRows) : ctx.query({ { select } }).value(0).value(0);
    if (!collect(std::move(rows), applied, error)) {
        if (error->kind == DbError::Kind::PermissionDenied)
            error->advice = u"A DBA can fix it with: %1"_s.arg(grant);
        return false;
    }
    return true;
}

// SQLite (the embedded demo; EF Core uses the same table there). The table's columns come
// from table_info with the name as a literal: no row means no table, and the names quoted
// below only ever name columns and a table that exist.
QList<QueryGroup> planSqlite(const CheckContext &ctx)
{
    const QString table = ctx.session.literal(ctx.environment.historyTable);
    if (table.isEmpty())
        return {};
    return { { u"SELECT p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
               "WHERE m.type = 'table' AND m.name = %1 ORDER BY p.cid"_s.arg(table) } };
}

bool readSqlite(const CheckContext &ctx, const FlightAnswers &answers, bool *exists,
    QList<EfCoreHistory::Applied> *applied, DbError *error, EfCoreHistory::HistoryColumns *columns)
{
    *exists = false;
    if (answers.isEmpty())
        return true; // a name with a NUL names no table
    const QueryResult names = answers[0].value(0);
    if (!names.ok()) {
        *error = names.error;
        return false;
    }
    for (const QVariantList &row : names.rows)
        columns->found << row.value(0).toString();
    *exists = !columns->found.isEmpty(); // a SQLite table has at least one column
    if (!*exists)
        return true;
    columns->layout = matchLayout(columns->found);
    if (columns->layout < 0)
        return unknownLayout(ctx.environment, columns->found, error);
    const auto quoted
        = [](QString name) -> QString { return u'"' + name.replace(u'"', u"\"\""_s) + u'"'; };
    const EfCoreHistory::HistoryLayout &l = EfCoreHistory::historyLayouts()[columns->layout];
    const QString select = u"SELECT %1, %2 FROM %3 ORDER BY %1 DESC"_s.arg(
        quoted(l.idColumn), quoted(l.versionColumn), quoted(ctx.environment.historyTable));
    QueryResult rows = ctx.query({ { select } }).value(0).value(0); // the answer's only owner
    return collect(std::move(rows), applied, error);
}

} // namespace

const QList<EfCoreHistory::HistoryLayout> &EfCoreHistory::historyLayouts()
{
    static const QList<HistoryLayout> layouts {
        { u"default"_s, u"MigrationId"_s, u"ProductVersion"_s },
        { u"UseSnakeCaseNamingConvention"_s, u"migration_id"_s, u"product_version"_s },
        { u"UseLowerCaseNamingConvention"_s, u"migrationid"_s, u"productversion"_s },
        { u"UseUpperCaseNamingConvention"_s, u"MIGRATIONID"_s, u"PRODUCTVERSION"_s },
        { u"UseUpperSnakeCaseNamingConvention"_s, u"MIGRATION_ID"_s, u"PRODUCT_VERSION"_s },
        { u"UseCamelCaseNamingConvention"_s, u"migrationId"_s, u"productVersion"_s },
    };
    return layouts;
}

QList<QueryGroup> EfCoreHistory::plan(const CheckContext &ctx)
{
    return ctx.isPostgres() ? planPostgres(ctx) : planSqlite(ctx);
}

QString EfCoreHistory::rowsStatement(const FlightAnswers &planned)
{
    const QueryResult probe = planned.value(0).value(0);
    if (!probe.ok() || !probe.value(0, 0).toBool() || !probe.value(0, 2).toBool())
        return {};
    return probe.value(0, 6).toString(); // null (no layout) -> empty
}

bool EfCoreHistory::read(const CheckContext &ctx, const FlightAnswers &planned, bool *tableExists,
    QList<Applied> *applied, DbError *error, HistoryColumns *columns, QueryResult *rows)
{
    HistoryColumns local;
    HistoryColumns *c = columns ? columns : &local;
    *c = HistoryColumns();
    return ctx.isPostgres() ? readPostgres(ctx, planned, tableExists, applied, error, c, rows)
                            : readSqlite(ctx, planned, tableExists, applied, error, c);
}
