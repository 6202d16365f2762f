// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QByteArray>
#include <QString>
#include <optional>

// The report's file formats, chosen by `doctor report --format` and the dashboard's Export
// Report dialog: one place maps a key to its writer.
namespace ReportFormat {
enum class Format { Html, Markdown, Json };
// "html", "md", "json"; nothing for another key.
std::optional<Format> fromKey(const QString &key);
QString key(Format format);
QString suffix(Format format); // "html", "md", "json": the file name's
QString title(Format format); // "HTML", "Markdown", "JSON"
QList<Format> all();
// The file's bytes: ReportHtml::write, ReportMarkdown::write or ReportJson::write.
QByteArray render(const ReportContent &content, Format format);
} // namespace ReportFormat
