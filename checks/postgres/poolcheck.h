#pragma once

#include "check.h"

// check.postgres.pool: connection slots in use, idle-in-transaction sessions, the
// longest open transaction, and who holds the connections.
class PoolCheck : public Check
{
public:
    struct Thresholds
    {
        double usageWarnPercent = 80;
        double usageFailPercent = 95;
        int idleInTransactionWarn = 5;
        // A session idle in a transaction for a moment is normal; only ones left idle
        // this long hold locks and snapshots that hurt.
        int idleInTransactionMinSec = 30;
        double longestTransactionWarnSec = 300;
        double longestTransactionFailSec = 3600;
    };

    QString id() const override { return QStringLiteral("check.postgres.pool"); }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL connection pool"); }
    CheckResult run(const CheckContext &ctx) const override;

    Thresholds thresholds;
};
