// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The values the run-history store (history/historystore.h) writes and reads. Every time
// is UTC with millisecond precision, as the store keeps it.

// One run of the dashboard or of `doctor run`.
struct HistoryRun
{
    QString id; // a UUID without braces; HistoryStore::record() makes one when empty
    QDateTime startedAt;
    QDateTime finishedAt;
    QString ranBy; // the operating-system user who ran it (never a database role's secret)
    QString doctorVersion;
    QString origin; // "cli" or "dashboard"
    QStringList environments; // the environments the run checked, in the run's order
    QString shard; // `doctor run --shard I/N`'s I, "0" without it; empty: the dashboard
    QHash<QString, QStringList> tags; // environment -> its tags in the run's environments file
};

// One result as the store keeps it.
struct StoredResult
{
    QString runId;
    QDateTime checkedAt;
    QString environment;
    QString checkId;
    QString subject; // CheckResult::subject
    CheckStatus status = CheckStatus::Skipped;
    QString severity;
    QString message;
    QJsonObject evidence; // the evidence as ResultJson writes it ({"key": value, ...})
    qint64 durationMs = 0;
};

// A migration of one environment's history seen in one state, from the first to the last
// run that saw it so. A migration that went pending -> applied has two sightings; the
// applied one's firstSeen answers "since when is it in prod?" (EF Core records no time).
struct MigrationSighting
{
    QString environment;
    QString tool; // MigrationTools::key()
    QString history; // schema.table
    QString migrationId;
    MigrationEntry::State state = MigrationEntry::State::Applied;
    QDateTime firstSeen;
    QDateTime lastSeen;
    bool current = false; // the newest sighting of this migration in this environment
};

// How long a result has been in its status: the newest span of equal status of
// (environment, checkId, subject). A status change starts a new span.
struct StatusSpan
{
    QString environment;
    QString checkId;
    QString subject;
    CheckStatus status = CheckStatus::Skipped;
    QDateTime since; // the first run of the span
    QDateTime lastSeen; // its newest run
};

// One run's result of one check, for a timeline.
struct TimelinePoint
{
    QString runId;
    QDateTime at; // checkedAt
    CheckStatus status = CheckStatus::Skipped;
    QString message;
    int pendingCount = -1; // the migrations check's PendingCount evidence; -1 elsewhere
};

// What `doctor history` lists. Empty fields do not filter; limit 0 means no limit.
struct HistoryFilter
{
    QString environment;
    QString checkId;
    QDateTime since; // results checked at or after
    int limit = 0;
};
