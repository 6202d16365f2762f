// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QByteArray>
#include <QString>

// One result as a support engineer pastes it into a ticket or a chat: what was checked,
// where, when, the verdict and every piece of evidence. The dashboard's Copy, Copy as
// Markdown and Copy as JSON (context menu and Ctrl+C on a result). Never a password: the
// target is CheckTarget, which has none, and evidence holds none.
namespace ResultClipboard {
// "postgres db1:5432/app as doctor" (host list and port as configured); "sqlite PATH" for
// a SQLite target with only a database; empty when the result has no target.
QString targetText(const CheckTarget &target);

// Plain text, one "Key: value" line each, evidence indented below:
//   FAIL  prod · check.postgres.connectivity
//   Target: postgres db1:5432/app as doctor
//   Checked: 2025-03-01 14:02:07 (12 ms)
//   Message: Connection refused …
//   Evidence:
//     Reachable: false
//   Article: check.postgres.connectivity
// Lines without a value (no target, no time) are left out.
QString text(const CheckResult &result);

// The same as a Markdown section: a heading, a bullet list and an evidence table, with
// the characters Markdown would read as syntax in table cells escaped.
QString markdown(const CheckResult &result);

// The CLI's JSON report (ResultJson::report()) with this one result: runAt is when it
// was checked, doctorVersion is given. Parses as JSON; indented UTF-8.
QByteArray json(const CheckResult &result, const QString &doctorVersion);
} // namespace ResultClipboard
