// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

// Applied, pending and not-expected migrations of the selected migrations result. The
// State column has the state's icon (pending amber, applied green) and sorts pending
// first; pending rows are bold.
class MigrationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, StateColumn, ProductVersionColumn, PositionColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMigrations(const QList<MigrationEntry> &migrations);
    int count(MigrationEntry::State state) const;
    // "39 applied · 3 pending · 1 not in expected set" (not-expected rows count as applied)
    QString summary() const;
    static QString summary(int applied, int pending, int notExpected);

    static QString stateText(MigrationEntry::State state);
    // The default order: pending 0, not expected 1, applied 2.
    static int stateRank(MigrationEntry::State state);

private:
    QList<MigrationEntry> m_rows;
};

// The filter box and "Pending only" toggle over MigrationsModel.
class MigrationsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MigrationsFilterModel(QObject *parent = nullptr);
    void setPendingOnly(bool on);
    bool pendingOnly() const { return m_pendingOnly; }
    // The counts of the rows shown: the model's summary() when nothing is hidden, else
    // "7 of 43 shown · 0 applied · 7 pending".
    QString summary() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_pendingOnly = false;
};
