// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.long-transactions: queries running long, transactions open long and
// sessions idle in a transaction, in the environment's database. An open transaction
// holds its locks and its snapshot (backend_xmin), so vacuum cannot remove the rows it
// might still see anywhere in the database. Read-only: one statement over
// pg_stat_activity (pg_stat_get_activity) and one over pg_locks, in one flight.
class LongTransactionsCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.long-transactions");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL long transactions"); }
    // Client sessions of this database (never the check's own) over a threshold.
    // Thresholds: Environment::threshold("long-transactions", queryWarnSeconds,
    // transactionWarnSeconds, transactionFailSeconds, idleInTransactionWarnSeconds).
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Status: fail when a transaction has been open for transactionFailSeconds, warn when
    // one has been open for transactionWarnSeconds, a query has run for queryWarnSeconds or
    // a session has sat idle in a transaction for idleInTransactionWarnSeconds; pass
    // otherwise. A role without pg_read_all_stats (pg_monitor) cannot read other roles'
    // states and times: when such a session is inside a transaction the result is at least
    // a warning naming "GRANT pg_monitor TO <role>" (the role quoted by the server).
    // Evidence: LongQueries, LongTransactions, IdleInTransaction (int: sessions over their
    // threshold), OldestTransactionSeconds, LongestQuerySeconds (double, one decimal, of
    // the sessions reported; 0 when none), Oldest (text: "pid 123 (app, client 10.0.0.5,
    // idle in transaction 400 s, transaction 420 s, query started 2026-01-02T03:04:05.000Z,
    // xmin age 12): UPDATE t ...", the session with the oldest transaction reported, empty
    // when none), OldestPid (int, null when none), OldestUser (text, its role), Sessions
    // (list of text, every reported session as Oldest is, oldest first, at most 20),
    // Hidden (int: other roles' sessions whose state the role cannot read),
    // HiddenInTransaction (int: those of them inside a transaction, from their virtualxid
    // lock), Blind (bool: hidden sessions made a pass a warning), Thresholds (text).
    // details: a QVariantList of QVariantMap per reported session (pid, user,
    // application, client, state, transactionSeconds, querySeconds, idleSeconds,
    // queryStart, query, xminAge).
    CheckResult run(const CheckContext &ctx) const override;
};
