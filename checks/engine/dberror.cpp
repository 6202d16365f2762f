// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// DbError's methods: placing a failure by libpq's text or its SQLSTATE. The message tables
// are in dberrorpatterns.cpp, the words for each kind in dberroradvice.cpp.

#include "engine/dberror.h"

#include "engine/dberror_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace DbErrorPrivate;

namespace {

bool place(DbError *e, const QList<Pattern> &patterns, const QString &text, int connectTimeoutSec)
{
    for (const Pattern &p : patterns) {
        const QRegularExpressionMatch m = p.re.match(text);
        if (!m.hasMatch())
            continue;
        e->kind = p.kind;
        if (*p.sqlState)
            e->sqlState = QString::fromUtf16(p.sqlState);
        describe(e, p.variant, &m, connectTimeoutSec);
        e->authenticated = credentialsAccepted(p.kind, p.variant);
        return true;
    }
    return false;
}

} // namespace

QString DbError::summary() const
{
    QString text = what;
    if (text.isEmpty()) {
        switch (kind) {
        case Kind::None:
            return {};
        case Kind::ConnectionRefused:
            text = u"Connection refused"_s;
            break;
        case Kind::Timeout:
            text = u"Connection timeout"_s;
            break;
        case Kind::AuthenticationFailed:
            text = u"Authentication failed"_s;
            break;
        case Kind::PermissionDenied:
            text = u"Permission denied"_s;
            break;
        case Kind::StatementTimeout:
            text = u"Query timed out (statement_timeout)"_s;
            break;
        case Kind::LockTimeout:
            text = u"Lock timeout: another session holds a conflicting lock"_s;
            break;
        case Kind::Cancelled:
            text = u"Cancelled"_s;
            break;
        case Kind::ConnectionLost:
            text = u"Connection lost"_s;
            break;
        case Kind::NoAnswer:
            text = u"No answer from the server"_s;
            break;
        case Kind::ReadOnly:
            text = u"Write refused in a read-only transaction"_s;
            break;
        case Kind::NotFound:
            text = u"Not found"_s;
            break;
        default:
            text = detail.section(u'\n', 0, 0).trimmed();
            if (text.isEmpty())
                text = u"Database error"_s;
            break;
        }
    }
    return advice.isEmpty() ? text : text + u". "_s + advice;
}

QString DbError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::HostNotFound:
        return u"HostNotFound"_s;
    case Kind::ConnectionRefused:
        return u"ConnectionRefused"_s;
    case Kind::NoRoute:
        return u"NoRoute"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::NotPostgres:
        return u"NotPostgres"_s;
    case Kind::TlsFailed:
        return u"TlsFailed"_s;
    case Kind::AuthenticationFailed:
        return u"AuthenticationFailed"_s;
    case Kind::RoleNotFound:
        return u"RoleNotFound"_s;
    case Kind::LoginNotPermitted:
        return u"LoginNotPermitted"_s;
    case Kind::HbaRejected:
        return u"HbaRejected"_s;
    case Kind::LoginRejected:
        return u"LoginRejected"_s;
    case Kind::NoConnectPrivilege:
        return u"NoConnectPrivilege"_s;
    case Kind::DatabaseNotFound:
        return u"DatabaseNotFound"_s;
    case Kind::DatabaseNotAccepting:
        return u"DatabaseNotAccepting"_s;
    case Kind::NoFreeSlot:
        return u"NoFreeSlot"_s;
    case Kind::RoleConnectionLimit:
        return u"RoleConnectionLimit"_s;
    case Kind::DatabaseConnectionLimit:
        return u"DatabaseConnectionLimit"_s;
    case Kind::ServerNotAccepting:
        return u"ServerNotAccepting"_s;
    case Kind::PermissionDenied:
        return u"PermissionDenied"_s;
    case Kind::StatementTimeout:
        return u"StatementTimeout"_s;
    case Kind::LockTimeout:
        return u"LockTimeout"_s;
    case Kind::Cancelled:
        return u"Cancelled"_s;
    case Kind::ConnectionLost:
        return u"ConnectionLost"_s;
    case Kind::NoAnswer:
        return u"NoAnswer"_s;
    case Kind::ReadOnly:
        return u"ReadOnly"_s;
    case Kind::NotFound:
        return u"NotFound"_s;
    case Kind::Other:
        return u"Other"_s;
    }
    return {};
}

bool DbError::reachedServer() const
{
    switch (kind) {
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::NoRoute:
    case Kind::Timeout:
    case Kind::NotPostgres:
        return false;
    default:
        return true;
    }
}

QString DbError::detailOneLine() const
{
    return detail.simplified();
}

bool DbError::hasServerMessage(const QString &libpqText)
{
    return serverLine().match(libpqText).hasMatch();
}

DbError DbError::fromConnect(const QString &libpqMessage, int connectTimeoutSec)
{
    DbError e;
    e.detail = libpqMessage.trimmed();
    // The server's messages first, the last one that places: libpq lists every attempt
    // (each host, and with sslmode=prefer a second one without TLS), the last is final.
    QStringList primaries;
    for (const QRegularExpressionMatch &m : serverLine().globalMatch(e.detail))
        primaries.append(m.captured(u"primary"_s));
    for (auto it = primaries.crbegin(); it != primaries.crend(); ++it) {
        if (place(&e, serverPatterns(), *it, connectTimeoutSec))
            return e;
    }
    // Then libpq's own words, the last attempt first ("localhost" that refuses on ::1 and
    // fails the certificate on 127.0.0.1 is a certificate failure).
    static const QRegularExpression attemptStart(u"\n(?=connection to server )"_s);
    const QStringList attempts = e.detail.split(attemptStart);
    for (auto it = attempts.crbegin(); it != attempts.crend(); ++it) {
        if (!place(&e, clientPatterns(), *it, connectTimeoutSec))
            continue;
        if (e.kind == Kind::ConnectionRefused && e.what == u"Connection refused"_s) {
            if (const QRegularExpressionMatch m = attemptLine().match(*it); m.hasMatch())
                e.what += u" by %1 port %2"_s.arg(m.captured(u"host"_s), m.captured(u"port"_s));
        }
        return e;
    }
    if (!e.sqlState.isEmpty()) {
        e.placeByStartupSqlState(e.sqlState);
        if (e.kind != Kind::None)
            return e;
    }
    e.kind = Kind::Other;
    e.advice = u"Check the connection settings."_s;
    return e;
}

void DbError::placeByStartupSqlState(const QString &state)
{
    static const QList<QPair<QString, Kind>> byState {
        { u"53300"_s, Kind::NoFreeSlot },
        { u"3D000"_s, Kind::DatabaseNotFound },
        { u"28P01"_s, Kind::AuthenticationFailed },
        { u"28000"_s, Kind::LoginRejected },
        { u"42501"_s, Kind::NoConnectPrivilege },
        { u"55000"_s, Kind::DatabaseNotAccepting },
        { u"57P03"_s, Kind::ServerNotAccepting },
    };
    for (const auto &[code, k] : byState) {
        if (code != state)
            continue;
        kind = k;
        sqlState = state;
        what.clear();
        advice.clear();
        facts.clear();
        const Variant variant
            = k == Kind::AuthenticationFailed ? Variant::PasswordAuth : Variant::Plain;
        describe(this, variant, nullptr, 0);
        authenticated = credentialsAccepted(k, variant);
        return;
    }
}

DbError DbError::fromQuery(const QSqlError &error)
{
    const QString text = error.databaseText().trimmed();
    return fromQuery(error.nativeErrorCode(), text.isEmpty() ? error.text() : text);
}

DbError DbError::fromQuery(const QString &sqlState, const QString &message)
{
    DbError e;
    e.sqlState = sqlState;
    e.detail = message.trimmed();
    const QString &s = e.sqlState;
    const QString t = e.detail.toLower();
    if (s == u"42501") {
        e.kind = Kind::PermissionDenied;
    } else if (s == u"57014") {
        // 57014 is both a statement_timeout and a cancel request. The server words it in its
        // own language (lc_messages), so the text cannot tell them apart; our own cancels are
        // known to the runner, which turns any error after one into "Cancelled". Only the
        // English text of someone else's cancel (pg_cancel_backend, a pooler) is told apart.
        if (t.contains(u"user request")) {
            e.kind = Kind::Other;
            e.advice = u"Another session or a connection pooler cancelled the query "
                       "(pg_cancel_backend); run the check again."_s;
        } else {
            e.kind = Kind::StatementTimeout;
            e.advice = u"The server took longer than the statement timeout; raise it for this "
                       "environment or check load."_s;
        }
    } else if (s == u"55P03") {
        e.kind = Kind::LockTimeout;
        e.advice = u"Look for the blocking session in pg_locks / pg_stat_activity (often a "
                   "migration in progress)."_s;
    } else if (s == u"25006") {
        e.kind = Kind::ReadOnly;
    } else if (s == u"57P01" || s == u"57P02" || s == u"57P03" || s.startsWith(u"08")
        || t.contains(u"server closed the connection") || t.contains(u"no connection to the server")
        || t.contains(u"terminating connection")) {
        e.kind = Kind::ConnectionLost;
        e.advice = u"The server ended the session (restart, failover or pg_terminate_backend); "
                   "run the check again."_s;
    } else {
        e.kind = Kind::Other;
    }
    return e;
}

DbError DbError::noAnswer(qint64 waitedMs)
{
    DbError e;
    e.kind = Kind::NoAnswer;
    e.detail = u"no answer within %1 s; the connection was closed"_s.arg(qRound(waitedMs / 1000.0));
    e.advice = u"The server stopped answering mid-query, beyond what statement_timeout can stop: "
               "a frozen server, a network partition, or a pooler with no free server "
               "connection (PgBouncer's query_wait_timeout). Check the server and the pooler, "
               "then run the check again."_s;
    return e;
}
