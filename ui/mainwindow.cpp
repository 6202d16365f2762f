// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "mainwindow.h"

#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "connectiondialog.h"
#include "config/demo.h"
#include "config/environmentsfile.h"
#include "environmentsmodel.h"
#include "focusring.h"
#include "kbbrowser.h"
#include "kb/kblibrary.h"
#include "migrationsview.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "resultsproxymodel.h"
#include "resultsview.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "statusicons.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTime>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {
const QString MigrationsCheckId = u"check.postgres.migrations"_s;

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
    , m_runner(new CheckRunner(CheckRegistry::builtin(), &kb, this))
    , m_results(new ResultsModel(this))
    , m_resultsFilter(new ResultsProxyModel(this))
    , m_environments(new EnvironmentsModel(this))
    , m_secrets(new SecretStore(this))
{
    setObjectName(u"MainWindow"_s);
    m_resultsFilter->setSourceModel(m_results);
    buildActions();
    buildLayout();

    connect(m_runner, &CheckRunner::resultReady, this, &MainWindow::onResult);
    connect(m_runner, &CheckRunner::progressChanged, this, &MainWindow::onProgress);
    connect(m_runner, &CheckRunner::runFinished, this,
        [this](quint64, bool cancelled) { onRunFinished(cancelled); });
    connect(m_runner, &CheckRunner::environmentStarted, this,
        [this](const QString &n) { m_environments->setBusy(n, true); });
    connect(m_runner, &CheckRunner::environmentFinished, this,
        [this](const QString &n) { m_environments->setBusy(n, false); });
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::showProgress);
    auto *spinner = new QTimer(this);
    spinner->setInterval(120);
    connect(spinner, &QTimer::timeout, m_environments, &EnvironmentsModel::advanceBusyFrame);
    connect(m_runner, &CheckRunner::runStarted, spinner, qOverload<>(&QTimer::start));
    connect(m_runner, &CheckRunner::runFinished, spinner, &QTimer::stop);
    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setSingleShot(true); // armed when a run ends: runs never overlap
    connect(m_autoRefresh, &QTimer::timeout, this, &MainWindow::autoRefreshDue);

    restoreSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The runner waits for its jobs; it must go before the demo files they read.
    delete m_runner;
    m_runner = nullptr;
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
    m_resultsPane = new ResultsView(static_cast<ResultsProxyModel *>(m_resultsFilter), this);
    m_resultsView = m_resultsPane->table();
    connect(m_resultsPane, &ResultsView::copied, this,
        [this](const QString &what) { statusBar()->showMessage(what, 2500); });
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_autoSelected = m_selectingAutomatically;
        onResultSelected();
    });

    m_migrations = new MigrationsView(this);
    m_migrations->setSource(m_results, MigrationsCheckId);
    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_resultsPane);
    m_centreSplitter->addWidget(m_migrations);
    m_centreSplitter->setSizes({ 330, 350 }); // at 720 px both show ten rows or so

    auto *welcome = new WelcomePage(this);
    connect(welcome, &WelcomePage::demoRequested, this, &MainWindow::startDemo);
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

    m_progressLabel = new QLabel(tr("Ready"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::setEnvironments(const QList<Environment> &environments, const QString &source)
{
    if (m_runner->isRunning())
        m_runner->cancel();
    if (m_secrets->isResolving()) {
        m_secrets->cancel();
        m_results->finishRefresh(true);
    }
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

bool MainWindow::openEnvironmentsFile(const QString &path)
{
    const EnvironmentsFile file = EnvironmentsFile::load(path);
    if (!file.ok()) {
        // The environments shown so far stay as they are.
        QMessageBox::warning(this, tr("Cannot open environments file"),
            tr("%1\n\nNothing was changed; fix the file and open it again.").arg(file.error));
        return false;
    }
    if (!file.warnings.isEmpty())
        statusBar()->showMessage(file.warnings.join(u"; "_s), 10000);
    setEnvironments(file.environments, QFileInfo(path).absoluteFilePath());
    m_file = QFileInfo(path).absoluteFilePath();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    runAll();
    return true;
}

bool MainWindow::startDemo()
{
    delete m_demoDir;
    m_demoDir = new QTemporaryDir;
    const Demo::Setup demo = Demo::create(m_demoDir->path());
    if (!demo.error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot create the demo"), demo.error);
        return false;
    }
    setEnvironments(demo.environments, tr("demo"));
    runAll();
    return true;
}

void MainWindow::runAll()
{
    if (m_environments->environments().isEmpty())
        return;
    startRun(m_environments->environments());
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
    m_secrets->allowPrompt(*env); // asked for by name: a cancelled prompt is shown again
    startRun({ *env });
}

void MainWindow::cancelRun()
{
    if (m_secrets->isResolving()) { // still waiting for the keychain: no run yet
        m_secrets->cancel();
        m_results->finishRefresh(true);
        m_progressLabel->setText(tr("Cancelled"));
        if (m_autoRefreshSec > 0)
            m_autoRefresh->start(m_autoRefreshSec * 1000);
        updateActions();
    }
    if (m_runner->isRunning())
        m_runner->cancel();
}

void MainWindow::onResult(const CheckResult &result)
{
    m_results->upsert(result);
    m_environments->setWorstStatus(result.environment, m_results->worstStatus(result.environment));
    // Keep the panel in step when the shown result is refreshed by a new run.
    const QModelIndex current = m_resultsView->currentIndex();
    if (current.isValid()) {
        const auto shown = current.data(ResultsModel::ResultRole).value<CheckResult>();
        if (shown.environment == result.environment && shown.checkId == result.checkId)
            onResultSelected();
    }
}

void MainWindow::onProgress(int done, int total)
{
    // Shown at most ten times a second: QProgressBar repaints synchronously on every
    // value change, and a fleet delivers results in bursts.
    m_progressDone = done;
    m_progressTotal = total;
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

void MainWindow::showProgress()
{
    const bool running = m_runner->isRunning();
    m_progress->setVisible(running);
    if (!running)
        return;
    m_progress->setRange(0, qMax(m_progressTotal, 1));
    m_progress->setValue(m_progressDone);
    m_progressLabel->setText(tr("Checking %1 of %2")
                                 .arg(qMin(m_progressDone + 1, m_progressTotal))
                                 .arg(m_progressTotal));
}

void MainWindow::onRunFinished(bool cancelled)
{
    m_progressTimer->stop();
    m_progress->setVisible(false);
    // Environments still waiting for a password belong to this refresh, which ends with
    // them: their last results stay until then (SecretStore::ready adds them to the runner).
    if (!cancelled && m_secrets->isResolving()) {
        m_progressLabel->setText(tr("Waiting for a password: %1")
                                     .arg(m_secrets->waitingEnvironments().join(u", "_s)));
        updateActions();
        return;
    }
    // A cancelled environment keeps its last results, marked as not refreshed.
    m_results->finishRefresh(cancelled);
    const auto envs = m_environments->environments();
    for (const Environment &e : envs) {
        m_environments->setBusy(e.name, false);
        m_environments->setWorstStatus(e.name, m_results->worstStatus(e.name));
    }
    QString label
        = cancelled ? tr("Cancelled") : tr("%n result(s)", nullptr, m_results->rowCount());
    if (m_autoRefreshSec > 0 && !envs.isEmpty()) {
        m_autoRefresh->start(m_autoRefreshSec * 1000);
        label += tr(" · next run at %1")
                     .arg(QTime::currentTime().addSecs(m_autoRefreshSec).toString(u"HH:mm:ss"_s));
    }
    m_progressLabel->setText(label);
    if (!cancelled) {
        for (int c = 0; c < ResultsModel::ColumnCount; ++c) {
            if (c != ResultsModel::MessageColumn)
                m_resultsView->resizeColumnToContents(c);
        }
    }
    // Filling the panel is the heaviest UI work; a later turn of the event loop keeps the
    // run's last repaint and this apart. A result the user chose stays selected.
    if (!cancelled && (!m_resultsView->currentIndex().isValid() || m_autoSelected))
        QTimer::singleShot(0, this, &MainWindow::selectMostInteresting);
    updateActions();
    if (cancelled)
        Q_EMIT runFinished(true);
    else
        QTimer::singleShot(0, this, [this] { Q_EMIT runFinished(false); }); // after the selection
}

void MainWindow::selectMostInteresting()
{
    // The most severe root cause (Status::rank: a failed connection is a Fail, the checks
    // it kept from running are NotRun and rank lower); among equals the migrations result
    // with the most pending, which is what most users open the tool for. Only rows the
    // environment filter shows.
    if (m_resultsView->currentIndex().isValid() && !m_autoSelected)
        return; // the user chose meanwhile
    int best = -1;
    qint64 bestRank = -1;
    for (int row = 0; row < m_results->rowCount(); ++row) {
        if (!m_resultsFilter->mapFromSource(m_results->index(row, 0)).isValid())
            continue;
        const CheckResult *r = m_results->resultAt(row);
        const qint64 rank
            = (Status::rank(r->status) * 2 + (r->checkId == MigrationsCheckId ? 1 : 0)) * 100000
            + r->evidenceValue(u"PendingCount"_s).toInt();
        if (rank > bestRank) {
            bestRank = rank;
            best = row;
        }
    }
    if (best < 0)
        return;
    const QModelIndex index = m_resultsFilter->mapFromSource(m_results->index(best, 0));
    m_selectingAutomatically = true;
    m_resultsView->setCurrentIndex(index);
    m_selectingAutomatically = false;
    m_autoSelected = true;
    m_resultsView->scrollTo(index);
}

void MainWindow::setAutoRefreshInterval(int seconds)
{
    m_autoRefreshSec = qMax(0, seconds);
    QSettings().setValue(u"window/autoRefreshSeconds"_s, m_autoRefreshSec);
    for (QAction *a : std::as_const(m_autoRefreshActions))
        a->setChecked(a->data().toInt() == m_autoRefreshSec);
    if (m_autoRefreshSec == 0)
        m_autoRefresh->stop();
    else if (!m_runner->isRunning() && !m_secrets->isResolving())
        m_autoRefresh->start(m_autoRefreshSec * 1000);
}

void MainWindow::autoRefreshDue()
{
    if (m_autoRefreshSec == 0 || m_environments->environments().isEmpty())
        return;
    // Never over a run, a password prompt or a dialog the user is busy with: try again later.
    if (m_runner->isRunning() || m_secrets->isResolving() || QApplication::activeModalWidget()) {
        m_autoRefresh->start(m_autoRefreshSec * 1000);
        return;
    }
    runAll();
}

bool MainWindow::selectResult(const QString &environment, const QString &checkId)
{
    const int row = m_results->rowOf(environment, checkId);
    if (row < 0)
        return false;
    const QModelIndex index = m_resultsFilter->mapFromSource(m_results->index(row, 0));
    if (!index.isValid())
        return false;
    m_resultsView->setCurrentIndex(index);
    m_autoSelected = false;
    m_resultsView->scrollTo(index);
    return true;
}

void MainWindow::onEnvironmentSelected()
{
    const QString environment = environmentOf(m_environmentsView->currentIndex());
    m_resultsPane->setEnvironment(environment);
    // The migrations pane follows the environment chosen, or the selected result's.
    const QModelIndex result = m_resultsView->currentIndex();
    m_migrations->showEnvironment(
        result.isValid() ? result.data(ResultsModel::EnvironmentRole).toString() : environment);
    updateActions();
}

void MainWindow::onResultSelected()
{
    const QModelIndex current = m_resultsView->currentIndex();
    if (!current.isValid()) {
        m_migrations->showEnvironment(environmentOf(m_environmentsView->currentIndex()));
        m_panel->clear();
        return;
    }
    const auto result = current.data(ResultsModel::ResultRole).value<CheckResult>();
    m_migrations->showEnvironment(result.environment);
    m_panel->show(
        m_kb.article(result.checkId), result, m_environments->environment(result.environment));
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
    m_panel->show(m_kb.article(checkId), result, env);
}

void MainWindow::chooseEnvironmentsFile()
{
    const QString start = m_source.isEmpty() || !QFileInfo(m_source).exists()
        ? QString()
        : QFileInfo(m_source).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Environments File"), start,
        tr("Environments (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openEnvironmentsFile(path);
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
    const bool running = m_runner && m_runner->isRunning();
    m_runAll->setEnabled(any);
    m_runSelected->setEnabled(any);
    m_cancel->setEnabled(running || m_secrets->isResolving());
    updateEnvironmentActions();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardChanges()) {
        event->ignore();
        return;
    }
    saveSettings();
    // Stop queries now; connects still pending end within their connect timeout.
    m_runner->cancel();
    event->accept();
}
