// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsmodel.h"

#include "statusicons.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

int MigrationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationsModel::stateText(MigrationEntry::State state)
{
    switch (state) {
    case MigrationEntry::State::Applied:
        return tr("Applied");
    case MigrationEntry::State::Pending:
        return tr("Pending");
    case MigrationEntry::State::Failed:
        return tr("Failed");
    case MigrationEntry::State::Dirty:
        return tr("Dirty");
    case MigrationEntry::State::Modified:
        return tr("Modified");
    case MigrationEntry::State::Ahead:
        return tr("Not in expected set");
    case MigrationEntry::State::OutOfOrder:
        return tr("Out of order");
    }
    return {};
}

int MigrationsModel::stateRank(MigrationEntry::State state)
{
    // What needs a person first: failed, dirty and modified (a hard stop), then pending.
    switch (state) {
    case MigrationEntry::State::Failed:
    case MigrationEntry::State::Dirty:
    case MigrationEntry::State::Modified:
        return -1;
    case MigrationEntry::State::Pending:
        return 0;
    case MigrationEntry::State::OutOfOrder:
    case MigrationEntry::State::Ahead:
        return 1;
    case MigrationEntry::State::Applied:
        break;
    }
    return 2;
}

QVariant MigrationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MigrationEntry &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return m.id;
        case StateColumn:
            return stateText(m.state);
        case ProductVersionColumn:
            return m.productVersion.isEmpty() ? u"—"_s : m.productVersion;
        case PositionColumn:
            return m.position > 0 ? QVariant(m.position) : QVariant(u"—"_s);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case PositionColumn: // numbers as numbers; rows outside the expected set go last
            return m.position > 0 ? m.position : INT_MAX;
        case StateColumn: // pending first, then not expected, then applied; by id within
            return u"%1 %2"_s.arg(stateRank(m.state)).arg(m.id);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return StatusIcons::forStatus(m.state == MigrationEntry::State::Pending
                    ? CheckStatus::Warn
                    : m.state == MigrationEntry::State::Applied ? CheckStatus::Pass
                                                                : CheckStatus::Skipped);
        break;
    case Qt::FontRole:
        if (m.state == MigrationEntry::State::Pending) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && m.state == MigrationEntry::State::Pending)
            return QBrush(QColor(0xc0, 0x6a, 0x00));
        if (index.column() == StateColumn && m.state == MigrationEntry::State::Ahead)
            return QBrush(QColor(0x1f, 0x6f, 0xc0));
        break;
    case StateRole:
        return int(m.state);
    case Qt::TextAlignmentRole:
        if (index.column() == PositionColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant MigrationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("MigrationId");
    case StateColumn:
        return tr("State");
    case ProductVersionColumn:
        return tr("ProductVersion");
    case PositionColumn:
        return tr("Position");
    }
    return {};
}

void MigrationsModel::setMigrations(const QList<MigrationEntry> &migrations)
{
    beginResetModel();
    m_rows = migrations;
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    for (const MigrationEntry &m : std::as_const(m_rows))
        ++m_counts[int(m.state)];
    endResetModel();
}

QString MigrationsModel::summary() const
{
    return summary(count(MigrationEntry::State::Applied), count(MigrationEntry::State::Pending),
        count(MigrationEntry::State::Ahead));
}

QString MigrationsModel::summary(int applied, int pending, int notExpected)
{
    // Rows not in the expected set were applied too: they count as applied as well.
    QString text = tr("%n applied", nullptr, applied + notExpected) + u" · "_s
        + tr("%n pending", nullptr, pending);
    if (notExpected > 0)
        text += u" · "_s + tr("%n not in expected set", nullptr, notExpected);
    return text;
}
