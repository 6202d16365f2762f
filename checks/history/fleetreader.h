// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

// The fleet's latest state, read from a run-history store (history/historystore.h): per
// environment, the newest result of each (check, subject) and what they add up to. A value
// type: a worker thread reads it, the UI thread shows it.
struct FleetEnvironment
{
    QString name;
    CheckStatus worst = CheckStatus::Skipped; // the highest Status::rank of results
    QDateTime latest; // the newest checkedAt of its results (UTC); the age counts from it
    QDateTime oldest; // the oldest of its latest results: a check that stopped reporting
    QString shard; // the newest result's run's shard (`--shard I/N`'s I); may be empty
    // Its tags (the environments file's `tags:`) as the newest run that recorded any for it
    // gave them, sorted; empty when no run did or the store predates them (schema < 3).
    QStringList tags;
    QList<StoredResult> results; // its latest results, by checkId then subject
};

struct FleetSnapshot
{
    QList<FleetEnvironment> environments; // by name
    QDateTime readAt; // when the query ran (UTC): ages are relative to it
    bool hasShards = false; // the store's runs have a shard column (schema version 2 on)
    bool hasTags = false; // the store has the environment_tags table (schema version 3 on)
    qint64 queryMs = 0; // the query and reading its rows, milliseconds
};

// Reads a store written by HistoryStore, SELECT only: a role with SELECT on the store's
// tables is enough (the store is neither created nor upgraded; a store without the tables is
// an error). Opens its own QSqlDatabase connection in the calling thread, which must also
// use and destroy it (QSqlDatabase's rule): the dashboard makes one per load, on a pool
// thread.
//
// The `latest` view of schema version 2 answers the same question; this reader does not
// need it, so a version 1 store (no view, no shard) and a version 2 one (no tags) are read
// too.
class FleetReader
{
public:
    FleetReader();
    ~FleetReader(); // closes and removes its connection
    FleetReader(const FleetReader &) = delete;
    FleetReader &operator=(const FleetReader &) = delete;

    // location as HistoryStore::open() takes it: a SQLite file (opened read-only, never
    // created) or a postgresql:// URL read by libpq (the password from the URL, PGPASSWORD or
    // the pgpass file). False with errorString() set.
    bool open(const QString &location);
    // The latest result of each (environment, checkId, subject): the one with the newest
    // checkedAt (ties: the one stored last), in one query (PostgreSQL DISTINCT ON over the
    // results_subject index; SQLite a correlated MAX per key over the same index), joined to
    // its run for the shard. now is the time ages are measured from (readAt). An empty
    // snapshot with errorString() set on failure; an empty store gives an empty snapshot.
    FleetSnapshot read(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The check's stored results for environment and subject, oldest first, as
    // HistoryStore::timeline() gives them (the same SELECT); empty with errorString() set on
    // failure.
    QList<TimelinePoint> timeline(
        const QString &environment, const QString &checkId, const QString &subject);
    // The current state of every migration of every environment (the newest sighting of
    // each, MigrationSighting::current), as HistoryStore::migrations() gives them (the same
    // SELECT, HistoryQueries::migrations), by environment, tool, history and first seen: what
    // the fleet's migration matrix shows. Empty with errorString() set on failure, also for a
    // store older than schema version 3 (no migration_transitions): it says to upgrade it.
    QList<MigrationSighting> currentMigrations();
    // What went wrong, naming the store (HistoryStore::displayLocation, never a password).
    QString errorString() const { return m_error; }
    // The SQL read() runs, for the benchmark's baseline (psql -c of the same text).
    static QString latestQuery(bool postgres, bool withShard);
    // The SQL of the tags: (environment, tag) of each environment's newest run that recorded
    // tags for it, by environment and tag. One statement for both dialects.
    static QString tagsQuery();

private:
    void fail(const QString &what);
    // Adds each environment's tags (tagsQuery) to snapshot's; false with errorString() set.
    bool readTags(QSqlDatabase &db, FleetSnapshot *snapshot);

    QString m_connection;
    QString m_location;
    QString m_error;
    bool m_postgres = false;
    bool m_hasShards = false;
    bool m_hasTags = false;
    bool m_hasMigrationStates = false; // migration_transitions (schema version 3 on)
};
