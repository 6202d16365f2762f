// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;
struct CliOptions;

// Where `doctor run` and `doctor matrix` record their runs (history/historystore.h), from
// --history PATH_OR_URL and --no-history.
namespace RunHistory {

struct Target
{
    bool enabled = true; // false with --no-history
    QString location; // --history's value; empty: HistoryStore::defaultPath()
};

// Reads --history and --no-history into *target. --demo without --history records nothing
// (the demo's dev, staging and prod would mix with real environments of those names in the
// default store). Returns the exit code to stop with (ExitCode::Usage, message on stderr)
// when both are given or --history is empty.
std::optional<int> readTarget(const QCommandLineParser &p, const CliOptions &o, Target *target);

// The operating-system user running doctor: the password database's name for the effective
// uid, else $USER, else "uid <n>". Never a database role.
QString osUser();

// Records one CLI run (origin "cli", ranBy osUser(), this doctor's version) when target is
// enabled. A store that cannot be opened or written costs the history of this run only:
// prints "doctor: warning: run history not recorded: <error>" on stderr and returns false;
// the caller's report and exit code do not depend on it.
bool record(const Target &target, const QStringList &environments,
    const QList<CheckResult> &results, const QDateTime &startedAt, const QDateTime &finishedAt);

} // namespace RunHistory
