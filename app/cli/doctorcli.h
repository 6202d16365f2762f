// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

// The `doctor` command line: parses the arguments and hands them to the command (run,
// list, kb). Blocking; runs the event loop while checks run.
namespace DoctorCli {

// Returns the process exit code (cli/exitcode.h): for run, the worst result; 64 for bad
// arguments, with the message and "Try 'doctor --help'" on stderr.
int run(const QStringList &arguments);

} // namespace DoctorCli
