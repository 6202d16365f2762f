// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/startupprobe.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <libpq-fe.h>
#include <poll.h>

using namespace Qt::StringLiterals;

StartupProbe::Result StartupProbe::run(const ConnectionSpec &spec, int timeoutSec)
{
    Result out;
    ConnectionSpec target = spec;
    target.password.clear();
    target.connectTimeoutSec = qMax(1, timeoutSec);
    const QByteArray conninfo = target.toKeywordString().toUtf8();
    // Array entries before the expanded dbname are defaults the connection may override;
    // those after it win (PQconnectdbParams). A password file path that does not exist keeps
    // ~/.pgpass out silently (libpq warns on stderr about /dev/null, "not a plain file").
    const char *keywords[] = { "application_name", "dbname", "passfile", nullptr };
    const char *values[] = { "doctor-dashboard", conninfo.constData(),
        "/nonexistent/doctor-dashboard/pgpass", nullptr };
    PGconn *conn = PQconnectStartParams(keywords, values, 1);
    if (!conn)
        return out;
    const auto finish = qScopeGuard([conn] { PQfinish(conn); });
    if (PQstatus(conn) == CONNECTION_BAD)
        return out;
    PQsetErrorVerbosity(conn, PQERRORS_SQLSTATE);
    const QDeadlineTimer deadline(qint64(*target.connectTimeoutSec) * 1000);
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        pollfd p { PQsocket(conn), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0 };
        const qint64 left = deadline.remainingTime();
        if (p.fd < 0 || left == 0 || ::poll(&p, 1, int(left)) <= 0)
            return out; // no answer in time: nothing learnt
        state = PQconnectPoll(conn);
    }
    if (state == PGRES_POLLING_OK) {
        out.outcome = Result::Outcome::Connected;
        return out;
    }
    out.outcome = Result::Outcome::Refused;
    out.askedForPassword = PQconnectionNeedsPassword(conn);
    static const QRegularExpression code(
        u"\\p{Lu}+:  ([0-9A-Z]{5})\\s*$"_s, QRegularExpression::MultilineOption);
    for (const QRegularExpressionMatch &m :
        code.globalMatch(QString::fromUtf8(PQerrorMessage(conn))))
        out.sqlState = m.captured(1); // the last attempt's
    return out;
}
