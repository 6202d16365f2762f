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
} // namespace ResultText
