// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "mainwindow.h"

#include "connectiondialog.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "environmentsmodel.h"
#include "focusring.h"
#include "kb/kblibrary.h"
#include "migrationsview.h"
#include "postgres/migrationscheck.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "resultsproxymodel.h"
#include "resultsview.h"
#include "secretstore.h"
#include "startuptrace.h"
#include "welcomepage.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// The environment an environments-list row stands for; empty for "All environments".
QString environmentOf(const QModelIndex &row)
{
    return !row.isValid() || row.data(EnvironmentsModel::IsAllRole).toBool()
        ? QString()
        : row.data(EnvironmentsModel::EnvironmentNameRole).toString();
}
} // namespace

MainWindow::MainWindow(const KbLibrary &kb, QWidget *parent)
    : QMainWindow(parent)
    , m_kb(kb)
    , m_results(new ResultsModel(this))
    , m_resultsFilter(new ResultsProxyModel(this))
    , m_environments(new EnvironmentsModel(this))
    , m_run(new RunController(kb, m_results, m_environments, this))
{
    setObjectName(u"MainWindow"_s);
    m_resultsFilter->setSourceModel(m_results);
    // Where the window's share of the start goes (tests/bench/startup --trace).
    StartupTrace::mark("MainWindow: models, run controller");
    buildActions();
    StartupTrace::mark("MainWindow: menus, toolbar");
    buildLayout();
    StartupTrace::mark("MainWindow: layout");

    connect(m_run, &RunController::resultArrived, this, &MainWindow::onResult);
    connect(m_run, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(m_run, &RunController::statusChanged, m_status, &RunStatus::setText);
    connect(m_run, &RunController::busyChanged, this, &MainWindow::updateActions);

    restoreSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The runner waits for its jobs; it must go before the demo files they read.
    delete m_run;
    m_run = nullptr;
    delete m_demoDir;
}

void MainWindow::buildLayout()
{
    m_environmentsView = new QListView(this);
    m_environmentsView->setModel(m_environments);
    m_environmentsView->setAccessibleName(tr("Environments"));
    m_environmentsView->setIconSize(QSize(16, 16));
    m_environmentsView->setSpacing(2);
    m_environmentsView->setMinimumWidth(150);
    connect(m_environmentsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MainWindow::onEnvironmentSelected);
    // Right-click on an environment: its own actions (mainwindowenvironments.cpp).
    m_environmentsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_environmentsView->addActions({ m_editEnvironment, m_enterPassword });

    FocusRing::attach(m_environmentsView);

    // The table, its summary line and the copy actions (ResultsView).
    m_resultsPane = new ResultsView(m_resultsFilter, this);
    m_resultsView = m_resultsPane->table();
    connect(m_resultsPane, &ResultsView::copied, this,
        [this](const QString &what) { statusBar()->showMessage(what, 2500); });
    connect(m_resultsPane, &ResultsView::currentResultChanged, this, &MainWindow::onResultSelected);

    m_migrations = new MigrationsView(this);
    m_migrations->setSource(m_results, MigrationsCheck::Id);
    // View > Pending Migrations Only and the pane's box are one setting (the menu moves the
    // box in buildActions()).
    connect(
        m_migrations->pendingOnlyBox(), &QCheckBox::toggled, m_pendingOnly, &QAction::setChecked);
    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_resultsPane);
    m_centreSplitter->addWidget(buildLowerTabs()); // migrations and locks: mainwindowlocks.cpp
    m_centreSplitter->setSizes({ 330, 350 }); // at 720 px both show ten rows or so

    auto *welcome = new WelcomePage(this);
    connect(welcome, &WelcomePage::demoRequested, this, qOverload<>(&MainWindow::startDemo));
    connect(welcome, &WelcomePage::openRequested, this, &MainWindow::chooseEnvironmentsFile);
    connect(welcome, &WelcomePage::sampleFileCreated, this, &MainWindow::openEnvironmentsFile);
    connect(welcome, &WelcomePage::newEnvironmentRequested, this, [this] {
        // The first environment gets its file at once: the connection dialog, then Save As.
        connect(openConnectionDialog(), &QDialog::accepted, this,
            [this] { QTimer::singleShot(0, this, [this] { saveEnvironmentsAs(); }); });
    });
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(welcome);
    m_centre->addWidget(m_centreSplitter);

    m_panel = new RemediationPanel(this);
    connect(m_panel, &RemediationPanel::articleRequested, this, &MainWindow::showArticle);
    connect(m_panel, &RemediationPanel::commandCopied, this,
        [this] { statusBar()->showMessage(tr("Command copied to the clipboard"), 2500); });

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_environmentsView);
    m_mainSplitter->addWidget(m_centre);
    m_mainSplitter->addWidget(m_panel);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setStretchFactor(2, 2);
    m_mainSplitter->setSizes({ 190, 760, 600 });
    setCentralWidget(m_mainSplitter);

    m_status = new RunStatus(m_run->runner(), statusBar());
}

void MainWindow::setEnvironments(const QList<Environment> &environments, const QString &source)
{
    m_run->stop();
    m_source = source;
    m_file.clear();
    m_unsaved = false;
    // The results of environments that stay (same name) stay on the board, and so does the
    // selection: reopening the file or editing one environment must not empty it.
    const QModelIndex currentEnv = m_environmentsView->currentIndex();
    const QString shownEnv = currentEnv.isValid()
        ? currentEnv.data(EnvironmentsModel::EnvironmentNameRole).toString()
        : QString();
    QStringList names;
    for (const Environment &e : environments)
        names << e.name;
    m_results->retainEnvironments(names);
    m_results->setOrdering(names, CheckRegistry::builtin().ids());
    m_environments->setEnvironments(environments);
    if (!m_resultsView->currentIndex().isValid()) {
        m_migrations->setResult(nullptr);
        m_panel->clear();
    }
    m_centre->setCurrentIndex(environments.isEmpty() ? 0 : 1);
    const qsizetype envRow = names.indexOf(shownEnv);
    m_environmentsView->setCurrentIndex(m_environments->index(envRow < 0 ? 0 : int(envRow) + 1));
    updateTitle();
    updateActions();
}

void MainWindow::setDeferRuns(bool defer)
{
    m_deferRuns = defer;
    if (!defer && m_runDeferred) {
        m_runDeferred = false;
        runAll();
    }
}

void MainWindow::runAll()
{
    if (m_deferRuns) {
        m_runDeferred = true;
        return;
    }
    if (m_environments->environments().isEmpty())
        return;
    m_run->start(m_environments->environments());
}

void MainWindow::runSelected()
{
    const QModelIndex current = m_environmentsView->currentIndex();
    if (!current.isValid() || current.data(EnvironmentsModel::IsAllRole).toBool())
        return runAll();
    const Environment *env = m_environments->environment(
        current.data(EnvironmentsModel::EnvironmentNameRole).toString());
    if (!env)
        return;
    m_run->secretStore()->allowPrompt(*env); // asked for by name: a cancelled prompt shows again
    m_run->start({ *env });
}

void MainWindow::cancelRun()
{
    m_run->cancel();
}

void MainWindow::onResult(const CheckResult &result)
{
    // Keep the panel in step when the shown result is refreshed by a new run.
    const QModelIndex current = m_resultsView->currentIndex();
    if (current.isValid()) {
        const auto shown = current.data(ResultsModel::ResultRole).value<CheckResult>();
        if (shown.environment == result.environment && shown.checkId == result.checkId)
            onResultSelected();
    }
}

void MainWindow::onRunFinished(bool cancelled)
{
    if (!cancelled)
        m_resultsPane->fitColumns();
    // Filling the panel is the heaviest UI work; a later turn of the event loop keeps the
    // run's last repaint and this apart. A result the user chose stays selected.
    if (!cancelled && !m_resultsPane->hasUserSelection()) {
        QTimer::singleShot(
            0, this, [this] { m_resultsPane->selectMostInteresting(MigrationsCheck::Id); });
    }
    if (cancelled)
        Q_EMIT runFinished(true);
    else
        QTimer::singleShot(0, this, [this] { Q_EMIT runFinished(false); }); // after the selection
}

void MainWindow::setAutoRefreshInterval(int seconds)
{
    m_run->setAutoRefreshInterval(seconds);
    for (QAction *a : std::as_const(m_autoRefreshActions))
        a->setChecked(a->data().toInt() == m_run->autoRefreshInterval());
}

bool MainWindow::selectResult(const QString &environment, const QString &checkId)
{
    return m_resultsPane->selectResult(environment, checkId);
}

void MainWindow::onEnvironmentSelected()
{
    const QString environment = environmentOf(m_environmentsView->currentIndex());
    m_resultsPane->setEnvironment(environment);
    // The migrations pane follows the environment chosen, or the selected result's.
    const QModelIndex result = m_resultsView->currentIndex();
    showEnvironmentPanes(
        result.isValid() ? result.data(ResultsModel::EnvironmentRole).toString() : environment);
    updateActions();
}

void MainWindow::onResultSelected()
{
    const QModelIndex current = m_resultsView->currentIndex();
    if (!current.isValid()) {
        showEnvironmentPanes(environmentOf(m_environmentsView->currentIndex()));
        m_panel->clear();
        return;
    }
    const auto result = current.data(ResultsModel::ResultRole).value<CheckResult>();
    showEnvironmentPanes(result.environment);
    m_panel->showResult(
        m_kb.articleFor(result), result, m_environments->environment(result.environment));
}

void MainWindow::showArticle(const QString &checkId)
{
    const QModelIndex current = m_resultsView->currentIndex();
    const Environment *env = current.isValid()
        ? m_environments->environment(current.data(ResultsModel::EnvironmentRole).toString())
        : nullptr;
    // A related check's own result in the same environment, when there is one.
    std::optional<CheckResult> result;
    if (env) {
        if (const int row = m_results->rowOf(env->name, checkId); row >= 0)
            result = *m_results->resultAt(row);
    }
    m_panel->showResult(m_kb.article(checkId), result, env);
}

void MainWindow::updateTitle()
{
    // The environments file only: never a connection string, which may hold a password.
    setWindowTitle(
        m_source.isEmpty() ? tr("Doctor Dashboard") : tr("%1 — Doctor Dashboard").arg(m_source));
}

void MainWindow::updateActions()
{
    const bool any = !m_environments->environments().isEmpty();
    m_runAll->setEnabled(any);
    m_runSelected->setEnabled(any);
    m_cancel->setEnabled(m_run && m_run->isBusy());
    updateEnvironmentActions();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardChanges()) {
        event->ignore();
        return;
    }
    saveSettings();
    // Stop queries now; connects still pending end within their connect timeout. What has
    // arrived is put on the board and the run ends here, so its history is recorded before
    // the program quits (HistoryClient waits for a record in flight).
    m_run->stop();
    event->accept();
}
