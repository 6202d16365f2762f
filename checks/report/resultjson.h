// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

// The JSON report: the stable interface others script against. Bump SchemaVersion
// only deliberately; tst_resultjson pins the shape.
// Version 2: status may be "not_run" (Status::key()); such a result has no fixes, its
// remediation.article and evidence RootCause name the check whose result is the cause.
// Keys are only ever added within a version: runAt, doctorVersion and each result's server
// came with version 2 too.
// Version 3: a check may give several results for one environment, told apart by the
// result's "subject" (present only then): the migrations check gives one per migration
// history ("flyway public.flyway_schema_history"). A reader keyed on (environment, checkId)
// alone would lose all but one, hence the new version. JSON Schema: docs/report.schema.json.
namespace ResultJson {
constexpr int SchemaVersion = 3;
// What the report says about the run as a whole.
struct RunInfo
{
    QDateTime startedAt; // "runAt": UTC, ISO 8601 with milliseconds; null when invalid
    QString doctorVersion; // "doctorVersion": the doctor that ran the checks
};
// One result; "server" is its CheckTarget {host, port, database, user}, null where the
// connection leaves libpq's default.
QJsonObject toJson(const CheckResult &result);
// {"schemaVersion", "runAt", "doctorVersion", "results": [toJson()...]}, indented UTF-8.
QByteArray report(const QList<CheckResult> &results, const RunInfo &run);
} // namespace ResultJson
