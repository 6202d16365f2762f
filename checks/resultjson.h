#pragma once

#include "checkresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// The JSON report: the stable interface others script against. Bump SchemaVersion
// only deliberately; tst_resultjson pins the shape.
// Version 2: status may be "not_run" (Status::key()); such a result has no fixes, its
// remediation.article and evidence RootCause name the check whose result is the cause.
namespace ResultJson {
constexpr int SchemaVersion = 2;
QJsonObject toJson(const CheckResult &result);
QByteArray report(const QList<CheckResult> &results);
} // namespace ResultJson
