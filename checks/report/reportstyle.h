// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QList>
#include <QString>
#include <optional>

// What the HTML and Markdown reports share, so both say the same: status labels, the
// statuses the summary counts, which matrix rows are shown, and the HTML's style sheet.
namespace ReportStyle {
// "PASS", "WARN", "FAIL", "ERROR", "NOT RUN", "SKIPPED".
QString statusLabel(CheckStatus status);
// The summary's count columns, worst first: Fail, Error, Warn, NotRun, Pass, Skipped.
QList<CheckStatus> countedStatuses();
// The environment's server; none for a name only results know (a hand-made result).
std::optional<ReportContent::Server> serverOf(const ReportContent &c, const QString &env);
// A matrix larger than this many rows shows only the rows that differ (and says so): a
// report of 50 environments x 2000 migrations would otherwise be 100 000 cells to scroll.
constexpr int MaxMatrixRows = 200;
// The matrix as a report shows it: first the rows that differ between environments (with a
// column per environment), then, more compactly, those in the same state everywhere.
struct MatrixParts
{
    QList<int> differing; // row indexes, in the matrix's order
    QList<int> same; // empty when left out (more than MaxMatrixRows rows in all)
    bool sameLeftOut = false;
    QString note; // "3 of 120 migrations differ between the environments." (+ left out)
};
MatrixParts matrixParts(const MigrationMatrix &matrix);
// A row in the same state everywhere: that state (the first known cell's), "unknown" if none.
QString sameState(const MigrationMatrix::Row &row);
// The HTML report's CSS: screen and print (@media print), no external resource.
QString css();
} // namespace ReportStyle
