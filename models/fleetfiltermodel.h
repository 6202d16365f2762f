// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QSortFilterProxyModel>
#include <optional>

// The fleet table's filter over FleetModel: environments whose name contains a text (case
// insensitive), whose worst status is one chosen and that carry a tag chosen; sorted by
// FleetModel::SortRole.
class FleetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterModel(QObject *parent = nullptr);

    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_name; }
    // Only environments whose worst status is status; nullopt shows every status.
    void setStatusFilter(std::optional<CheckStatus> status);
    std::optional<CheckStatus> statusFilter() const { return m_status; }
    // Only environments with this tag (exactly, case and all); empty shows every one.
    void setTagFilter(const QString &tag);
    QString tagFilter() const { return m_tag; }
    // Whether the source's row passes the filters (the fleet's matrix takes these rows).
    bool acceptsSourceRow(int sourceRow) const { return filterAcceptsRow(sourceRow, {}); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_name;
    std::optional<CheckStatus> m_status;
    QString m_tag;
};
