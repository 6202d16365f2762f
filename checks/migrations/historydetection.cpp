// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/historydetection.h"

#include "engine/queryresult.h"
#include "migrations/efcorehistory.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// The table names the tools give their histories, lower case (the catalog is compared with
// lower(relname)). EF Core is found by its columns instead.
const QStringList &historyNames()
{
    static const QStringList names { u"flyway_schema_history"_s, u"schema_version"_s,
        u"databasechangelog"_s, u"schema_migrations"_s, u"alembic_version"_s,
        u"django_migrations"_s, u"_prisma_migrations"_s, u"changes"_s, u"atlas_schema_revisions"_s,
        u"goose_db_version"_s, u"knex_migrations"_s, u"migrations"_s, u"sequelizemeta"_s,
        u"schemaversions"_s, u"versioninfo"_s, u"__diesel_schema_migrations"_s,
        u"_sqlx_migrations"_s, u"pgmigrations"_s };
    return names;
}

// The other tables of a schema that tell tools apart.
const QStringList &siblingNames()
{
    static const QStringList names { u"ar_internal_metadata"_s, u"events"_s, u"projects"_s,
        u"databasechangeloglock"_s, u"knex_migrations_lock"_s };
    return names;
}

QString sqlList(const QStringList &values)
{
    // Constants of this file: plain lower-case names, no quote to escape.
    return u"'"_s + values.join(u"', '"_s) + u"'"_s;
}

QStringList jsonNames(const QVariant &value)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        out << v.toString();
    return out;
}

bool hasAll(const QStringList &columns, std::initializer_list<QLatin1StringView> wanted)
{
    for (const QLatin1StringView w : wanted) {
        if (!columns.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool isEfCore(const QStringList &columns)
{
    for (const EfCoreHistory::HistoryLayout &l : EfCoreHistory::historyLayouts()) {
        if (columns.contains(l.idColumn) && columns.contains(l.versionColumn))
            return true;
    }
    return false;
}

} // namespace

namespace HistoryDetection {

QString catalogStatement()
{
    return u"SELECT n.nspname::text, c.relname::text, "
           "to_json(ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid "
           "  AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum))::text, "
           "has_schema_privilege(n.oid, 'USAGE'), has_table_privilege(c.oid, 'SELECT'), "
           "to_json(ARRAY(SELECT s.relname::text FROM pg_class s WHERE s.relnamespace = n.oid "
           "  AND s.relname IN ("_s
        + sqlList(siblingNames())
        + u") ORDER BY 1))::text, "
          "format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I', "
          "  n.nspname, current_user, n.nspname, c.relname, current_user) "
          "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
          "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
          "AND n.nspname NOT LIKE 'pg\\_%' "
          "AND "_s
        + relationFilter(u"c"_s) + u" ORDER BY 1, 2"_s;
}

QString relationFilter(const QString &alias, const QStringList &moreNames)
{
    QStringList efIds;
    for (const EfCoreHistory::HistoryLayout &l : EfCoreHistory::historyLayouts())
        efIds << l.idColumn;
    // EF Core's id column names are mixed case and must match exactly, so they are quoted
    // as they are (constants of EfCoreHistory, no quote among them).
    return u"(lower(%1.relname) IN ("_s.arg(alias) + sqlList(historyNames() + moreNames)
        + u") OR EXISTS (SELECT 1 FROM pg_attribute e WHERE e.attrelid = %1.oid "
          "  AND NOT e.attisdropped AND e.attname IN ("_s.arg(alias)
        + u"'"_s + efIds.join(u"', '"_s) + u"'"_s + u")))"_s;
}

QList<DetectedHistory> fromCatalog(const QueryResult &answer)
{
    QList<DetectedHistory> found;
    for (qsizetype i = 0; i < answer.size(); ++i) {
        DetectedHistory h;
        h.schema = answer.value(i, 0).toString();
        h.table = answer.value(i, 1).toString();
        h.columns = jsonNames(answer.value(i, 2));
        h.siblings = jsonNames(answer.value(i, 5));
        h.tool = classify(h.table, h.columns, h.siblings);
        if (h.tool == MigrationTool::Unknown)
            continue;
        h.readable = answer.value(i, 3).toBool() && answer.value(i, 4).toBool();
        h.grant = answer.value(i, 6).toString();
        found << h;
    }
    return found;
}

MigrationTool classify(
    const QString &table, const QStringList &columns, const QStringList &siblings)
{
    using L = QLatin1StringView;
    const QString name = table.toLower();
    if (isEfCore(columns))
        return MigrationTool::EfCore;
    if ((name == u"flyway_schema_history" || name == u"schema_version")
        && hasAll(columns, { L("installed_rank"), L("version"), L("script"), L("success") }))
        return MigrationTool::Flyway;
    if (name == u"databasechangelog"
        && hasAll(columns, { L("id"), L("author"), L("filename"), L("exectype") }))
        return MigrationTool::Liquibase;
    if (name == u"schema_migrations" && hasAll(columns, { L("version") })) {
        if (hasAll(columns, { L("dirty") }))
            return MigrationTool::GolangMigrate;
        if (siblings.contains(u"ar_internal_metadata"_s))
            return MigrationTool::Rails;
        return MigrationTool::Dbmate;
    }
    if (name == u"alembic_version" && hasAll(columns, { L("version_num") }))
        return MigrationTool::Alembic;
    if (name == u"django_migrations" && hasAll(columns, { L("app"), L("name"), L("applied") }))
        return MigrationTool::Django;
    if (name == u"_prisma_migrations"
        && hasAll(columns, { L("migration_name"), L("finished_at"), L("rolled_back_at") }))
        return MigrationTool::Prisma;
    if (name == u"changes" && siblings.contains(u"events"_s)
        && hasAll(columns, { L("change_id"), L("change"), L("script_hash"), L("project") }))
        return MigrationTool::Sqitch;
    if (name == u"atlas_schema_revisions"
        && hasAll(columns, { L("version"), L("applied"), L("total"), L("error") }))
        return MigrationTool::Atlas;
    if (name == u"goose_db_version" && hasAll(columns, { L("version_id"), L("is_applied") }))
        return MigrationTool::Goose;
    if (name == u"knex_migrations" && hasAll(columns, { L("name"), L("batch") }))
        return MigrationTool::Knex;
    if (name == u"migrations" && hasAll(columns, { L("id"), L("timestamp"), L("name") }))
        return MigrationTool::TypeOrm;
    if (name == u"sequelizemeta" && hasAll(columns, { L("name") }))
        return MigrationTool::Sequelize;
    if (name == u"schemaversions" && hasAll(columns, { L("scriptname"), L("applied") }))
        return MigrationTool::DbUp;
    if (name == u"versioninfo" && hasAll(columns, { L("version") }))
        return MigrationTool::FluentMigrator;
    if (name == u"__diesel_schema_migrations" && hasAll(columns, { L("version"), L("run_on") }))
        return MigrationTool::Diesel;
    if (name == u"_sqlx_migrations"
        && hasAll(columns, { L("version"), L("success"), L("checksum") }))
        return MigrationTool::Sqlx;
    if (name == u"pgmigrations" && hasAll(columns, { L("id"), L("name"), L("run_on") }))
        return MigrationTool::NodePgMigrate;
    return MigrationTool::Unknown;
}

} // namespace HistoryDetection
