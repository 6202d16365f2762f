// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsfiltermodel.h"

#include "migrationsmodel.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <memory>

using namespace Qt::StringLiterals;

MigrationsFilterModel::MigrationsFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void MigrationsFilterModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(source);
    m_model = qobject_cast<const MigrationsModel *>(source);
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &MigrationsFilterModel::sourceAboutToBeReset);
        connect(
            m_model, &QAbstractItemModel::modelReset, this, &MigrationsFilterModel::sourceReset);
    }
    m_entries = m_model ? m_model->migrations() : QList<MigrationEntry>();
    // At once whatever the size: no view shows this model yet.
    m_keys = MigrationsOrder::keysFor(m_entries);
    m_haveKeys = true;
    m_order = MigrationsOrder::compute(m_entries, m_keys, m_settings, {});
    ++m_generation;
    m_resetting = false;
    endResetModel();
    setBusy(false);
}

void MigrationsFilterModel::sourceAboutToBeReset()
{
    beginResetModel();
}

void MigrationsFilterModel::sourceReset()
{
    m_entries = m_model->migrations();
    ++m_generation;
    ++m_listGeneration; // an order still being worked out is for the old rows
    if (m_entries.size() <= SyncRows) {
        m_keys = MigrationsOrder::keysFor(m_entries);
        m_haveKeys = true;
        m_order = MigrationsOrder::compute(m_entries, m_keys, m_settings, {});
        m_resetting = false;
        endResetModel();
        setBusy(false);
        return;
    }
    // No rows until they are in order: the old ones are gone with the source's reset.
    m_keys = {};
    m_haveKeys = false;
    m_order = MigrationsOrder();
    m_resetting = true;
    endResetModel();
    start();
}

void MigrationsFilterModel::setFilterFixedString(const QString &text)
{
    if (text == m_settings.text)
        return;
    m_settings.text = text;
    reorder();
}

void MigrationsFilterModel::setPendingOnly(bool on)
{
    if (on == m_settings.pendingOnly)
        return;
    m_settings.pendingOnly = on;
    reorder();
}

void MigrationsFilterModel::setStates(quint32 states)
{
    states &= MigrationsOrder::AllStates;
    if (states == m_settings.states)
        return;
    m_settings.states = states;
    reorder();
}

void MigrationsFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_settings.column && order == m_settings.order)
        return;
    m_settings.column = column;
    m_settings.order = order;
    reorder();
}

void MigrationsFilterModel::reorder()
{
    ++m_generation;
    if (m_entries.size() <= SyncRows) {
        apply(MigrationsOrder::compute(m_entries, m_keys, m_settings, m_order));
        return;
    }
    start();
}

void MigrationsFilterModel::start()
{
    setBusy(true);
    if (m_running)
        return; // the running one's end goes on from its order (finished())
    launch(m_order);
}

void MigrationsFilterModel::launch(const MigrationsOrder &previous)
{
    m_running = true;
    const quint64 generation = m_generation;
    const quint64 list = m_listGeneration;
    // The promise goes to the pool, the future stays here; the watcher is this model's
    // child, so a result that arrives after the model is gone is dropped with it.
    auto promise = std::make_shared<QPromise<Worked>>();
    auto *watcher = new QFutureWatcher<Worked>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, list] {
        watcher->deleteLater();
        finished(watcher->future().takeResult(), generation, list);
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, entries = m_entries, haveKeys = m_haveKeys,
                                             keys = m_keys, settings = m_settings, previous] {
        promise->start();
        Worked worked;
        if (!haveKeys)
            worked.keys = MigrationsOrder::keysFor(entries);
        worked.order
            = MigrationsOrder::compute(entries, haveKeys ? keys : worked.keys, settings, previous);
        promise->addResult(std::move(worked));
        promise->finish();
    });
}

void MigrationsFilterModel::finished(Worked worked, quint64 generation, quint64 list)
{
    m_running = false;
    if (list != m_listGeneration) {
        // Worked out for rows that are gone; a large new set waits for a start.
        if (m_busy)
            launch(m_order);
        return;
    }
    if (!m_haveKeys) {
        m_keys = std::move(worked.keys);
        m_haveKeys = true;
    }
    if (generation == m_generation)
        return apply(std::move(worked.order));
    // The settings changed while it ran: on from this order, as if it had been shown (a sort
    // keeps equal rows in the order of the one before), without showing it.
    launch(worked.order);
}

void MigrationsFilterModel::apply(MigrationsOrder order)
{
    if (m_resetting) {
        beginResetModel();
        m_order = std::move(order);
        m_resetting = false;
        endResetModel();
        setBusy(false);
        return;
    }
    Q_EMIT layoutAboutToBeChanged();
    // The view's selection and current row follow their migration to its new row.
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &old : from) {
        const int source = m_order.rows.value(old.row(), -1);
        const int row = source >= 0 ? order.shownRows.value(source, -1) : -1;
        to << (row >= 0 ? createIndex(row, old.column()) : QModelIndex());
    }
    m_order = std::move(order);
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
    setBusy(false);
}

void MigrationsFilterModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QString MigrationsFilterModel::summary() const
{
    const int all = m_model ? m_model->rowCount() : 0;
    if (m_resetting)
        return tr("sorting %1 migrations…").arg(all);
    const int shown = rowCount();
    if (shown == all)
        return m_model ? m_model->summary() : QString();
    return tr("%1 of %2 shown").arg(shown).arg(all) + u" · "_s
        + MigrationsModel::summary(m_order.counts);
}

QModelIndex MigrationsFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex MigrationsFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int MigrationsFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.rows.size());
}

int MigrationsFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

bool MigrationsFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex MigrationsFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QModelIndex MigrationsFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= rowCount())
        return {};
    return m_model->index(m_order.rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex MigrationsFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = m_order.shownRows.value(sourceIndex.row(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}
