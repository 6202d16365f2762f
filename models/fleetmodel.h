// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/fleetreader.h"

#include <QAbstractTableModel>

// The fleet view's table (issue 19 §5): one row per environment of a results store, with
// its worst latest status, the age of its newest result, its shard and its tags. The rows come
// whole from a FleetSnapshot that FleetLoader reads off the UI thread; setSnapshot() swaps them.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        StatusColumn,
        AgeColumn,
        ShardColumn,
        TagsColumn, // the environment's tags, ", " between them
        ResultsColumn,
        ColumnCount
    };
    enum Role {
        EnvironmentNameRole = Qt::UserRole + 1, // QString
        StatusRole, // int CheckStatus of the worst latest result
        SortRole, // Status by Status::rank(), Age in seconds, the rest as shown
        TagsRole, // QStringList FleetEnvironment::tags
    };

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every row (a model reset: thousands of rows in one step, not one signal each).
    // UI thread only.
    void setSnapshot(FleetSnapshot snapshot);
    const FleetSnapshot &snapshot() const { return m_snapshot; }
    // The environment of row, or nullptr.
    const FleetEnvironment *environment(int row) const;
    // The row of the environment name, or -1.
    int rowOf(const QString &name) const;
    // Every tag of the snapshot's environments, sorted, without repeats.
    QStringList tags() const;

private:
    FleetSnapshot m_snapshot;
};
