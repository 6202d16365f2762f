#pragma once

#include "checkresult.h"

#include <QList>
#include <QString>

// What a person reads in a terminal: one line per result, then its evidence indented.
namespace ResultText {
QString evidenceValue(const QVariant &value); // lists joined, maps as k=v, null as "-"
QString format(const QList<CheckResult> &results, bool colour);
int exitCode(const QList<CheckResult> &results); // 0 pass, 1 warn, 2 fail, 3 could not run
} // namespace ResultText
