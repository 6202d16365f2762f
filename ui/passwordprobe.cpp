// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "passwordprobe.h"

#include <QDeadlineTimer>
#include <QScopeGuard>
#include <libpq-fe.h>
#include <poll.h>

using namespace Qt::StringLiterals;

PasswordProbe::Outcome PasswordProbe::probe(const ConnectionSpec &spec, int connectTimeoutSec)
{
    ConnectionSpec target = spec;
    target.password.clear();
    target.connectTimeoutSec = qMax(1, connectTimeoutSec);
    const QByteArray conninfo = target.toKeywordString().toUtf8();
    // Array entries before the expanded dbname are defaults the connection may override;
    // those after it win (PQconnectdbParams). A password file that does not exist keeps
    // libpq from finding one behind our back.
    const char *keywords[] = { "application_name", "dbname", "passfile", nullptr };
    const char *values[] = { "doctor-dashboard", conninfo.constData(),
        "/nonexistent/doctor-dashboard/pgpass", nullptr };
    PGconn *conn = PQconnectStartParams(keywords, values, 1);
    if (!conn)
        return Outcome::Failed;
    const auto finish = qScopeGuard([conn] { PQfinish(conn); });
    if (PQstatus(conn) == CONNECTION_BAD)
        return Outcome::Failed;
    // Polled against a deadline of our own: connect_timeout is per host and per attempt,
    // and a probe must not hold the run longer than one connect would.
    const QDeadlineTimer deadline(qint64(*target.connectTimeoutSec) * 1000);
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        pollfd p { PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0 };
        const qint64 left = deadline.remainingTime();
        if (p.fd < 0 || left == 0 || ::poll(&p, 1, int(left)) <= 0)
            return Outcome::Failed;
        state = PQconnectPoll(conn);
    }
    if (state == PGRES_POLLING_OK)
        return Outcome::NotNeeded;
    return PQconnectionNeedsPassword(conn) ? Outcome::Needed : Outcome::Failed;
}
