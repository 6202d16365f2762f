// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's Locks view (issue 16): the tab beside the migrations, its Refresh (a run of
// check.postgres.locks for one environment through RunController), the View menu's
// shortcuts to both tabs, and the environments list's badges (EnvironmentDelegate). Kept
// apart from mainwindow.cpp, which lays the window out and follows the selection.
#include "environmentdelegate.h"
#include "environmentsmodel.h"
#include "fixtabs.h"
#include "locksview.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "postgres/lockscheck.h"
#include "resultsmodel.h"
#include "secretstore.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

using namespace Qt::StringLiterals;

QString MainWindow::lowerTabKey()
{
    return u"window/lowerTab"_s;
}

QWidget *MainWindow::buildLowerTabs()
{
    m_environmentsView->setItemDelegate(new EnvironmentDelegate(m_environmentsView));
    m_lowerTabs = new QTabWidget(this);
    m_lowerTabs->setObjectName(u"lowerTabs"_s);
    m_lowerTabs->setDocumentMode(true);
    m_lowerTabs->addTab(m_migrations, tr("&Migrations"));
    m_locksTab = new QWidget(m_lowerTabs); // locksView() builds the view
    m_lowerTabs->addTab(m_locksTab, tr("&Locks"));
    addMatrixTab(); // mainwindowmatrix.cpp
    addTimelineTab(); // mainwindowhistory.cpp
    // The dashboard reopens on the tab it was left on.
    m_lowerTabs->setCurrentIndex(QSettings().value(lowerTabKey(), 0).toInt());
    buildShownTab();
    connect(m_lowerTabs, &QTabWidget::currentChanged, this, [this](int index) {
        buildShownTab();
        QSettings().setValue(lowerTabKey(), index);
    });
    return m_lowerTabs;
}

LocksView *MainWindow::locksView()
{
    if (m_locks)
        return m_locks;
    m_locks = new LocksView(this);
    m_locks->setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
    // The environment the migrations pane follows (showEnvironmentPanes()).
    m_locks->showEnvironment(m_migrations->environment());
    connect(m_locks, &LocksView::refreshRequested, this, &MainWindow::refreshLocks);
    connect(m_locks->fixTabs(), &FixTabs::commandCopied, this,
        [this] { statusBar()->showMessage(tr("Command copied to the clipboard"), 2500); });
    // One run at a time: Refresh waits while a refresh of any kind goes on.
    m_locks->setRefreshEnabled(!m_run->isBusy());
    connect(m_run, &RunController::busyChanged, m_locks,
        [this] { m_locks->setRefreshEnabled(!m_run->isBusy()); });
    replaceTab(std::exchange(m_locksTab, nullptr), m_locks);
    return m_locks;
}

void MainWindow::buildShownTab()
{
    QWidget *shown = m_lowerTabs->currentWidget();
    if (shown && shown == m_locksTab)
        locksView();
    else if (shown && shown == m_matrixTab)
        matrixView();
}

void MainWindow::replaceTab(QWidget *placeholder, QWidget *view)
{
    // Signals blocked: the tab's index, and so the remembered one, does not change. The tab
    // bar still shows the new page (its own signal to the tab widget is not blocked).
    const QSignalBlocker blocker(m_lowerTabs);
    const int index = m_lowerTabs->indexOf(placeholder);
    const bool current = m_lowerTabs->currentIndex() == index;
    const QString label = m_lowerTabs->tabText(index);
    m_lowerTabs->removeTab(index);
    m_lowerTabs->insertTab(index, view, label);
    if (current)
        m_lowerTabs->setCurrentIndex(index);
    placeholder->deleteLater(); // this may run in the tab widget's currentChanged
}

void MainWindow::addLocksActions(QMenu *view)
{
    view->addSeparator();
    QAction *migrations = view->addAction(tr("Show &Migrations"), this, [this] {
        m_lowerTabs->setCurrentWidget(m_migrations);
        m_migrations->table()->setFocus();
    });
    migrations->setShortcut(Qt::CTRL | Qt::Key_M);
    m_showLocks = view->addAction(tr("Show &Locks"), this, [this] {
        m_lowerTabs->setCurrentWidget(locksView());
        m_locks->tree()->setFocus();
    });
    m_showLocks->setShortcut(Qt::CTRL | Qt::Key_L);
    addMatrixActions(view); // mainwindowmatrix.cpp
    addTimelineActions(view); // mainwindowhistory.cpp
}

void MainWindow::showEnvironmentPanes(const QString &environment)
{
    m_migrations->showEnvironment(environment);
    if (m_locks) // else locksView() shows the migrations pane's environment when built
        m_locks->showEnvironment(environment);
}

void MainWindow::refreshLocks(const QString &environment)
{
    const Environment *env = m_environments->environment(environment);
    if (!env || m_run->isBusy())
        return;
    m_run->secretStore()->allowPrompt(*env); // asked for by name, as Run Selected does
    m_run->start({ *env }, { LocksCheck::Id });
}
