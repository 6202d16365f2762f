// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QSqlError>
#include <QString>
#include <optional>

// Why a database call failed, in words a DBA can act on.
//
// Connection failures are classified from libpq's text (PQerrorMessage): libpq keeps the
// start-up error's SQLSTATE only in its private PGresult, so a failed connect carries no
// SQLSTATE. fromConnect() therefore reads the server's message, and fills sqlState with
// the code PostgreSQL's source gives that message.
//
// The server words its start-up errors in its own lc_messages (postgresql.conf): the
// client's options are not applied before the login succeeds. Verified with
// PostgreSQL 17 and lc_messages = 'de_DE.UTF-8' (tests/tst_pg_connectfailures.cpp).
// The patterns cover English and German; for other languages DbSession learns the
// SQLSTATE from a password-less second attempt (DbSession::open()).
struct DbError
{
    enum class Kind {
        None,
        // Connection failures before a PostgreSQL server answered.
        HostNotFound, // DNS: libpq "could not translate host name"
        ConnectionRefused,
        NoRoute, // "No route to host", "Network is unreachable"
        Timeout, // connect_timeout expired
        NotPostgres, // something else answered: an HTTP server, a proxy ...
        TlsFailed, // handshake, certificate, or sslmode the server cannot meet
        // Connection failures the server sent at start-up.
        AuthenticationFailed, // 28P01 (wrong password or, with password methods, no such role),
                              // 28000 other methods
        RoleNotFound, // 28000 (methods that do not ask for a password)
        LoginNotPermitted, // 28000 role without LOGIN
        HbaRejected, // 28000 no pg_hba.conf line, or a "reject" line
        LoginRejected, // 28000 whose words are not known (another server language)
        NoConnectPrivilege, // 42501 no CONNECT on the database
        DatabaseNotFound, // 3D000
        DatabaseNotAccepting, // 55000 ALLOW_CONNECTIONS false (datallowconn)
        NoFreeSlot, // 53300 max_connections reached, or only reserved slots left
        RoleConnectionLimit, // 53300 CONNECTION LIMIT of the role
        DatabaseConnectionLimit, // 53300 CONNECTION LIMIT of the database
        ServerNotAccepting, // 57P03 starting up, shutting down, recovery, standby
        // Failures of a session that was open.
        PermissionDenied,
        StatementTimeout,
        LockTimeout,
        Cancelled,
        ConnectionLost,
        NoAnswer, // the runner's watchdog closed a connection that stopped answering
        ReadOnly,
        NotFound, // an SQLite file
        Other
    };
    Kind kind = Kind::None;
    QString sqlState; // the server's SQLSTATE, or the one PostgreSQL gives the message read
    QString detail; // the driver's text (libpq's PQerrorMessage), password-free
    QString what; // what happened, with the names the server gave; empty: the kind's words
    QString advice; // what to do about it
    Evidence facts; // what the message told besides the kind (e.g. SlotShortage)
    // Connection failures: whether the server had accepted the role's credentials;
    // nullopt when it failed before the server judged them (unreachable, no free slot,
    // starting up ...).
    std::optional<bool> authenticated;

    bool isError() const { return kind != Kind::None; }
    // "What happened. What to do." on one line: `what` (or the kind's words, or the first
    // line of `detail` for Kind::Other), then `advice` when there is any; empty for None.
    QString summary() const;

    // For connection failures. A stable identifier for the evidence key ConnectFailure and
    // scripts ("NoFreeSlot", "HbaRejected" ...); empty for Kind::None.
    static QString kindName(Kind kind);
    // Whether a PostgreSQL server answered on the host and port.
    bool reachedServer() const;
    // The driver's text on one line, for messages (the evidence keeps the lines).
    QString detailOneLine() const;

    // A failed connect: libpq's PQerrorMessage() text. Places what libpq and the server said (the
    // last attempt that places wins: libpq lists one per host and TLS mode); Kind::Other with
    // generic advice when it cannot (the caller may refine it, see DbSession::open()).
    // connectTimeoutSec (seconds) only words the advice of a Timeout.
    static DbError fromConnect(const QString &libpqMessage, int connectTimeoutSec);
    // Whether libpq's text holds an error the server sent (a "SEVERITY:  message" line)
    // as opposed to one libpq wrote itself.
    static bool hasServerMessage(const QString &libpqText);
    // Re-places an unplaced connect failure by the SQLSTATE a second attempt returned
    // (53300, 3D000, 28P01, 28000, 42501, 55000, 57P03); any other state leaves it as it is.
    void placeByStartupSqlState(const QString &state);

    // A failed statement of an open session, by its SQLSTATE: 42501 PermissionDenied,
    // 57014 StatementTimeout (or Other for someone else's cancel), 55P03 LockTimeout,
    // 25006 ReadOnly, 57P01-03, class 08 or libpq saying the server closed the connection
    // ConnectionLost; anything else Other.
    // sqlState: PG_DIAG_SQLSTATE (may be empty when libpq itself failed); message: the
    // server's or libpq's text (PQresultErrorMessage).
    static DbError fromQuery(const QString &sqlState, const QString &message);
    // The same for a QtSql statement (SQLite): nativeErrorCode() and databaseText().
    static DbError fromQuery(const QSqlError &error);
    // Kind::NoAnswer for a connection the runner's watchdog closed after waitedMs
    // milliseconds without an answer (shown rounded to seconds).
    static DbError noAnswer(qint64 waitedMs);
};
