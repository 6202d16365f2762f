// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "resultsmodel.h"

#include "statusicons.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResultsModel::statusText(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return tr("Pass");
    case CheckStatus::Warn:
        return tr("Warning");
    case CheckStatus::Fail:
        return tr("Fail");
    case CheckStatus::Error:
        return tr("Error");
    case CheckStatus::Skipped:
        return tr("Skipped");
    case CheckStatus::NotRun:
        return tr("Not run");
    }
    return {};
}

QString ResultsModel::toolTip(const Row &row, int column) const
{
    const CheckResult &r = row.result;
    QStringList lines;
    if (column == MessageColumn)
        lines << r.message;
    if (column == SinceColumn && sinceSeconds(row) >= 0) {
        const StatusSpan span = m_spans.value(spanKey(r.environment, r.checkId, r.subject));
        lines << tr("%1 since %2 (the first run that found it so)")
                     .arg(statusText(r.status),
                         QLocale().toString(
                             span.since.toLocalTime(), u"ddd d MMM yyyy HH:mm:ss"_s));
    }
    const QString at = r.checkedAt.isValid() ? r.checkedAt.toString(u"HH:mm:ss"_s) : QString();
    if (row.notRefreshed)
        lines << tr("Checked at %1; not refreshed: the run was cancelled").arg(at);
    else if (row.stale)
        lines << tr("Checked at %1; a new result is on its way").arg(at);
    else if (column == CheckedColumn && !at.isEmpty())
        lines << tr("Checked at %1").arg(at);
    if (row.previous)
        lines << tr("Changed since the last run: was %1, now %2")
                     .arg(statusText(*row.previous), statusText(r.status));
    return lines.join(u'\n');
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const CheckResult &r = row.result;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvironmentColumn:
            return r.environment;
        case CheckColumn:
            // A check with several results here (the migrations check's one per history)
            // names which one each row is.
            if (!r.subject.isEmpty() && rowOf(r.environment, r.checkId) != index.row())
                return u"%1 · %2"_s.arg(r.checkId, r.subject);
            if (!r.subject.isEmpty() && index.row() + 1 < m_rows.size()
                && m_rows[index.row() + 1].result.environment == r.environment
                && m_rows[index.row() + 1].result.checkId == r.checkId)
                return u"%1 · %2"_s.arg(r.checkId, r.subject);
            return r.checkId;
        case StatusColumn:
            return statusText(r.status);
        case SinceColumn: {
            const qint64 seconds = sinceSeconds(row);
            return seconds < 0 ? QString() : sinceText(seconds);
        }
        case SeverityColumn:
            return r.severity;
        case MessageColumn:
            return r.message;
        case DurationColumn:
            return tr("%1 ms").arg(QLocale().toString(r.durationMs));
        case CheckedColumn:
            return r.checkedAt.isValid() ? r.checkedAt.toString(u"HH:mm:ss"_s) : QString();
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return StatusIcons::forResult(r.status, row.previous.has_value(), row.stale);
        break;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::ForegroundRole:
        // Greyed: a result from an earlier run, or a check that did not run (its root
        // cause is another row, shown in full colour).
        if (row.stale || r.status == CheckStatus::NotRun)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::FontRole:
        if (row.stale) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == StatusColumn) {
            QString text = statusText(r.status);
            if (row.previous)
                text = tr("%1, changed from %2").arg(text, statusText(*row.previous));
            if (row.stale)
                text = tr("%1, from an earlier run").arg(text);
            return text;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == SinceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ResultRole:
        return QVariant::fromValue(r);
    case StatusRankRole:
        return Status::rank(r.status);
    case EnvironmentRole:
        return r.environment;
    case StaleRole:
        return row.stale;
    case NotRefreshedRole:
        return row.notRefreshed;
    case ChangedRole:
        return row.previous.has_value();
    case PreviousStatusRole:
        return row.previous ? QVariant(int(*row.previous)) : QVariant();
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            return Status::rank(r.status);
        case SinceColumn:
            return sinceSeconds(row);
        case DurationColumn:
            return r.durationMs;
        case CheckedColumn:
            return r.checkedAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case CheckColumn:
        return tr("Check");
    case StatusColumn:
        return tr("Status");
    case SinceColumn:
        return tr("Since");
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case DurationColumn:
        return tr("Duration");
    case CheckedColumn:
        return tr("Checked");
    }
    return {};
}

int ResultsModel::rowOf(const QString &environment, const QString &checkId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].result.environment == environment && m_rows[i].result.checkId == checkId)
            return int(i);
    }
    return -1;
}

int ResultsModel::rowOf(
    const QString &environment, const QString &checkId, const QString &subject) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const CheckResult &r = m_rows[i].result;
        if (r.environment == environment && r.checkId == checkId && r.subject == subject)
            return int(i);
    }
    return -1;
}

void ResultsModel::rowsChanged(int first, int last)
{
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ResultsModel::upsert(const CheckResult &result)
{
    const int at = rowOf(result.environment, result.checkId, result.subject);
    if (at >= 0) {
        Row &row = m_rows[at];
        // "Changed" compares with the result this one replaces, so it lasts one run.
        row.previous = row.result.status != result.status
            ? std::optional<CheckStatus>(row.result.status)
            : std::nullopt;
        row.result = result;
        row.stale = false;
        row.notRefreshed = false;
        rowsChanged(at, at);
        return;
    }
    const auto pos = std::upper_bound(m_rows.cbegin(), m_rows.cend(), result,
        [this](const CheckResult &a, const Row &b) { return before(a, b.result); });
    const int insertAt = int(pos - m_rows.cbegin());
    beginInsertRows({}, insertAt, insertAt);
    m_rows.insert(insertAt, Row { result, false, false, std::nullopt });
    endInsertRows();
}

void ResultsModel::markStale(const QStringList &environments, const QStringList &checkIds)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (environments.contains(row.result.environment)
            && (checkIds.isEmpty() || checkIds.contains(row.result.checkId))) {
            row.stale = true;
            row.notRefreshed = false;
            rowsChanged(int(i), int(i));
        }
    }
}

void ResultsModel::finishRefresh(bool cancelled)
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (!m_rows[i].stale)
            continue;
        if (cancelled) {
            if (!m_rows[i].notRefreshed) {
                m_rows[i].notRefreshed = true;
                rowsChanged(int(i), int(i));
            }
        } else {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
}

void ResultsModel::retainEnvironments(const QStringList &environments)
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (!environments.contains(m_rows[i].result.environment)) {
            beginRemoveRows({}, int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
}

void ResultsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const CheckResult *ResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].result : nullptr;
}

bool ResultsModel::isStale(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].stale;
}

std::optional<CheckStatus> ResultsModel::worstStatus(const QString &environment) const
{
    std::optional<CheckStatus> worst;
    for (const Row &row : m_rows) {
        const CheckResult &r = row.result;
        if (r.environment == environment
            && (!worst || Status::rank(r.status) > Status::rank(*worst)))
            worst = r.status;
    }
    return worst;
}

void ResultsModel::setOrdering(const QStringList &environments, const QStringList &checkIds)
{
    m_environmentOrder = environments;
    m_checkOrder = checkIds;
    if (m_rows.isEmpty())
        return;
    // A reordered or renamed list re-sorts the rows that stay; views keep their selection
    // through the persistent indexes.
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [this](int a, int b) { return before(m_rows[a].result, m_rows[b].result); });
    if (std::is_sorted(order.cbegin(), order.cend()))
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<int> newRowOf(m_rows.size());
    QList<Row> sorted;
    sorted.reserve(m_rows.size());
    for (qsizetype i = 0; i < order.size(); ++i) {
        newRowOf[order[i]] = int(i);
        sorted << m_rows[order[i]];
    }
    m_rows = std::move(sorted);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from)
        to << index(newRowOf[i.row()], i.column());
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool ResultsModel::before(const CheckResult &a, const CheckResult &b) const
{
    auto rank = [](const QStringList &order, const QString &name) {
        const qsizetype i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    };
    const auto ea = rank(m_environmentOrder, a.environment),
               eb = rank(m_environmentOrder, b.environment);
    if (ea != eb)
        return ea < eb;
    const auto ca = rank(m_checkOrder, a.checkId), cb = rank(m_checkOrder, b.checkId);
    if (ca != cb)
        return ca < cb;
    return a.subject < b.subject; // one check's subjects (histories) in a stable order
}
