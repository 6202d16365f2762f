// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/exitcode.h"

ExitCode::Code ExitCode::forResults(const QList<CheckResult> &results)
{
    Code code = AllPassed;
    for (const CheckResult &r : results) {
        switch (r.status) {
        case CheckStatus::Warn:
            code = qMax(code, SomeWarn);
            break;
        case CheckStatus::Fail:
            code = qMax(code, SomeFail);
            break;
        case CheckStatus::Error:
        case CheckStatus::NotRun:
            code = qMax(code, CouldNotRun);
            break;
        case CheckStatus::Pass:
        case CheckStatus::Skipped:
            break;
        }
    }
    return code;
}
