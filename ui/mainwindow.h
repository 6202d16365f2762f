// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"
#include "runcontroller.h"
#include "runstatus.h"

#include <QMainWindow>
#include <memory>

class CheckRunner;
class ConnectionDialog;
class EnvironmentsModel;
class FleetView;
class HistoryClient;
class KbLibrary;
class LocksView;
class MatrixView;
class MigrationsView;
class QAction;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTemporaryDir;
class QTimer;
class RemediationPanel;
class ResultsModel;
class ResultsProxyModel;
class ResultsView;
class SecretStore;
class TimelineView;
struct CheckResult;
namespace ReportFormat {
enum class Format;
}
namespace Demo {
struct Setup;
}

// The dashboard: environments, results, migrations and the remediation panel. Refreshes
// are RunController's (checks run on CheckRunner's pool; this window only reacts to queued
// signals); the menus are in mainwindowmenus.cpp, environment editing and saving in
// mainwindowenvironments.cpp.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Only keeps kb: nothing reads it before a run, a selected result or the KB browser, so
    // gui_main loads it on another thread while the window is built.
    explicit MainWindow(const KbLibrary &kb, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setEnvironments(const QList<Environment> &environments, const QString &source);
    bool openEnvironmentsFile(const QString &path); // false (and a message) on a bad file
    bool startDemo(); // builds the demo's files (Demo::create), shows and runs them
    // The demo on files built beforehand (Demo::create into dir, which gui_main does on a
    // thread of its own while the window is built); the window keeps dir, and the files go
    // with it. False (and a message) when demo has an error.
    bool startDemo(std::unique_ptr<QTemporaryDir> dir, const Demo::Setup &demo);
    // While on, the run that startDemo() or openEnvironmentsFile() starts waits; turning it
    // off starts it. gui_main holds the first run until the window has been painted once.
    void setDeferRuns(bool defer);

    CheckRunner *runner() const { return m_run->runner(); }
    ResultsModel *resultsModel() const { return m_results; }
    EnvironmentsModel *environmentsModel() const { return m_environments; }
    QTableView *resultsView() const { return m_resultsView; }
    ResultsView *resultsPane() const { return m_resultsPane; } // table, summary, copy
    QListView *environmentsView() const { return m_environmentsView; }
    MigrationsView *migrationsView() const { return m_migrations; }
    // The Locks and Matrix tabs are built when first shown (or asked for here): the first
    // frame shows the Migrations tab, and the start does not pay for the others
    // (tests/bench/startup). Their tab page is the view itself once built.
    LocksView *locksView(); // a tab beside the migrations
    QTabWidget *lowerTabs() const { return m_lowerTabs; } // Migrations … Timeline
    MatrixView *matrixView(); // the migration matrix's tab
    QAction *showMatrixAction() const { return m_showMatrix; }
    QAction *showLocksAction() const { return m_showLocks; }
    // The run history (mainwindowhistory.cpp): records each refresh, feeds the results'
    // Since column, the matrix's first-seen times and the Timeline tab.
    HistoryClient *historyClient() const { return m_history; }
    TimelineView *timelineView() const { return m_timeline; }
    QAction *showTimelineAction() const { return m_showTimeline; }
    // The QSettings key of the tab shown under the results: 0 Migrations, 1 Locks, 2 Matrix,
    // 3 Timeline.
    static QString lowerTabKey();
    RemediationPanel *remediationPanel() const { return m_panel; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *cancelAction() const { return m_cancel; }
    QLabel *progressLabel() const { return m_status->label(); }
    SecretStore *secretStore() const { return m_run->secretStore(); }
    QAction *newEnvironmentAction() const { return m_newEnvironment; }
    QAction *editEnvironmentAction() const { return m_editEnvironment; }
    QAction *enterPasswordAction() const { return m_enterPassword; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *exportReportAction() const { return m_exportReport; } // File > Export Report
    // File > Open Results Store… (mainwindowfleet.cpp): the fleet view of a shared store.
    QAction *openStoreAction() const { return m_openStore; }
    // Opens (or reuses) the fleet view's window on location and starts reading it.
    FleetView *openFleetView(const QString &location);
    QString environmentsFile() const { return m_file; } // empty for the demo and new lists

    // New (empty name) or Edit: opens the connection dialog window-modally and returns it;
    // accepting it adds or replaces the environment. In mainwindowenvironments.cpp.
    ConnectionDialog *openConnectionDialog(const QString &environmentName = {});
    // Atomic save of the environments (never their passwords); false with a message.
    bool saveEnvironmentsTo(const QString &path);

    // Selects the row of a result, which fills the migrations table and the panel. Counts
    // as the user's choice: later runs keep it selected.
    bool selectResult(const QString &environment, const QString &checkId);

    // Writes the report of the results shown to path, on a pool thread (mainwindowreport.cpp);
    // the status bar says how it went and reportExported() follows.
    void exportReportTo(const QString &path, ReportFormat::Format format, bool redact);

    // Auto-refresh: a new run of every environment this many seconds after the last one
    // ended; 0 is off (the default). Remembered with QSettings ("window/autoRefreshSeconds").
    void setAutoRefreshInterval(int seconds);
    int autoRefreshInterval() const { return m_run->autoRefreshInterval(); }
    QTimer *autoRefreshTimer() const { return m_run->autoRefreshTimer(); }

public Q_SLOTS:
    void runAll();
    void runSelected();
    void cancelRun();

Q_SIGNALS:
    void runFinished(bool cancelled);
    void reportExported(const QString &path, const QString &error); // error empty: written

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void onResult(const CheckResult &result);
    void onRunFinished(bool cancelled);
    void onEnvironmentSelected();
    void onResultSelected();
    void showArticle(const QString &checkId);
    void addAutoRefreshMenu(QMenu *run); // mainwindowmenus.cpp
    void chooseEnvironmentsFile();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void updateTitle();
    void updateActions();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    void showKnowledgeBase();
    // mainwindowlocks.cpp: the Migrations and Locks tabs, Refresh of the locks, badges.
    QWidget *buildLowerTabs();
    void addLocksActions(QMenu *view);
    void showEnvironmentPanes(const QString &environment); // migrations and locks follow it
    // A lazily built tab: PLACEHOLDER's page becomes VIEW (same index, label and current tab).
    void replaceTab(QWidget *placeholder, QWidget *view);
    void buildShownTab(); // the current lower tab, when it is still a placeholder
    void refreshLocks(const QString &environment);
    // mainwindowmatrix.cpp: the Matrix tab, its shortcut, a clicked cell.
    void addMatrixTab(); // a placeholder until matrixView() builds it
    void addMatrixActions(QMenu *view);
    void showMatrixCell(const QString &environment, const QString &tool, const QString &history,
        const QString &migrationId);
    // mainwindowhistory.cpp: recording runs, Since, the Timeline tab, the history settings.
    void addTimelineTab();
    void addTimelineActions(QMenu *view);
    void recordRun();
    void loadHistory(); // spans, sightings and the shown timeline, after a recorded run
    void showTimeline(); // of the selected result
    void applyHistorySettings(); // after Settings was accepted
    // mainwindowenvironments.cpp: open, New/Edit, Save.
    void addEnvironmentActions(QMenu *file);
    // mainwindowreport.cpp: File > Export Report.
    void addReportActions(QMenu *file);
    void addFleetActions(QMenu *file); // mainwindowfleet.cpp
    void exportReport();
    void updateEnvironmentActions();
    void applyDialog(ConnectionDialog *dialog, const QString &originalName);
    bool saveEnvironments();
    bool saveEnvironmentsAs();
    bool confirmDiscardChanges();

    const KbLibrary &m_kb;
    ResultsModel *m_results;
    ResultsProxyModel *m_resultsFilter;
    EnvironmentsModel *m_environments;
    RunController *m_run;
    RunStatus *m_status = nullptr;
    QString m_source;
    QString m_file; // the environments file shown, where Save writes
    bool m_unsaved = false;
    bool m_deferRuns = false;
    bool m_runDeferred = false; // runAll() was asked for while runs were deferred
    QTemporaryDir *m_demoDir = nullptr;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QStackedWidget *m_centre = nullptr;
    QListView *m_environmentsView = nullptr;
    QTableView *m_resultsView = nullptr;
    ResultsView *m_resultsPane = nullptr;
    MigrationsView *m_migrations = nullptr;
    LocksView *m_locks = nullptr;
    QTabWidget *m_lowerTabs = nullptr;
    QAction *m_showLocks = nullptr;
    QWidget *m_locksTab = nullptr; // the Locks tab's placeholder until locksView() builds it
    QWidget *m_matrixTab = nullptr; // the same for the Matrix
    MatrixView *m_matrix = nullptr;
    QAction *m_showMatrix = nullptr;
    HistoryClient *m_history = nullptr;
    TimelineView *m_timeline = nullptr;
    QAction *m_showTimeline = nullptr;
    QList<CheckResult> m_runResults; // of the refresh going on, recorded when it ends
    QDateTime m_runStartedAt;
    RemediationPanel *m_panel = nullptr;
    QList<QAction *> m_autoRefreshActions;
    QAction *m_pendingOnly = nullptr; // View > Pending Migrations Only: the pane's box too
    QAction *m_open = nullptr;
    QAction *m_runAll = nullptr;
    QAction *m_runSelected = nullptr;
    QAction *m_cancel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_newEnvironment = nullptr;
    QAction *m_editEnvironment = nullptr;
    QAction *m_enterPassword = nullptr; // asks for the current environment's password again
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_exportReport = nullptr;
    QAction *m_openStore = nullptr;
    FleetView *m_fleet = nullptr;
};
