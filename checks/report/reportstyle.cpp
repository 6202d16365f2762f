// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportstyle.h"

using namespace Qt::StringLiterals;

QString ReportStyle::statusLabel(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return u"PASS"_s;
    case CheckStatus::Warn:
        return u"WARN"_s;
    case CheckStatus::Fail:
        return u"FAIL"_s;
    case CheckStatus::Error:
        return u"ERROR"_s;
    case CheckStatus::NotRun:
        return u"NOT RUN"_s;
    case CheckStatus::Skipped:
        break;
    }
    return u"SKIPPED"_s;
}

QList<CheckStatus> ReportStyle::countedStatuses()
{
    return { CheckStatus::Fail, CheckStatus::Error, CheckStatus::Warn, CheckStatus::NotRun,
        CheckStatus::Pass, CheckStatus::Skipped };
}

std::optional<ReportContent::Server> ReportStyle::serverOf(
    const ReportContent &c, const QString &env)
{
    for (const ReportContent::Server &s : c.environments) {
        if (s.name == env)
            return s;
    }
    return std::nullopt;
}

ReportStyle::MatrixParts ReportStyle::matrixParts(const MigrationMatrix &matrix)
{
    MatrixParts parts;
    QList<int> same;
    for (int i = 0; i < matrix.rows.size(); ++i)
        (matrix.rows.at(i).differs ? parts.differing : same) << i;
    parts.sameLeftOut = matrix.rows.size() > MaxMatrixRows && !same.isEmpty();
    if (!parts.sameLeftOut)
        parts.same = same;
    parts.note = parts.differing.isEmpty()
        ? u"All %1 migrations are in the same state in every environment."_s.arg(matrix.rows.size())
        : u"%1 of %2 migrations differ between the environments."_s.arg(parts.differing.size())
              .arg(matrix.rows.size());
    if (parts.sameLeftOut)
        parts.note += u" The %1 in the same state everywhere are left out."_s.arg(same.size());
    return parts;
}

QString ReportStyle::sameState(const MigrationMatrix::Row &row)
{
    for (MigrationMatrix::Cell cell : row.cells) {
        if (cell != MigrationMatrix::Cell::Unknown)
            return MigrationMatrices::cellKey(cell);
    }
    return MigrationMatrices::cellKey(MigrationMatrix::Cell::Unknown);
}

QString ReportStyle::css()
{
    // System fonts only: a report must not load anything. Colours meet WCAG AA on white.
    return uR"(:root { --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --error: #8250df;
  --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  color: #1f2328; margin: 0 auto; padding: 24px 32px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 6px; }
h4 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); }
a { color: #0969da; }
.meta, .server, .runbooks, footer { color: var(--muted); }
.note { background: #fff8c5; border: 1px solid #d4a72c; padding: 6px 10px; border-radius: 6px; }
.mono, pre, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num, th.num { text-align: right; }
.badge { display: inline-block; min-width: 52px; text-align: center; font-size: 11px;
  font-weight: 700; letter-spacing: .03em; color: #fff; border-radius: 10px; padding: 1px 8px;
  background: var(--muted); vertical-align: middle; }
.s-pass { background: var(--pass); } .s-warn { background: var(--warn); }
.s-fail { background: var(--fail); } .s-error { background: var(--error); }
.result { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px;
  padding: 10px 14px; margin: 10px 0; }
.r-pass { border-left-color: var(--pass); } .r-warn { border-left-color: var(--warn); }
.r-fail { border-left-color: var(--fail); } .r-error { border-left-color: var(--error); }
.subject { font-weight: 400; color: var(--muted); }
.message { margin: 4px 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
table.evidence { width: 100%; table-layout: fixed; }
table.evidence th { width: 26%; font-weight: 600; background: var(--soft);
  overflow-wrap: anywhere; }
table.evidence td { white-space: pre-wrap; overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0 8px; }
.fix-title { margin: 6px 0 2px; font-weight: 600; }
table.matrix td { font-size: 12px; }
tr.differs td:first-child { border-left: 4px solid var(--warn); }
.c-applied { background: #dafbe1; } .c-pending { background: #fff8c5; }
.c-failed, .c-dirty, .c-modified { background: #ffebe9; }
.c-ahead, .c-out_of_order { background: #ddf4ff; } .c-absent, .c-unknown { color: var(--muted); }
footer { margin-top: 32px; font-size: 12px; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .result, tr { break-inside: avoid; }
  pre { white-space: pre-wrap; }
}
)"_s;
}
