// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "postgres/locksession.h"

#include <QWidget>
#include <optional>

class EnvironmentsModel;
class FixTabs;
class KbLibrary;
class LocksTreeModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;
class ResultsModel;

// The locks of one environment (issue 16): the blocking tree of its check.postgres.locks
// result (LocksTreeModel: root blockers at the top, waiters below), when it was checked and
// a Refresh button that asks for a run of that check alone (refreshRequested: the window
// runs it through RunController, off the UI thread); "refreshing" and a busy bar while the
// result is stale. Selecting a session shows the KB article's fix commands (FixTabs, the
// environment's deployment style first, click to copy) with its pid filled in as
// <root-pid>, its role as <root-user>, a prepared transaction's gid as <prepared-gid>.
// Follows an environment as MigrationsView does. The tree's header (column widths and
// order) is remembered in QSettings under headerStateKey().
class LocksView : public QWidget
{
    Q_OBJECT
public:
    explicit LocksView(QWidget *parent = nullptr);
    ~LocksView() override;

    // Where the results come from (and which check's results hold the locks), the KB the
    // fixes come from and the environments their deployment style and placeholders come
    // from. kb and environments may be null (no fixes then).
    void setSource(const ResultsModel *results, const QString &locksCheckId,
        const KbLibrary *kb = nullptr, const EnvironmentsModel *environments = nullptr);
    // Shows environment's locks result and keeps following it; empty shows none.
    void showEnvironment(const QString &environment);
    QString environment() const { return m_environment; }
    // Whether Refresh may start a run now (the window: no other run is going).
    void setRefreshEnabled(bool enabled);

    LocksTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QPushButton *refreshButton() const { return m_refresh; }
    FixTabs *fixTabs() const { return m_fixes; }
    QString headingText() const;
    // "checked at 14:02:11 · 1 root blocker · 3 waiting", "refreshing…", why there is no tree.
    QString statusText() const;
    bool isRefreshing() const; // the result shown is stale: a new one is on its way
    QString selectionText() const; // the selected session in a line; empty when none
    // The session of the tree's current row, if any.
    std::optional<LockSession> currentSession() const;

    static QString headerStateKey(); // "locks/header"
    // The result the fixes of session are chosen for: result's evidence with session as the
    // root blocker (RootBlockerPid, RootBlockerUser; PreparedTransactions and
    // PreparedTransactionIds for a prepared transaction), status at least Warn.
    static CheckResult fixResult(const CheckResult &result, const LockSession &session);
    // env's placeholders with root-pid, root-user and prepared-gid of session, each only when
    // made of characters a shell takes literally (as KbPlaceholders::fromEvidence).
    static Environment fixEnvironment(const Environment &env, const LockSession &session);

Q_SIGNALS:
    // Refresh was pressed: run the locks check for this environment.
    void refreshRequested(const QString &environment);

private:
    void refresh();
    void updateStatus();
    void updateSelection();
    void saveHeader();

    const ResultsModel *m_results = nullptr;
    const KbLibrary *m_kb = nullptr;
    const EnvironmentsModel *m_environments = nullptr;
    QString m_checkId;
    QString m_environment;
    std::optional<CheckResult> m_result; // the locks result shown
    bool m_stale = false;
    bool m_notRefreshed = false;
    bool m_refreshEnabled = true;
    bool m_fitPid = true; // no remembered header: the PID column fits each new tree
    bool m_fitting = false;
    LocksTreeModel *m_model;
    QLabel *m_heading;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_refresh;
    QTreeView *m_tree;
    QLabel *m_selection;
    FixTabs *m_fixes;
};
