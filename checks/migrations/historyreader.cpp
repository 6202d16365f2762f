// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/historyreader.h"

#include "engine/queryresult.h"
#include "migrations/efcorehistory.h"

using namespace Qt::StringLiterals;

namespace {

// A quoted SQL identifier. The names come from the catalog (pg_class, pg_attribute), never
// from configuration; doubling the quote is all PostgreSQL's quoting needs (as
// PQescapeIdentifier does, less its encoding check, which the server already made).
QString ident(QString name)
{
    return u'"' + name.replace(u'"', u"\"\""_s) + u'"';
}

// The column as the table spells it (some tools quote mixed-case names: FluentMigrator's
// "Version", "AppliedOn"), quoted; NULL when the table has none of that name.
QString column(const DetectedHistory &h, const QString &name)
{
    for (const QString &c : h.columns) {
        if (c.compare(name, Qt::CaseInsensitive) == 0)
            return ident(c);
    }
    return u"NULL"_s;
}

// A timestamp as ISO 8601 text with its UTC offset (to_json() writes timestamptz so),
// whatever the server's DateStyle. A timestamp without time zone is taken in the session's
// TimeZone, as PostgreSQL's own cast does: with an offset, the text parses to a QDateTime
// without a local-time lookup per row (glibc's mktime under a lock: 45 % of a 200-database
// run's CPU with three 500-row histories each, tests/bench/fleet-histories).
QString iso(const QString &expression)
{
    return u"to_json(("_s + expression + u")::timestamptz)#>>'{}'"_s;
}

struct Select
{
    QString id;
    QString description = u"NULL"_s;
    QString appliedAt = u"NULL"_s;
    QString checksum = u"NULL"_s;
    QString failed = u"false"_s;
    QString dirty = u"false"_s;
    QString failure = u"NULL"_s;
    QString kind = u"NULL"_s;
    QString order = u"0"_s;
    QString from; // FROM ... [WHERE ...], without ORDER BY
};

QString render(const Select &s)
{
    return u"SELECT (%1)::text, (%2)::text, %3, (%4)::text, coalesce(%5, false), "
           "coalesce(%6, false), (%7)::text, (%8)::text, (%9)::bigint FROM %10 ORDER BY 9, 1"_s
               .arg(s.id, s.description, s.appliedAt, s.checksum, s.failed, s.dirty, s.failure,
                   s.kind, s.order)
               .arg(s.from);
}

Select efCore(const DetectedHistory &h, const QString &table)
{
    for (const EfCoreHistory::HistoryLayout &l : EfCoreHistory::historyLayouts()) {
        if (h.columns.contains(l.idColumn) && h.columns.contains(l.versionColumn))
            return { ident(l.idColumn), ident(l.versionColumn), u"NULL"_s, u"NULL"_s, u"false"_s,
                u"false"_s, u"NULL"_s, u"NULL"_s, u"0"_s, table };
    }
    return {};
}

Select forTool(const DetectedHistory &h)
{
    const QString t = ident(h.schema) + u'.' + ident(h.table);
    const auto c = [&h](const char *name) { return column(h, QString::fromLatin1(name)); };
    Select s;
    s.from = t;
    switch (h.tool) {
    case MigrationTool::EfCore:
        return efCore(h, t);
    case MigrationTool::Flyway:
        // Repeatable migrations have no version: their id is the script's file name.
        s.id = u"coalesce(%1, 'R__' || regexp_replace(regexp_replace(%2, '^.*/', ''), "
               "'\\.sql$', ''))"_s.arg(c("version"), c("script"));
        s.description = c("description");
        s.appliedAt = iso(c("installed_on"));
        s.checksum = c("checksum");
        s.failed = u"NOT "_s + c("success");
        s.kind = c("type");
        s.order = c("installed_rank");
        s.from = t + u" WHERE "_s + c("type") + u" IS DISTINCT FROM 'SCHEMA'"_s;
        return s;
    case MigrationTool::Liquibase:
        s.id = u"%1 || '::' || %2 || '::' || %3"_s.arg(c("filename"), c("id"), c("author"));
        s.description = c("description");
        s.appliedAt = iso(c("dateexecuted"));
        s.checksum = c("md5sum");
        s.failed = c("exectype") + u" = 'FAILED'"_s;
        s.kind = c("exectype");
        s.order = c("orderexecuted");
        return s;
    case MigrationTool::GolangMigrate:
        s.id = c("version");
        s.dirty = c("dirty");
        return s;
    case MigrationTool::Alembic:
        s.id = c("version_num");
        return s;
    case MigrationTool::Rails:
    case MigrationTool::Dbmate:
        s.id = c("version");
        return s;
    case MigrationTool::Django:
        s.id = c("app") + u" || '.' || "_s + c("name");
        s.appliedAt = iso(c("applied"));
        s.order = c("id");
        return s;
    case MigrationTool::Prisma:
        // A retried migration has a row per attempt: the newest one says where it stands.
        s.id = u"migration_name"_s;
        s.appliedAt = iso(u"finished_at"_s);
        s.checksum = u"checksum"_s;
        s.failed = u"finished_at IS NULL AND rolled_back_at IS NULL"_s;
        s.failure = u"logs"_s;
        s.kind = u"CASE WHEN rolled_back_at IS NOT NULL THEN 'rolled-back' END"_s;
        s.order = u"extract(epoch FROM started_at) * 1000000"_s;
        s.from = u"(SELECT DISTINCT ON (%1) * FROM %2 ORDER BY %1, %3 DESC) p"_s.arg(
            c("migration_name"), t, c("started_at"));
        return s;
    case MigrationTool::Sqitch: {
        // Deployed changes, and fail events of changes not deployed since (events sits
        // beside changes in Sqitch's registry schema).
        const QString events = ident(h.schema) + u".events"_s;
        s.id = u"change"_s;
        s.appliedAt = iso(u"committed_at"_s);
        s.checksum = u"script_hash"_s;
        s.failed = u"failed"_s;
        s.order = u"extract(epoch FROM committed_at) * 1000000"_s;
        s.from = u"(SELECT change, committed_at, script_hash, false AS failed FROM %1 "
                 "UNION ALL SELECT DISTINCT ON (e.change_id) e.change, e.committed_at, NULL, "
                 "true FROM %2 e WHERE e.event = 'fail' AND NOT EXISTS (SELECT 1 FROM %1 d "
                 "WHERE d.change_id = e.change_id) ORDER BY 1) s"_s.arg(t, events);
        return s;
    }
    case MigrationTool::Atlas:
        s.id = c("version");
        s.description = c("description");
        s.appliedAt = iso(c("executed_at"));
        s.checksum = c("hash");
        // Atlas writes '' (not NULL) to error and error_stmt on success (ent/convert.go
        // SetError), and a row of its own, version '.atlas_cloud_identifier', that is no
        // migration.
        s.failed = u"coalesce(%1, '') <> '' OR %2 < %3"_s.arg(c("error"), c("applied"), c("total"));
        s.failure = u"nullif(%1, '') || coalesce(': ' || nullif(%2, ''), '')"_s.arg(
            c("error"), c("error_stmt"));
        s.kind = c("type");
        s.from = t + u" WHERE "_s + c("version") + u" <> '.atlas_cloud_identifier'"_s;
        return s;
    case MigrationTool::Goose:
        // goose appends a row per up and down: the newest row of a version says whether it
        // is applied; version 0 is the row goose writes when it creates the table.
        s.id = u"version_id"_s;
        s.appliedAt = iso(u"tstamp"_s);
        s.order = u"id"_s;
        s.from = u"(SELECT DISTINCT ON (%1) %1 AS version_id, %2 AS tstamp, %3 AS id, %4 AS "
                 "is_applied FROM %5 ORDER BY %1, %3 DESC) g WHERE is_applied AND version_id "
                 "<> 0"_s.arg(c("version_id"), c("tstamp"), c("id"), c("is_applied"), t);
        return s;
    case MigrationTool::Knex:
        s.id = c("name");
        s.appliedAt = iso(c("migration_time"));
        s.order = c("id");
        return s;
    case MigrationTool::TypeOrm:
        s.id = c("name");
        s.order = c("id");
        return s;
    case MigrationTool::Sequelize:
        s.id = c("name");
        return s;
    case MigrationTool::NodePgMigrate:
        // node-pg-migrate: the file name without its extension; one batch shares a run_on.
        s.id = c("name");
        s.appliedAt = iso(c("run_on"));
        s.order = c("id");
        return s;
    case MigrationTool::DbUp:
        s.id = c("scriptname");
        s.appliedAt = iso(c("applied"));
        s.order = c("schemaversionsid");
        return s;
    case MigrationTool::FluentMigrator:
        s.id = c("version");
        s.description = c("description");
        s.appliedAt = iso(c("appliedon"));
        return s;
    case MigrationTool::Diesel:
        s.id = c("version");
        s.appliedAt = iso(c("run_on"));
        return s;
    case MigrationTool::Sqlx:
        s.id = c("version");
        s.description = c("description");
        s.appliedAt = iso(c("installed_on"));
        s.checksum = u"encode("_s + c("checksum") + u", 'hex')"_s;
        s.failed = u"NOT "_s + c("success");
        s.order = c("version");
        return s;
    case MigrationTool::Unknown:
        break;
    }
    return {};
}

} // namespace

namespace HistoryReader {

QString selectStatement(const DetectedHistory &history)
{
    const Select s = forTool(history);
    return s.id.isEmpty() ? QString() : render(s);
}

QList<HistoryRow> rows(const QueryResult &answer)
{
    QList<HistoryRow> out;
    out.reserve(answer.size());
    for (const QVariantList &r : answer.rows) {
        HistoryRow row;
        row.id = r.value(0).toString();
        row.description = r.value(1).toString();
        const QString at = r.value(2).toString();
        if (!at.isEmpty())
            // In UTC: a QDateTime with an offset holds a heap-allocated part, one per row.
            row.appliedAt = QDateTime::fromString(at, Qt::ISODateWithMs).toUTC();
        row.checksum = r.value(3).toString();
        row.failed = r.value(4).toBool();
        row.dirty = r.value(5).toBool();
        row.failure = r.value(6).toString();
        row.kind = r.value(7).toString();
        row.order = r.value(8).toLongLong();
        out << row;
    }
    return out;
}

} // namespace HistoryReader
