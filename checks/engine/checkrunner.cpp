// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkrunner.h"

#include "engine/canceltoken.h"
#include "engine/checkregistry.h"
#include "engine/environmentjob.h"

#include <QDateTime>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

CheckRunner::CheckRunner(
    const CheckRegistry &registry, const RemediationSource *kb, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_kb(kb)
    , m_slots([this](ServerSlots::Job job) { m_pool.start(std::move(job)); })
{
    m_pool.setMaxThreadCount(defaultMaxParallel());
    m_pool.setExpiryTimeout(5000);
    m_watchdog.setInterval(250);
    connect(&m_watchdog, &QTimer::timeout, this, &CheckRunner::watch);
}

CheckRunner::~CheckRunner()
{
    cancel();
    waitForJobs();
}

void CheckRunner::watch()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "CheckRunner::watch",
        "the watchdog runs on the runner's thread only");
    for (qsizetype i = m_watched.size() - 1; i >= 0; --i) {
        if (const auto token = m_watched.at(i).lock())
            token->abortIfOverdue();
        else
            m_watched.removeAt(i);
    }
    if (m_watched.isEmpty())
        m_watchdog.stop();
}

void CheckRunner::waitForJobs()
{
    // The event loop may not run here (CLI, shutdown), so the watchdog is called by hand.
    while (!m_pool.waitForDone(100))
        watch();
    watch();
}

int CheckRunner::defaultMaxParallel()
{
    // A job is latency-bound: a connection set-up and a few round trips per check, each
    // waiting on the network (1 to 80 ms between a data centre and a cloud region), against
    // a few ms of our CPU per environment (reading results, attaching fixes). So one core
    // keeps dozens of jobs busy, and 16 per core leaves headroom for the UI thread. The
    // floor of 32 serves small machines, whose jobs wait on the network just as long; the
    // ceiling of 128 bounds the threads (a stack each) and sockets (under the usual
    // 1024-descriptor limit). One server never sees more than its perServerConnections.
    return qBound(32, 16 * QThread::idealThreadCount(), 128);
}

void CheckRunner::setMaxParallel(int jobs)
{
    m_pool.setMaxThreadCount(qMax(1, jobs));
}

int CheckRunner::maxParallel() const
{
    return m_pool.maxThreadCount();
}

quint64 CheckRunner::start(const QList<Environment> &environments, const QStringList &checkIds,
    const QList<Environment> &references)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_running)
        cancel();
    const quint64 gen = ++m_generation;
    QList<const Check *> checks;
    if (checkIds.isEmpty()) {
        checks = m_registry.checks();
    } else {
        for (const Check *c : m_registry.checks()) {
            if (checkIds.contains(c->id()))
                checks << c;
        }
    }
    m_tokens.clear();
    m_done = 0;
    m_total = int(environments.size() * checks.size());
    m_jobsLeft = int(environments.size());
    m_running = m_jobsLeft > 0 && !checks.isEmpty();
    Q_EMIT runStarted(gen, m_total);
    Q_EMIT progressChanged(0, m_total);
    if (!m_running) {
        Q_EMIT runFinished(gen, false);
        return gen;
    }
    m_checks = checks;
    launch(gen, environments, references.isEmpty() ? environments : references);
    return gen;
}

quint64 CheckRunner::add(
    const QList<Environment> &environments, const QList<Environment> &references)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_running)
        return start(environments, {}, references);
    if (environments.isEmpty())
        return m_generation;
    m_total += int(environments.size() * m_checks.size());
    m_jobsLeft += int(environments.size());
    Q_EMIT progressChanged(m_done, m_total);
    launch(m_generation, environments, references.isEmpty() ? environments : references);
    return m_generation;
}

QList<ServerSlots::Claim> CheckRunner::claims(
    const Environment &env, const QList<Environment> &references)
{
    QList<ServerSlots::Claim> out { { ServerSlots::serverOf(env), env.perServerConnections, 1 } };
    // The migrations check reads the applied list of the environment's `reference:` while
    // its own session is open (checks/migrations/referenceenvironment.cpp): a second
    // connection, to that environment's server. Claimed whatever checks run, which costs at
    // most some parallelism when the migrations check is not among them.
    if (env.referenceEnvironment.isEmpty())
        return out;
    for (const Environment &r : references) {
        if (r.name == env.referenceEnvironment) {
            out << ServerSlots::Claim { ServerSlots::serverOf(r), r.perServerConnections, 1 };
            break;
        }
    }
    return out;
}

void CheckRunner::launch(
    quint64 gen, const QList<Environment> &environments, const QList<Environment> &references)
{
    const QList<const Check *> checks = m_checks;
    for (const Environment &env : environments) {
        auto token = std::make_shared<CancelToken>();
        ++m_jobsInPool;
        m_tokens << token;
        m_watched << token;
        if (!m_watchdog.isActive())
            m_watchdog.start();
        Q_EMIT environmentStarted(env.name);
        const RemediationSource *kb = m_kb;
        const CheckTarget target { env.connection.host, env.connection.port,
            env.connection.database, env.connection.user };
        // Started at once or, while its server has perServerConnections jobs running,
        // when one of them ends (ServerSlots).
        const auto job = [this, gen, env, references, checks, kb, token, target] {
            EnvironmentJob::run(
                env, references, checks, kb, token.get(), [this, gen, target](CheckResult r) {
                    r.generation = gen;
                    r.checkedAt = QDateTime::currentDateTime();
                    r.target = target;
                    post(InboxItem { std::move(r), gen, QString(), false });
                });
            post(InboxItem { CheckResult(), gen, env.name, true });
        };
        m_slots.submit(claims(env, references), job);
    }
}

void CheckRunner::cancel()
{
    Q_ASSERT(QThread::currentThread() == thread());
    for (const auto &token : std::as_const(m_tokens))
        token->cancel();
    m_tokens.clear();
    // Jobs still waiting for their server never start; each ends like a job (stale, so only
    // hasJobs() and idle() see it), through the inbox, as the started ones do.
    for (int dropped = m_slots.dropWaiting(); dropped > 0; --dropped)
        post(InboxItem { CheckResult(), 0, QString(), true }); // 0: no run's generation
    if (!m_running)
        return;
    m_running = false;
    const quint64 cancelled = m_generation;
    ++m_generation; // whatever the cancelled jobs still send is now stale
    Q_EMIT runFinished(cancelled, true);
}

void CheckRunner::waitForIdle()
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "CheckRunner::waitForIdle",
        "wait on the runner's thread; elsewhere connect to idle()");
    waitForJobs();
}

void CheckRunner::post(InboxItem item)
{
    // Called on pool threads. One queued drain call serves a whole burst; the runner
    // outlives every job (its destructor waits for the pool), so `this` stays valid.
    QMutexLocker lock(&m_inboxMutex);
    m_inbox.push_back(std::move(item));
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, &CheckRunner::drain, Qt::QueuedConnection);
    }
}

void CheckRunner::drain()
{
    // Hand results to the receivers in slices of a few milliseconds, yielding to the
    // event loop in between, so a burst from many environments finishing together never
    // holds up painting or input.
    QElapsedTimer slice;
    slice.start();
    for (;;) {
        InboxItem item;
        {
            QMutexLocker lock(&m_inboxMutex);
            if (m_inbox.empty()) {
                m_drainScheduled = false;
                return;
            }
            item = std::move(m_inbox.front());
            m_inbox.pop_front();
        }
        if (item.jobEnd) {
            jobFinished(item.generation, item.environment);
            if (--m_jobsInPool == 0)
                Q_EMIT idle();
        } else
            deliver(item.result);
        if (slice.elapsed() >= 8) {
            QMetaObject::invokeMethod(this, &CheckRunner::drain, Qt::QueuedConnection);
            return;
        }
    }
}

void CheckRunner::deliver(const CheckResult &result)
{
    if (result.generation != m_generation || !m_running)
        return;
    ++m_done;
    Q_EMIT resultReady(result);
    Q_EMIT progressChanged(m_done, m_total);
}

void CheckRunner::jobFinished(quint64 generation, const QString &environment)
{
    if (generation != m_generation || !m_running)
        return;
    Q_EMIT environmentFinished(environment);
    if (--m_jobsLeft == 0) {
        m_running = false;
        m_tokens.clear();
        Q_EMIT runFinished(generation, false);
    }
}
