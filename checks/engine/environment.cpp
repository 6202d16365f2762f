// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/environment.h"

namespace {
constexpr int MaxTimeoutSec = 86400;
}

void Timeouts::takeFrom(const ConnectionSpec &spec)
{
    if (spec.connectTimeoutSec && *spec.connectTimeoutSec > 0)
        connectSec = qMin(*spec.connectTimeoutSec, MaxTimeoutSec);
    if (spec.commandTimeoutSec && *spec.commandTimeoutSec > 0)
        statementMs = qMin(*spec.commandTimeoutSec, MaxTimeoutSec) * 1000;
}

void Environment::useConnection(const ConnectionSpec &spec, const QString &source)
{
    connection = spec;
    connectionSource = source;
    timeouts.takeFrom(spec);
}
