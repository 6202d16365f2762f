// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QList>

// The `doctor` command's exit codes, defined once for every command (run, list, kb).
namespace ExitCode {

enum Code {
    AllPassed = 0, // every result pass or skipped; a command that did what it was asked
    SomeWarn = 1, // the worst result is a warning
    SomeFail = 2, // the worst result is a fail (kb lint: a finding)
    CouldNotRun = 3, // a check could not decide (error) or did not run (not_run); an I/O error
    // doctor run --store: the shared results store could not be reached, was missing or at
    // an older schema, or refused the write; the report was still written (RELIABILITY
    // 25). doctor store init|upgrade: the store could not be created or upgraded.
    StoreFailed = 4,
    // doctor run --push: the Pushgateway could not be reached or refused the metrics; the
    // report was still written (RELIABILITY 25). Outranks 0-3: the results are in the report.
    PushFailed = 5,
    Usage = 64, // bad arguments or configuration (sysexits.h EX_USAGE)
};

// The exit code of a run: the highest of its results' codes. A closed port gives
// CouldNotRun: connectivity fails (SomeFail) and the other checks are not run.
Code forResults(const QList<CheckResult> &results);

} // namespace ExitCode
