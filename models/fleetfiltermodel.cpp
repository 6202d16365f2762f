// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fleetfiltermodel.h"

#include "fleetmodel.h"

FleetFilterModel::FleetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
}

void FleetFilterModel::setNameFilter(const QString &text)
{
    if (text == m_name)
        return;
    m_name = text;
    invalidateRowsFilter();
}

void FleetFilterModel::setStatusFilter(std::optional<CheckStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void FleetFilterModel::setTagFilter(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && index.data(FleetModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (!m_tag.isEmpty()
        && !index.data(FleetModel::TagsRole).toStringList().contains(m_tag, Qt::CaseSensitive))
        return false;
    return m_name.isEmpty()
        || index.data(FleetModel::EnvironmentNameRole)
               .toString()
               .contains(m_name, Qt::CaseInsensitive);
}
