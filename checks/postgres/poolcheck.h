// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.pool: connection slots in use, idle-in-transaction sessions, the
// longest open transaction, and who holds the connections.
class PoolCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.pool");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL connection pool"); }
    // Thresholds are the environment's (Environment::pool). Evidence: MaxConnections,
    // ReservedConnections, ConnectionsInUse, UsagePercent (0-100, one decimal),
    // IdleInTransaction, LongestTransactionSeconds (one decimal), ByApplication (name ->
    // sessions), HiddenSessions (other roles' client sessions whose state and times a role
    // without pg_read_all_stats cannot read; counted in ConnectionsInUse), HiddenInTransaction
    // (those of them inside a transaction, from their virtualxid lock in pg_locks), Blind
    // (bool: hidden sessions in a transaction could change the verdict, so a pass became at
    // least a warning whose message reads "cannot see N sessions; GRANT pg_read_all_stats
    // TO <role>", the role quoted by the server), Thresholds (text).
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    CheckResult run(const CheckContext &ctx) const override;
    // The login failed. Out of slots (DbError NoFreeSlot, RoleConnectionLimit,
    // DatabaseConnectionLimit) is this check's finding: status fail with evidence
    // ConnectFailure, DbError::facts, SqlState and Error (libpq's text) and this check's
    // remediation. Any other failure is an error result, as for every check.
    CheckResult connectionFailed(const Environment &env, const DbError &error) const override;
};
