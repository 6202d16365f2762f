// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "history/historyrecords.h"
#include "migrations/migrationmatrix.h"

#include <QAbstractTableModel>
#include <QIcon>

// The cross-environment migration matrix (MigrationMatrix) as a table: the migration and
// its tool's history, then one column per environment. A cell shows the state as a short
// word and the state's badge (StatusIcons::forMigrationState), on a tint of the state's
// colour mixed into the palette's base (so it reads on light and dark palettes); its
// tooltip names the environment, migration, state and since when the state was first seen.
// An environment's header carries the badge of its worst result (of any check).
//
// Changes only by a reset. build() works the matrix out from a run's results: on the
// calling thread up to SyncEntries migration entries, else on a pool thread (the rows shown
// stay until the new matrix is applied; isBuilding() meanwhile). A build started later
// wins: an older one's matrix is dropped when it arrives.
class MigrationMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Migration entries (summed over every environment) built at once on the calling
    // thread: about 1 ms of work (100 000 take 15-25 ms: tests/bench/matrixbench.cpp).
    static constexpr qsizetype SyncEntries = 5000;

    enum Column {
        MigrationColumn, // the migration id
        HistoryColumn, // "EF Core · public.__EFMigrationsHistory"
        FirstEnvironmentColumn // then one per MigrationMatrix::columns
    };
    enum Role {
        CellRole = Qt::UserRole + 1, // int MigrationMatrix::Cell; null outside environments
        EnvironmentRole, // QString: the column's environment; null outside environments
        MigrationIdRole, // QString, every column
        ToolRole, // QString MigrationTools::key(), every column
        HistoryRole, // QString schema.table, every column
        FirstSeenRole, // QDateTime (UTC): when the cell's state was first seen; invalid: unknown
        DiffersRole, // bool: the row's known cells are not all in one state
    };

    explicit MigrationMatrixModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows matrix (a reset); drops any build still running.
    void setMatrix(const MigrationMatrix &matrix);
    const MigrationMatrix &matrix() const { return m_matrix; }
    // MigrationMatrices::build(results, environments, firstSeen), at once or on a pool
    // thread (see the class comment); matrixChanged() once shown.
    void build(const QList<CheckResult> &results, const QStringList &environments,
        const MigrationMatrices::FirstSeen &firstSeen = {});
    bool isBuilding() const { return m_building; }
    // Distinct (tool, history) pairs among the rows: the History column says something only
    // with more than one.
    int historyCount() const { return m_histories; }
    int differingRows() const { return m_differing; }

    // A FirstSeen that answers from the run history's sightings (HistoryStore::migrations):
    // the firstSeen of the sighting of that environment, history, migration and state, the
    // current one when there is one, else the newest. Safe to call from any thread (it holds
    // its own copy of the sightings).
    static MigrationMatrices::FirstSeen firstSeenFrom(const QList<MigrationSighting> &sightings);
    // The short mark a cell shows: "applied", "pending", ... "—" for absent, "?" for unknown.
    static QString cellText(MigrationMatrix::Cell cell);
    // The cell's state in words, as the tooltip and the legend name it.
    static QString cellName(MigrationMatrix::Cell cell);
    // The badge of a cell's state, drawn once into pixmaps (14, 16, 28 and 32 px) so that a
    // frame blits it rather than painting its shape again; a null icon for absent and unknown.
    static QIcon cellIcon(MigrationMatrix::Cell cell);
    // The cell's background on the application's palette; invalid (none) for absent and
    // unknown.
    static QColor cellBackground(MigrationMatrix::Cell cell);

Q_SIGNALS:
    void matrixChanged(); // after each reset by setMatrix() or a build
    void buildingChanged(bool building);

private:
    static constexpr int CellKinds = int(MigrationMatrix::Cell::Unknown) + 1;
    QString toolTip(const MigrationMatrix::Row &row, qsizetype column) const;
    void setBuilding(bool building);
    // The brushes for this palette: made again when its base colour changed.
    void updateBrushes() const;

    MigrationMatrix m_matrix;
    int m_histories = 0;
    int m_differing = 0;
    quint64 m_generation = 0; // each build or setMatrix(): an older build's matrix is dropped
    bool m_building = false;
    // What data() hands out for every painted cell, made once: a frame paints ~500 cells.
    QString m_texts[CellKinds];
    QIcon m_icons[CellKinds];
    mutable QIcon m_statusIcons[int(CheckStatus::NotRun) + 1]; // the headers', on first use
    mutable QColor m_brushBase; // the palette's base the brushes were made for
    mutable QVariant m_backgrounds[CellKinds];
    mutable QVariant m_placeholder; // the text brush of absent and unknown cells
};
