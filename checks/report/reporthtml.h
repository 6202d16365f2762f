// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QByteArray>

// The report as one self-contained HTML file for a person: a summary per environment (worst
// status and counts), the migration matrix, then each environment's results with their
// evidence and the fix commands of its deployment style. Inline CSS only (printable: an
// @media print block), no script, no external resource: the only links are to anchors in
// the file; runbooks are plain text. Every text from the content is escaped
// (QString::toHtmlEscaped), so a message holding "<script>" shows as text.
namespace ReportHtml {
// UTF-8 HTML5.
QByteArray write(const ReportContent &content);
} // namespace ReportHtml
