// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/fleetreader.h"

#include <QWidget>
#include <functional>

class FleetFilterModel;
class FleetLoader;
class FleetMatrixLoader;
class FleetModel;
class MatrixView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;
class TimelineView;

// The fleet view (issue 19 §5): every environment of a shared results store with its worst
// latest status, the age of its newest result, its shard and tags, filtered by name, status
// and tag (the status and tag chosen are remembered in QSettings); below, the selected
// environment's stored results with a result's timeline, and the Matrix of the store's
// current migration states of the environments the filters show. Reading is FleetLoader's
// and FleetMatrixLoader's, off the UI thread. "Check now" asks for a live run of the selected
// environment (checkNowRequested), enabled only where canCheck says the loaded environments
// file has it.
class FleetView : public QWidget
{
    Q_OBJECT
public:
    explicit FleetView(QWidget *parent = nullptr);

    // Reads location (a SQLite file or postgresql:// URL) in the background; the title and
    // status line say which store (never its password) and how it went.
    void openStore(const QString &location);
    void reload();
    // Whether an environment can be checked live from here, and why not (empty: it can).
    void setCheckAvailability(std::function<QString(const QString &environment)> whyNot);
    QString selectedEnvironment() const;
    bool selectEnvironment(const QString &name);

    FleetModel *model() const { return m_model; }
    FleetFilterModel *filterModel() const { return m_filter; }
    FleetLoader *loader() const { return m_loader; }
    QTableView *table() const { return m_table; }
    QTreeWidget *resultsTree() const { return m_results; }
    QLineEdit *nameFilter() const { return m_name; }
    QComboBox *statusFilter() const { return m_status; }
    // "All tags", then every tag of the store's environments; the item data is the tag.
    QComboBox *tagFilter() const { return m_tag; }
    QTabWidget *lowerTabs() const { return m_tabs; }
    // The migration matrix of the filtered environments, from the store's current states;
    // built when its tab is shown (and again when the filters change while it is).
    MatrixView *matrixView() const { return m_matrix; }
    FleetMatrixLoader *matrixLoader() const { return m_matrixLoader; }
    QPushButton *checkNowButton() const { return m_checkNow; }
    QLabel *statusLine() const { return m_line; }
    // The selected stored result's runs, read from the store on a pool thread.
    TimelineView *timelineView() const { return m_timeline; }

Q_SIGNALS:
    void checkNowRequested(const QString &environment);

private:
    void onLoaded(int environments, qint64 queryMs, qint64 totalMs);
    void updateStatusLine(); // the count the filters show, then m_timing
    void showSelected();
    void updateCheckNow();
    void showTimeline();
    void fillTags();
    void updateMatrix(); // load or rebuild the matrix when its tab is shown
    QList<FleetEnvironment> filteredEnvironments() const; // in the snapshot's order

    FleetModel *m_model;
    FleetFilterModel *m_filter;
    FleetLoader *m_loader;
    QLineEdit *m_name;
    QComboBox *m_status;
    QComboBox *m_tag;
    QTableView *m_table;
    QTreeWidget *m_results;
    QPushButton *m_checkNow;
    QPushButton *m_reload;
    QLabel *m_line;
    QLabel *m_heading;
    QString m_timing; // the last load's " · query … ms" part; empty before one succeeded
    QString m_matrixError; // why the matrix could not be read, a second line; or empty
    TimelineView *m_timeline;
    QTabWidget *m_tabs;
    MatrixView *m_matrix;
    FleetMatrixLoader *m_matrixLoader;
    QTimer *m_matrixTimer; // one rebuild per burst of filter changes (typing a name)
    bool m_matrixStale = true; // a new load: read the store's states again
    bool m_matrixDirty = false; // the filters changed: build again from the states read
    int m_timelineGeneration = 0; // a newer selection drops an older timeline's read
    std::function<QString(const QString &)> m_whyNot;
};
