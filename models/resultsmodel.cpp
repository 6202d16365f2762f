#include "resultsmodel.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <algorithm>

using namespace Qt::StringLiterals;

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
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
    }
    return {};
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckResult &r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvironmentColumn:
            return r.environment;
        case CheckColumn:
            return r.checkId;
        case StatusColumn:
            return statusText(r.status);
        case SeverityColumn:
            return r.severity;
        case MessageColumn:
            return r.message;
        case DurationColumn:
            return tr("%1 ms").arg(QLocale().toString(r.durationMs));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return r.message;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ResultRole:
        return QVariant::fromValue(r);
    case StatusRankRole:
        return Status::rank(r.status);
    case EnvironmentRole:
        return r.environment;
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
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

int ResultsModel::rowOf(const QString &environment, const QString &checkId) const
{
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        if (m_results[i].environment == environment && m_results[i].checkId == checkId)
            return int(i);
    }
    return -1;
}

void ResultsModel::upsert(const CheckResult &result)
{
    const int row = rowOf(result.environment, result.checkId);
    if (row >= 0) {
        m_results[row] = result;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const auto pos = std::upper_bound(m_results.cbegin(), m_results.cend(), result,
        [this](const CheckResult &a, const CheckResult &b) { return before(a, b); });
    const int at = int(pos - m_results.cbegin());
    beginInsertRows({}, at, at);
    m_results.insert(at, result);
    endInsertRows();
}

void ResultsModel::clear()
{
    if (m_results.isEmpty())
        return;
    beginResetModel();
    m_results.clear();
    endResetModel();
}

const CheckResult *ResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results[row] : nullptr;
}

std::optional<CheckStatus> ResultsModel::worstStatus(const QString &environment) const
{
    std::optional<CheckStatus> worst;
    for (const CheckResult &r : m_results) {
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
    return rank(m_checkOrder, a.checkId) < rank(m_checkOrder, b.checkId);
}
