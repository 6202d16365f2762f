// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What `doctor history` prints: the stored results and the migration sightings, as an
// aligned text table or as JSON for scripts. Times UTC, ISO 8601 with milliseconds.
namespace HistoryListing {

constexpr int SchemaVersion
    = 1; // of the JSON below; a new member keeps it, a changed one raises it

// One migration of one environment's history, from its sightings (HistoryStore::migrations).
struct MigrationLine
{
    QString environment;
    QString tool;
    QString history;
    QString migrationId;
    MigrationEntry::State state = MigrationEntry::State::Applied; // the current sighting's
    QDateTime since; // the current sighting's first run
    QDateTime lastSeen; // the current sighting's newest run
    QDateTime firstSeenApplied; // the earliest sighting as applied; invalid when never
    QDateTime firstSeenPending; // the earliest sighting as pending; invalid when never
    QList<MigrationSighting> sightings; // in the store's order
    // false: no sighting is current, so the history no longer lists it (the store's newest
    // transition of it is 'absent': a row deleted, a rollback without an expected set) or
    // its current sighting was pruned; state, since and lastSeen are then the newest
    // sighting's, and the listings say "absent" with no since.
    bool listed = true;
};

// Groups sightings per (environment, tool, history, migration), in the order of each
// group's first sighting (the store gives them by first sighting).
QList<MigrationLine> migrationLines(const QList<MigrationSighting> &sightings);

// CHECKED AT, ENVIRONMENT, CHECK, SUBJECT (only when a result has one), STATUS, MESSAGE
// (its first line), newest first as given; "No results ..." when empty.
QString resultsText(const QList<StoredResult> &results);
// {"schemaVersion", "store", "results": [{"runId", "checkedAt", "environment", "checkId",
//  "subject", "status", "severity", "message", "evidence", "durationMs"}]}
QByteArray resultsJson(const QString &store, const QList<StoredResult> &results);

// ENVIRONMENT (only when several), HISTORY (only when several), MIGRATION, STATE, SINCE,
// FIRST SEEN APPLIED, FIRST SEEN PENDING ("-" when never).
QString migrationsText(const QList<MigrationLine> &lines);
// {"schemaVersion", "store", "migrations": [{"environment", "tool", "history",
//  "migrationId", "state", "since", "lastSeen", "firstSeenApplied", "firstSeenPending"
//  (null when never), "sightings": [{"state", "firstSeen", "lastSeen", "current"}]}]}
QByteArray migrationsJson(const QString &store, const QList<MigrationLine> &lines);

QString stateKey(MigrationEntry::State state); // "applied", "pending", ... "out_of_order"
QString isoTime(const QDateTime &t); // UTC ISO 8601 with ms; empty when invalid

} // namespace HistoryListing
