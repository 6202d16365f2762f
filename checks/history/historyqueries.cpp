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

namespace {

// Each non-absent transition as a sighting: from its since to the newest check of its
// history before the migration's next transition (none: it is current). Both dialects:
// window functions and a correlated max() over migration_checks_history's index.
const QString Sightings = u"SELECT t.id, t.environment, t.tool, t.history, t.migration_id, "
                          "t.state, t.since, (SELECT max(c.checked_at) FROM migration_checks c "
                          "WHERE c.environment = t.environment AND c.tool = t.tool "
                          "AND c.history = t.history AND c.checked_at >= t.since "
                          "AND (t.next_since IS NULL OR c.checked_at < t.next_since)) "
                          "AS last_seen, t.next_since IS NULL AS is_current, "
                          "t.migration_first, t.migration_row FROM ("
                          "SELECT id, environment, tool, history, migration_id, state, since, "
                          "lead(since) OVER (PARTITION BY environment, tool, history, "
                          "migration_id ORDER BY id) AS next_since, "
                          "min(since) OVER m AS migration_first, min(id) OVER m AS migration_row "
                          "FROM migration_transitions %1"
                          "WINDOW m AS (PARTITION BY environment, tool, history, migration_id)"
                          ") t"_s;

} // namespace

QList<MigrationSighting> HistoryQueries::migrations(
    QSqlDatabase &db, const QString &environment, QString *error)
{
    // A migration's sightings stay together, migrations in the order they were first seen;
    // among those first seen in one run, the order the run listed them (the expected order),
    // which the ids of their first rows keep. An 'absent' transition only ends a sighting.
    QVariantList values;
    QString sql = Sightings.arg(environment.isEmpty() ? QString() : u"WHERE environment = ? "_s);
    if (!environment.isEmpty())
        values << environment;
    sql += u" WHERE t.state <> ? ORDER BY t.environment, t.tool, t.history, t.migration_first, "
           "t.migration_row, t.since, t.id"_s;
    values << HistoryDb::AbsentState;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<MigrationSighting> out;
    if (!HistoryDb::exec(q, sql, values, error))
        return out;
    while (q.next()) {
        MigrationSighting s;
        s.environment = q.value(1).toString();
        s.tool = q.value(2).toString();
        s.history = q.value(3).toString();
        s.migrationId = q.value(4).toString();
        s.state = HistoryDb::stateFromKey(q.value(5).toString())
                      .value_or(MigrationEntry::State::Applied);
        s.firstSeen = HistoryDb::readTime(q.value(6));
        s.lastSeen = HistoryDb::readTime(q.value(7));
        // No check left in its span (pruned, or recorded out of order): seen once, at since.
        if (!s.lastSeen.isValid() || s.lastSeen < s.firstSeen)
            s.lastSeen = s.firstSeen;
        s.current = q.value(8).toBool();
        out << s;
    }
    return out;
}

QList<StatusSpan> HistoryQueries::currentSpans(
    QSqlDatabase &db, bool postgres, const QStringList &environments, QString *error)
{
    Q_UNUSED(postgres)
    // Each subject's newest status change, last seen at its newest result since then (the
    // results_subject index); a change whose results were all pruned was seen at its since.
    QString sql = u"SELECT c.environment, c.check_id, c.subject, c.status, c.since, "
                  "(SELECT max(r.checked_at) FROM results r WHERE r.environment = c.environment "
                  "AND r.check_id = c.check_id AND r.subject = c.subject "
                  "AND r.checked_at >= c.since) AS last_seen "
                  "FROM status_changes c WHERE c.id = (SELECT max(d.id) FROM status_changes d "
                  "WHERE d.environment = c.environment AND d.check_id = c.check_id "
                  "AND d.subject = c.subject)"_s;
    QVariantList values;
    if (!environments.isEmpty()) {
        sql += u" AND c.environment IN (%1)"_s.arg(
            QStringList(environments.size(), u"?"_s).join(u", "_s));
        for (const QString &e : environments)
            values << e;
    }
    sql += u" ORDER BY c.environment, c.check_id, c.subject"_s;
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
        if (!s.lastSeen.isValid() || s.lastSeen < s.since)
            s.lastSeen = s.since;
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
    // Migration transitions whose sighting was last seen before cutoff (their checks went
    // with the runs above, so none is left in their span), judged before any is deleted.
    if (!HistoryDb::exec(q,
            u"DELETE FROM migration_transitions WHERE id IN (SELECT id FROM (%1) s "
            "WHERE last_seen IS NULL OR last_seen < ?)"_s.arg(Sightings.arg(QString())),
            { at }, error))
        return -1;
    // Status changes likewise: no result left between one and the next.
    if (!HistoryDb::exec(q,
            u"DELETE FROM status_changes WHERE id IN (SELECT id FROM (SELECT c.id, "
            "(SELECT max(r.checked_at) FROM results r WHERE r.environment = c.environment "
            "AND r.check_id = c.check_id AND r.subject = c.subject AND r.checked_at >= c.since "
            "AND (c.next_since IS NULL OR r.checked_at < c.next_since)) AS last_seen FROM ("
            "SELECT id, environment, check_id, subject, since, lead(since) OVER (PARTITION BY "
            "environment, check_id, subject ORDER BY id) AS next_since FROM status_changes) c"
            ") s WHERE last_seen IS NULL OR last_seen < ?)"_s,
            { at }, error))
        return -1;
    return removed;
}
