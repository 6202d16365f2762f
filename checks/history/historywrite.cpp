// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Writing one run into the history store, inside the transaction HistoryStore::record()
// holds: the run, its tags, its results, and for each migration history a result listed, the
// run's check of it and the migrations whose state changed. Every write is an INSERT (issue
// 19: the scheduled job's role needs no UPDATE): "last seen" and status spans are derived by
// the readers (historyqueries.cpp) from what is inserted here.

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
    // One migrations result's entries, checked at at, of environment.
    struct Seen
    {
        QList<MigrationEntry> entries;
        QDateTime at;
    };
    bool recordMigrations(const QString &environment, const QList<Seen> &seen);
    // A status change for each result whose status differs from its subject's newest one;
    // results: the run's (deduplicated), with their times.
    bool recordStatuses(const QList<QPair<const CheckResult *, QDateTime>> &results);

private:
    QVariant t(const QDateTime &at) const { return HistoryDb::time(at, m_postgres); }
    bool run(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(m_db);
        return HistoryDb::exec(q, sql, values, m_error);
    }
    // INSERT INTO table (columns) VALUES (...), (...): rows of columns.size() values each,
    // in chunks of IdChunk rows, a few round trips for thousands of rows.
    bool insertRows(const QString &table, const QStringList &columns, const QVariantList &rows);

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

bool Writer::insertRows(const QString &table, const QStringList &columns, const QVariantList &rows)
{
    const qsizetype width = columns.size();
    const QString row = u'(' + QStringList(width, u"?"_s).join(u", "_s) + u')';
    for (qsizetype from = 0; from < rows.size(); from += width * IdChunk) {
        const QVariantList chunk = rows.mid(from, width * IdChunk);
        if (!run(u"INSERT INTO %1 (%2) VALUES %3"_s.arg(table, columns.join(u", "_s),
                     QStringList(chunk.size() / width, row).join(u", "_s)),
                chunk))
            return false;
    }
    return true;
}

bool Writer::insertTags()
{
    QVariantList rows;
    QSet<QString> seen; // a tag listed twice for one environment is one row (the key)
    for (auto it = m_run.tags.constBegin(); it != m_run.tags.constEnd(); ++it)
        for (const QString &tag : it.value())
            if (!seen.contains(it.key() + u'\n' + tag)) {
                seen.insert(it.key() + u'\n' + tag);
                rows << m_run.id << HistoryDb::bindable(it.key()) << HistoryDb::bindable(tag);
            }
    return insertRows(u"environment_tags"_s, { u"run_id"_s, u"environment"_s, u"tag"_s }, rows);
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

bool Writer::recordMigrations(const QString &environment, const QList<Seen> &seen)
{
    // The newest state of each migration of the environment, read once: a history has
    // thousands of migrations, and one query each would cost a round trip each on
    // PostgreSQL. Writers take turns (HistoryDb::begin), so nothing changes it meanwhile.
    QHash<QString, QString> newest; // by tool '\n' history '\n' migration id: its state
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!HistoryDb::exec(q,
            u"SELECT tool, history, migration_id, state FROM migration_transitions "
            "WHERE environment = ? ORDER BY id"_s,
            { environment }, m_error))
        return false;
    while (q.next())
        newest.insert(
            q.value(0).toString() + u'\n' + q.value(1).toString() + u'\n' + q.value(2).toString(),
            q.value(3).toString());
    q.finish();

    QVariantList transitions;
    QVariantList checks;
    QSet<QString> checked; // tool '\n' history: a history checked twice in a run counts once
    const auto transition = [&](const QString &tool, const QString &history,
                                const QString &migration, const QString &state,
                                const QDateTime &at) {
        transitions << environment << HistoryDb::bindable(tool) << HistoryDb::bindable(history)
                    << HistoryDb::bindable(migration) << state << t(at) << m_run.id;
        newest.insert(tool + u'\n' + history + u'\n' + migration, state);
    };
    for (const Seen &result : seen) {
        QSet<QString> listed; // by migration key: an id listed twice in one history counts once
        QSet<QString> histories; // tool '\n' history of this result's entries
        for (const MigrationEntry &e : result.entries) {
            const QString history = e.tool + u'\n' + e.history;
            const QString key = history + u'\n' + e.id;
            if (listed.contains(key))
                continue;
            listed.insert(key);
            histories.insert(history);
            const QString state = HistoryDb::stateKey(e.state);
            if (newest.value(key) != state)
                transition(e.tool, e.history, e.id, state, result.at);
        }
        // A migration of these histories that the run no longer lists is gone (the history
        // was rewritten, a row deleted): its sighting ends here, so "current" stays right.
        // Only the histories this result lists: another result (another table) says nothing
        // about them.
        QStringList gone;
        for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
            // tool and history hold no line break; a migration id might
            const qsizetype cut = it.key().indexOf(u'\n', it.key().indexOf(u'\n') + 1);
            if (it.value() != HistoryDb::AbsentState && histories.contains(it.key().left(cut))
                && !listed.contains(it.key()))
                gone << it.key();
        }
        gone.sort(); // the same order on every run, whatever QHash's
        for (const QString &key : std::as_const(gone)) {
            const qsizetype first = key.indexOf(u'\n');
            const qsizetype second = key.indexOf(u'\n', first + 1);
            transition(key.left(first), key.mid(first + 1, second - first - 1), key.mid(second + 1),
                HistoryDb::AbsentState, result.at);
        }
        for (const QString &history : std::as_const(histories)) {
            if (checked.contains(history))
                continue;
            checked.insert(history);
            const qsizetype cut = history.indexOf(u'\n');
            checks << m_run.id << environment << history.left(cut) << history.mid(cut + 1)
                   << t(result.at);
        }
    }
    return insertRows(u"migration_checks"_s,
               { u"run_id"_s, u"environment"_s, u"tool"_s, u"history"_s, u"checked_at"_s }, checks)
        && insertRows(u"migration_transitions"_s,
            { u"environment"_s, u"tool"_s, u"history"_s, u"migration_id"_s, u"state"_s, u"since"_s,
                u"run_id"_s },
            transitions);
}

bool Writer::recordStatuses(const QList<QPair<const CheckResult *, QDateTime>> &results)
{
    // The newest status of each subject of the run's environments, read in one query per
    // IdChunk environments (not one per result).
    QStringList environments;
    QSet<QString> listed;
    for (const auto &[r, at] : results)
        if (!listed.contains(r->environment)) {
            listed.insert(r->environment);
            environments << r->environment;
        }
    QHash<QString, QString> newest; // environment '\n' check '\n' subject: its status
    for (qsizetype from = 0; from < environments.size(); from += IdChunk) {
        const QStringList chunk = environments.mid(from, IdChunk);
        QVariantList values;
        for (const QString &e : chunk)
            values << HistoryDb::bindable(e);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!HistoryDb::exec(q,
                u"SELECT environment, check_id, subject, status FROM status_changes "
                "WHERE environment IN (%1) ORDER BY id"_s.arg(
                    QStringList(chunk.size(), u"?"_s).join(u", "_s)),
                values, m_error))
            return false;
        while (q.next())
            newest.insert(q.value(0).toString() + u'\n' + q.value(1).toString() + u'\n'
                    + q.value(2).toString(),
                q.value(3).toString());
    }
    QVariantList rows;
    for (const auto &[r, at] : results) {
        const QString status = Status::key(r->status);
        if (newest.value(r->environment + u'\n' + r->checkId + u'\n' + r->subject) == status)
            continue;
        rows << HistoryDb::bindable(r->environment) << HistoryDb::bindable(r->checkId)
             << HistoryDb::bindable(r->subject) << status << t(at) << m_run.id;
    }
    return insertRows(u"status_changes"_s,
        { u"environment"_s, u"check_id"_s, u"subject"_s, u"status"_s, u"since"_s, u"run_id"_s },
        rows);
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
    QHash<QString, QList<Writer::Seen>> migrations; // by environment, in the run's order
    QStringList order; // the environments of migrations, first listed first
    QList<QPair<const CheckResult *, QDateTime>> recorded;
    for (const CheckResult &r : results) {
        const QString name = r.environment + u'\n' + r.checkId + u'\n' + r.subject;
        if (names.contains(name))
            continue;
        names.insert(name);
        // Milliseconds, as the store keeps them, so a span's "since" equals a result's time.
        QDateTime at = (r.checkedAt.isValid() ? r.checkedAt : fallback).toUTC();
        at = QDateTime::fromMSecsSinceEpoch(at.toMSecsSinceEpoch(), QTimeZone::UTC);
        if (!w.insertResult(r, at))
            return false;
        recorded << qMakePair(&r, at);
        if (r.details.metaType() == QMetaType::fromType<QList<MigrationEntry>>()) {
            if (!migrations.contains(r.environment))
                order << r.environment;
            migrations[r.environment]
                << Writer::Seen { r.details.value<QList<MigrationEntry>>(), at };
        }
    }
    if (!w.recordStatuses(recorded))
        return false;
    for (const QString &environment : std::as_const(order))
        if (!w.recordMigrations(environment, migrations.value(environment)))
            return false;
    return true;
}
