// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/connectivitycheck.h"

#include "engine/dbsession.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

QStringList ConnectivityCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"connectivity"_s };
}

CheckResult ConnectivityCheck::connectionFailed(const Environment &env, const DbError &error) const
{
    CheckResult r = errorResult(env.name, error);
    if (error.kind == DbError::Kind::Cancelled)
        return r;
    r.status = CheckStatus::Fail;
    // libpq's own words stay visible wherever the message goes (Test Connection, the
    // table, reports): the classification may be wrong, the raw text is not.
    if (!error.detail.isEmpty())
        r.message += u" (%1: %2)"_s.arg(
            env.connection.driver == ConnectionSpec::Driver::Postgres ? u"libpq"_s : u"SQLite"_s,
            error.detailOneLine());
    // Authenticated only when the server judged the credentials: "false" for a full server
    // or a wrong port would point the reader at the password.
    Evidence ev { { u"Reachable"_s, error.reachedServer() } };
    if (error.authenticated)
        ev << qMakePair(u"Authenticated"_s, QVariant(*error.authenticated));
    ev << qMakePair(u"ConnectFailure"_s, QVariant(DbError::kindName(error.kind)))
       << qMakePair(u"Target"_s, QVariant(env.connection.describe()));
    if (!env.connectionSource.isEmpty())
        ev << qMakePair(u"ConnectionSource"_s, QVariant(env.connectionSource));
    r.evidence = ev + error.facts + r.evidence; // then SqlState and Error (libpq's text)
    return r;
}

QList<QueryGroup> ConnectivityCheck::plan(const CheckContext &ctx) const
{
    return { { ctx.isPostgres() ? u"SHOW server_version"_s : u"SELECT sqlite_version()"_s } };
}

CheckResult ConnectivityCheck::run(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    const QueryResult version = ctx.planned.value(0).value(0);
    if (!version.ok())
        return errorResult(env.name, version.error);
    // One round trip of the session's latest flight, measured to its first answer: the
    // checks' own statements, not an extra ping (each would cost a round trip of its own).
    const double latency = ctx.session.lastRoundTripMs();

    Evidence ev { { u"Reachable"_s, true }, { u"Authenticated"_s, true },
        { u"Target"_s, env.connection.describe() } };
    QString tls = u"n/a"_s;
    QString serverVersion = version.value(0, 0).toString();
    if (ctx.isPostgres()) {
        auto *conn = static_cast<PGconn *>(ctx.session.pgConnection());
        const bool inUse = conn && PQsslInUse(conn);
        tls = inUse
            ? u"%1, %2"_s.arg(QString::fromUtf8(PQsslAttribute(conn, "protocol")),
                  env.connection.tlsVerification() == u"verified" ? u"certificate verified"_s
                                                                  : u"unverified"_s)
            : u"off"_s;
        ev << qMakePair(u"ServerVersion"_s, QVariant(serverVersion))
           << qMakePair(u"Tls"_s, QVariant(tls));
    } else {
        serverVersion = u"SQLite "_s + serverVersion;
        ev << qMakePair(u"ServerVersion"_s, QVariant(serverVersion));
    }
    ev << qMakePair(u"LatencyMs"_s, QVariant(qRound(latency * 100) / 100.0));
    if (!env.connectionSource.isEmpty())
        ev << qMakePair(u"ConnectionSource"_s, QVariant(env.connectionSource));

    QString message
        = u"Connected to %1 in %2 ms round trip"_s.arg(serverVersion).arg(latency, 0, 'f', 1);
    if (ctx.isPostgres())
        message += tls == u"off"_s ? u"; TLS off"_s : u"; TLS "_s + tls;
    CheckResult r = result(ctx, CheckStatus::Pass, message);
    r.evidence = ev;
    return r;
}
