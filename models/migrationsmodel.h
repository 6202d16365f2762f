// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QAbstractTableModel>

// Applied, pending and not-expected migrations of the selected migrations result. The
// State column has the state's icon (pending amber, applied green) and sorts pending
// first; pending rows are bold. Changes only by a reset (setMigrations); shown through
// MigrationsFilterModel.
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
    const QList<MigrationEntry> &migrations() const { return m_rows; }
    int count(MigrationEntry::State state) const { return m_counts[int(state)]; }
    // "39 applied · 3 pending · 1 not in expected set" (not-expected rows count as applied)
    QString summary() const;
    static QString summary(int applied, int pending, int notExpected);

    static QString stateText(MigrationEntry::State state);
    // The default order: pending 0, not expected 1, applied 2.
    static int stateRank(MigrationEntry::State state);

private:
    QList<MigrationEntry> m_rows;
    int m_counts[7] = {}; // rows per MigrationEntry::State, counted once per set
};
