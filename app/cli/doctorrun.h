// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

class QCommandLineParser;
struct CliOptions;

// `doctor run`: read the environments (RunEnvironments), apply the command line's settings
// over them, run the checks, write the report (text or JSON, stdout or --output).
namespace DoctorRun {

// Returns the exit code (ExitCode): the run's worst result, or Usage / CouldNotRun when it
// could not start or the report could not be written (messages on stderr).
int run(const QCommandLineParser &p, const CliOptions &o);

} // namespace DoctorRun
