// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationentry.h"
#include "migrationsorder.h"

#include <QAbstractProxyModel>
#include <QList>

class MigrationsModel;

// The filter box, the state filter, the "Pending only" toggle and the column sort over a
// MigrationsModel,
// with QSortFilterProxyModel's names and results (a stable sort by the model's SortRole;
// the text matched anywhere in the MigrationId, case ignored), but worked out on the
// entries themselves instead of through data() calls.
//
// Why not QSortFilterProxyModel: a history of 100 000 rows held the UI thread for about a
// second on every new result (its sort asks data() twice per comparison) and again on each
// key typed into the filter (tests/bench/history, BENCHMARKS.md). Up to SyncRows rows the
// order is worked out at once, on the calling thread (under 2 ms). Above that it is worked
// out on a pool thread, from a copy of the entries (QList's implicit sharing: no copy is
// made), and isBusy() is true until it is applied: the rows shown until then are the old
// order's, or none after a new set of migrations (summary() then says so).
//
// A new order is applied as a layout change with the persistent indexes moved along (the
// view's selection and current row follow their migration; a row filtered out loses them),
// a new set of migrations as a reset. The source must be a MigrationsModel, which only ever
// changes by a reset.
class MigrationsFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    static constexpr int SyncRows = 5000;

    explicit MigrationsFilterModel(QObject *parent = nullptr);

    // A MigrationsModel (anything else shows no rows).
    void setSourceModel(QAbstractItemModel *source) override;

    // Rows whose MigrationId contains text, case ignored; empty shows all.
    void setFilterFixedString(const QString &text);
    QString filterText() const { return m_settings.text; }
    void setPendingOnly(bool on);
    bool pendingOnly() const { return m_settings.pendingOnly; }
    // Rows of these states only: bits MigrationsOrder::stateBit(state); AllStates (the
    // default) shows every state. With pendingOnly, rows must pass both.
    void setStates(quint32 states);
    quint32 states() const { return m_settings.states; }
    // By a column's MigrationsModel::SortRole; -1 keeps the model's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_settings.column; }
    Qt::SortOrder sortOrder() const { return m_settings.order; }

    // An order is being worked out on a pool thread; busyChanged(false) once it is shown.
    bool isBusy() const { return m_busy; }
    // The counts of the rows shown: the model's summary() when nothing is hidden, else
    // "7 of 43 shown · 0 applied · 7 pending" (MigrationsModel::summary of the rows shown);
    // "sorting 100000 migrations…" while a new set
    // of rows is still being ordered.
    QString summary() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void sourceAboutToBeReset();
    void sourceReset();
    void reorder(); // the settings changed
    // Works the order out on a pool thread, one at a time: changes made while one runs are
    // taken together when it ends.
    void start();
    void launch(const MigrationsOrder &previous);
    // The keys and order a pool thread worked out (keys empty when they were known).
    struct Worked
    {
        MigrationsOrder::Keys keys;
        MigrationsOrder order;
    };
    void finished(Worked worked, quint64 generation, quint64 list);
    void apply(MigrationsOrder order);
    void setBusy(bool busy);

    const MigrationsModel *m_model = nullptr;
    QList<MigrationEntry> m_entries; // the source's rows, shared with it
    MigrationsOrder::Keys m_keys; // of m_entries; empty until worked out
    bool m_haveKeys = false;
    MigrationsOrder::Settings m_settings;
    MigrationsOrder m_order;
    quint64 m_generation = 0; // any change: a result for an older one is not shown
    quint64 m_listGeneration = 0; // a new list: a result for an older one is dropped
    bool m_running = false; // a pool thread is working an order out
    bool m_busy = false;
    bool m_resetting = false; // the rows are a new set: the order arrives as a reset
};
