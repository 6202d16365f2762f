#pragma once

#include "checkresult.h"

#include <QAbstractTableModel>
#include <QList>

// All results of the current run, one row per (environment, check). Lives on the UI
// thread; the runner's queued signals feed it.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        CheckColumn,
        StatusColumn,
        SeverityColumn,
        MessageColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role { ResultRole = Qt::UserRole + 1, StatusRankRole, EnvironmentRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows are kept in this order (environments, then checks) whatever order the
    // worker threads finish in; unknown names go last.
    void setOrdering(const QStringList &environments, const QStringList &checkIds);
    // Replaces the row of the same environment and check, or inserts one in order.
    void upsert(const CheckResult &result);
    void clear();
    const CheckResult *resultAt(int row) const;
    int rowOf(const QString &environment, const QString &checkId) const;
    // The worst status among an environment's results; nullopt when it has none.
    std::optional<CheckStatus> worstStatus(const QString &environment) const;

    static QString statusText(CheckStatus status);

private:
    bool before(const CheckResult &a, const CheckResult &b) const;

    QList<CheckResult> m_results;
    QStringList m_environmentOrder;
    QStringList m_checkOrder;
};
