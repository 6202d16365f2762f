#pragma once

#include "checkresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// The JSON report: the stable interface others script against. Bump SchemaVersion
// only deliberately; tst_resultjson pins the shape.
namespace ResultJson {
constexpr int SchemaVersion = 1;
QJsonObject toJson(const CheckResult &result);
QByteArray report(const QList<CheckResult> &results);
} // namespace ResultJson
