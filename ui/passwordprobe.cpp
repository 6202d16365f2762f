// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "passwordprobe.h"

#include "engine/serverslots.h"
#include "engine/startupprobe.h"

#include <QPromise>
#include <QThreadPool>
#include <memory>

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

// Never destroyed, like the pool: a probe may still run when the program exits.
ServerSlots &probeSlots()
{
    static auto *slots
        = new ServerSlots([](ServerSlots::Job job) { probePool()->start(std::move(job)); });
    return *slots;
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
    const Environment &env, std::shared_ptr<const std::atomic_bool> abandoned)
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    QFuture<Outcome> future = promise->future();
    promise->start();
    probeSlots().submit(ServerSlots::serverOf(env), env.perServerConnections,
        [promise, spec = env.connection, timeout = env.timeouts.connectSec, abandoned] {
            promise->addResult(abandoned && *abandoned ? Outcome::Failed : probe(spec, timeout));
            promise->finish();
        });
    return future;
}
