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
    m_locks = new LocksView(this);
    m_locks->setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
    connect(m_locks, &LocksView::refreshRequested, this, &MainWindow::refreshLocks);
    connect(m_locks->fixTabs(), &FixTabs::commandCopied, this,
        [this] { statusBar()->showMessage(tr("Command copied to the clipboard"), 2500); });
    // One run at a time: Refresh waits while a refresh of any kind goes on.
    connect(m_run, &RunController::busyChanged, this,
        [this] { m_locks->setRefreshEnabled(!m_run->isBusy()); });
    m_lowerTabs = new QTabWidget(this);
    m_lowerTabs->setObjectName(u"lowerTabs"_s);
    m_lowerTabs->setDocumentMode(true);
    m_lowerTabs->addTab(m_migrations, tr("&Migrations"));
    m_lowerTabs->addTab(m_locks, tr("&Locks"));
    addMatrixTab(); // mainwindowmatrix.cpp
    addTimelineTab(); // mainwindowhistory.cpp
    // The dashboard reopens on the tab it was left on.
    m_lowerTabs->setCurrentIndex(QSettings().value(lowerTabKey(), 0).toInt());
    connect(m_lowerTabs, &QTabWidget::currentChanged, this,
        [](int index) { QSettings().setValue(lowerTabKey(), index); });
    return m_lowerTabs;
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
        m_lowerTabs->setCurrentWidget(m_locks);
        m_locks->tree()->setFocus();
    });
    m_showLocks->setShortcut(Qt::CTRL | Qt::Key_L);
    addMatrixActions(view); // mainwindowmatrix.cpp
    addTimelineActions(view); // mainwindowhistory.cpp
}

void MainWindow::showEnvironmentPanes(const QString &environment)
{
    m_migrations->showEnvironment(environment);
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
