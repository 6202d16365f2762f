// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/deploymentstyle.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

// The one result contract shared by the GUI, the CLI, JSON output and the tests.
// Plain values only: results are built on worker threads and copied to the UI thread.

// Pass, Warn, Fail: the check ran and this is its verdict. Error: it ran but could not
// decide (a permission, a timeout, a lost session). NotRun: it did not run because what it
// needs is missing (no connection); another result of the environment is the root cause and
// says why. Skipped: not applicable, or cancelled.
enum class CheckStatus { Pass, Warn, Fail, Error, Skipped, NotRun };

namespace Status {
// "pass", "warn", "fail", "error", "skipped", "not_run": the JSON report's values.
QString key(CheckStatus status);
// How bad a status is, higher is worse: an environment's badge is its highest, the
// dashboard selects the highest after a run and sorts the Status column by it.
//   Skipped 0 < Pass 1 < Warn 2 < NotRun 3 < Error 4 < Fail 5
// Fail is the worst: a confirmed problem, and a failed connection is connectivity's Fail,
// so an environment that cannot be reached shows red. Error (the check could not decide)
// is next, so it never looks better than anything but a verdict of Fail. NotRun ranks
// under Error because it is a consequence: its root cause is a Fail or Error of the same
// environment, which outranks it; above Warn because nothing is known.
// The CLI's exit code is not this order (app/cli/exitcode.h).
int rank(CheckStatus status);
} // namespace Status

struct FixSuggestion
{
    DeploymentStyle deployment = DeploymentStyle::Compose;
    QString title;
    QString command;
};

struct Remediation
{
    QString article; // KB article id, which is the check id
    QStringList runbooks;
    QList<FixSuggestion> fixes;
};

using Evidence = QList<QPair<QString, QVariant>>; // ordered key/value

// The server a result was checked on, as the environment's connection names it (a libpq
// host list stays a comma-separated list). Never the password. Empty for hand-made results.
struct CheckTarget
{
    QString host; // empty: libpq's default (the local socket); empty for SQLite
    QString port; // empty: libpq's default, 5432
    QString database; // SQLite: the database file
    QString user;
};

struct CheckResult
{
    QString environment;
    QString checkId;
    // What within the environment the result is about, when a check reports on several
    // things of one environment: the migrations check's "<tool> <schema>.<table>" (one result
    // per migration history, e.g. "flyway public.flyway_schema_history"). Empty: the
    // environment as a whole. (environment, checkId, subject) names a result.
    QString subject;
    QString plugin;
    CheckStatus status = CheckStatus::Skipped;
    QString severity;
    QString category;
    QString message;
    qint64 durationMs = 0;
    Evidence evidence;
    Remediation remediation;
    // What a check reports beyond the common fields, as a type of its own room, so the
    // engine needs to know none of them: the migrations check's rows are a
    // QList<MigrationEntry> (migrations/migrationentry.h), read with
    // details.value<QList<MigrationEntry>>(). Invalid when a check has nothing more.
    QVariant details;
    quint64 generation = 0; // the run this result belongs to
    QDateTime checkedAt; // when the runner finished it (local time); invalid for hand-made results
    CheckTarget target; // set by CheckRunner from the environment's connection

    QVariant evidenceValue(const QString &key) const;
};

Q_DECLARE_METATYPE(CheckResult)
