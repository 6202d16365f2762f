// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "runandwait.h"

#include "engine/checkrunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

const CheckResult *RunOutcome::find(const QString &environment, const QString &checkId) const
{
    for (const CheckResult &r : results) {
        if (r.environment == environment && r.checkId == checkId)
            return &r;
    }
    return nullptr;
}

RunOutcome runAndWait(CheckRunner &runner, const QList<Environment> &environments,
    const QStringList &checkIds, int timeoutMs)
{
    RunOutcome outcome;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    const auto c1 = QObject::connect(
        &runner, &CheckRunner::resultReady, [&](const CheckResult &r) { outcome.results << r; });
    const auto c2
        = QObject::connect(&runner, &CheckRunner::runFinished, &loop, [&](quint64, bool cancelled) {
              outcome.finished = true;
              outcome.cancelled = cancelled;
              loop.quit();
          });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    runner.start(environments, checkIds);
    if (!outcome.finished)
        loop.exec();
    outcome.elapsedMs = clock.elapsed();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return outcome;
}
