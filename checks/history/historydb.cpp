// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The history store's small shared pieces: stored times and keys, statements with bound
// values, and write transactions per dialect.

#include "history/historystore_p.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QThread>
#include <QTimeZone>
#include <vector>

using namespace Qt::StringLiterals;

QVariant HistoryDb::time(const QDateTime &t, bool postgres)
{
    if (!t.isValid())
        return QVariant();
    const QDateTime utc = t.toUTC();
    if (postgres)
        return utc;
    return utc.toString(Qt::ISODateWithMs); // "...T..:..:..zzzZ": sorts as the times do
}

QDateTime HistoryDb::readTime(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    QDateTime t = v.typeId() == QMetaType::QDateTime
        ? v.toDateTime()
        : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

namespace {
using State = MigrationEntry::State;
const QList<QPair<State, QString>> StateKeys = {
    { State::Applied, u"applied"_s },
    { State::Pending, u"pending"_s },
    { State::Failed, u"failed"_s },
    { State::Dirty, u"dirty"_s },
    { State::Modified, u"modified"_s },
    { State::Ahead, u"ahead"_s },
    { State::OutOfOrder, u"out_of_order"_s },
};
} // namespace

QString HistoryDb::stateKey(MigrationEntry::State state)
{
    for (const auto &[s, key] : StateKeys)
        if (s == state)
            return key;
    return u"unknown"_s;
}

std::optional<MigrationEntry::State> HistoryDb::stateFromKey(const QString &key)
{
    for (const auto &[s, k] : StateKeys)
        if (k == key)
            return s;
    return std::nullopt;
}

std::optional<CheckStatus> HistoryDb::statusFromKey(const QString &key)
{
    for (CheckStatus s : { CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Fail,
             CheckStatus::Error, CheckStatus::Skipped, CheckStatus::NotRun })
        if (Status::key(s) == key)
            return s;
    return std::nullopt;
}

namespace {
// Failed statements, kept until the transaction ends: QPSQL deallocates a prepared statement
// when its last QSqlQuery goes, and inside the aborted transaction PostgreSQL refuses that
// with a warning ("Unable to free statement"); after ROLLBACK it is freed quietly. Per
// thread, as the connections are.
std::vector<QSqlQuery> &parked()
{
    thread_local std::vector<QSqlQuery> queries;
    return queries;
}
} // namespace

void HistoryDb::park(QSqlQuery &q)
{
    QSqlQuery empty; // q is left this, so it can still be used (and fail) harmlessly
    q.swap(empty);
    parked().push_back(std::move(empty));
}

void HistoryDb::dropParked()
{
    parked().clear();
}

QVariant HistoryDb::bindable(const QVariant &v)
{
    // A null QString binds as NULL; the store's text columns are NOT NULL, empty for none.
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QString(u""_s);
    return v;
}

QString HistoryDb::errorText(const QSqlError &e)
{
    QString text = (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed();
    const QString code = e.nativeErrorCode();
    const QString tail = u'(' + code + u')';
    if (!code.isEmpty() && text.endsWith(tail))
        text.chop(tail.size());
    QStringList lines;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    text = lines.join(u"; "_s);
    return code.isEmpty() ? text : text + u" ("_s + code + u')';
}

bool HistoryDb::exec(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    // Without values, straight: QPSQL prepares server-side (PREPARE), which takes neither
    // BEGIN nor DDL.
    bool ok = true;
    if (values.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(bindable(v));
        ok = ok && q.exec();
    }
    if (!ok && error) {
        *error = errorText(q.lastError());
    }
    if (!ok)
        park(q);
    return ok;
}

bool HistoryDb::enableWal(QSqlDatabase &db, int timeoutMs, QString *error)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        QSqlQuery q(db);
        if (exec(q, u"PRAGMA journal_mode = WAL"_s, {}, error) && q.next()
            && q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0)
            return true;
        // SQLITE_BUSY (5) only: a read-only file or a full disk will not change by waiting.
        const bool busy = error->endsWith(u"(5)"_s);
        if (!busy || deadline.hasExpired()) {
            if (error->isEmpty())
                *error = u"SQLite did not switch it to WAL mode"_s;
            return false;
        }
        error->clear();
        QThread::msleep(20);
    }
}

bool HistoryDb::begin(QSqlDatabase &db, bool postgres, QString *error)
{
    QSqlQuery q(db);
    if (!postgres)
        return exec(q, u"BEGIN IMMEDIATE"_s, {}, error);
    if (!exec(q, u"BEGIN"_s, {}, error))
        return false;
    if (exec(q, u"SELECT pg_advisory_xact_lock(?)"_s, { AdvisoryLockKey }, error))
        return true;
    rollback(db);
    return false;
}

bool HistoryDb::commit(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (exec(q, u"COMMIT"_s, {}, error)) {
        parked().clear();
        return true;
    }
    rollback(db);
    return false;
}

void HistoryDb::rollback(QSqlDatabase &db)
{
    {
        QSqlQuery q(db);
        q.exec(u"ROLLBACK"_s);
    }
    parked().clear();
}
