// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QSortFilterProxyModel>
#include <optional>

// The fleet table's filter over FleetModel: environments whose name contains a text (case
// insensitive) and whose worst status is one chosen; sorted by FleetModel::SortRole. Tags
// are not offered: the store's schema keeps none.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_name;
    std::optional<CheckStatus> m_status;
};
