// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "engine/serverslots.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <memory>

class CancelToken;
class Check;
class CheckRegistry;
class RemediationSource;

// Runs checks on a thread pool: one job per environment, which opens its own
// connection and runs that environment's checks in sequence. At most maxParallel() jobs
// run at once, and at most each environment's perServerConnections of one server
// (ServerSlots; a job whose environment has a `reference:` counts against that
// environment's server too); the others wait without a thread. Results come back on
// the runner's thread through queued calls; each run has a generation id, and results
// of a cancelled or superseded run are dropped here, so they never reach a view.
class CheckRunner : public QObject
{
    Q_OBJECT
public:
    // kb: where each result's runbook and fixes come from (a KbLibrary); none when null.
    explicit CheckRunner(const CheckRegistry &registry, const RemediationSource *kb = nullptr,
        QObject *parent = nullptr);
    ~CheckRunner() override; // cancels and waits for the jobs (bounded by the connect timeout)

    // Jobs running at once over all servers (the pool's threads); at least 1.
    void setMaxParallel(int jobs);
    int maxParallel() const;
    // What a new runner starts with: 16 per core, from 32 to 128 (why: checkrunner.cpp).
    static int defaultMaxParallel();

    // Starts a run of checkIds (all registered checks when empty) over environments;
    // a run still going is cancelled first. Returns the new generation id.
    // references: where reference environments are looked up (environments when empty).
    quint64 start(const QList<Environment> &environments, const QStringList &checkIds = {},
        const QList<Environment> &references = {});
    // Adds environments to the run in progress, under its generation and checks: their
    // results and progress count with it and runFinished waits for them too. With no run
    // going it starts one of every registered check. The dashboard runs what needs no
    // password at once and adds the rest as their passwords come (SecretStore::ready).
    quint64 add(const QList<Environment> &environments, const QList<Environment> &references = {});
    void cancel();
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }
    int doneCount() const { return m_done; }
    int totalCount() const { return m_total; }
    // Whether a job of any run, cancelled ones too, is still on the pool or waiting for its
    // server: a connect in progress cannot be interrupted and ends within its connect
    // timeout. Cancelling drops the waiting ones.
    bool hasJobs() const { return m_jobsInPool > 0; }
    // Blocks until no job is left (CLI and tests; never on a GUI thread). On the runner's
    // thread only: it calls the watchdog by hand, and the watchdog has one owner thread.
    void waitForIdle();

    // What an environment's job holds at once: a connection to its own server, and one to
    // the server of its `reference:` environment when references has it.
    static QList<ServerSlots::Claim> claims(
        const Environment &env, const QList<Environment> &references);

Q_SIGNALS:
    void runStarted(quint64 generation, int total);
    void environmentStarted(const QString &environment);
    void environmentFinished(const QString &environment);
    void resultReady(const CheckResult &result);
    void progressChanged(int done, int total);
    void runFinished(quint64 generation, bool cancelled);
    // The last job on the pool ended, cancelled ones included (hasJobs() is now false): the
    // moment the runner can be deleted without waiting.
    void idle();

private:
    struct InboxItem
    {
        CheckResult result;
        quint64 generation = 0;
        QString environment; // set when jobEnd
        bool jobEnd = false;
    };
    void post(InboxItem item); // any thread
    void drain(); // runner's thread
    void deliver(const CheckResult &result);
    void jobFinished(quint64 generation, const QString &environment);
    // Closes the connections of jobs past their deadline; forgets tokens whose job ended.
    // On the runner's thread only (its timer, or waitForJobs() there): m_watched and the
    // timer are that thread's.
    void watch();
    void waitForJobs(); // the pool's end, watching all the while
    // One job per environment of the run gen, running m_checks.
    void launch(
        quint64 gen, const QList<Environment> &environments, const QList<Environment> &references);

    const CheckRegistry &m_registry;
    const RemediationSource *m_kb;
    // Before m_pool, so the pool (whose destructor waits) goes first: ending jobs use it.
    ServerSlots m_slots;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    bool m_running = false;
    int m_done = 0;
    int m_total = 0;
    int m_jobsLeft = 0; // of the run in progress
    int m_jobsInPool = 0; // of every run, until each job's end is drained
    QList<const Check *> m_checks; // of the run in progress
    QList<std::shared_ptr<CancelToken>> m_tokens;
    // Every job still running, cancelled ones too: a job stuck on a silent server must
    // be reachable until it ends.
    QList<std::weak_ptr<CancelToken>> m_watched;
    QTimer m_watchdog;
    QMutex m_inboxMutex;
    std::deque<InboxItem> m_inbox;
    bool m_drainScheduled = false; // guarded by m_inboxMutex
};
