// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QAbstractTableModel>
#include <QIcon>

// The migrations of an environment's migrations results, one row per MigrationEntry, of
// every history the check read (Tool and History columns tell them apart). The State column
// has the state's icon (StatusIcons::forMigrationState) and a text colour readable on the
// application's light or dark palette, and sorts the states that fail the check first;
// failed, dirty, modified and pending rows are bold, failed, dirty and modified rows tinted.
// Every cell's tooltip names the row's migration, state and history and holds the failure
// text the tool stored. Changes only by a reset (setMigrations); shown through
// MigrationsFilterModel.
class MigrationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // IdColumn stays 0; the view moves Tool and History to the front.
    enum Column {
        IdColumn,
        StateColumn,
        ProductVersionColumn,
        PositionColumn,
        ToolColumn, // MigrationTools::displayName of the entry's tool
        HistoryColumn, // the history table, schema.table
        AppliedAtColumn, // local time, yyyy-MM-dd HH:mm:ss; "—" where the tool records none
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // int MigrationEntry::State
        SortRole,
        FailureRole, // QString: the failure text the tool stored, empty when none
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMigrations(const QList<MigrationEntry> &migrations);
    const QList<MigrationEntry> &migrations() const { return m_rows; }
    int count(MigrationEntry::State state) const { return m_counts[int(state)]; }
    // The distinct histories (tool and table) the rows come from.
    int historyCount() const { return m_histories; }
    // Whether a column tells the rows anything: Tool and History only with more than one
    // history, Applied at only when a row has a time; the others always.
    bool columnUseful(int column) const;

    // "39 applied · 1 failed · 3 pending · 1 not in expected set": summary(counts).
    QString summary() const;
    // counts: rows per MigrationEntry::State. Applied counts every row the history records
    // as applied: applied, modified, out of order and not in the expected set (as the check
    // counts AppliedCount); failed and dirty ones are not. Then each state that has rows,
    // in stateRank() order: failed, dirty, modified, pending (always), out of order, not in
    // expected set.
    static QString summary(const int (&counts)[7]);

    static QString stateText(MigrationEntry::State state);
    // The default order, what needs a person first: failed 0, dirty 1, modified 2, pending 3,
    // out of order 4, not in expected set 5, applied 6.
    static int stateRank(MigrationEntry::State state);
    // The Tool column's text: MigrationTools::displayName of e.tool ("EF Core" when empty).
    static QString toolText(const MigrationEntry &e);
    // What the Applied at column sorts by: milliseconds since the epoch, rows without a time
    // last (LLONG_MAX).
    static qint64 appliedAtKey(const MigrationEntry &e);
    // The text colour of a state on the application's palette (light or dark).
    static QColor stateColour(MigrationEntry::State state);
    // Whether a state fails the migrations check: failed, dirty, modified.
    static bool isFailing(MigrationEntry::State state);

private:
    QString toolTip(const MigrationEntry &m) const;
    QVariant display(const MigrationEntry &m, int column) const;

    QList<MigrationEntry> m_rows;
    int m_counts[7] = {}; // rows per MigrationEntry::State, counted once per set
    int m_histories = 0;
    bool m_anyAppliedAt = false;
    bool m_allEfCore = true; // the ProductVersion column's header
    bool m_anyEfCore = false;
    mutable QIcon m_icons[7]; // made on first use: data() is asked for every painted row
};
