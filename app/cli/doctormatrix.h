// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

class QCommandLineParser;
struct CliOptions;

// `doctor matrix --config F [--format text|json|csv] [--all]`: which migration is where.
// Runs the checks live over the environments (as `doctor run`, through DoctorRun::collect),
// records the run in the run history like `doctor run` (--history, --no-history), builds
// the cross-environment matrix (MigrationMatrices::build) with each cell's first-seen time
// from the history, and prints it (report/matrixwriter.h). Rows that differ by default;
// --all prints every migration.
namespace DoctorMatrix {

// The checks run when no --check is given: the migrations check, which fills the cells, and
// the connectivity check, so that an environment that cannot be reached shows fail in its
// column's worst status instead of a quiet column of unknown cells. A column's worst status
// is over the checks run; --check (repeatable) chooses others, e.g. every check.
QStringList defaultChecks();

// Returns the exit code of the checks run (ExitCode::forResults, as `doctor run`), or
// Usage / CouldNotRun when it could not run or the output could not be written.
int run(const QCommandLineParser &p, const CliOptions &o);

} // namespace DoctorMatrix
