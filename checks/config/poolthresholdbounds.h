// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>

// One threshold of check.postgres.pool (PoolThresholds, engine/environment.h): its key in
// the environments file and the values it may take.
struct PoolThresholdBound
{
    enum class Field {
        UsageWarn, // usageWarnPercent
        UsageFail, // usageFailPercent
        IdleInTransactionWarn, // idleInTransactionWarn
        IdleSeconds, // idleInTransactionMinSec
        TransactionWarn, // longestTransactionWarnSec
        TransactionFail, // longestTransactionFailSec
        ExtraReservedConnections, // extraReservedConnections
    };
    Field field;
    const char *key; // the key under "pool:" in the environments file, "usageWarn"
    double minimum; // inclusive, in the field's unit (percent, sessions, seconds, slots)
    double maximum; // inclusive

    // The field's value in T, in its unit.
    double value(const PoolThresholds &t) const;
    // Sets the field in T to VALUE, rounded to the nearest whole number for PoolThresholds'
    // int fields (sessions, idle seconds, slots).
    // VALUE is not checked against the bounds: callers refuse what is outside first.
    void set(PoolThresholds *t, double value) const;
    // The product's default: the field in PoolThresholds(), where the defaults live.
    double defaultValue() const { return value(PoolThresholds()); }
};

namespace PoolThresholdBounds {
// Every threshold with its key and bounds, in the order the environments file writes them.
// The environments file's reader and writer (config/environmentreader.cpp,
// config/environmentsyaml.cpp) and the connection dialog's form (ui/poolthresholdsform.cpp)
// take them from here, so a value one accepts the others do too.
//
// Where the numbers come from:
// - usageWarn, usageFail: percent of the usable connections (max_connections minus the
//   reserved slots), so 0 to 100.
// - idleInTransactionWarn (sessions) and extraReservedConnections (slots): at most
//   100000, a bound against typos far above real servers (max_connections rarely passes a
//   few thousand; PostgreSQL's own ceiling is MAX_BACKENDS, 262143). At least 1 session
//   (0 would warn on every server); 0 extra slots is the default.
// - idleSeconds: 1 s to one day (86400 s), the range the timeouts take too.
// - transactionWarnSeconds, transactionFailSeconds: 1 s to one year (31536000 s).
// The defaults are PoolThresholds' member initializers (engine/environment.h): the
// product's choices of 80/95 %, 5 sessions idle in a transaction for 30 s, and an oldest
// transaction of 300 s (warn) and 3600 s (fail).
const QList<PoolThresholdBound> &all();
// The entry of all() for FIELD.
const PoolThresholdBound &of(PoolThresholdBound::Field field);

// The rule between the thresholds: a warning above its failure would never be seen, since
// the failure is reported first. Fine, or which pair breaks it (usage is checked first).
enum class Order { Fine, UsageWarnAboveFail, TransactionWarnAboveFail };
Order order(const PoolThresholds &t);
} // namespace PoolThresholdBounds
