// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fleetmodel.h"

#include "resultsmodel.h"
#include "statusicons.h"

#include <QThread>

using namespace Qt::StringLiterals;

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.environments.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const FleetEnvironment *FleetModel::environment(int row) const
{
    return row >= 0 && row < m_snapshot.environments.size() ? &m_snapshot.environments[row]
                                                            : nullptr;
}

int FleetModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_snapshot.environments.size(); ++i)
        if (m_snapshot.environments[i].name == name)
            return int(i);
    return -1;
}

QStringList FleetModel::tags() const
{
    QStringList out;
    for (const FleetEnvironment &env : m_snapshot.environments)
        out += env.tags;
    out.sort();
    out.removeDuplicates();
    return out;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    const FleetEnvironment *env = index.isValid() ? environment(index.row()) : nullptr;
    if (!env || index.column() >= ColumnCount)
        return {};
    const qint64 age
        = env->latest.isValid() ? qMax<qint64>(0, env->latest.secsTo(m_snapshot.readAt)) : -1;
    switch (role) {
    case EnvironmentNameRole:
        return env->name;
    case StatusRole:
        return int(env->worst);
    case TagsRole:
        return env->tags;
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(StatusIcons::forStatus(env->worst))
                                              : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == AgeColumn && env->latest.isValid())
            return tr("Newest result %1 UTC; oldest of the latest results %2 UTC")
                .arg(env->latest.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                    env->oldest.toString(u"yyyy-MM-dd HH:mm:ss"_s));
        if (index.column() == ShardColumn && !m_snapshot.hasShards)
            return tr("This store's runs record no shard");
        if (index.column() == TagsColumn && !m_snapshot.hasTags)
            return tr("This store records no tags (its schema predates them: doctor store "
                      "upgrade)");
        return {};
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            return Status::rank(env->worst);
        case AgeColumn:
            return age;
        case ResultsColumn:
            return int(env->results.size());
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvironmentColumn:
            return env->name;
        case StatusColumn:
            return Status::key(env->worst);
        case AgeColumn:
            return age < 0 ? QString() : ResultsModel::sinceText(age);
        case ShardColumn:
            return env->shard;
        case TagsColumn:
            return env->tags.join(u", "_s);
        case ResultsColumn:
            return int(env->results.size());
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == AgeColumn || index.column() == ResultsColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case StatusColumn:
        return tr("Status");
    case AgeColumn:
        return tr("Age");
    case ShardColumn:
        return tr("Shard");
    case TagsColumn:
        return tr("Tags");
    case ResultsColumn:
        return tr("Results");
    default:
        return {};
    }
}

void FleetModel::setSnapshot(FleetSnapshot snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}
