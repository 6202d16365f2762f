// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QCommandLineParser;
struct CliOptions;

// Where `doctor run` and `doctor matrix` record their runs (history/historystore.h), from
// --history PATH_OR_URL, --no-history and --store URL.
//
// --history is the private run history: a SQLite file (or a team's postgresql:// store)
// that doctor creates and upgrades itself, and that failing to write only warns about.
// --store is the shared results store a scheduled job writes (issue 19): a postgresql://
// URL whose schema `doctor store init|upgrade` made; the job never runs DDL (a missing or
// older store is refused), its role needs no CREATE, and a failed write is an error with
// its own exit code (ExitCode::StoreFailed). --store replaces the run history for that run.
namespace RunHistory {

struct Target
{
    bool enabled = true; // false with --no-history
    QString location; // --history's value; empty: HistoryStore::defaultPath()
    bool shared = false; // --store: location is the shared store, opened RequireCurrent
};

// Reads --history and --no-history into *target. --demo without --history records nothing
// (the demo's dev, staging and prod would mix with real environments of those names in the
// default store). Returns the exit code to stop with (ExitCode::Usage, message on stderr)
// when both are given or --history is empty, or --store is given with either of them or
// is not a postgresql:// URL.
std::optional<int> readTarget(const QCommandLineParser &p, const CliOptions &o, Target *target);

// The operating-system user running doctor: the password database's name for the effective
// uid, else $USER, else "uid <n>". Never a database role.
QString osUser();

// Records one CLI run of environments (their names in order, and each one's tags from the
// environments file: HistoryRun::tags; origin "cli", ranBy osUser(), this doctor's version,
// shard: --shard's index) when target is enabled. A store that cannot be opened or written
// costs the history of this run only: prints "doctor: warning: run history not recorded:
// <error>" on stderr (--store: "doctor: error: results store not written: <error>", naming
// the store without its password) and returns false; the report is not touched.
bool record(const Target &target, const QList<Environment> &environments,
    const QList<CheckResult> &results, const QDateTime &startedAt, const QDateTime &finishedAt,
    const QString &shard = {});

} // namespace RunHistory
