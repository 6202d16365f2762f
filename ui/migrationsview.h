// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QDateTime>
#include <QWidget>

class MigrationsFilterModel;
class MigrationsModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class ResultsModel;

// The migrations of one environment: its migrations result's applied, pending and
// not-expected rows (pending first), counts that follow the filter box and the "Pending
// only" toggle, and a sortable table. It follows an environment rather than a selected
// row: selecting another environment or another of its results shows that environment's
// migrations, and a new run's result replaces the rows when it arrives.
class MigrationsView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationsView(QWidget *parent = nullptr);

    // Where the results come from and which check's results hold migrations.
    void setSource(const ResultsModel *results, const QString &migrationsCheckId);
    // Shows environment's migrations result from the source, and keeps following it;
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
    QString headingText() const;
    QString countsText() const;

private:
    void refresh();
    void display(const QString &environment, const CheckResult *result, bool stale);
    void updateCounts();

    const ResultsModel *m_results = nullptr;
    QString m_checkId;
    QString m_environment;
    // What the table holds, to leave it (and the user's place in it) alone when an
    // unrelated result changes.
    quint64 m_shownGeneration = 0;
    QDateTime m_shownCheckedAt;
    bool m_shownAny = false;
    QString m_note; // why there are no rows, when there are none
    MigrationsModel *m_model;
    MigrationsFilterModel *m_filter;
    QLabel *m_heading;
    QLabel *m_counts;
    QLineEdit *m_filterEdit;
    QCheckBox *m_pendingOnly;
    QTableView *m_table;
};
