// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/canceltoken.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <libpq-fe.h>
#include <sys/socket.h>

CancelToken::~CancelToken()
{
    QMutexLocker lock(&m_mutex);
    for (const Attached &a : std::as_const(m_attached))
        PQfreeCancel(a.cancel);
    m_attached.clear();
}

void CancelToken::cancel()
{
    m_cancelled = true;
    // A server that PQcancel cannot reach would keep the job waiting: give it two more
    // seconds, then the watchdog closes the connection.
    const qint64 soon = QDeadlineTimer(2000).deadline();
    qint64 at = m_deadlineAt.load();
    while (at != 0 && at > soon && !m_deadlineAt.compare_exchange_weak(at, soon)) { }
    QMutexLocker lock(&m_mutex);
    // Every attached session: cancelling one that is idle does nothing.
    for (const Attached &a : std::as_const(m_attached)) {
        char buf[256];
        PQcancel(a.cancel, buf, sizeof buf); // thread-safe by libpq's contract
    }
}

void CancelToken::attach(pg_conn *conn)
{
    if (!conn)
        return;
    QMutexLocker lock(&m_mutex);
    m_attached.append({ conn, PQgetCancel(conn), false });
}

void CancelToken::detach(pg_conn *conn)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = m_attached.size() - 1; i >= 0; --i) {
        if (m_attached.at(i).conn == conn) {
            PQfreeCancel(m_attached.at(i).cancel);
            m_attached.removeAt(i);
            return;
        }
    }
}

void CancelToken::setDeadline(qint64 ms)
{
    m_deadlineAt = ms > 0 ? QDeadlineTimer(ms).deadline() : 0;
}

bool CancelToken::wasAborted()
{
    QMutexLocker lock(&m_mutex);
    return !m_attached.isEmpty() && m_attached.last().aborted;
}

void CancelToken::abortIfOverdue()
{
    const qint64 at = m_deadlineAt.load();
    if (at == 0 || QDeadlineTimer::current().deadline() < at)
        return;
    QMutexLocker lock(&m_mutex);
    if (m_attached.isEmpty() || m_attached.last().aborted)
        return;
    // shutdown(), not close(): the descriptor stays the job's, so it cannot be reused
    // under it, and the job's blocked read returns at once with "connection closed".
    Attached &newest = m_attached.last();
    const int fd = PQsocket(newest.conn);
    if (fd >= 0) {
        newest.aborted = true;
        ::shutdown(fd, SHUT_RDWR);
    }
}
