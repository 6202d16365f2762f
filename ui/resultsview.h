// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QTableView;
class QTimer;
class ResultsProxyModel;

// The results table with its summary line above ("2 fail · 1 warn · 9 pass, checked
// 14:02", counting the rows the environment filter shows), and the ways to get a result
// out: Copy (Ctrl+C: text with evidence and target), Copy as Markdown, Copy as JSON, in
// the context menu and the table's actions. The Severity column is hidden: it is the
// article's severity, the same on every row of a check whatever its status, and read
// "fail" on rows that passed. Tab leaves the table for the next pane (no cell-to-cell
// Tab), and the table shows a focus ring when it has the keyboard.
class ResultsView : public QWidget
{
    Q_OBJECT
public:
    // Shows proxy, whose source model is a ResultsModel.
    explicit ResultsView(ResultsProxyModel *proxy, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ResultsProxyModel *proxy() const { return m_proxy; }
    QLabel *summaryLabel() const { return m_summary; }

    // Only this environment's rows (empty: all); its column is then hidden as well.
    void setEnvironment(const QString &name);
    // The result of the current row; nullopt when no row is current.
    std::optional<CheckResult> currentResult() const;

    // Selects the row of a result and counts it as the user's choice: later runs keep it.
    // False when there is no such row or the environment filter hides it.
    bool selectResult(const QString &environment, const QString &checkId);
    // Selects the most interesting row the filter shows, unless the user chose a row: the
    // most severe root cause (Status::rank: a failed connection is a Fail, the checks it kept
    // from running are NotRun and rank lower); among equals preferredCheckId's result with
    // the most "PendingCount" (the migrations check: what most users open the tool for).
    void selectMostInteresting(const QString &preferredCheckId);
    // The current row was chosen by the user, not by selectMostInteresting(); a user's choice
    // is never moved.
    bool hasUserSelection() const;
    // Fits every column but the message, which takes the rest, to its contents: one column a
    // turn of the event loop (fitPending() until the last), as each measures the text of its
    // cells (~50 us a cell): 50 environments' columns at once held the UI thread 60 ms.
    void fitColumns();
    // Fits one column (ResultsModel::Column) to its contents, in a later turn.
    void fitColumn(int column);
    bool fitPending() const { return !m_unfitted.isEmpty(); }

    QAction *copyAction() const { return m_copy; } // Ctrl+C
    QAction *copyMarkdownAction() const { return m_copyMarkdown; }
    QAction *copyJsonAction() const { return m_copyJson; }

Q_SIGNALS:
    // After a copy; what says which form ("Result copied as Markdown").
    void copied(const QString &what);
    // Another row (or none) became current, by the user or by selectMostInteresting().
    void currentResultChanged();

private:
    enum class Form { Text, Markdown, Json };
    void copy(Form form);
    void updateSummary();
    void fitNextColumn();
    void updateActions();

    ResultsProxyModel *m_proxy;
    QLabel *m_summary;
    QTableView *m_table;
    QTimer *m_summaryTimer;
    QTimer *m_fitTimer;
    QList<int> m_unfitted; // columns fitColumns() has still to fit, in order
    QAction *m_copy;
    QAction *m_copyMarkdown;
    QAction *m_copyJson;
    bool m_autoSelected = false; // the current row is selectMostInteresting()'s choice
    bool m_selectingAutomatically = false;
};
