// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "runcontroller.h"

#include "engine/check.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "environmentbadge.h"
#include "environmentsmodel.h"
#include "kb/kblibrary.h"
#include "resultsmodel.h"
#include "secretstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTime>
#include <QTimer>

using namespace Qt::StringLiterals;

RunController::RunController(
    const KbLibrary &kb, ResultsModel *results, EnvironmentsModel *environments, QObject *parent)
    : QObject(parent)
    , m_results(results)
    , m_environments(environments)
    , m_runner(new CheckRunner(CheckRegistry::builtin(), &kb, this))
    , m_secrets(new SecretStore(this))
    , m_spinner(new QTimer(this))
    , m_autoRefresh(new QTimer(this))
    , m_drain(new QTimer(this))
{
    m_drain->setSingleShot(true);
    m_drain->setInterval(0); // after the events posted so far: the burst is queued whole
    connect(m_drain, &QTimer::timeout, this, [this] { drain(DrainBudgetMs); });
    connect(m_runner, &CheckRunner::resultReady, this, &RunController::enqueue);
    connect(m_runner, &CheckRunner::runFinished, this,
        [this](quint64, bool cancelled) { onRunFinished(cancelled); });
    connect(m_runner, &CheckRunner::environmentStarted, this,
        [this](const QString &n) { m_environments->setBusy(n, true); });
    connect(m_runner, &CheckRunner::environmentFinished, this,
        [this](const QString &n) { m_environments->setBusy(n, false); });
    m_spinner->setInterval(120);
    connect(m_spinner, &QTimer::timeout, m_environments, &EnvironmentsModel::advanceBusyFrame);
    connect(m_runner, &CheckRunner::runStarted, m_spinner, qOverload<>(&QTimer::start));
    connect(m_runner, &CheckRunner::runFinished, m_spinner, &QTimer::stop);
    m_autoRefresh->setSingleShot(true); // armed when a run ends: runs never overlap
    connect(m_autoRefresh, &QTimer::timeout, this, &RunController::autoRefreshDue);

    // How runs wait for passwords: what needs none runs at once, the rest joins the run as
    // its prompt is answered (onRunFinished waits for them); a cancelled prompt gives its
    // environments "no password given" results instead of a run.
    connect(m_secrets, &SecretStore::ready, this,
        [this](const QList<Environment> &ready, const QList<Environment> &all) {
            // The first environment ready starts the run, of the checks asked for.
            if (m_runner->isRunning())
                m_runner->add(ready, all);
            else
                m_runner->start(ready, m_checkIds, all);
            Q_EMIT busyChanged();
        });
    connect(m_secrets, &SecretStore::declined, this, &RunController::onDeclined);
    connect(m_secrets, &SecretStore::stateChanged, this,
        [this](const QString &environment, SecretStore::State state) {
            m_environments->setNote(environment, SecretStore::stateText(state));
            if (!m_runner->isRunning() && m_secrets->isResolving())
                Q_EMIT statusChanged(waitingText());
        });
}

RunController::~RunController()
{
    // The runner waits for its jobs; it must go before what they read (the demo's files).
    delete m_runner;
    m_runner = nullptr;
}

bool RunController::isBusy() const
{
    return (m_runner && m_runner->isRunning()) || m_secrets->isResolving()
        || m_finishPending.has_value();
}

void RunController::stop()
{
    // What the run delivered is on the board first: its rows must not turn stale, nor land
    // among the environments shown next.
    drain(-1);
    if (m_runner->isRunning())
        m_runner->cancel();
    if (m_secrets->isResolving()) {
        m_secrets->cancel();
        m_results->finishRefresh(true);
    }
}

void RunController::start(const QList<Environment> &environments, const QStringList &checkIds)
{
    // A run still going ends here, so what it did not refresh is marked so (onRunFinished)
    // before this run's environments turn stale.
    stop();
    m_autoRefresh->stop();
    // The last results stay, greyed, until each is replaced.
    QStringList names;
    for (const Environment &e : environments)
        names << e.name;
    m_checkIds = checkIds;
    m_results->markStale(names, checkIds);
    // Passwords are filled in on this side, into the copies handed to the runner only:
    // the model, the files and the settings never see them. SecretStore::ready starts
    // what needs no password now.
    m_secrets->resolve(environments);
    Q_EMIT busyChanged();
}

void RunController::cancel()
{
    if (m_secrets->isResolving()) { // still waiting for the keychain: no run yet
        m_secrets->cancel();
        m_results->finishRefresh(true);
        Q_EMIT statusChanged(tr("Cancelled"));
        if (m_autoRefreshSec > 0)
            m_autoRefresh->start(m_autoRefreshSec * 1000);
        Q_EMIT busyChanged();
    }
    if (m_runner->isRunning())
        m_runner->cancel();
    else if (m_finishPending)
        m_finishPending = true; // the run is over, its last results still land: cancelled
}

void RunController::enqueue(const CheckResult &result)
{
    m_pending << result;
    if (!m_drain->isActive())
        m_drain->start();
}

void RunController::drain(qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    qsizetype taken = 0;
    QStringList touched;
    while (taken < m_pending.size() && (budgetMs < 0 || clock.elapsed() < budgetMs)) {
        const CheckResult &result = m_pending.at(taken++);
        m_results->upsert(result);
        if (!touched.contains(result.environment))
            touched << result.environment;
    }
    for (const QString &environment : std::as_const(touched)) {
        m_environments->setWorstStatus(environment, m_results->worstStatus(environment));
        m_environments->setBadges(environment, EnvironmentBadge::of(*m_results, environment));
    }
    const QList<CheckResult> done = m_pending.first(taken);
    m_pending.remove(0, taken);
    for (const CheckResult &result : done)
        Q_EMIT resultArrived(result);
    if (!m_pending.isEmpty()) {
        m_drain->start();
    } else if (m_finishPending) {
        const bool cancelled = *m_finishPending;
        m_finishPending.reset();
        finishRun(cancelled);
    }
}

void RunController::onDeclined(const QList<Environment> &environments)
{
    const CheckRegistry &checks = CheckRegistry::builtin();
    for (const Environment &e : environments) {
        for (const CheckResult &r : noPasswordResults(e, checks)) {
            if (m_checkIds.isEmpty() || m_checkIds.contains(r.checkId))
                enqueue(r);
        }
    }
    if (!m_runner->isRunning() && !m_secrets->isResolving())
        onRunFinished(false); // nothing of this refresh is left
}

void RunController::onRunFinished(bool cancelled)
{
    // Environments still waiting for a password belong to this refresh, which ends with
    // them: their last results stay until then (SecretStore::ready adds them to the runner).
    if (!cancelled && m_secrets->isResolving()) {
        Q_EMIT statusChanged(waitingText());
        Q_EMIT busyChanged();
        return;
    }
    if (!m_pending.isEmpty()) {
        m_finishPending = cancelled; // drain() ends the run after its last result
        return;
    }
    finishRun(cancelled);
}

void RunController::finishRun(bool cancelled)
{
    // A cancelled environment keeps its last results, marked as not refreshed.
    m_results->finishRefresh(cancelled);
    const auto envs = m_environments->environments();
    for (const Environment &e : envs) {
        m_environments->setBusy(e.name, false);
        m_environments->setWorstStatus(e.name, m_results->worstStatus(e.name));
        m_environments->setBadges(e.name, EnvironmentBadge::of(*m_results, e.name));
    }
    QString text = cancelled ? tr("Cancelled") : tr("%n result(s)", nullptr, m_results->rowCount());
    if (m_autoRefreshSec > 0 && !envs.isEmpty()) {
        m_autoRefresh->start(m_autoRefreshSec * 1000);
        text += tr(" · next run at %1")
                    .arg(QTime::currentTime().addSecs(m_autoRefreshSec).toString(u"HH:mm:ss"_s));
    }
    Q_EMIT statusChanged(text);
    Q_EMIT busyChanged();
    Q_EMIT finished(cancelled);
}

QString RunController::waitingText() const
{
    return tr("Waiting for a password: %1").arg(m_secrets->waitingEnvironments().join(u", "_s));
}

void RunController::setAutoRefreshInterval(int seconds)
{
    m_autoRefreshSec = qMax(0, seconds);
    QSettings().setValue(u"window/autoRefreshSeconds"_s, m_autoRefreshSec);
    if (m_autoRefreshSec == 0)
        m_autoRefresh->stop();
    else if (!isBusy())
        m_autoRefresh->start(m_autoRefreshSec * 1000);
}

void RunController::autoRefreshDue()
{
    if (m_autoRefreshSec == 0 || m_environments->environments().isEmpty())
        return;
    // Never over a run, a password prompt or a dialog the user is busy with: try again later.
    if (isBusy() || QApplication::activeModalWidget()) {
        m_autoRefresh->start(m_autoRefreshSec * 1000);
        return;
    }
    start(m_environments->environments());
}

QList<CheckResult> RunController::noPasswordResults(
    const Environment &env, const CheckRegistry &registry)
{
    QList<CheckResult> results;
    const QString target = env.connection.describe();
    for (const Check *check : registry.checks()) {
        if (!check->supports(env.connection.driver))
            continue;
        CheckResult r;
        r.environment = env.name;
        r.checkId = check->id();
        r.plugin = check->plugin();
        r.severity = check->defaultSeverity();
        r.category = check->category();
        r.status = CheckStatus::NotRun;
        r.message = tr("Not run: no password given (the password prompt was cancelled). "
                       "Enter Password… on the environment, or Run Selected Environment, "
                       "asks for it again.");
        r.evidence << qMakePair(u"PasswordGiven"_s, QVariant(false))
                   << qMakePair(u"Target"_s, QVariant(target));
        r.remediation.article = check->id();
        r.checkedAt = QDateTime::currentDateTime();
        results << r;
    }
    return results;
}
