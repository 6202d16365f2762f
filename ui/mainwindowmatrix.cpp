// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's Matrix view (issue 18): the cross-environment migration matrix as a tab
// beside Migrations and Locks (it answers "which migration is where" for every environment
// at once, so it sits under the results of all of them rather than in one environment's
// pane), its View menu shortcut, and what a click on a cell does: that environment and its
// result of the migration's history are selected (the remediation panel shows the result),
// and the migration is selected in the Migrations tab.
#include "environmentsmodel.h"
#include "historyclient.h"
#include "mainwindow.h"
#include "matrixview.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "migrationsview.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"
#include "resultsproxymodel.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {

// Selects the row of migration (of that tool's history) in the Migrations tab's table; false
// when it is not shown (filtered out, or not there yet).
bool selectMigration(
    MigrationsView *view, const QString &tool, const QString &history, const QString &migrationId)
{
    const MigrationsFilterModel *filter = view->filterModel();
    const QList<MigrationEntry> &entries = view->model()->migrations();
    for (int row = 0; row < filter->rowCount(); ++row) {
        const QModelIndex index = filter->index(row, MigrationsModel::IdColumn);
        const MigrationEntry &e = entries.at(filter->mapToSource(index).row());
        if (e.id == migrationId && e.tool == tool && e.history == history) {
            view->table()->setCurrentIndex(index);
            view->table()->scrollTo(index);
            return true;
        }
    }
    return false;
}

} // namespace

void MainWindow::addMatrixTab()
{
    m_matrixTab = new QWidget(m_lowerTabs); // matrixView() builds the view
    m_lowerTabs->addTab(m_matrixTab, tr("Ma&trix"));
}

MatrixView *MainWindow::matrixView()
{
    if (m_matrix)
        return m_matrix;
    m_matrix = new MatrixView(this);
    m_matrix->setSource(m_results, m_environments);
    connect(m_matrix, &MatrixView::cellChosen, this, &MainWindow::showMatrixCell);
    // The run's last results are in: the matrix now, not after its usual short wait.
    connect(m_run, &RunController::finished, m_matrix, &MatrixView::rebuild);
    replaceTab(std::exchange(m_matrixTab, nullptr), m_matrix);
    // The first-seen times: sightings loaded before the matrix existed went nowhere.
    if (m_history && m_history->isEnabled())
        m_history->loadSightings();
    return m_matrix;
}

void MainWindow::addMatrixActions(QMenu *view)
{
    m_showMatrix = view->addAction(tr("Show Migration Ma&trix"), this, [this] {
        m_lowerTabs->setCurrentWidget(matrixView());
        m_matrix->table()->setFocus();
    });
    m_showMatrix->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
}

void MainWindow::showMatrixCell(const QString &environment, const QString &tool,
    const QString &history, const QString &migrationId)
{
    // The environment in the list first: the results table shows only the chosen one's.
    for (int row = 0; row < m_environments->rowCount(); ++row) {
        const QModelIndex index = m_environments->index(row);
        if (!index.data(EnvironmentsModel::IsAllRole).toBool()
            && index.data(EnvironmentsModel::EnvironmentNameRole).toString() == environment) {
            m_environmentsView->setCurrentIndex(index);
            break;
        }
    }
    // Its result of that history (the panel follows the results table's current row).
    const int row = m_results->rowOf(environment, MigrationsCheck::Id, tool + u' ' + history);
    const QModelIndex result = row < 0
        ? QModelIndex()
        : m_resultsFilter->mapFromSource(m_results->index(row, ResultsModel::CheckColumn));
    if (result.isValid()) {
        m_resultsView->setCurrentIndex(result);
        m_resultsView->scrollTo(result);
    }
    if (selectMigration(m_migrations, tool, history, migrationId)
        || !m_migrations->filterModel()->isBusy())
        return;
    // A long history is still being ordered: select the migration once it is shown.
    auto *once = new QObject(this);
    connect(m_migrations->filterModel(), &MigrationsFilterModel::busyChanged, once,
        [this, once, tool, history, migrationId](bool busy) {
            if (busy)
                return;
            selectMigration(m_migrations, tool, history, migrationId);
            once->deleteLater();
        });
}
