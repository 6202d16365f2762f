// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/dberror.h"
#include "engine/environment.h"
#include "engine/queryresult.h"

#include <QString>

class CancelToken;
struct pg_conn;

// One job's own connection: created, used and closed on the calling thread only.
//
// PostgreSQL is spoken through libpq directly, not through QSqlDatabase's QPSQL driver:
// QPSQL's open() sends six statements of its own one by one (the version, the encoding,
// DateStyle, bytea_output, the time zone, standard_conforming_strings), six network round
// trips before the first check, and it offers no pipelining. Here the connection's settings
// travel in the start-up packet (client_encoding), and run() sends every statement of a
// flight before reading the first answer (libpq's pipeline mode): one round trip per
// flight however many statements it holds (BENCHMARKS.md, "Round trips").
// SQLite (the embedded demo) goes through QSqlDatabase (QSQLITE), opened read-only; its
// connection lives in Qt's registry under a unique name, never in a member.
class DbSession
{
public:
    DbSession(const Environment &env, CancelToken *token);
    ~DbSession(); // closes the connection (PQfinish; removeDatabase for SQLite)
    DbSession(const DbSession &) = delete;
    DbSession &operator=(const DbSession &) = delete;

    // Connects (blocking, bounded by the environment's connect timeout). On failure
    // error() says what happened and what to do (DbError::fromConnect, refined by a
    // password-less StartupProbe when the words are unknown).
    bool open();
    const DbError &error() const { return m_error; }
    bool isPostgres() const;

    // Sends the groups as one flight and returns their answers, answers[g][s] for group g's
    // statement s, always groups.size() lists of the groups' sizes. PostgreSQL: each group is
    // sent as a read-only preamble (set_config of transaction_read_only, statement_timeout
    // and lock_timeout, all local to the transaction) then its statements, each through the
    // extended protocol without parameters, then a Sync that ends the group's implicit
    // transaction; every group of the flight is written before any answer is read, so the
    // flight costs one network round trip. A failed statement makes the rest of its group
    // `skipped` with the same error; a connection lost part-way fails every statement not
    // yet answered (Kind::ConnectionLost, or what the token says: cancelled, no answer).
    // SQLite: each group runs inside BEGIN .. ROLLBACK on a query_only connection.
    FlightAnswers run(const QList<QueryGroup> &groups);
    // Milliseconds from writing the last flight to its first answer: one network round trip
    // plus the server's time for a trivial statement (the preamble); 0 before any flight.
    double lastRoundTripMs() const { return m_roundTripMs; }
    // Flights sent on this session (each one network round trip on PostgreSQL).
    int flights() const { return m_flights; }

    // libpq's connection (PostgreSQL, once open), else nullptr: for PQsslInUse and the like,
    // and for PQescapeLiteral. Owned by the session; never closed by the caller.
    pg_conn *pgConnection() const { return m_conn; }
    // An SQL string literal of value for this connection: libpq's PQescapeLiteral on
    // PostgreSQL (standard_conforming_strings and encoding known), '' doubling on SQLite.
    // Empty when value holds a NUL (no PostgreSQL name does) or libpq fails.
    QString literal(const QString &value) const;

    // A unique name for a QSqlDatabase connection (a counter, never a thread's address).
    static QString nextConnectionName();

private:
    bool openPostgres();
    bool openSqlite();
    FlightAnswers runPostgres(const QList<QueryGroup> &groups);
    FlightAnswers runSqlite(const QList<QueryGroup> &groups);
    // The error for statements a broken or aborted connection could not answer.
    DbError lostError() const;

    const Environment &m_env;
    CancelToken *m_token;
    QString m_name; // SQLite: the QSqlDatabase connection name
    pg_conn *m_conn = nullptr;
    DbError m_error;
    double m_roundTripMs = 0;
    int m_flights = 0;
};
