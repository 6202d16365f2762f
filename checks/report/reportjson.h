// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QByteArray>
#include <QJsonObject>

// The report as JSON, for tools: what ReportHtml shows, as data.
// {"reportVersion": 1, "runAt", "finishedAt" (UTC ISO 8601 with ms, null when unknown),
//  "doctorVersion", "redacted": bool,
//  "environments": [{"name", "deployment" (Deployment::key), "server": {"host", "port",
//      "database", "user"} (null where empty; null for none), "tls", "worst" (Status::key,
//      null without results), "counts": {"pass": n, ...} (statuses with results only)}],
//  "matrix": MatrixWriter::json() with every row (`doctor matrix --format json --all`),
//  "results": [ResultJson::toJson() ...]}
// A result's remediation.fixes keep every deployment style (as in `doctor run --format json`).
namespace ReportJson {
constexpr int ReportVersion = 1;
QJsonObject toJson(const ReportContent &content);
QByteArray write(const ReportContent &content); // indented UTF-8
} // namespace ReportJson
