// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QByteArray>
#include <QString>

// The report as CommonMark with GitHub's tables, for a ticket or a wiki: the same sections
// as ReportHtml (summary, migration matrix, each environment's results with evidence and the
// fixes of its deployment style). Text from the content is escaped so it never becomes
// markup: a '|' cannot split a table cell, a '<script>' or '[x](y)' stays text; fix commands
// sit in fences longer than any run of backticks they hold.
namespace ReportMarkdown {
QByteArray write(const ReportContent &content); // UTF-8
// Text escaped for inline use (a heading's or a line's rest): \ ` * [ ] < > | & ! ~, and _
// where it is not between two letters or digits (snake_case stays readable).
QString escape(const QString &text);
// Text as a paragraph of its own: escaped, a line that would start a heading, list or quote
// escaped at its start, line breaks kept as hard breaks.
QString paragraph(const QString &text);
// Text as a table cell: escaped, line breaks as <br> (a cell is one line).
QString cell(const QString &text);
// A fenced code block holding code verbatim.
QString fence(const QString &code);
} // namespace ReportMarkdown
