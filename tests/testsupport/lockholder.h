// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "pgserver.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <libpq-fe.h>
#include <memory>
#include <vector>

// A session of "another application" for the lock tests (check.postgres.locks, issue 16): a
// libpq connection of its own, so that a statement can be sent and left waiting for a lock
// while the test goes on (PQsendQuery), which a QSqlQuery cannot. Header-only; the test links
// libpq by including libpq-fe.h.
class LockHolder
{
public:
    LockHolder(const PgServer &pg, const QString &db, const QString &application,
        const QString &user = {}, const QString &password = {})
    {
        const QByteArray conninfo
            = QStringLiteral(
                "host=%1 port=%2 dbname=%3 user=%4 password=%5 application_name=%6 sslmode=disable")
                  .arg(pg.host())
                  .arg(pg.port())
                  .arg(db, user.isEmpty() ? pg.user() : user,
                      password.isEmpty() ? pg.password() : password, application)
                  .toUtf8();
        m_conn = PQconnectdb(conninfo.constData());
    }
    ~LockHolder()
    {
        if (m_conn)
            PQfinish(m_conn);
    }
    LockHolder(const LockHolder &) = delete;
    LockHolder &operator=(const LockHolder &) = delete;

    bool isOpen() const { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }
    int pid() const { return m_conn ? PQbackendPID(m_conn) : 0; }
    QString error() const
    {
        return m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : QString();
    }

    // Runs SQL to its end (every statement of it); empty on success, else the error.
    QString exec(const QString &sql)
    {
        PGresult *r = PQexec(m_conn, sql.toUtf8().constData());
        const ExecStatusType status = PQresultStatus(r);
        const QString error = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
            ? QString()
            : QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
        return error;
    }
    // Sends SQL without waiting for its answer: the statement may wait for a lock.
    bool send(const QString &sql) { return PQsendQuery(m_conn, sql.toUtf8().constData()) == 1; }
    // Reads the answers of send() (blocking until the statement ended); the last error.
    QString finish()
    {
        QString error;
        while (PGresult *r = PQgetResult(m_conn)) {
            const ExecStatusType status = PQresultStatus(r);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
                error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            PQclear(r);
        }
        return error;
    }

    // Waits up to timeoutMs for this session to wait for a lock (an ungranted entry in
    // pg_locks), asking as the fixture's superuser.
    bool waitsForLock(const PgServer &pg, const QString &db, int timeoutMs = 5000) const
    {
        QElapsedTimer t;
        t.start();
        const QString sql
            = QStringLiteral("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = %1")
                  .arg(pid());
        while (t.elapsed() < timeoutMs) {
            if (pg.scalar(db, sql).toInt() > 0)
                return true;
            QThread::msleep(20);
        }
        return false;
    }

private:
    PGconn *m_conn = nullptr;
};

// Ends every session in HELD on the server (pg_terminate_backend), clears HELD, and waits
// until the server has let them go: no test leaves a session behind. False when one is still
// there after 5 s.
inline bool endHeld(
    const PgServer &pg, const QString &db, std::vector<std::unique_ptr<LockHolder>> &held)
{
    QStringList pids;
    for (const auto &h : held)
        pids << QString::number(h->pid());
    if (pids.isEmpty())
        return true;
    const QString list = pids.join(u',');
    pg.exec(db,
        { QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (%1)")
                .arg(list) });
    held.clear();
    const QString left
        = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid IN (%1)").arg(list);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 5000) {
        if (pg.scalar(db, left).toInt() == 0)
            return true;
        QThread::msleep(20);
    }
    return false;
}
