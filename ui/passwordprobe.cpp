// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "passwordprobe.h"

#include "engine/startupprobe.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace {

QThreadPool *probePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(8);
        p->setExpiryTimeout(5000);
        return p;
    }();
    return pool;
}

} // namespace

PasswordProbe::Outcome PasswordProbe::probe(const ConnectionSpec &spec, int connectTimeoutSec)
{
    const StartupProbe::Result r = StartupProbe::run(spec, connectTimeoutSec);
    switch (r.outcome) {
    case StartupProbe::Result::Outcome::Connected:
        return Outcome::NotNeeded;
    case StartupProbe::Result::Outcome::Refused:
        return r.askedForPassword ? Outcome::Needed : Outcome::Failed;
    case StartupProbe::Result::Outcome::NoAnswer:
        break;
    }
    return Outcome::Failed;
}

QFuture<PasswordProbe::Outcome> PasswordProbe::start(
    const ConnectionSpec &spec, int connectTimeoutSec)
{
    return QtConcurrent::run(
        probePool(), [spec, connectTimeoutSec] { return probe(spec, connectTimeoutSec); });
}
