// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One session of a blocking chain, as check.postgres.locks reports it in
// CheckResult::details (a QList<LockSession>: every blocking chain in which a session has
// waited on a lock longer than the warn threshold, whole: its root blockers and every
// session waiting behind them, so the counts below match the tree; roots first). The dashboard's
// Locks view builds the tree from blockedBy: a session with an empty blockedBy is a root, the
// others hang below every pid they name. Facts: pg_stat_activity, pg_locks, pg_blocking_pids()
// (PostgreSQL 9.6 and later).
struct LockSession
{
    int pid = 0;
    // pg_blocking_pids(pid): the sessions this one waits for, directly. Empty for a root
    // blocker (a session that waits for no other session).
    QList<int> blockedBy;
    QString user; // usename; empty when the role may not see it
    QString application; // application_name
    QString client; // client_addr (or "local" for a Unix socket), empty when hidden
    // pg_stat_activity.state: "active", "idle in transaction", ... Empty when the role lacks
    // pg_read_all_stats (pg_monitor) and the session is another role's.
    QString state;
    double transactionSeconds = -1; // now - xact_start; -1 when unknown or no transaction
    double waitSeconds = 0; // how long it has waited for its lock (0 for a session not waiting)
    // Added by check.postgres.locks: true while the session waits for a lock (it has an
    // ungranted entry in pg_locks). waitSeconds may be 0 for one, when neither
    // pg_locks.waitstart (PostgreSQL 14 on) nor its state_change can be read.
    bool waiting = false;
    QDateTime queryStart; // query_start, UTC; invalid when unknown
    QString query; // the query text, shortened to at most 500 characters; empty when hidden
    // The lock: for a waiter, the mode it waits for ("AccessExclusiveLock") and the relation
    // (schema.table) or lock type ("transactionid", "advisory") when not a relation; for a
    // root, the strongest mode it holds on the relation its waiters want.
    QString lockMode;
    QString relation;
    bool ddl = false; // a waiting ALTER / CREATE INDEX / DROP / TRUNCATE ...: a blocked migration
    bool preparedTransaction = false; // a prepared transaction (pid 0 in pg_locks), gid in query
    int waitersDirect = 0; // sessions whose blockedBy names this one
    int waitersTotal = 0; // sessions waiting behind this one, directly or indirectly
};

Q_DECLARE_METATYPE(LockSession)
