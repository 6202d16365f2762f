// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QFont>
#include <QHash>
#include <QWidget>

class EnvironmentsModel;
class MatrixDifferenceFilter;
class MigrationMatrixModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class ResultsModel;

// The cross-environment migration matrix (issue 18): one row per migration (per tool and
// history), one column per environment, each cell the migration's state there, its header
// the environment's worst result. "Only rows that differ" (on by default, remembered in
// QSettings under onlyDifferingKey()) and a filter box narrow the rows; a legend names the
// marks. Clicking a cell asks the window to show that environment's result and migration
// (cellChosen). The matrix follows the results model: rebuilt (MigrationMatrixModel::build,
// on a pool thread for large ones) shortly after results change, or when next shown if the
// view is hidden then.
class MatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit MatrixView(QWidget *parent = nullptr);

    // Where the results come from; the columns are environments' environments, in order
    // (without one: the environments of the results, in their order).
    void setSource(const ResultsModel *results, const EnvironmentsModel *environments = nullptr);
    // The run history's sightings (HistoryStore::migrations): the cells' first-seen times,
    // in their tooltips. Rebuilds the matrix.
    void setSightings(const QList<MigrationSighting> &sightings);
    // Builds the matrix from the source's results now, not after the usual short delay.
    void rebuild();

    MigrationMatrixModel *model() const { return m_model; }
    MatrixDifferenceFilter *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *onlyDifferingBox() const { return m_onlyDiffering; }
    QLabel *legend() const { return m_legend; }
    // "2 of 5 migrations differ · 3 environments", "building the matrix…", or why empty.
    QString summaryText() const;

    static QString onlyDifferingKey(); // "matrix/onlyDiffering"

Q_SIGNALS:
    // A cell was clicked or activated: show environment's result of this history (tool and
    // history as MigrationMatrix::Row has them) and the migration.
    void cellChosen(const QString &environment, const QString &tool, const QString &history,
        const QString &migrationId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRebuild();
    void matrixChanged();
    void updateSummary();
    void updateLegend();
    void fitColumns();
    void chosen(const QModelIndex &index);

    const ResultsModel *m_results = nullptr;
    const EnvironmentsModel *m_environments = nullptr;
    QList<MigrationSighting> m_sightings;
    MigrationMatrixModel *m_model;
    MatrixDifferenceFilter *m_filter;
    QLabel *m_summary;
    QLineEdit *m_filterEdit;
    QCheckBox *m_onlyDiffering;
    QTableView *m_table;
    QLabel *m_legend;
    QTimer *m_rebuildTimer;
    bool m_dirty = false; // the results changed while hidden: rebuild when shown
    QHash<QString, int> m_idWidths[2]; // migration id -> width in px, regular and bold
    QFont m_measuredFont; // the font m_idWidths were measured in
};
