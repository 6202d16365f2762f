// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/longtransactionscheck.h"

#include "engine/dbsession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

const QString Name = u"long-transactions"_s;

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest); // 31536000, not 3.1536e+07
}

double oneDecimal(double v)
{
    return qRound64(v * 10) / 10.0;
}

struct Limits
{
    double queryWarn = 0;
    double transactionWarn = 0;
    double transactionFail = 0;
    double idleWarn = 0;
};

Limits limitsOf(const Environment &env)
{
    return { env.threshold(Name, u"queryWarnSeconds"_s),
        env.threshold(Name, u"transactionWarnSeconds"_s),
        env.threshold(Name, u"transactionFailSeconds"_s),
        env.threshold(Name, u"idleInTransactionWarnSeconds"_s) };
}

QString describe(const Limits &l)
{
    return u"query warn %1 s; transaction warn %2 s, fail %3 s; idle in transaction warn %4 s"_s
        .arg(number(l.queryWarn), number(l.transactionWarn), number(l.transactionFail),
            number(l.idleWarn));
}

// This database's sessions, never the check's own. pg_stat_get_activity(NULL) is what the
// pg_stat_activity view reads, without the view's joins (see PoolCheck::plan). A session
// of another role shows backend_type, state and its times only to pg_read_all_stats; such
// a session is counted by the next statement instead.
const char16_t *ownDatabase = u"pid <> pg_backend_pid() AND datid = (SELECT oid FROM pg_database "
                              "WHERE datname = current_database())";

struct Session
{
    int pid = 0;
    QString user;
    QString application;
    QString client;
    QString state;
    double transactionSeconds = -1; // -1: no transaction open
    double querySeconds = -1; // -1: not running a query
    double idleSeconds = -1; // -1: not idle in a transaction
    QString queryStart;
    QString query;
    qint64 xminAge = -1; // -1: no snapshot held

    // "pid 123 (app, client 10.0.0.5, idle in transaction 400 s, transaction 420 s, query
    // started ..., xmin age 12): UPDATE t ..."
    QString describe() const
    {
        QStringList about;
        about << (application.isEmpty() ? u"no application_name"_s : application);
        if (!client.isEmpty())
            about << u"client "_s + client;
        if (idleSeconds >= 0)
            about << u"%1 %2 s"_s.arg(state).arg(qRound64(idleSeconds));
        else if (querySeconds >= 0)
            about << u"running %1 s"_s.arg(qRound64(querySeconds));
        else
            about << state;
        if (transactionSeconds >= 0)
            about << u"transaction %1 s"_s.arg(qRound64(transactionSeconds));
        if (!queryStart.isEmpty())
            about << u"query started "_s + queryStart;
        if (xminAge >= 0)
            about << u"xmin age %1"_s.arg(xminAge);
        return u"pid %1 (%2): %3"_s.arg(pid).arg(about.join(u", "_s), query);
    }
    QVariantMap toMap() const
    {
        return { { u"pid"_s, pid }, { u"user"_s, user }, { u"application"_s, application },
            { u"client"_s, client }, { u"state"_s, state },
            { u"transactionSeconds"_s, transactionSeconds }, { u"querySeconds"_s, querySeconds },
            { u"idleSeconds"_s, idleSeconds }, { u"queryStart"_s, queryStart },
            { u"query"_s, query }, { u"xminAge"_s, xminAge } };
    }
};

double secondsOr(const QVariant &v)
{
    return v.isNull() ? -1 : v.toDouble();
}

Session sessionFrom(const QVariantList &row)
{
    Session s;
    s.pid = row.value(0).toInt();
    s.user = row.value(1).toString();
    s.application = row.value(2).toString();
    s.client = row.value(3).toString();
    s.state = row.value(4).toString();
    s.transactionSeconds = secondsOr(row.value(5));
    s.querySeconds = secondsOr(row.value(6));
    s.idleSeconds = secondsOr(row.value(7));
    s.queryStart = row.value(8).toString();
    s.query = row.value(9).toString();
    s.xminAge = row.value(10).isNull() ? -1 : row.value(10).toLongLong();
    return s;
}

} // namespace

QStringList LongTransactionsCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"transactions"_s, u"vacuum"_s };
}

QList<QueryGroup> LongTransactionsCheck::plan(const CheckContext &ctx) const
{
    const Limits l = limitsOf(ctx.environment);
    // The sessions over any threshold, oldest transaction first. Client backends only: an
    // anti-wraparound autovacuum or a replication worker may run for hours by design. The
    // query is shortened to 200 characters on one line. The xmin age is how far the session
    // holds vacuum back, in transactions: the older of its snapshot's xmin (a running query,
    // or any moment of a REPEATABLE READ transaction) and its own transaction id (a
    // transaction that wrote, even while idle); GREATEST skips the one that is NULL.
    // Every column and function used here exists from PostgreSQL 10 on, so 13 to 18 take
    // the same statements; on a standby they read its own sessions (hot standby queries).
    const QString sessions
        = u"SELECT pid, pg_get_userbyid(usesysid)::text, application_name, "
          "CASE WHEN client_addr IS NOT NULL THEN host(client_addr) "
          "     WHEN client_port = -1 THEN 'local' END, state, "
          "EXTRACT(EPOCH FROM clock_timestamp() - xact_start)::float8, "
          "CASE WHEN state = 'active' "
          "  THEN EXTRACT(EPOCH FROM clock_timestamp() - query_start)::float8 END, "
          "CASE WHEN state LIKE 'idle in transaction%' "
          "  THEN EXTRACT(EPOCH FROM clock_timestamp() - state_change)::float8 END, "
          "to_char(query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
          "left(regexp_replace(query, '\\s+', ' ', 'g'), 200), "
          "GREATEST(age(backend_xmin), age(backend_xid))::bigint "
          "FROM pg_stat_get_activity(NULL) "
          "WHERE %4 AND backend_type = 'client backend' AND ("
          "  (state = 'active' AND query_start < clock_timestamp() - make_interval(secs => %1)) "
          "  OR xact_start < clock_timestamp() - make_interval(secs => %2) "
          "  OR (state LIKE 'idle in transaction%' "
          "      AND state_change < clock_timestamp() - make_interval(secs => %3))) "
          "ORDER BY xact_start NULLS LAST, pid"_s.arg(number(l.queryWarn),
              number(qMin(l.transactionWarn, l.transactionFail)), number(l.idleWarn),
              QString::fromUtf16(ownDatabase));
    // Other roles' sessions the role cannot read (no backend_type without
    // pg_read_all_stats), and those of them inside a transaction: every transaction holds
    // an ExclusiveLock on its own virtual transaction id from start to end, and pg_locks
    // shows every role every lock. A hidden session outside a transaction runs no query
    // and holds no transaction, so it cannot change the verdict.
    const QString hidden
        = u"SELECT count(*), count(*) FILTER (WHERE pid IN (SELECT pid FROM pg_locks "
          "  WHERE locktype = 'virtualxid' AND mode = 'ExclusiveLock' AND granted)), "
          "format('%I', current_user) FROM pg_stat_get_activity(NULL) "
          "WHERE %1 AND backend_type IS NULL AND usesysid IS NOT NULL"_s.arg(
              QString::fromUtf16(ownDatabase));
    return { { sessions, hidden } };
}

CheckResult LongTransactionsCheck::run(const CheckContext &ctx) const
{
    const Limits l = limitsOf(ctx.environment);
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 2; ++i) {
        if (!answers.value(i).ok())
            return errorResult(ctx.environment.name, answers.value(i).error);
    }
    const QueryResult &counts = answers.at(1);
    const int hidden = counts.value(0, 0).toInt();
    const int hiddenInTransaction = counts.value(0, 1).toInt();
    const QString role = counts.value(0, 2).toString();

    QList<Session> sessions;
    int longQueries = 0, longTransactions = 0, idle = 0;
    double oldest = 0, longestQuery = 0;
    bool failing = false;
    for (const QVariantList &row : answers.at(0).rows) {
        const Session s = sessionFrom(row);
        sessions << s;
        if (s.querySeconds >= l.queryWarn)
            ++longQueries;
        if (s.transactionSeconds >= l.transactionWarn)
            ++longTransactions;
        if (s.transactionSeconds >= l.transactionFail)
            failing = true;
        if (s.idleSeconds >= l.idleWarn)
            ++idle;
        oldest = qMax(oldest, s.transactionSeconds);
        longestQuery = qMax(longestQuery, s.querySeconds);
    }

    QStringList findings;
    if (longTransactions > 0) {
        findings << u"%1 %2 open over %3 s (oldest %4 s)"_s.arg(longTransactions)
                        .arg(longTransactions == 1 ? u"transaction"_s : u"transactions"_s)
                        .arg(number(failing ? l.transactionFail : l.transactionWarn))
                        .arg(number(oneDecimal(oldest)));
    }
    if (longQueries > 0) {
        findings << u"%1 %2 running over %3 s (longest %4 s)"_s.arg(longQueries)
                        .arg(longQueries == 1 ? u"query"_s : u"queries"_s)
                        .arg(number(l.queryWarn))
                        .arg(number(oneDecimal(longestQuery)));
    }
    if (idle > 0) {
        findings << u"%1 %2 idle in a transaction over %3 s"_s.arg(idle)
                        .arg(idle == 1 ? u"session"_s : u"sessions"_s)
                        .arg(number(l.idleWarn));
    }
    CheckStatus status = failing ? CheckStatus::Fail
        : findings.isEmpty()     ? CheckStatus::Pass
                                 : CheckStatus::Warn;
    if (!sessions.isEmpty())
        findings << u"oldest: "_s + sessions.first().describe();
    // Never green while blind: a hidden session inside a transaction may be idle in it or
    // run a query, for any length of time (its times are what the role cannot read).
    const bool blind = hiddenInTransaction > 0 && status == CheckStatus::Pass;
    if (blind)
        status = CheckStatus::Warn;
    QString message = findings.isEmpty()
        ? u"no transaction open over %1 s, no query running over %2 s, no session idle in a "
          "transaction over %3 s"_s.arg(
              number(l.transactionWarn), number(l.queryWarn), number(l.idleWarn))
        : findings.join(u"; "_s);
    if (hiddenInTransaction > 0) {
        message += u"; cannot see the state and times of %1 %2 of other roles inside a "
                   "transaction; GRANT pg_monitor TO %3"_s.arg(hiddenInTransaction)
                       .arg(hiddenInTransaction == 1 ? u"session"_s : u"sessions"_s)
                       .arg(role);
    }

    QStringList lines;
    QVariantList details;
    for (const Session &s : std::as_const(sessions)) {
        if (lines.size() < 20)
            lines << s.describe();
        details << s.toMap();
    }
    const Session *top = sessions.isEmpty() ? nullptr : &sessions.first();
    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"LongQueries"_s, QVariant(longQueries))
               << qMakePair(u"LongTransactions"_s, QVariant(longTransactions))
               << qMakePair(u"IdleInTransaction"_s, QVariant(idle))
               << qMakePair(u"OldestTransactionSeconds"_s, QVariant(oneDecimal(oldest)))
               << qMakePair(u"LongestQuerySeconds"_s, QVariant(oneDecimal(longestQuery)))
               << qMakePair(u"Oldest"_s, QVariant(top ? top->describe() : QString()))
               << qMakePair(u"OldestPid"_s,
                      top ? QVariant(top->pid) : QVariant(QMetaType(QMetaType::Int)))
               << qMakePair(u"OldestUser"_s, QVariant(top ? top->user : QString()))
               << qMakePair(u"Sessions"_s, QVariant(lines))
               << qMakePair(u"Hidden"_s, QVariant(hidden))
               << qMakePair(u"HiddenInTransaction"_s, QVariant(hiddenInTransaction))
               << qMakePair(u"Blind"_s, QVariant(blind))
               << qMakePair(u"Thresholds"_s, QVariant(describe(l)));
    r.details = details;
    return r;
}
