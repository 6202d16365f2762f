// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

// The cross-environment migration matrix: one row per migration (per tool and history when
// there are several), one column per environment, each cell that migration's state there.
// Built from the migrations check's results (details: QList<MigrationEntry>); a pure value
// the dashboard's model, `doctor matrix` and the report all show.
struct MigrationMatrix
{
    // A cell's state: the MigrationEntry states, plus
    // - Absent: the environment's history was read and neither has nor expects it;
    // - Unknown: no readable history of that tool there (no result, or an error).
    enum class Cell : quint8 {
        Applied,
        Pending,
        Failed,
        Dirty,
        Modified,
        Ahead,
        OutOfOrder,
        Absent,
        Unknown
    };
    struct Column
    {
        QString environment;
        CheckStatus worst = CheckStatus::Skipped; // the environment's worst result of any check
    };
    struct Row
    {
        QString tool; // MigrationTools::key()
        QString history; // schema.table
        QString migrationId;
        QList<Cell> cells; // one per column
        QList<QDateTime> firstSeen; // one per column; invalid when the history has no time
        bool differs = false; // not every known cell has the same state
    };
    QList<Column> columns;
    QList<Row> rows; // per (tool, history) in expected order, then ids outside every expected set
};

namespace MigrationMatrices {

// When environment first saw migration (of tool's history) in state; invalid when unknown.
// The history store's sightings answer it; build() works without one.
using FirstSeen = std::function<QDateTime(const QString &environment, const QString &tool,
    const QString &history, const QString &migrationId, MigrationEntry::State state)>;

// The matrix of these environments (columns in this order) from a run's results (of any
// check: the worst status of each column uses them all). Cost: linear in cells.
MigrationMatrix build(const QList<CheckResult> &results, const QStringList &environments,
    const FirstSeen &firstSeen = {});

QString cellKey(MigrationMatrix::Cell cell); // "applied", ... "absent", "unknown"
MigrationMatrix::Cell cellOf(MigrationEntry::State state);

} // namespace MigrationMatrices
