// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

class QCommandLineParser;
struct CliOptions;

// `doctor report --config envs.yaml --format html|md|json --output FILE [--redact]`: the
// report a customer can send. Runs the checks as `doctor run` does (DoctorRun::collect),
// records the run in the run history like it (--history, --no-history), and writes one file
// (report/reportformat.h): a summary per environment, every result with its evidence, the
// migration matrix, the fixes of each environment's deployment style. --redact replaces host,
// database, user and client names with aliases (ReportRedactor). No password is written,
// redacted or not. HTML is the default format; without --output the report goes to stdout.
namespace DoctorReport {
// Adds the option only `report` uses (--redact) to the shared parser.
void addOptions(QCommandLineParser &parser);
// Returns the exit code of the checks run (ExitCode::forResults, as `doctor run`), or Usage /
// CouldNotRun when it could not run or the file could not be written (written atomically
// with QSaveFile: a failed write leaves an earlier file as it was).
int run(const QCommandLineParser &p, const CliOptions &o);
} // namespace DoctorReport
