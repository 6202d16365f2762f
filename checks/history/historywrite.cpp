// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Writing one run into the history store, inside the transaction HistoryStore::record()
// holds: the run, its results, and the status spans and migration sightings they extend
// or start.

#include "history/historystore_p.h"
#include "report/resultjson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// Bound values per statement: SQLite allows 32766 since 3.32, PostgreSQL 65535; chunks of
// this many ids keep "WHERE id IN (...)" well within both.
constexpr qsizetype IdChunk = 500;

class Writer
{
public:
    Writer(QSqlDatabase &db, bool postgres, const HistoryRun &run, QString *error)
        : m_db(db)
        , m_postgres(postgres)
        , m_run(run)
        , m_error(error)
    { }

    bool insertRun();
    bool insertTags();
    bool insertResult(const CheckResult &r, const QDateTime &at);
    bool extendSpan(const CheckResult &r, const QDateTime &at);
    bool extendSightings(
        const QString &environment, const QList<MigrationEntry> &entries, const QDateTime &at);

private:
    QVariant t(const QDateTime &at) const { return HistoryDb::time(at, m_postgres); }
    bool run(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(m_db);
        return HistoryDb::exec(q, sql, values, m_error);
    }
    // Sets last_seen (never backwards: another writer's newer run may be in already) and
    // last_run_id of the rows ids of table.
    bool extend(const QString &table, const QList<qint64> &ids, const QDateTime &at);

    QSqlDatabase &m_db;
    bool m_postgres;
    const HistoryRun &m_run;
    QString *m_error;
};

bool Writer::insertRun()
{
    const QJsonArray environments = QJsonArray::fromStringList(m_run.environments);
    return run(u"INSERT INTO runs (id, started_at, finished_at, ran_by, doctor_version, origin, "
               "environments, shard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { m_run.id, t(m_run.startedAt), t(m_run.finishedAt), m_run.ranBy, m_run.doctorVersion,
            m_run.origin,
            QString::fromUtf8(QJsonDocument(environments).toJson(QJsonDocument::Compact)),
            HistoryDb::bindable(m_run.shard) });
}

bool Writer::insertTags()
{
    // One statement for the run's tags, in chunks of IdChunk rows (3 values each): a fleet
    // of thousands of environments costs a few round trips, not one per tag.
    QVariantList values;
    QSet<QString> seen; // a tag listed twice for one environment is one row (the key)
    for (auto it = m_run.tags.constBegin(); it != m_run.tags.constEnd(); ++it)
        for (const QString &tag : it.value())
            if (!seen.contains(it.key() + u'\n' + tag)) {
                seen.insert(it.key() + u'\n' + tag);
                values << m_run.id << HistoryDb::bindable(it.key()) << HistoryDb::bindable(tag);
            }
    for (qsizetype from = 0; from < values.size(); from += 3 * IdChunk) {
        const QVariantList chunk = values.mid(from, 3 * IdChunk);
        const QStringList rows(chunk.size() / 3, u"(?, ?, ?)"_s);
        if (!run(u"INSERT INTO environment_tags (run_id, environment, tag) VALUES %1"_s.arg(
                     rows.join(u", "_s)),
                chunk))
            return false;
    }
    return true;
}

bool Writer::insertResult(const CheckResult &r, const QDateTime &at)
{
    // The evidence exactly as the JSON report writes it (ResultJson), so readers of either
    // see the same values.
    const QJsonObject evidence = ResultJson::toJson(r).value(u"evidence"_s).toObject();
    return run(u"INSERT INTO results (run_id, checked_at, environment, check_id, subject, status, "
               "severity, message, evidence, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { m_run.id, t(at), r.environment, r.checkId, r.subject, Status::key(r.status), r.severity,
            r.message, QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)),
            r.durationMs });
}

bool Writer::extend(const QString &table, const QList<qint64> &ids, const QDateTime &at)
{
    for (qsizetype from = 0; from < ids.size(); from += IdChunk) {
        const QList<qint64> chunk = ids.mid(from, IdChunk);
        QStringList marks(chunk.size(), u"?"_s);
        QVariantList values { t(at), m_run.id };
        for (qint64 id : chunk)
            values << id;
        values << t(at);
        if (!run(u"UPDATE %1 SET last_seen = ?, last_run_id = ? WHERE id IN (%2) "
                 "AND last_seen <= ?"_s.arg(table, marks.join(u", "_s)),
                values))
            return false;
    }
    return true;
}

bool Writer::extendSpan(const CheckResult &r, const QDateTime &at)
{
    QSqlQuery q(m_db);
    if (!HistoryDb::exec(q,
            u"SELECT id, status FROM status_spans WHERE environment = ? AND check_id = ? "
            "AND subject = ? AND is_current = ?"_s,
            { r.environment, r.checkId, r.subject, true }, m_error))
        return false;
    const QString status = Status::key(r.status);
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (q.value(1).toString() == status)
            return extend(u"status_spans"_s, { id }, at);
        if (!run(u"UPDATE status_spans SET is_current = ? WHERE id = ?"_s, { false, id }))
            return false;
    }
    return run(u"INSERT INTO status_spans (environment, check_id, subject, status, since, "
               "last_seen, first_run_id, last_run_id, is_current) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { r.environment, r.checkId, r.subject, status, t(at), t(at), m_run.id, m_run.id, true });
}

bool Writer::extendSightings(
    const QString &environment, const QList<MigrationEntry> &entries, const QDateTime &at)
{
    // The current sightings of the environment, read once: a history has thousands of
    // migrations, and one query each would cost a round trip each on PostgreSQL.
    struct Current
    {
        qint64 id;
        QString state;
    };
    QHash<QString, Current> current; // by tool '\n' history '\n' migration id
    QSqlQuery q(m_db);
    if (!HistoryDb::exec(q,
            u"SELECT id, tool, history, migration_id, state FROM migration_sightings "
            "WHERE environment = ? AND is_current = ?"_s,
            { environment, true }, m_error))
        return false;
    while (q.next())
        current.insert(
            q.value(1).toString() + u'\n' + q.value(2).toString() + u'\n' + q.value(3).toString(),
            { q.value(0).toLongLong(), q.value(4).toString() });
    q.finish();

    QList<qint64> unchanged;
    QList<qint64> ended;
    QList<const MigrationEntry *> started;
    QSet<QString> seen; // an id listed twice in one history counts once
    for (const MigrationEntry &e : entries) {
        const QString key = e.tool + u'\n' + e.history + u'\n' + e.id;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const auto it = current.constFind(key);
        if (it != current.constEnd() && it->state == HistoryDb::stateKey(e.state)) {
            unchanged << it->id;
            continue;
        }
        if (it != current.constEnd())
            ended << it->id;
        started << &e;
    }
    if (!extend(u"migration_sightings"_s, unchanged, at))
        return false;
    for (qint64 id : std::as_const(ended))
        if (!run(u"UPDATE migration_sightings SET is_current = ? WHERE id = ?"_s, { false, id }))
            return false;
    QSqlQuery insert(m_db);
    if (!started.isEmpty()
        && !insert.prepare(u"INSERT INTO migration_sightings (environment, tool, history, "
                           "migration_id, state, first_seen, last_seen, first_run_id, "
                           "last_run_id, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)) {
        *m_error = insert.lastError().text();
        HistoryDb::park(insert);
        return false;
    }
    for (const MigrationEntry *e : std::as_const(started)) {
        for (const QVariant &v : { QVariant(environment), QVariant(e->tool), QVariant(e->history),
                 QVariant(e->id), QVariant(HistoryDb::stateKey(e->state)), t(at), t(at),
                 QVariant(m_run.id), QVariant(m_run.id), QVariant(true) })
            insert.addBindValue(HistoryDb::bindable(v));
        if (!insert.exec()) {
            *m_error = insert.lastError().text();
            HistoryDb::park(insert);
            return false;
        }
    }
    return true;
}

} // namespace

bool HistoryWrite::record(QSqlDatabase &db, bool postgres, const HistoryRun &run,
    const QList<CheckResult> &results, QString *error)
{
    Writer w(db, postgres, run, error);
    if (!w.insertRun() || !w.insertTags())
        return false;
    const QDateTime fallback = run.finishedAt.isValid() ? run.finishedAt : run.startedAt;
    QSet<QString> names; // (environment, checkId, subject) names a result; a repeat is dropped
    for (const CheckResult &r : results) {
        const QString name = r.environment + u'\n' + r.checkId + u'\n' + r.subject;
        if (names.contains(name))
            continue;
        names.insert(name);
        // Milliseconds, as the store keeps them, so a span's "since" equals a result's time.
        QDateTime at = (r.checkedAt.isValid() ? r.checkedAt : fallback).toUTC();
        at = QDateTime::fromMSecsSinceEpoch(at.toMSecsSinceEpoch(), QTimeZone::UTC);
        if (!w.insertResult(r, at) || !w.extendSpan(r, at))
            return false;
        if (r.details.metaType() == QMetaType::fromType<QList<MigrationEntry>>()
            && !w.extendSightings(r.environment, r.details.value<QList<MigrationEntry>>(), at))
            return false;
    }
    return true;
}
