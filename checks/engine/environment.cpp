// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/environment.h"

void Environment::useConnection(const ConnectionSpec &spec, const QString &source)
{
    connection = spec;
    connectionSource = source;
    if (spec.connectTimeoutSec)
        timeouts.connectSec = *spec.connectTimeoutSec;
    if (spec.commandTimeoutSec)
        timeouts.statementMs = *spec.commandTimeoutSec * 1000;
}
