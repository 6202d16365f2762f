// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

class QCommandLineParser;
struct CliOptions;

// `doctor run`: read the environments (RunEnvironments), apply the command line's settings
// over them, run the checks, write the report (text or JSON, stdout or --output) and record
// the run in the run history (HistoryStore) unless --no-history.
namespace DoctorRun {

// What collect() gathered: the environments as checked and their results.
struct Collected
{
    // Set when the command must stop before or instead of a report: the exit code
    // (ExitCode::Usage, CouldNotRun); the message has been written to stderr.
    std::optional<int> exitCode;
    QList<Environment> environments; // after the command line's overrides, in source order
    // In a stable order: environment order, then the registry's check order, whatever order
    // the threads finished in, so reports are reproducible.
    QList<CheckResult> results;
    QDateTime startedAt; // UTC, when the checks started
    QDateTime finishedAt; // UTC, when the last result came
    QString shard; // --shard's index I ("0" without it): the environments are shard I's
};

// Loads the environments the arguments name (--config, --connection, --appsettings,
// --demo, --env), applies the overrides (timeouts, --context, --tool, --per-server, ...),
// reads --kb, --check and --parallel, keeps --shard's environments, and runs the checks.
// Writes no report and records no history. Warnings (secret-file permissions,
// knowledge-base errors) go to stderr.
// defaultChecks: the checks run when no --check is given (empty: every registered check);
// `doctor matrix` passes its own. The demo's temporary databases are removed on return.
Collected collect(
    const QCommandLineParser &p, const CliOptions &o, const QStringList &defaultChecks = {});

// Returns the exit code (ExitCode): the run's worst result, or Usage / CouldNotRun when it
// could not start or the report could not be written (messages on stderr). A history that
// cannot be written prints a warning and changes neither the report nor the exit code.
// --push: after the report, the run's OpenMetrics go to the Pushgateway; when that fails,
// the error names the URL and the exit code is PushFailed (the report is still written).
int run(const QCommandLineParser &p, const CliOptions &o);

} // namespace DoctorRun
