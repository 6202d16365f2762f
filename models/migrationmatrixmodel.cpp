// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationmatrixmodel.h"

#include "migrations/migrationtool.h"
#include "migrationsmodel.h"
#include "statusicons.h"

#include <QBrush>
#include <QFont>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>
#include <QSet>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using Cell = MigrationMatrix::Cell;

namespace {

// Whether there is a palette to ask: a test of the model may run without a GUI application.
bool haveGui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

QPalette palette()
{
    return haveGui() ? QGuiApplication::palette() : QPalette(Qt::white);
}

bool paletteIsDark()
{
    const QPalette p = palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * amount),
        float(base.greenF() + (tint.greenF() - base.greenF()) * amount),
        float(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}

std::optional<MigrationEntry::State> stateOf(Cell cell)
{
    if (cell == Cell::Absent || cell == Cell::Unknown)
        return std::nullopt;
    // Cell's first seven values are MigrationEntry::State's, in its order.
    return MigrationEntry::State(int(cell));
}

QString toolName(const QString &tool)
{
    return MigrationTools::displayName(MigrationTools::fromName(tool));
}

QString sightingKey(const QString &environment, const QString &tool, const QString &history,
    const QString &id, MigrationEntry::State state)
{
    // U+001F (unit separator) cannot occur in a name, a table or a migration id.
    return environment + QChar(0x1f) + tool + QChar(0x1f) + history + QChar(0x1f) + id + QChar(0x1f)
        + QString::number(int(state));
}

} // namespace

MigrationMatrixModel::MigrationMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (int c = 0; c < CellKinds; ++c) {
        m_texts[c] = cellText(Cell(c));
        m_icons[c] = cellIcon(Cell(c));
    }
}

int MigrationMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows.size());
}

int MigrationMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstEnvironmentColumn + int(m_matrix.columns.size());
}

QString MigrationMatrixModel::cellText(Cell cell)
{
    switch (cell) {
    case Cell::Applied:
        return tr("applied");
    case Cell::Pending:
        return tr("pending");
    case Cell::Failed:
        return tr("failed");
    case Cell::Dirty:
        return tr("dirty");
    case Cell::Modified:
        return tr("modified");
    case Cell::Ahead:
        return tr("ahead");
    case Cell::OutOfOrder:
        return tr("out of order");
    case Cell::Absent:
        return u"—"_s;
    case Cell::Unknown:
        break;
    }
    return u"?"_s;
}

QString MigrationMatrixModel::cellName(Cell cell)
{
    if (const auto state = stateOf(cell))
        return MigrationsModel::stateText(*state);
    return cell == Cell::Absent ? tr("Absent") : tr("Unknown");
}

QIcon MigrationMatrixModel::cellIcon(Cell cell)
{
    const auto state = stateOf(cell);
    if (!state)
        return {};
    const QIcon painted = StatusIcons::forMigrationState(*state);
    QIcon icon;
    for (const int side : { 14, 16, 28, 32 })
        icon.addPixmap(painted.pixmap(QSize(side, side), 1.0));
    return icon;
}

QColor MigrationMatrixModel::cellBackground(Cell cell)
{
    const auto state = stateOf(cell);
    if (!state)
        return {};
    // Mixed into the base, not a fixed colour: on a dark palette a light tint would glare
    // and the text (the palette's) would not read on it.
    const QColor base = palette().color(QPalette::Base);
    return blend(base, StatusIcons::colour(*state), paletteIsDark() ? 0.3 : 0.2);
}

QString MigrationMatrixModel::toolTip(const MigrationMatrix::Row &row, qsizetype column) const
{
    const QString environment = m_matrix.columns.at(column).environment;
    const Cell cell = row.cells.at(column);
    QString tip = u"<b>%1</b> — %2<br>%3: %4"_s.arg(row.migrationId.toHtmlEscaped(),
        environment.toHtmlEscaped(), tr("State").toHtmlEscaped(), cellName(cell).toHtmlEscaped());
    if (cell == Cell::Absent) {
        tip += u"<br>"_s
            + tr("Neither in this environment's history nor expected there").toHtmlEscaped();
    } else if (cell == Cell::Unknown) {
        tip += u"<br>"_s
            + tr("No readable %1 history here (no result, or it could not be read)")
                  .arg(toolName(row.tool))
                  .toHtmlEscaped();
    } else {
        const QDateTime seen = row.firstSeen.at(column);
        tip += u"<br>"_s
            + (seen.isValid() ? tr("First seen %1: %2")
                                    .arg(cellText(cell),
                                        seen.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                              : tr("First seen: not recorded (no run history of it yet)"))
                  .toHtmlEscaped();
    }
    tip += u"<br>"_s + QString(toolName(row.tool) + u' ' + row.history).toHtmlEscaped();
    return u"<qt>"_s + tip + u"</qt>"_s;
}

QVariant MigrationMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MigrationMatrix::Row &row = m_matrix.rows.at(index.row());
    const qsizetype column = index.column() - FirstEnvironmentColumn;
    switch (role) {
    case MigrationIdRole:
        return row.migrationId;
    case ToolRole:
        return row.tool;
    case HistoryRole:
        return row.history;
    case DiffersRole:
        return row.differs;
    }
    if (column < 0) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == MigrationColumn ? row.migrationId
                                                     : toolName(row.tool) + u" · "_s + row.history;
        case Qt::ToolTipRole:
            return u"%1\n%2 %3"_s.arg(row.migrationId, toolName(row.tool), row.history);
        case Qt::FontRole:
            if (row.differs && index.column() == MigrationColumn) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            break;
        }
        return {};
    }
    const Cell cell = row.cells.at(column);
    switch (role) {
    case Qt::DisplayRole:
        return m_texts[int(cell)];
    case Qt::DecorationRole:
        return m_icons[int(cell)].isNull() ? QVariant() : QVariant(m_icons[int(cell)]);
    case Qt::BackgroundRole:
        updateBrushes();
        return m_backgrounds[int(cell)];
    case Qt::ForegroundRole:
        if (cell == Cell::Absent || cell == Cell::Unknown) {
            updateBrushes();
            return m_placeholder;
        }
        break;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case CellRole:
        return int(cell);
    case EnvironmentRole:
        return m_matrix.columns.at(column).environment;
    case FirstSeenRole:
        return row.firstSeen.at(column);
    }
    return {};
}

QVariant MigrationMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const qsizetype column = section - FirstEnvironmentColumn;
    if (column < 0) {
        if (role == Qt::DisplayRole)
            return section == MigrationColumn ? tr("Migration") : tr("History");
        return {};
    }
    const MigrationMatrix::Column &c = m_matrix.columns.at(column);
    switch (role) {
    case Qt::DisplayRole:
        return c.environment;
    case Qt::DecorationRole: {
        QIcon &icon = m_statusIcons[int(c.worst)];
        if (icon.isNull())
            icon = StatusIcons::forStatus(c.worst);
        return icon;
    }
    case Qt::ToolTipRole:
        return tr("%1: worst result %2").arg(c.environment, Status::key(c.worst));
    case EnvironmentRole:
        return c.environment;
    }
    return {};
}

void MigrationMatrixModel::setMatrix(const MigrationMatrix &matrix)
{
    Q_ASSERT(QThread::currentThread() == thread());
    ++m_generation; // a build still running is older than this
    setBuilding(false);
    beginResetModel();
    m_matrix = matrix;
    QSet<std::pair<QString, QString>> histories;
    m_differing = 0;
    for (const MigrationMatrix::Row &r : std::as_const(m_matrix.rows)) {
        histories.insert({ r.tool, r.history });
        m_differing += r.differs ? 1 : 0;
    }
    m_histories = int(histories.size());
    endResetModel();
    Q_EMIT matrixChanged();
}

void MigrationMatrixModel::build(const QList<CheckResult> &results, const QStringList &environments,
    const MigrationMatrices::FirstSeen &firstSeen)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const QMetaType entriesType = QMetaType::fromType<QList<MigrationEntry>>();
    qsizetype entries = 0;
    for (const CheckResult &r : results) {
        if (r.details.metaType() == entriesType)
            entries += r.details.value<QList<MigrationEntry>>().size();
    }
    if (entries <= SyncEntries) {
        setMatrix(MigrationMatrices::build(results, environments, firstSeen));
        return;
    }
    const quint64 generation = ++m_generation;
    setBuilding(true);
    auto *watcher = new QFutureWatcher<MigrationMatrix>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a later build or setMatrix() is what counts
        setMatrix(watcher->future().takeResult());
    });
    // Copies (implicitly shared) that the pool thread only reads.
    watcher->setFuture(QtConcurrent::run([results, environments, firstSeen] {
        return MigrationMatrices::build(results, environments, firstSeen);
    }));
}

void MigrationMatrixModel::updateBrushes() const
{
    const QPalette p = palette();
    if (p.color(QPalette::Base) == m_brushBase && m_placeholder.isValid())
        return;
    m_brushBase = p.color(QPalette::Base);
    for (int c = 0; c < CellKinds; ++c) {
        const QColor colour = cellBackground(Cell(c));
        m_backgrounds[c] = colour.isValid() ? QVariant(QBrush(colour)) : QVariant();
    }
    m_placeholder = QBrush(p.color(QPalette::PlaceholderText));
}

void MigrationMatrixModel::setBuilding(bool building)
{
    if (m_building == building)
        return;
    m_building = building;
    Q_EMIT buildingChanged(building);
}

MigrationMatrices::FirstSeen MigrationMatrixModel::firstSeenFrom(
    const QList<MigrationSighting> &sightings)
{
    struct Seen
    {
        QDateTime firstSeen;
        bool current = false;
    };
    QHash<QString, Seen> byKey;
    byKey.reserve(sightings.size());
    for (const MigrationSighting &s : sightings) {
        Seen &seen = byKey[sightingKey(s.environment, s.tool, s.history, s.migrationId, s.state)];
        // The current sighting wins; among the others (the migration left the state and
        // came back), the newest.
        if (seen.current)
            continue;
        if (s.current || !seen.firstSeen.isValid() || s.firstSeen > seen.firstSeen)
            seen = { s.firstSeen, s.current };
    }
    return [byKey](const QString &environment, const QString &tool, const QString &history,
               const QString &id, MigrationEntry::State state) {
        return byKey.value(sightingKey(environment, tool, history, id, state)).firstSeen;
    };
}
