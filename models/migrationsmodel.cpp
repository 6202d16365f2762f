#include "migrationsmodel.h"

#include <QBrush>
#include <QColor>

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
    case MigrationEntry::State::NotExpected:
        return tr("Not in expected set");
    }
    return {};
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
        // Numbers sort as numbers; rows outside the expected set go last.
        return index.column() == PositionColumn ? QVariant(m.position > 0 ? m.position : INT_MAX)
                                                : data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && m.state == MigrationEntry::State::Pending)
            return QBrush(QColor(0xc0, 0x6a, 0x00));
        if (index.column() == StateColumn && m.state == MigrationEntry::State::NotExpected)
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
    endResetModel();
}

int MigrationsModel::count(MigrationEntry::State state) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [state](const MigrationEntry &m) { return m.state == state; }));
}

QString MigrationsModel::summary() const
{
    QString text
        = tr("%n applied", nullptr,
              count(MigrationEntry::State::Applied) + count(MigrationEntry::State::NotExpected))
        + u" · "_s + tr("%n pending", nullptr, count(MigrationEntry::State::Pending));
    if (const int n = count(MigrationEntry::State::NotExpected))
        text += u" · "_s + tr("%n not in expected set", nullptr, n);
    return text;
}

MigrationsFilterModel::MigrationsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(MigrationsModel::IdColumn);
    setSortRole(MigrationsModel::SortRole);
}

void MigrationsFilterModel::setPendingOnly(bool on)
{
    if (m_pendingOnly == on)
        return;
    m_pendingOnly = on;
    invalidateRowsFilter();
}

bool MigrationsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_pendingOnly) {
        const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
        if (idx.data(MigrationsModel::StateRole).toInt() != int(MigrationEntry::State::Pending))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
