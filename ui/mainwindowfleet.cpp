// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's File > Open Results Store… (issue 19 §5): the fleet view, a window of its
// own beside the dashboard (thousands of environments want the whole screen, and the
// dashboard's environments list stays the one of the loaded file), and its Check Now.

#include "environmentsmodel.h"
#include "fleetview.h"
#include "history/historystore.h"
#include "mainwindow.h"

#include <QAction>
#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
// The last store opened, as HistoryStore::displayLocation() writes it: never a password.
const QString StoreKey = u"fleet/store"_s;
} // namespace

void MainWindow::addFleetActions(QMenu *file)
{
    m_openStore = file->addAction(tr("Open Results &Store…"), this, [this] {
        bool ok = false;
        const QString location = QInputDialog::getText(this, tr("Open Results Store"),
            tr("A history file, or a postgresql:// URL of a shared store (the password from "
               "PGPASSWORD or the pgpass file; a read-only role is enough):"),
            QLineEdit::Normal, QSettings().value(StoreKey).toString(), &ok)
                                     .trimmed();
        if (ok && !location.isEmpty())
            openFleetView(location);
    });
}

FleetView *MainWindow::openFleetView(const QString &location)
{
    QSettings().setValue(StoreKey, HistoryStore::displayLocation(location));
    if (!m_fleet) {
        m_fleet = new FleetView(this);
        m_fleet->setWindowFlag(Qt::Window);
        m_fleet->resize(1000, 720);
        m_fleet->setCheckAvailability([this](const QString &environment) {
            return m_environments->environment(environment)
                ? QString()
                : tr("%1 is not in the environments file loaded in the dashboard, so this "
                     "desktop has no connection for it")
                      .arg(environment);
        });
        connect(m_fleet, &FleetView::checkNowRequested, this, [this](const QString &name) {
            for (int row = 0; row < m_environments->rowCount(); ++row) {
                const QModelIndex index = m_environments->index(row);
                if (index.data(EnvironmentsModel::EnvironmentNameRole).toString() != name
                    || index.data(EnvironmentsModel::IsAllRole).toBool())
                    continue;
                m_environmentsView->setCurrentIndex(index);
                runSelected(); // the one environment, as Run > Run Selected Environment
                break;
            }
            raise();
            activateWindow();
        });
    }
    m_fleet->openStore(location);
    m_fleet->show();
    m_fleet->raise();
    return m_fleet;
}
