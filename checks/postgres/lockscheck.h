// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.locks: who waits for a lock, for how long, and who is at the root of each
// blocking chain; blocked schema changes (a migration stuck behind a long transaction, and
// every query queued behind the migration); old prepared transactions. Read-only: it reads
// pg_locks, pg_stat_activity, pg_blocking_pids() and pg_prepared_xacts, which never wait
// for a table's lock, in one flight (one round trip).
class LocksCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.locks");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL lock waits"); }
    // Sessions of the environment's database that wait for a lock, and every session they
    // wait for wherever it is. Thresholds: Environment::locks.
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Status: fail when a session has waited for waitFailSec or more, warn when one has
    // waited for waitWarnSec or a prepared transaction is older than
    // preparedTransactionWarnSec, pass otherwise. details: a QList<LockSession>
    // (postgres/locksession.h; BlockingTree::build()). Evidence: RootBlockers (int),
    // Waiting (int, sessions waiting over the warn threshold), LongestWaitSeconds (double,
    // one decimal, every waiting session), BlockedDdl (int, waiting schema changes in the
    // reported chains), PreparedTransactions (int, over their threshold), RootBlocker (text:
    // "pid 123 (app, idle in transaction 3600 s) holds RowExclusiveLock on public.t, 3
    // waiting", the root with the most sessions behind it; empty when none), RootBlockerPid
    // (int, null when no root is a session), RootBlockerUser (text, its role),
    // BlockedDdlUser (text: the role of the blocked schema change with the most queued
    // behind it, the one the migration runs as; empty when none),
    // PreparedTransactionIds (list of the old prepared transactions' gids), Hidden (int:
    // sessions in the chains whose state and query the role cannot read; the message then
    // names "GRANT pg_monitor TO <role>", the role quoted by the server), Thresholds (text).
    CheckResult run(const CheckContext &ctx) const override;
};
