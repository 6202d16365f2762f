// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"

#include <QObject>
#include <optional>

class CheckRegistry;
class CheckRunner;
class EnvironmentsModel;
class KbLibrary;
class QTimer;
class ResultsModel;
class SecretStore;

// The dashboard's refreshes. A refresh of some environments first waits for the passwords
// they need (SecretStore: what needs none runs at once, the rest joins the run as its prompt
// is answered), runs them on a CheckRunner, and keeps the results table and the environments
// list in step: rows stale until replaced, the busy spinner, the worst-result badges,
// "waiting for password" notes. Auto-refresh starts the next refresh of every environment a
// set time after one ends, never over a run, a prompt or a modal dialog. UI thread only.
class RunController : public QObject
{
    Q_OBJECT
public:
    // The runner and the password store are created here, as children: the store's prompts
    // open next to the window this belongs to (PasswordPrompt::open).
    RunController(const KbLibrary &kb, ResultsModel *results, EnvironmentsModel *environments,
        QObject *parent = nullptr);
    ~RunController() override; // the runner waits for its jobs (bounded by connect timeouts)

    CheckRunner *runner() const { return m_runner; }
    SecretStore *secretStore() const { return m_secrets; }
    // A run goes on, or environments still wait for a password.
    bool isBusy() const;

    // Refreshes environments: checkIds only (every check when empty; the Locks view's
    // Refresh runs check.postgres.locks alone). A refresh still going ends first (what it did
    // not refresh is marked so); the rows of those checks stay, greyed, until each is replaced.
    void start(const QList<Environment> &environments, const QStringList &checkIds = {});
    // The user's Cancel: rows not refreshed stay, marked so; auto-refresh is armed again.
    void cancel();
    // The environments shown are replaced: whatever runs or waits for a password stops.
    void stop();

    // A new refresh of every environment this many seconds after the last one ended; 0 is
    // off. Remembered with QSettings ("window/autoRefreshSeconds").
    void setAutoRefreshInterval(int seconds);
    int autoRefreshInterval() const { return m_autoRefreshSec; }
    QTimer *autoRefreshTimer() const { return m_autoRefresh; }

    // The results of an environment whose prompt was cancelled: every check of registry that
    // applies to it, CheckStatus::NotRun, "no password given", no fixes (nothing is known
    // about the server) and evidence PasswordGiven = false.
    static QList<CheckResult> noPasswordResults(
        const Environment &env, const CheckRegistry &registry);

Q_SIGNALS:
    // A result is on the board (in the results model, the environment's badge updated).
    void resultArrived(const CheckResult &result);
    // What the status bar says about the refresh: "Waiting for a password: prod",
    // "Cancelled", "9 results · next run at 14:05:00".
    void statusChanged(const QString &text);
    // isBusy() may have changed.
    void busyChanged();
    // The refresh is over: every environment ran, was given "no password" results, or the
    // run was cancelled.
    void finished(bool cancelled);

private:
    // Results reach the board in batches: a run's results come in bursts (every environment
    // behind one silent server times out at once, 50 x 10 results in a millisecond), and one
    // by one each cost a search of the table and the environment's badge on the UI thread.
    // enqueue() only appends; drain() puts on the board what DrainBudgetMs allows, updates
    // each environment touched once, and leaves the rest for the next turn of the event
    // loop. A run's end waits for its results (m_finishPending).
    static constexpr qint64 DrainBudgetMs = 8;
    void enqueue(const CheckResult &result);
    void drain(qint64 budgetMs);
    void onRunFinished(bool cancelled);
    void finishRun(bool cancelled);
    void onDeclined(const QList<Environment> &environments);
    void autoRefreshDue();
    QString waitingText() const;

    ResultsModel *m_results;
    EnvironmentsModel *m_environments;
    CheckRunner *m_runner;
    SecretStore *m_secrets;
    QTimer *m_spinner;
    QTimer *m_autoRefresh;
    int m_autoRefreshSec = 0;
    QStringList m_checkIds; // of the refresh in progress; empty: every check
    QList<CheckResult> m_pending; // arrived, not yet on the board (drain())
    QTimer *m_drain;
    std::optional<bool> m_finishPending; // the run ended; cancelled or not
};
