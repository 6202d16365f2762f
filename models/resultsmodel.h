// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "history/historyrecords.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <optional>

// The latest result of every (environment, check), one row each. Lives on the UI thread;
// the runner's queued signals feed it. Results stay across runs: a run marks the rows of
// its environments stale (greyed, "checked at HH:MM:SS") and each is replaced when its new
// result arrives, so the board is never empty while a refresh is on its way.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnvironmentColumn,
        CheckColumn,
        StatusColumn,
        SinceColumn, // how long a failing result has been so ("3 d"), from the history
        SeverityColumn,
        MessageColumn,
        DurationColumn,
        CheckedColumn, // local time the result was finished, HH:mm:ss
        ColumnCount
    };
    enum Role {
        ResultRole = Qt::UserRole + 1,
        StatusRankRole, // Status::rank() of the row's status (int)
        EnvironmentRole,
        StaleRole, // bool: from an earlier run; a new result is on its way or was cancelled
        NotRefreshedRole, // bool: stale, and the run that should have replaced it ended
        ChangedRole, // bool: the status differs from the previous result of this row
        PreviousStatusRole, // int CheckStatus of the previous result when changed, else null
        SortRole, // what Status (rank), Since (s), Duration (ms) and Checked sort by
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows are kept in this order (environments, then checks) whatever order the
    // worker threads finish in; unknown names go last. Rows already there are re-sorted.
    void setOrdering(const QStringList &environments, const QStringList &checkIds);
    // Replaces the row of the same environment and check (fresh again, "changed" when its
    // status differs from the row's), or inserts one in order.
    void upsert(const CheckResult &result);
    // A run of these environments starts: their rows (of checkIds only, when not empty)
    // become stale until replaced.
    void markStale(const QStringList &environments, const QStringList &checkIds = {});
    // The run ended. Completed: rows still stale had no new result (their check is gone)
    // and are removed. Cancelled: they stay, marked as not refreshed.
    void finishRefresh(bool cancelled);
    // Removes the rows of environments not in the list (renamed or removed ones).
    void retainEnvironments(const QStringList &environments);
    void clear();
    const CheckResult *resultAt(int row) const;
    bool isStale(int row) const;
    // The first row of the environment's results of checkId (a check reporting on several
    // subjects, like the migrations check's one result per history, has several), or -1.
    int rowOf(const QString &environment, const QString &checkId) const;
    // The row of exactly this result: environment, check and subject (CheckResult::subject).
    int rowOf(const QString &environment, const QString &checkId, const QString &subject) const;
    // The worst status (Status::rank) among an environment's results, stale ones included;
    // nullopt when it has none.
    std::optional<CheckStatus> worstStatus(const QString &environment) const;

    // The run history's newest status span of each result (HistoryStore::currentSpans), for
    // the Since column: a row whose status is neither Pass nor Skipped and equals its span's
    // shows how long it has been so, from the span's first run to the row's check. Replaces
    // the last set.
    void setSpans(const QList<StatusSpan> &spans);
    // The span behind a row's Since cell; nullptr when it shows none.
    const StatusSpan *sinceSpan(int row) const;

    static QString statusText(CheckStatus status);
    // A duration as the Since column writes it: "now" (under a minute), "12 min", "5 h", "3 d"
    // (whole units, rounded down).
    static QString sinceText(qint64 seconds);

private:
    struct Row
    {
        CheckResult result;
        bool stale = false;
        bool notRefreshed = false;
        std::optional<CheckStatus> previous; // set when the status changed
    };
    bool before(const CheckResult &a, const CheckResult &b) const;
    QString toolTip(const Row &row, int column) const;
    void rowsChanged(int first, int last);

    static QString spanKey(
        const QString &environment, const QString &checkId, const QString &subject);
    qint64 sinceSeconds(const Row &row) const; // -1 without a matching span

    QList<Row> m_rows;
    QHash<QString, StatusSpan> m_spans; // by spanKey()
    QStringList m_environmentOrder;
    QStringList m_checkOrder;
};
