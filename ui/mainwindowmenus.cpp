// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's menus, toolbar, recent files, settings persistence and the Help dialogs:
// kept apart from mainwindow.cpp, which lays the window out and follows the selection.
#include "kbbrowser.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "resultsmodel.h"
#include "settingsdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxRecentFiles = 8;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_open = file->addAction(
        tr("&Open Environments File…"), this, &MainWindow::chooseEnvironmentsFile);
    m_open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo"), this, qOverload<>(&MainWindow::startDemo));
    addEnvironmentActions(file);
    addReportActions(file); // mainwindowreport.cpp
    addFleetActions(file); // mainwindowfleet.cpp
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"), this, [this] {
        if (SettingsDialog(this).exec() == QDialog::Accepted)
            applyHistorySettings(); // mainwindowhistory.cpp
    });
    // Ctrl+, everywhere: the platform's Preferences key is none on Windows and X11 without
    // a desktop theme, and Ctrl+Shift+, on KDE (kept as a second shortcut there).
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    settingsKeys.removeAll(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsKeys.prepend(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_runAll = run->addAction(tr("Run &All"), this, &MainWindow::runAll);
    m_runAll->setShortcut(Qt::Key_F5);
    m_runSelected = run->addAction(tr("Run &Selected Environment"), this, &MainWindow::runSelected);
    m_runSelected->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_cancel = run->addAction(tr("&Cancel"), this, &MainWindow::cancelRun);
    m_cancel->setShortcut(Qt::Key_Escape);
    run->addSeparator();
    addAutoRefreshMenu(run);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pendingOnly = view->addAction(tr("&Pending Migrations Only"));
    m_pendingOnly->setCheckable(true);
    m_pendingOnly->setShortcut(Qt::CTRL | Qt::Key_P);
    // And back from the box to the menu: buildLayout().
    connect(m_pendingOnly, &QAction::toggled, this,
        [this](bool on) { m_migrations->pendingOnlyBox()->setChecked(on); });
    QAction *filter = view->addAction(tr("&Filter Migrations"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        m_lowerTabs->setCurrentWidget(m_migrations); // the tab may show the locks
        m_migrations->filterEdit()->setFocus();
    });
    addLocksActions(view); // mainwindowlocks.cpp

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *kbAction
        = help->addAction(tr("&Knowledge Base"), this, &MainWindow::showKnowledgeBase);
    kbAction->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Doctor Dashboard"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(u"runToolBar"_s);
    bar->addAction(m_runAll);
    bar->addAction(m_runSelected);
    bar->addAction(m_cancel);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    rebuildRecentMenu();
}

void MainWindow::addAutoRefreshMenu(QMenu *run)
{
    QMenu *menu = run->addMenu(tr("Auto-&Refresh"));
    auto *group = new QActionGroup(menu);
    const QList<std::pair<int, QString>> choices { { 0, tr("&Off") },
        { 30, tr("Every &30 Seconds") }, { 60, tr("Every &Minute") },
        { 300, tr("Every &5 Minutes") }, { 900, tr("Every &15 Minutes") } };
    for (const auto &[seconds, text] : choices) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setData(seconds);
        a->setActionGroup(group);
        connect(a, &QAction::triggered, this, [this, seconds] { setAutoRefreshInterval(seconds); });
        m_autoRefreshActions << a;
    }
    m_autoRefreshActions.first()->setChecked(true);
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(u"recentFiles"_s).toStringList();
    files.removeAll(path);
    files.prepend(path);
    settings.setValue(u"recentFiles"_s, files.mid(0, MaxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(u"recentFiles"_s).toStringList();
    for (const QString &f : files)
        m_recentMenu->addAction(f, this, [this, f] { openEnvironmentsFile(f); });
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1500, 900);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    // Defaults in proportion to the window: the results and migrations get the most room,
    // enough at 1280 px for the message column to be read beside the others.
    if (!m_mainSplitter->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray())) {
        const int w = width();
        m_mainSplitter->setSizes({ w * 11 / 100, w * 58 / 100, w * 31 / 100 });
    }
    m_centreSplitter->restoreState(settings.value(u"window/centreSplitter"_s).toByteArray());
    // Off by default; runs start only once environments are shown.
    setAutoRefreshInterval(settings.value(u"window/autoRefreshSeconds"_s, 0).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"window/centreSplitter"_s, m_centreSplitter->saveState());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Doctor Dashboard"),
        tr("<h3>Doctor Dashboard %1</h3><p>Health checks for database environments: connectivity, "
           "connection pool and EF Core migrations, with fixes for Docker Compose, systemd and "
           "Kubernetes.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::showKnowledgeBase()
{
    auto *browser = new KbBrowser(m_kb, this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndex current = m_resultsView->currentIndex();
    if (current.isValid())
        browser->showArticle(current.data(ResultsModel::ResultRole).value<CheckResult>().checkId);
    browser->show();
}
