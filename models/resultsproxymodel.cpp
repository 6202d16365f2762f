// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "resultsproxymodel.h"

#include "resultsmodel.h"
#include "statusicons.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QMap>
#include <QPalette>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// WCAG 2 relative luminance and contrast ratio: the status colours are chosen to be told
// apart as badges, and amber or green text on white (or red on a dark base) does not read.
double luminance(const QColor &c)
{
    auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// The status colour, darkened on a light base or lightened on a dark one until it reaches
// 4.5:1, WCAG's minimum for normal text.
QColor readableOn(QColor colour, const QColor &base)
{
    const bool darkBase = luminance(base) < 0.5;
    for (int i = 0; i < 12 && contrast(colour, base) < 4.5; ++i)
        colour = darkBase ? colour.lighter(115) : colour.darker(115);
    return colour;
}

const QString CheckPrefix = u"check."_s;

// Worst first, as the summary line lists them.
const QList<CheckStatus> SummaryOrder { CheckStatus::Fail, CheckStatus::Error, CheckStatus::NotRun,
    CheckStatus::Warn, CheckStatus::Pass, CheckStatus::Skipped };

QString countText(CheckStatus status, int n)
{
    switch (status) {
    case CheckStatus::Fail:
        return ResultsProxyModel::tr("%n fail", nullptr, n);
    case CheckStatus::Error:
        return ResultsProxyModel::tr("%n error", nullptr, n);
    case CheckStatus::NotRun:
        return ResultsProxyModel::tr("%n not run", nullptr, n);
    case CheckStatus::Warn:
        return ResultsProxyModel::tr("%n warn", nullptr, n);
    case CheckStatus::Pass:
        return ResultsProxyModel::tr("%n pass", nullptr, n);
    case CheckStatus::Skipped:
        return ResultsProxyModel::tr("%n skipped", nullptr, n);
    }
    return {};
}

QString clock(const QDateTime &t)
{
    return t.date() == QDate::currentDate() ? t.toString(u"HH:mm"_s)
                                            : t.toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

ResultsProxyModel::ResultsProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
}

void ResultsProxyModel::setEnvironment(const QString &name)
{
    if (name == m_environment)
        return;
    m_environment = name;
    invalidateRowsFilter();
}

bool ResultsProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return m_environment.isEmpty()
        || sourceModel()
               ->index(sourceRow, 0, sourceParent)
               .data(ResultsModel::EnvironmentRole)
               .toString()
        == m_environment;
}

QVariant ResultsProxyModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == ResultsModel::CheckColumn
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        // Every id starts with "check.": the table shows the rest, the tooltip all of it.
        const QString id = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
        if (role == Qt::ToolTipRole) {
            const QString more = QSortFilterProxyModel::data(index, role).toString();
            return more.isEmpty() ? id : id + u'\n' + more;
        }
        return id.startsWith(CheckPrefix) ? id.mid(CheckPrefix.size()) : id;
    }
    if (role == Qt::ForegroundRole && index.column() == ResultsModel::StatusColumn) {
        const QVariant grey = QSortFilterProxyModel::data(index, role);
        if (grey.isValid())
            return grey; // stale or not run: the model's grey says it
        const auto status
            = CheckStatus(index.data(ResultsModel::ResultRole).value<CheckResult>().status);
        return QBrush(readableOn(
            StatusIcons::colour(status), QGuiApplication::palette().color(QPalette::Base)));
    }
    return QSortFilterProxyModel::data(index, role);
}

QString ResultsProxyModel::summary() const
{
    QMap<CheckStatus, int> counts;
    QDateTime first, last;
    int refreshing = 0, notRefreshed = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row, 0);
        const auto r = i.data(ResultsModel::ResultRole).value<CheckResult>();
        ++counts[r.status];
        if (i.data(ResultsModel::NotRefreshedRole).toBool())
            ++notRefreshed;
        else if (i.data(ResultsModel::StaleRole).toBool())
            ++refreshing;
        if (r.checkedAt.isValid()) {
            if (!first.isValid() || r.checkedAt < first)
                first = r.checkedAt;
            if (!last.isValid() || r.checkedAt > last)
                last = r.checkedAt;
        }
    }
    if (counts.isEmpty())
        return {};
    QStringList parts;
    for (CheckStatus s : SummaryOrder) {
        if (counts.value(s) > 0)
            parts << countText(s, counts.value(s));
    }
    if (refreshing > 0)
        parts << tr("%n refreshing", nullptr, refreshing);
    if (notRefreshed > 0)
        parts << tr("%n not refreshed", nullptr, notRefreshed);
    QString text = parts.join(u" · "_s);
    if (first.isValid()) {
        const QString from = clock(first), to = clock(last);
        text += from == to ? tr(", checked %1").arg(from) : tr(", checked %1–%2").arg(from, to);
    }
    return text;
}
