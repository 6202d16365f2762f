// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsmodel.h"

#include "migrations/migrationtool.h"
#include "statusicons.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>
#include <climits>

using namespace Qt::StringLiterals;

namespace {

// As Appearance::isDark (ui/, which models/ does not include): light text on a dark window.
// Whether there is a palette to ask: a test of the model may run without a GUI application
// (qGuiApp is only a cast of the application object).
bool haveGui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

bool paletteIsDark()
{
    if (!haveGui()) // the light palette's colours
        return false;
    const QPalette p = QGuiApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * amount),
        float(base.greenF() + (tint.greenF() - base.greenF()) * amount),
        float(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}

QString shownTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"—"_s;
}

} // namespace

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
    switch (state) {
    case MigrationEntry::State::Failed:
        return 0;
    case MigrationEntry::State::Dirty:
        return 1;
    case MigrationEntry::State::Modified:
        return 2;
    case MigrationEntry::State::Pending:
        return 3;
    case MigrationEntry::State::OutOfOrder:
        return 4;
    case MigrationEntry::State::Ahead:
        return 5;
    case MigrationEntry::State::Applied:
        break;
    }
    return 6;
}

bool MigrationsModel::isFailing(MigrationEntry::State state)
{
    return state == MigrationEntry::State::Failed || state == MigrationEntry::State::Dirty
        || state == MigrationEntry::State::Modified;
}

QString MigrationsModel::toolText(const MigrationEntry &e)
{
    return e.tool.isEmpty() ? MigrationTools::displayName(MigrationTool::EfCore)
                            : MigrationTools::displayName(MigrationTools::fromName(e.tool));
}

qint64 MigrationsModel::appliedAtKey(const MigrationEntry &e)
{
    return e.appliedAt.isValid() ? e.appliedAt.toMSecsSinceEpoch() : LLONG_MAX;
}

QColor MigrationsModel::stateColour(MigrationEntry::State state)
{
    return StatusIcons::textColour(state, paletteIsDark());
}

QVariant MigrationsModel::display(const MigrationEntry &m, int column) const
{
    switch (column) {
    case IdColumn:
        return m.id;
    case StateColumn:
        return stateText(m.state);
    case ProductVersionColumn:
        return m.productVersion.isEmpty() ? u"—"_s : m.productVersion;
    case PositionColumn:
        return m.position > 0 ? QVariant(m.position) : QVariant(u"—"_s);
    case ToolColumn:
        return toolText(m);
    case HistoryColumn:
        return m.history.isEmpty() ? u"—"_s : m.history;
    case AppliedAtColumn:
        return shownTime(m.appliedAt);
    }
    return {};
}

QString MigrationsModel::toolTip(const MigrationEntry &m) const
{
    // Rich text, so that Qt wraps a long failure text instead of one line across the screen.
    QString tip = u"<b>%1</b> — %2<br>%3 %4"_s.arg(m.id.toHtmlEscaped(),
        stateText(m.state).toHtmlEscaped(), toolText(m).toHtmlEscaped(), m.history.toHtmlEscaped());
    if (m.appliedAt.isValid())
        tip += u"<br>"_s + tr("applied %1").arg(shownTime(m.appliedAt)).toHtmlEscaped();
    if (!m.failure.isEmpty()) {
        tip += u"<br><br><b>"_s + tr("What %1 recorded:").arg(toolText(m)).toHtmlEscaped()
            + u"</b><br><span style=\"white-space:pre-wrap\">"_s + m.failure.toHtmlEscaped()
            + u"</span>"_s;
    }
    return u"<qt>"_s + tip + u"</qt>"_s;
}

QVariant MigrationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MigrationEntry &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(m, index.column());
    case SortRole:
        switch (index.column()) {
        case PositionColumn: // numbers as numbers; rows outside the expected set go last
            return m.position > 0 ? m.position : INT_MAX;
        case StateColumn: // failing first, then pending ...; by id within
            return u"%1 %2"_s.arg(stateRank(m.state)).arg(m.id);
        case AppliedAtColumn:
            return appliedAtKey(m);
        default:
            return display(m, index.column());
        }
    case Qt::DecorationRole:
        if (index.column() == StateColumn) {
            QIcon &icon = m_icons[int(m.state)];
            if (icon.isNull())
                icon = StatusIcons::forMigrationState(m.state);
            return icon;
        }
        break;
    case Qt::FontRole:
        if (m.state == MigrationEntry::State::Pending || isFailing(m.state)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return QBrush(stateColour(m.state));
        break;
    case Qt::BackgroundRole:
        if (isFailing(m.state)) {
            const bool dark = paletteIsDark();
            const QColor base
                = haveGui() ? QGuiApplication::palette().color(QPalette::Base) : QColor(Qt::white);
            return QBrush(blend(base, StatusIcons::colour(m.state), dark ? 0.2 : 0.1));
        }
        break;
    case Qt::ToolTipRole:
        return toolTip(m);
    case StateRole:
        return int(m.state);
    case FailureRole:
        return m.failure;
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
        // EF Core's column is ProductVersion; the other tools store a description there.
        return m_allEfCore ? tr("ProductVersion")
            : m_anyEfCore  ? tr("ProductVersion / description")
                           : tr("Description");
    case PositionColumn:
        return tr("Position");
    case ToolColumn:
        return tr("Tool");
    case HistoryColumn:
        return tr("History");
    case AppliedAtColumn:
        return tr("Applied at");
    }
    return {};
}

bool MigrationsModel::columnUseful(int column) const
{
    switch (column) {
    case ToolColumn:
    case HistoryColumn:
        return m_histories > 1;
    case AppliedAtColumn:
        return m_anyAppliedAt;
    }
    return column >= 0 && column < ColumnCount;
}

void MigrationsModel::setMigrations(const QList<MigrationEntry> &migrations)
{
    beginResetModel();
    m_rows = migrations;
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    QSet<QString> histories;
    m_anyAppliedAt = false;
    m_allEfCore = true;
    m_anyEfCore = false;
    // A history's rows come together: one hash insert per history, not per row, and no
    // string built per row (on the UI thread: 100 000 of them took 5-10 ms; Session 9).
    const MigrationEntry *last = nullptr;
    for (const MigrationEntry &m : std::as_const(m_rows)) {
        ++m_counts[int(m.state)];
        m_anyAppliedAt = m_anyAppliedAt || m.appliedAt.isValid();
        if (!last || m.tool != last->tool || m.history != last->history) {
            histories.insert(m.tool + u' ' + m.history);
            last = &m;
            const bool ef = m.tool.isEmpty() || m.tool == u"efcore";
            m_allEfCore = m_allEfCore && ef;
            m_anyEfCore = m_anyEfCore || ef;
        }
    }
    m_histories = int(histories.size());
    endResetModel();
}

QString MigrationsModel::summary() const
{
    return summary(m_counts);
}

QString MigrationsModel::summary(const int (&counts)[7])
{
    using S = MigrationEntry::State;
    const auto n = [&counts](S s) { return counts[int(s)]; };
    const int applied = n(S::Applied) + n(S::Modified) + n(S::OutOfOrder) + n(S::Ahead);
    QStringList parts { tr("%n applied", nullptr, applied) };
    if (n(S::Failed) > 0)
        parts << tr("%n failed", nullptr, n(S::Failed));
    if (n(S::Dirty) > 0)
        parts << tr("%n dirty", nullptr, n(S::Dirty));
    if (n(S::Modified) > 0)
        parts << tr("%n modified", nullptr, n(S::Modified));
    parts << tr("%n pending", nullptr, n(S::Pending));
    if (n(S::OutOfOrder) > 0)
        parts << tr("%n out of order", nullptr, n(S::OutOfOrder));
    if (n(S::Ahead) > 0)
        parts << tr("%n not in expected set", nullptr, n(S::Ahead));
    return parts.join(u" · "_s);
}
