// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>

// One threshold of check.postgres.locks (LockThresholds, engine/environment.h): its key
// under "locks:" in the environments file and the values it may take, in seconds.
struct LockThresholdBound
{
    const char *key; // "waitWarnSeconds"
    double LockThresholds::*field;
    double minimum; // inclusive
    double maximum; // inclusive
};

namespace LockThresholdBounds {
// Every threshold, in the order the environments file writes them; the reader and the
// writer (config/environmentreader.cpp, config/environmentsyaml.cpp) take them from here.
// Bounds: waits from 0.1 s (a test, or a service whose requests time out fast) to one day;
// a prepared transaction's age from 1 s to one year (31536000 s), as the pool's
// transaction ages. The defaults are LockThresholds' member initializers.
const QList<LockThresholdBound> &all();
// True when the warning comes at or before the failure (a warning above its failure would
// never be seen).
bool ordered(const LockThresholds &t);
} // namespace LockThresholdBounds
