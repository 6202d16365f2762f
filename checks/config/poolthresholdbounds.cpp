// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The table of check.postgres.pool's thresholds: keys, bounds, and access to the fields.

#include "config/poolthresholdbounds.h"

#include <QtNumeric>

namespace PoolThresholdBounds {

const QList<PoolThresholdBound> &all()
{
    using F = PoolThresholdBound::Field;
    static const QList<PoolThresholdBound> bounds {
        { F::UsageWarn, "usageWarn", 0, 100 },
        { F::UsageFail, "usageFail", 0, 100 },
        { F::IdleInTransactionWarn, "idleInTransactionWarn", 1, 100000 },
        { F::IdleSeconds, "idleSeconds", 1, 86400 },
        { F::TransactionWarn, "transactionWarnSeconds", 1, 31536000 },
        { F::TransactionFail, "transactionFailSeconds", 1, 31536000 },
        { F::ExtraReservedConnections, "extraReservedConnections", 0, 100000 },
    };
    return bounds;
}

const PoolThresholdBound &of(PoolThresholdBound::Field field)
{
    // all() lists the fields in the enum's order.
    return all().at(qsizetype(field));
}

Order order(const PoolThresholds &t)
{
    if (t.usageWarnPercent > t.usageFailPercent)
        return Order::UsageWarnAboveFail;
    if (t.longestTransactionWarnSec > t.longestTransactionFailSec)
        return Order::TransactionWarnAboveFail;
    return Order::Fine;
}

} // namespace PoolThresholdBounds

double PoolThresholdBound::value(const PoolThresholds &t) const
{
    switch (field) {
    case Field::UsageWarn:
        return t.usageWarnPercent;
    case Field::UsageFail:
        return t.usageFailPercent;
    case Field::IdleInTransactionWarn:
        return t.idleInTransactionWarn;
    case Field::IdleSeconds:
        return t.idleInTransactionMinSec;
    case Field::TransactionWarn:
        return t.longestTransactionWarnSec;
    case Field::TransactionFail:
        return t.longestTransactionFailSec;
    case Field::ExtraReservedConnections:
        return t.extraReservedConnections;
    }
    return 0;
}

void PoolThresholdBound::set(PoolThresholds *t, double v) const
{
    switch (field) {
    case Field::UsageWarn:
        t->usageWarnPercent = v;
        break;
    case Field::UsageFail:
        t->usageFailPercent = v;
        break;
    case Field::IdleInTransactionWarn:
        t->idleInTransactionWarn = qRound(v);
        break;
    case Field::IdleSeconds:
        t->idleInTransactionMinSec = qRound(v);
        break;
    case Field::TransactionWarn:
        t->longestTransactionWarnSec = v;
        break;
    case Field::TransactionFail:
        t->longestTransactionFailSec = v;
        break;
    case Field::ExtraReservedConnections:
        t->extraReservedConnections = qRound(v);
        break;
    }
}
