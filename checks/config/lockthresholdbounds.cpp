// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The table of check.postgres.locks's thresholds: keys and bounds.

#include "config/lockthresholdbounds.h"

namespace LockThresholdBounds {

const QList<LockThresholdBound> &all()
{
    static const QList<LockThresholdBound> bounds {
        { "waitWarnSeconds", &LockThresholds::waitWarnSec, 0.1, 86400 },
        { "waitFailSeconds", &LockThresholds::waitFailSec, 0.1, 86400 },
        { "preparedTransactionWarnSeconds", &LockThresholds::preparedTransactionWarnSec, 1,
            31536000 },
    };
    return bounds;
}

bool ordered(const LockThresholds &t)
{
    return t.waitWarnSec <= t.waitFailSec;
}

} // namespace LockThresholdBounds
