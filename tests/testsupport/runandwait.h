// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"

#include <QList>
#include <QStringList>

class CheckRunner;

struct RunOutcome
{
    QList<CheckResult> results;
    bool finished = false;
    bool cancelled = false;
    qint64 elapsedMs = 0;

    const CheckResult *find(const QString &environment, const QString &checkId) const;
};

// Starts a run and spins the event loop until it finishes or timeoutMs passes.
RunOutcome runAndWait(CheckRunner &runner, const QList<Environment> &environments,
    const QStringList &checkIds, int timeoutMs = 30000);
