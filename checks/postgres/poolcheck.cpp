// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/poolcheck.h"

#include "engine/dbsession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest); // 31536000, not 3.1536e+07
}

// The limits the evidence was held against, for the reader of a report.
QString describe(const PoolThresholds &t)
{
    return u"usage warn %1 %, fail %2 %; idle in transaction: warn at %3 sessions idle over "
           "%4 s; transaction warn %5 s, fail %6 s"_s.arg(number(t.usageWarnPercent),
               number(t.usageFailPercent), number(t.idleInTransactionWarn),
               number(t.idleInTransactionMinSec), number(t.longestTransactionWarnSec),
               number(t.longestTransactionFailSec));
}

} // namespace

QStringList PoolCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"pool"_s, u"connections"_s };
}

CheckResult PoolCheck::connectionFailed(const Environment &env, const DbError &error) const
{
    CheckResult r = errorResult(env.name, error);
    const bool outOfSlots = error.kind == DbError::Kind::NoFreeSlot
        || error.kind == DbError::Kind::RoleConnectionLimit
        || error.kind == DbError::Kind::DatabaseConnectionLimit;
    if (!outOfSlots)
        return r;
    // The server turned the login away for want of a slot: that is this check's finding
    // (the counts cannot be read without a session; the message says what it can).
    r.status = CheckStatus::Fail;
    if (!error.detail.isEmpty())
        r.message += u" (libpq: %1)"_s.arg(error.detailOneLine());
    r.evidence = Evidence { { u"ConnectFailure"_s, DbError::kindName(error.kind) } } + error.facts
        + r.evidence;
    return r;
}

QList<QueryGroup> PoolCheck::plan(const CheckContext &ctx) const
{
    const PoolThresholds &thresholds = ctx.environment.pool;
    // pg_stat_get_activity(NULL) is what the pg_stat_activity view reads, without the view's
    // joins to pg_database and pg_authid: in the fresh backend a check runs in, planning
    // those joins costs the server more than everything else the check asks (BENCHMARKS.md).
    // One scan answers all the counts, so a server that is short of connections is asked
    // as little as possible.
    // Without pg_read_all_stats another role's session shows its database, pid, role and
    // application_name, but no backend_type, state or times. Of those with a role, the ones
    // without a database are not client sessions (the logical replication launcher runs as
    // the bootstrap superuser; a physical WAL sender has none either), and WAL senders are
    // told apart by pid (pg_stat_get_wal_senders shows every role the pids); the rest are
    // client sessions in all but a few cases (background workers of other roles that
    // connect to a database), so they count against the slots, and the result says what is
    // unseen.
    const QString hidden = u"(backend_type IS NULL AND usesysid IS NOT NULL AND datid IS NOT NULL "
                           "AND pid NOT IN (SELECT pid FROM pg_stat_get_wal_senders()))"_s;
    const QString client = u"(backend_type = 'client backend' OR %1)"_s.arg(hidden);
    // Whether a hidden session is inside a transaction is not hidden: every transaction
    // holds an ExclusiveLock on its own virtual transaction id from its start to its end
    // (StartTransaction, VirtualXactLockTableInsert), and pg_locks shows every role every
    // lock. A session without one is idle outside a transaction, so it cannot be idle in
    // one nor hold an old one. pg_locks is read only when a hidden session is met: the
    // hashed subplan is built on its first use, and a privileged role never gets there.
    const QString inTransaction = u"pid IN (SELECT pid FROM pg_locks WHERE locktype = 'virtualxid' "
                                  "AND mode = 'ExclusiveLock' AND granted)"_s;
    // reserved_connections exists from PostgreSQL 16 on, rds.rds_superuser_reserved_connections
    // only on Amazon RDS and Aurora; current_setting(..., true) is NULL where they do not.
    const QString counts
        = u"SELECT current_setting('max_connections')::int, "
          "current_setting('superuser_reserved_connections')::int "
          "+ COALESCE(current_setting('reserved_connections', true)::int, 0) "
          "+ COALESCE(current_setting('rds.rds_superuser_reserved_connections', true)::int, 0), "
          "count(*) FILTER (WHERE %2), "
          "count(*) FILTER (WHERE state LIKE 'idle in transaction%' "
          "   AND state_change < clock_timestamp() - make_interval(secs => %1)), "
          // Client transactions only: an anti-wraparound autovacuum or a replication worker
          // may run for hours, and neither is what this finding is about.
          "COALESCE(EXTRACT(EPOCH FROM max(clock_timestamp() - xact_start) "
          "   FILTER (WHERE pid <> pg_backend_pid() AND backend_type = 'client backend')), "
          "0)::float8, "
          "count(*) FILTER (WHERE %3), "
          "count(*) FILTER (WHERE %3 AND %4), "
          "format('%I', current_user) "
          "FROM pg_stat_get_activity(NULL)"_s.arg(thresholds.idleInTransactionMinSec)
              .arg(client, hidden, inTransaction);
    const QString byApplication
        = u"SELECT COALESCE(NULLIF(application_name, ''), '(unnamed)'), count(*) "
          "FROM pg_stat_get_activity(NULL) WHERE %1 "
          "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25"_s.arg(client);
    return { { counts, byApplication } };
}

CheckResult PoolCheck::run(const CheckContext &ctx) const
{
    const PoolThresholds &thresholds = ctx.environment.pool;
    const QList<QueryResult> answers = ctx.planned.value(0);
    const QueryResult q = answers.value(0);
    const QueryResult apps = answers.value(1);
    if (!q.ok())
        return errorResult(ctx.environment.name, q.error);
    if (!apps.ok())
        return errorResult(ctx.environment.name, apps.error);
    const int maxConnections = q.value(0, 0).toInt();
    const int reserved = q.value(0, 1).toInt() + thresholds.extraReservedConnections;
    const int available = qMax(1, maxConnections - reserved);
    const int inUse = q.value(0, 2).toInt();
    const int idleInTx = q.value(0, 3).toInt();
    const double longestTx = q.value(0, 4).toDouble();
    const int hiddenSessions = q.value(0, 5).toInt();
    const int hiddenInTransaction = q.value(0, 6).toInt();
    const QString role = q.value(0, 7).toString();
    const double usage = 100.0 * inUse / available;

    QVariantMap byApplication;
    for (const QVariantList &row : apps.rows)
        byApplication.insert(row.value(0).toString(), row.value(1).toInt());

    CheckStatus status = CheckStatus::Pass;
    QStringList findings;
    auto raise = [&status](CheckStatus s) {
        if (Status::rank(s) > Status::rank(status))
            status = s;
    };
    if (usage >= thresholds.usageFailPercent) {
        raise(CheckStatus::Fail);
        findings << u"%1 of %2 usable connections in use"_s.arg(inUse).arg(available);
    } else if (usage >= thresholds.usageWarnPercent) {
        raise(CheckStatus::Warn);
        findings << u"%1 of %2 usable connections in use"_s.arg(inUse).arg(available);
    }
    if (idleInTx >= thresholds.idleInTransactionWarn) {
        raise(CheckStatus::Warn);
        findings << u"%1 sessions idle in transaction for over %2 s"_s.arg(idleInTx).arg(
            thresholds.idleInTransactionMinSec);
    }
    if (longestTx >= thresholds.longestTransactionFailSec) {
        raise(CheckStatus::Fail);
        findings << u"a transaction has been open for %1 s"_s.arg(qRound(longestTx));
    } else if (longestTx >= thresholds.longestTransactionWarnSec) {
        raise(CheckStatus::Warn);
        findings << u"a transaction has been open for %1 s"_s.arg(qRound(longestTx));
    }
    // Never green while blind. A hidden session inside a transaction may be idle in it, and
    // its transaction may be of any age (its xact_start is what the role cannot read), so it
    // could raise the idle-in-transaction and the transaction-age findings up to a fail;
    // usage it cannot change (it is counted). Hidden sessions outside a transaction change
    // nothing. So the verdict is in doubt exactly when a hidden session is in a transaction
    // and the status is not already fail: then it is at least a warning, which says what
    // is unseen and the grant that shows it.
    const bool blind = hiddenInTransaction > 0 && status != CheckStatus::Fail;
    if (blind)
        raise(CheckStatus::Warn);

    const QString counts
        = u"%1 of %2 usable connections in use (%3%), %4 idle in transaction"_s.arg(inUse)
              .arg(available)
              .arg(qRound(usage))
              .arg(idleInTx);
    const QString grant = u"GRANT pg_read_all_stats TO %1"_s.arg(role);
    QString message;
    if (hiddenInTransaction > 0) {
        const QString unseen = u"cannot see %1 %2; %3 (%4 of them in a transaction whose state "
                               "and age this role cannot read)"_s.arg(hiddenSessions)
                                   .arg(hiddenSessions == 1 ? u"session"_s : u"sessions"_s)
                                   .arg(grant)
                                   .arg(hiddenInTransaction);
        // The finding that decided the status comes first.
        message = findings.isEmpty() ? u"%1; %2 among the sessions it can see"_s.arg(unseen, counts)
                                     : u"%1; %2"_s.arg(findings.join(u"; "_s), unseen);
    } else {
        message = findings.isEmpty() ? counts : findings.join(u"; "_s);
        // The counts stand, and no hidden session is in a transaction, so none is idle in
        // one or old: the verdict holds, and the note says what is still unseen.
        if (hiddenSessions > 0) {
            message += u"; %1 session(s) of other roles counted without their state, none in a "
                       "transaction (%2 shows them)"_s.arg(hiddenSessions)
                           .arg(grant);
        }
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"MaxConnections"_s, QVariant(maxConnections))
               << qMakePair(u"ReservedConnections"_s, QVariant(reserved))
               << qMakePair(u"ConnectionsInUse"_s, QVariant(inUse))
               << qMakePair(u"UsagePercent"_s, QVariant(qRound(usage * 10) / 10.0))
               << qMakePair(u"IdleInTransaction"_s, QVariant(idleInTx))
               << qMakePair(u"LongestTransactionSeconds"_s, QVariant(qRound(longestTx * 10) / 10.0))
               << qMakePair(u"ByApplication"_s, QVariant(byApplication))
               << qMakePair(u"HiddenSessions"_s, QVariant(hiddenSessions))
               << qMakePair(u"HiddenInTransaction"_s, QVariant(hiddenInTransaction))
               << qMakePair(u"Blind"_s, QVariant(blind))
               << qMakePair(u"Thresholds"_s, QVariant(describe(thresholds)));
    return r;
}
