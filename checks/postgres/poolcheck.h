#pragma once

#include "check.h"

// check.postgres.pool: connection slots in use, idle-in-transaction sessions, the
// longest open transaction, and who holds the connections.
class PoolCheck : public Check
{
public:
    QString id() const override { return QStringLiteral("check.postgres.pool"); }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL connection pool"); }
    // Thresholds are the environment's (Environment::pool).
    CheckResult run(const CheckContext &ctx) const override;
    // The login failed. Out of slots (DbError NoFreeSlot, RoleConnectionLimit,
    // DatabaseConnectionLimit) is this check's finding: status fail with evidence
    // ConnectFailure, DbError::facts, SqlState and Error (libpq's text) and this check's
    // remediation. Any other failure is an error result, as for every check.
    CheckResult connectionFailed(const Environment &env, const DbError &error) const override;
};
