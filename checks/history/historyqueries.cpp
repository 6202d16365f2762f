// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Reading the history store back (results, sightings, spans, timelines) and pruning it.

#include "history/historystore_p.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

CheckStatus status(const QVariant &v)
{
    return HistoryDb::statusFromKey(v.toString()).value_or(CheckStatus::Error);
}

} // namespace

QList<StoredResult> HistoryQueries::results(
    QSqlDatabase &db, bool postgres, const HistoryFilter &filter, QString *error)
{
    QStringList where;
    QVariantList values;
    if (!filter.environment.isEmpty()) {
        where << u"environment = ?"_s;
        values << filter.environment;
    }
    if (!filter.checkId.isEmpty()) {
        where << u"check_id = ?"_s;
        values << filter.checkId;
    }
    if (filter.since.isValid()) {
        where << u"checked_at >= ?"_s;
        values << HistoryDb::time(filter.since, postgres);
    }
    QString sql = u"SELECT run_id, checked_at, environment, check_id, subject, status, severity, "
                  "message, evidence, duration_ms FROM results"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY checked_at DESC, id DESC"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1"_s.arg(filter.limit); // a number, not text from anyone
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<StoredResult> out;
    if (!HistoryDb::exec(q, sql, values, error))
        return out;
    while (q.next()) {
        StoredResult r;
        r.runId = q.value(0).toString();
        r.checkedAt = HistoryDb::readTime(q.value(1));
        r.environment = q.value(2).toString();
        r.checkId = q.value(3).toString();
        r.subject = q.value(4).toString();
        r.status = status(q.value(5));
        r.severity = q.value(6).toString();
        r.message = q.value(7).toString();
        r.evidence = jsonObject(q.value(8));
        r.durationMs = q.value(9).toLongLong();
        out << r;
    }
    return out;
}

QList<MigrationSighting> HistoryQueries::migrations(
    QSqlDatabase &db, const QString &environment, QString *error)
{
    // A migration's sightings stay together, migrations in the order they were first seen;
    // among those first seen in one run, the order the run listed them (the expected order),
    // which the ids of their first rows keep.
    QString sql = u"SELECT environment, tool, history, migration_id, state, first_seen, "
                  "last_seen, is_current, "
                  "min(first_seen) OVER m AS migration_first, min(id) OVER m AS migration_row "
                  "FROM migration_sightings"_s;
    QVariantList values;
    if (!environment.isEmpty()) {
        sql += u" WHERE environment = ?"_s;
        values << environment;
    }
    sql += u" WINDOW m AS (PARTITION BY environment, tool, history, migration_id)"
           " ORDER BY environment, tool, history, migration_first, migration_row, first_seen, id"_s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<MigrationSighting> out;
    if (!HistoryDb::exec(q, sql, values, error))
        return out;
    while (q.next()) {
        MigrationSighting s;
        s.environment = q.value(0).toString();
        s.tool = q.value(1).toString();
        s.history = q.value(2).toString();
        s.migrationId = q.value(3).toString();
        s.state = HistoryDb::stateFromKey(q.value(4).toString())
                      .value_or(MigrationEntry::State::Applied);
        s.firstSeen = HistoryDb::readTime(q.value(5));
        s.lastSeen = HistoryDb::readTime(q.value(6));
        s.current = q.value(7).toBool();
        out << s;
    }
    return out;
}

QList<StatusSpan> HistoryQueries::currentSpans(
    QSqlDatabase &db, bool postgres, const QStringList &environments, QString *error)
{
    Q_UNUSED(postgres)
    QString sql = u"SELECT environment, check_id, subject, status, since, last_seen "
                  "FROM status_spans WHERE is_current = ?"_s;
    QVariantList values { true };
    if (!environments.isEmpty()) {
        sql += u" AND environment IN (%1)"_s.arg(
            QStringList(environments.size(), u"?"_s).join(u", "_s));
        for (const QString &e : environments)
            values << e;
    }
    sql += u" ORDER BY environment, check_id, subject"_s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<StatusSpan> out;
    if (!HistoryDb::exec(q, sql, values, error))
        return out;
    while (q.next()) {
        StatusSpan s;
        s.environment = q.value(0).toString();
        s.checkId = q.value(1).toString();
        s.subject = q.value(2).toString();
        s.status = status(q.value(3));
        s.since = HistoryDb::readTime(q.value(4));
        s.lastSeen = HistoryDb::readTime(q.value(5));
        out << s;
    }
    return out;
}

QList<TimelinePoint> HistoryQueries::timeline(QSqlDatabase &db, const QString &environment,
    const QString &checkId, const QString &subject, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<TimelinePoint> out;
    if (!HistoryDb::exec(q,
            u"SELECT run_id, checked_at, status, message, evidence FROM results "
            "WHERE environment = ? AND check_id = ? AND subject = ? ORDER BY checked_at, id"_s,
            { environment, checkId, subject }, error))
        return out;
    while (q.next()) {
        TimelinePoint p;
        p.runId = q.value(0).toString();
        p.at = HistoryDb::readTime(q.value(1));
        p.status = status(q.value(2));
        p.message = q.value(3).toString();
        // The migrations check's count; "unknown" (a string) or absent elsewhere.
        const QJsonValue pending = jsonObject(q.value(4)).value(u"PendingCount"_s);
        p.pendingCount = pending.isDouble() ? pending.toInt() : -1;
        out << p;
    }
    return out;
}

int HistoryQueries::prune(QSqlDatabase &db, bool postgres, const QDateTime &cutoff, QString *error)
{
    const QVariant at = HistoryDb::time(cutoff, postgres);
    QSqlQuery q(db);
    if (!HistoryDb::exec(q,
            u"DELETE FROM results WHERE run_id IN (SELECT id FROM runs WHERE started_at < ?)"_s,
            { at }, error))
        return -1;
    if (!HistoryDb::exec(q, u"DELETE FROM runs WHERE started_at < ?"_s, { at }, error))
        return -1;
    const int removed = q.numRowsAffected();
    if (!HistoryDb::exec(q, u"DELETE FROM migration_sightings WHERE last_seen < ?"_s, { at }, error)
        || !HistoryDb::exec(q, u"DELETE FROM status_spans WHERE last_seen < ?"_s, { at }, error))
        return -1;
    return removed;
}
