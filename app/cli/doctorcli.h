// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

// The `doctor` command line: run, list and kb. It lives in the core so the CLI's
// main() stays a composition root and the tests can drive it in-process.
namespace DoctorCli {
enum ExitCode { AllPassed = 0, SomeWarn = 1, SomeFail = 2, CouldNotRun = 3, Usage = 64 };
// Runs the command in arguments (argv[0] first). Needs a QCoreApplication; prints to
// stdout/stderr and returns the process exit code.
int run(const QStringList &arguments);
} // namespace DoctorCli
