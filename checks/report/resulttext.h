// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QList>
#include <QString>

// What a person reads in a terminal: one line per result, then its evidence indented.
namespace ResultText {
QString evidenceValue(const QVariant &value); // lists joined, maps as k=v, null as "-"
QString format(const QList<CheckResult> &results, bool colour);
// 0 all pass (or skipped), 1 some warn, 2 some fail, 3 some could not run (error or
// not_run); the highest applies. A closed port gives 3: connectivity fails (2) and the
// other checks are not run (3).
int exitCode(const QList<CheckResult> &results);
} // namespace ResultText
