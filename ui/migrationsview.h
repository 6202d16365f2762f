// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QDateTime>
#include <QWidget>
#include <optional>

class MigrationsFilterModel;
class MigrationsModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class ResultsModel;

// The migrations of one environment: the rows of all its migrations results (one per
// history the check read; Tool and History columns tell them apart when there are several),
// failing and pending rows first, counts of every state that follow the filter box, the
// state filter and the "Pending only" toggle, a sortable table, and under it the selected
// migration with the failure text its tool stored. It follows an environment rather than a
// selected row: selecting another environment or another of its results shows that
// environment's migrations, and a new run's results replace the rows when they arrive.
// The state filter is remembered (QSettings, stateFilterKey()).
class MigrationsView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationsView(QWidget *parent = nullptr);

    // Where the results come from and which check's results hold migrations.
    void setSource(const ResultsModel *results, const QString &migrationsCheckId);
    // Shows environment's migrations results from the source, and keeps following them;
    // empty shows none.
    void showEnvironment(const QString &environment);
    QString environment() const { return m_environment; }
    // Shows result on its own (nullptr clears), not following anything.
    void setResult(const CheckResult *result);

    MigrationsModel *model() const { return m_model; }
    MigrationsFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *pendingOnlyBox() const { return m_pendingOnly; }
    // "All states", "Failing" (failed, dirty, modified), then each state; item data is the
    // MigrationsOrder state bits, Qt::UserRole + 1 the key stored in the settings.
    QComboBox *stateFilterBox() const { return m_stateFilter; }
    QString headingText() const;
    QString countsText() const;
    // The selected migration's line and failure text as plain text; empty when none is.
    QString detailsText() const;
    // The migration of the table's current row, if any.
    std::optional<MigrationEntry> currentMigration() const;

    // The QSettings key of the state filter: "migrations/stateFilter", values "all",
    // "failing", "failed", "dirty", "modified", "pending", "out-of-order", "ahead", "applied".
    static QString stateFilterKey();

Q_SIGNALS:
    // The current row moved to another migration (or to none: an empty entry).
    void currentMigrationChanged(const MigrationEntry &migration);

private:
    struct Shown
    {
        QString subject;
        quint64 generation = 0;
        QDateTime checkedAt;
        bool operator==(const Shown &) const = default;
    };
    void refresh();
    void display(const QString &environment, const QList<const CheckResult *> &results, bool stale);
    void fillStateFilter();
    void stateFilterChosen();
    void fitColumns();
    void updateCounts();
    void updateDetails();

    const ResultsModel *m_results = nullptr;
    QString m_checkId;
    QString m_environment;
    // What the table holds, to leave it (and the user's place in it) alone when an
    // unrelated result changes.
    QList<Shown> m_shown;
    bool m_shownAny = false;
    QString m_note; // why there are no rows, when there are none
    MigrationsModel *m_model;
    MigrationsFilterModel *m_filter;
    QLabel *m_heading;
    QLabel *m_counts;
    QLineEdit *m_filterEdit;
    QComboBox *m_stateFilter;
    QCheckBox *m_pendingOnly;
    QTableView *m_table;
    QLabel *m_details;
};
