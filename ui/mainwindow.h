#pragma once

#include "environment.h"

#include <QMainWindow>

class CheckRunner;
class EnvironmentsModel;
class KbLibrary;
class MigrationsView;
class QAction;
class QLabel;
class QListView;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTemporaryDir;
class QTimer;
class RemediationPanel;
class ResultsModel;
struct CheckResult;

// The dashboard: environments, results, migrations and the remediation panel.
// Checks run on CheckRunner's pool; this window only reacts to its queued signals.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const KbLibrary &kb, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setEnvironments(const QList<Environment> &environments, const QString &source);
    bool openEnvironmentsFile(const QString &path); // false (and a message) on a bad file
    bool startDemo();

    CheckRunner *runner() const { return m_runner; }
    ResultsModel *resultsModel() const { return m_results; }
    EnvironmentsModel *environmentsModel() const { return m_environments; }
    QTableView *resultsView() const { return m_resultsView; }
    QListView *environmentsView() const { return m_environmentsView; }
    MigrationsView *migrationsView() const { return m_migrations; }
    RemediationPanel *remediationPanel() const { return m_panel; }
    QAction *runAllAction() const { return m_runAll; }
    QAction *cancelAction() const { return m_cancel; }
    QLabel *progressLabel() const { return m_progressLabel; }

    // Selects the row of a result, which fills the migrations table and the panel.
    bool selectResult(const QString &environment, const QString &checkId);

public Q_SLOTS:
    void runAll();
    void runSelected();
    void cancelRun();

Q_SIGNALS:
    void runFinished(bool cancelled);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void onResult(const CheckResult &result);
    void onRunFinished(bool cancelled);
    void onProgress(int done, int total);
    void showProgress();
    void onEnvironmentSelected();
    void onResultSelected();
    void showArticle(const QString &checkId);
    void selectMostInteresting();
    void chooseEnvironmentsFile();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void updateTitle();
    void updateActions();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    void showKnowledgeBase();

    const KbLibrary &m_kb;
    CheckRunner *m_runner;
    ResultsModel *m_results;
    QSortFilterProxyModel *m_resultsFilter;
    EnvironmentsModel *m_environments;
    QString m_source;
    QTemporaryDir *m_demoDir = nullptr;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QStackedWidget *m_centre = nullptr;
    QListView *m_environmentsView = nullptr;
    QTableView *m_resultsView = nullptr;
    MigrationsView *m_migrations = nullptr;
    RemediationPanel *m_panel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    int m_progressDone = 0;
    int m_progressTotal = 0;
    QAction *m_open = nullptr;
    QAction *m_runAll = nullptr;
    QAction *m_runSelected = nullptr;
    QAction *m_cancel = nullptr;
    QMenu *m_recentMenu = nullptr;
};
