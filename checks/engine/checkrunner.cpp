// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkrunner.h"

#include "engine/canceltoken.h"
#include "engine/checkregistry.h"
#include "engine/dbsession.h"
#include "engine/remediationsource.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

void attachRemediation(CheckResult *r, const Environment &env, const RemediationSource *kb)
{
    if (kb)
        kb->attachRemediation(r, env);
}

DbError cancelledError()
{
    DbError e;
    e.kind = DbError::Kind::Cancelled;
    return e;
}

CheckResult notApplicable(const Check &check, const Environment &env)
{
    return check.result(env.name, CheckStatus::Skipped, u"Not applicable to SQLite"_s);
}

// What "not run" says: the connection failed and `cause` (a result of the same environment)
// holds the reason and the fixes. No fixes of its own: the migrations article's commands are
// no use while the server cannot be reached.
CheckResult notRun(
    const Check &check, const Environment &env, const CheckResult &cause, const QString &what)
{
    CheckResult r = check.result(env.name, CheckStatus::NotRun,
        u"Not run: no connection (%1). The cause and what to do are in %2."_s.arg(
            what, cause.checkId));
    r.remediation.article = cause.checkId;
    r.evidence << qMakePair(u"RootCause"_s, QVariant(cause.checkId));
    return r;
}

// The environment's connection could not be opened, or none is configured. Each check says
// what that means to it (Check::connectionFailed()): a verdict (fail, warn) when the failure
// is its finding, which makes it the root cause; an error when it needed the connection,
// which becomes NotRun pointing at the root cause. When no check of the run claims the
// failure (e.g. `--check check.postgres.migrations` alone) the errors stay: they are then
// the only place the cause shows. Cancelled (skipped) results stay as they are.
template <typename Report>
void reportConnectionFailure(const Environment &env, const QList<const Check *> &checks,
    const DbError &error, qint64 connectMs, const RemediationSource *kb, Report report)
{
    const bool unconfigured = !env.configurationError.isEmpty();
    QList<CheckResult> results;
    const CheckResult *cause = nullptr;
    for (const Check *check : checks) {
        CheckResult r = check->connectionFailed(env, error);
        if (unconfigured && r.status != CheckStatus::Error) {
            // The check's evidence describes a connect attempt; there was none.
            r.message = env.configurationError;
            r.evidence = { { u"Configured"_s, false } };
        }
        r.durationMs = unconfigured ? 0 : connectMs;
        results << r;
    }
    for (const CheckResult &r : std::as_const(results)) {
        const bool verdict = r.status == CheckStatus::Fail || r.status == CheckStatus::Warn;
        if (verdict && (!cause || Status::rank(r.status) > Status::rank(cause->status)))
            cause = &r;
    }
    const QString what
        = unconfigured ? u"none is configured"_s : error.summary().section(u". "_s, 0, 0);
    for (qsizetype i = 0; i < results.size(); ++i) {
        CheckResult r = results[i];
        if (cause && r.status == CheckStatus::Error)
            r = notRun(*checks[i], env, *cause, what);
        else
            attachRemediation(&r, env, kb);
        report(r);
    }
}

// One environment's work, run on a pool thread. `report` is called for each result.
template <typename Report>
void runEnvironment(const Environment &env, const QList<Environment> &all,
    const QList<const Check *> &checks, const RemediationSource *kb, CancelToken *token,
    Report report)
{
    if (!env.configurationError.isEmpty()) {
        DbError unconfigured;
        unconfigured.kind = DbError::Kind::Other;
        unconfigured.what = env.configurationError;
        reportConnectionFailure(env, checks, unconfigured, 0, kb, report);
        return;
    }
    // One session for all of the environment's checks: when it cannot be opened, no check
    // tries again (a down server costs one connect timeout, not one per check).
    QElapsedTimer connectTimer;
    connectTimer.start();
    DbSession session(env, token);
    if (!session.open()) {
        reportConnectionFailure(env, checks, session.error(), connectTimer.elapsed(), kb, report);
        return;
    }
    // Every check's plan goes out in one flight: one network round trip for all of them.
    struct Job
    {
        const Check *check;
        CheckResult early; // set when the check does not run
        bool runs = false;
        qsizetype firstGroup = 0;
        qsizetype groups = 0;
    };
    QList<Job> jobs;
    QList<QueryGroup> flight;
    const FlightAnswers nothingYet;
    int planning = 0;
    for (const Check *check : checks) {
        Job job { check, {}, false, flight.size(), 0 };
        if (!check->supports(env.connection.driver)) {
            job.early = notApplicable(*check, env);
        } else if (token->isCancelled()) {
            job.early = check->errorResult(env.name, cancelledError());
        } else {
            const CheckContext ctx { env, session, token->flag(), *token, all, nothingYet };
            const QList<QueryGroup> groups = check->plan(ctx);
            job.runs = true;
            job.groups = groups.size();
            flight << groups;
            planning += groups.isEmpty() ? 0 : 1;
        }
        jobs << job;
    }
    QElapsedTimer flightTimer;
    flightTimer.start();
    FlightAnswers answers;
    if (!flight.isEmpty() && !token->isCancelled()) {
        token->setDeadline(env.timeouts.checkDeadlineMs() * qMax(1, planning));
        answers = session.run(flight);
        token->setDeadline(0);
    }
    const qint64 flightMs = flightTimer.elapsed();
    for (const Job &job : std::as_const(jobs)) {
        const Check *check = job.check;
        QElapsedTimer timer;
        timer.start();
        CheckResult r = job.early;
        if (!job.runs) {
            // as decided above
        } else if (token->isCancelled()) {
            r = check->errorResult(env.name, cancelledError());
        } else if (token->wasAborted()) {
            r = check->errorResult(env.name, DbError::noAnswer(env.timeouts.checkDeadlineMs()));
        } else {
            token->setDeadline(env.timeouts.checkDeadlineMs());
            const FlightAnswers planned = answers.mid(job.firstGroup, job.groups);
            const CheckContext ctx { env, session, token->flag(), *token, all, planned };
            r = check->run(ctx);
            token->setDeadline(0);
            if (token->wasAborted() && !token->isCancelled())
                r = check->errorResult(env.name, DbError::noAnswer(timer.elapsed()));
        }
        if (token->isCancelled() && r.status == CheckStatus::Error)
            r = check->errorResult(env.name, cancelledError());
        r.durationMs = timer.elapsed() + (job.groups > 0 ? flightMs : 0);
        attachRemediation(&r, env, kb);
        report(r);
    }
}

} // namespace

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
            runEnvironment(
                env, references, checks, kb, token.get(), [this, gen, target](CheckResult r) {
                    r.generation = gen;
                    r.checkedAt = QDateTime::currentDateTime();
                    r.target = target;
                    post(InboxItem { std::move(r), gen, QString(), false });
                });
            post(InboxItem { CheckResult(), gen, env.name, true });
        };
        m_slots.submit(ServerSlots::serverOf(env), env.perServerConnections, job);
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
