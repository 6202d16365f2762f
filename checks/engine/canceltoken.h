// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QMutex>
#include <QtGlobal>
#include <atomic>

struct pg_cancel;
struct pg_conn;

// Lets another thread stop the query a job is running (PQcancel), and tells the job
// to stop between statements. A job may hold a second session for a while (a reference
// environment's history), so the sessions attach and detach in nested order.
//
// It also carries the job's deadline for the check in progress: a server that stops
// answering mid-query (frozen, partitioned away, or a pooler queue) is beyond what
// statement_timeout and PQcancel can reach, so the runner's watchdog closes the
// connection's socket once the deadline passes, and the blocked call returns.
class CancelToken
{
public:
    ~CancelToken();
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    const std::atomic_bool &flag() const { return m_cancelled; }

    void attach(pg_conn *conn); // called by the job's thread after connecting
    void detach(pg_conn *conn); // called by the job's thread before closing

    // Job thread: the current check must be done within ms (0 disarms).
    void setDeadline(qint64 ms);
    // Watchdog: closes the newest session's socket when its deadline has passed.
    void abortIfOverdue();
    // Job thread: whether the newest session was closed that way. Per session, so a
    // reference environment's session that stopped answering leaves the job's own alone.
    bool wasAborted();

private:
    struct Attached
    {
        pg_conn *conn;
        pg_cancel *cancel;
        bool aborted;
    };
    std::atomic_bool m_cancelled { false };
    std::atomic<qint64> m_deadlineAt { 0 }; // QDeadlineTimer-style steady ms, 0 = none
    QMutex m_mutex;
    QList<Attached> m_attached; // oldest first
};
