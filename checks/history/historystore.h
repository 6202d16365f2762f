// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

// The run-history store: every run, each result, and when each migration was first and last
// seen in each state. One SQLite file by default (the user's data folder); a postgresql://
// URL selects a shared PostgreSQL database with the same tables, so a team shares one
// history. The store has its own schema version and upgrades itself, in one transaction, on
// open; a store written by a newer doctor is refused and left as it is.
//
// Threads: QSqlDatabase's rule applies (ARCHITECTURE.md). A HistoryStore opens its own
// connection (unique name) in the thread that calls open() and must be used and destroyed
// in that thread; the dashboard makes one per worker job.
//
// Secrets: no password reaches the store. A postgresql:// location's password is taken
// from libpq's usual sources (PGPASSWORD, the pgpass file) when the URL has none, and
// errorString() and displayLocation() never show one.
class HistoryStore
{
public:
    // 2: runs.shard and the `latest` view; 3: environment_tags
    static constexpr int SchemaVersion = 3;

    // What open() may do to the schema. Only `doctor store init|upgrade` and a private
    // store (--history, the dashboard) run DDL; the scheduled job (`doctor run --store`)
    // opens with RequireCurrent, so its role needs no CREATE.
    enum class SchemaPolicy {
        CreateOrUpgrade, // create a new store, upgrade an older one (--history, dashboard)
        RequireCurrent, // refuse a missing or older store: "run doctor store upgrade URL"
        CreateOnly, // doctor store init: create a new one; refuse an older one; current: ok
        UpgradeOnly, // doctor store upgrade: upgrade an existing one; refuse a missing one
    };

    HistoryStore();
    ~HistoryStore(); // closes and removes its connection
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // The default store, one file for the dashboard and the CLI:
    // QStandardPaths::GenericDataLocation + "/doctor-dashboard/history.sqlite"
    // (~/.local/share/doctor-dashboard/history.sqlite on Linux). Not AppDataLocation: that
    // follows the application name ("doctor" and "doctor-dashboard"), so the two would
    // keep two histories.
    static QString defaultPath();
    // location for people: the path, or the URL with any password removed.
    static QString displayLocation(const QString &location);
    // True for a "postgresql://" or "postgres://" location (a PostgreSQL store).
    static bool isPostgresLocation(const QString &location);

    // Opens (creating it, and its folder, on first use) the store at location: empty means
    // defaultPath(); "postgresql://" or "postgres://" a shared PostgreSQL store; anything
    // else a SQLite file. Creates or upgrades the schema in one transaction. Returns false
    // with errorString() set when it cannot be reached, written, or was written by a newer
    // schema version (then nothing in it is changed). SQLite runs in WAL mode with a busy
    // timeout, so two processes may write at once.
    // policy says which schema changes open() may make; a refused one leaves the store as
    // it is, with errorString() saying which command to run.
    bool open(const QString &location, SchemaPolicy policy = SchemaPolicy::CreateOrUpgrade);
    bool isOpen() const;
    // What went wrong last, naming the store (displayLocation) and what to do.
    QString errorString() const;
    // The schema version found on open (before any upgrade); 0 for a new store.
    int foundSchemaVersion() const;
    // PostgreSQL: the schema the store's tables are in (current_schema(), from the URL's
    // options=-csearch_path=... or the role's search_path); empty for SQLite or on error.
    QString schemaName() const;

    // Records run, its tags (run.tags, environment_tags) and its results in one transaction,
    // and for each migrations result (details: QList<MigrationEntry>) the run's check of each
    // history it lists and the migrations whose state changed since their newest transition
    // (a migration of those histories no longer listed: a transition to "absent"). Every
    // write is an INSERT; sightings' last seen and the status spans are derived on reading.
    // Returns false (errorString() set, the store unchanged) on any failure: a full disk or
    // an unwritable store costs this history, never the run. A run id already in the store
    // is refused whole (no result is ever stored twice); of results repeating an
    // (environment, checkId, subject) the first is kept. Transitions and status changes follow
    // the order runs are recorded in; a last seen, the newest check or result in its span,
    // never moves back.
    // Writers take turns: SQLite BEGIN IMMEDIATE (waiting up to 30 s for another process),
    // PostgreSQL a transaction-level advisory lock on the store (pg_advisory_xact_lock, which
    // PUBLIC may execute), so two never both insert one transition. The PostgreSQL role of a
    // writer needs USAGE on the schema and SELECT and INSERT on its tables (no UPDATE, no
    // DELETE: doctor store init|upgrade prints the GRANTs); DELETE for prune(); CREATE on
    // the schema only while open() creates or upgrades it. The identity columns need no
    // sequence grant.
    bool record(HistoryRun run, const QList<CheckResult> &results);

    // Results matching filter, newest first.
    QList<StoredResult> results(const HistoryFilter &filter) const;
    // Every sighting of every migration of environment, ordered by tool, history, the
    // migration's first sighting, then state's first seen. Empty environment: all of them.
    QList<MigrationSighting> migrations(const QString &environment) const;
    // The newest span of each (environment, checkId, subject) of these environments (all
    // when empty).
    QList<StatusSpan> currentSpans(const QStringList &environments) const;
    // The check's results for environment and subject, oldest first.
    QList<TimelinePoint> timeline(
        const QString &environment, const QString &checkId, const QString &subject) const;
    // Deletes runs that started before cutoff, with their results, tags and checks, and
    // the migration sightings and status spans last seen before it (an admin's command: the
    // writer never deletes). Returns the number of runs removed, or -1 (errorString() set).
    int prune(const QDateTime &cutoff);

private:
    void close();
    bool openConnection(QSqlDatabase &db);
    bool prepareSchema(QSqlDatabase &db);
    bool readable() const; // open, or m_error set
    // Sets m_error to "history store <displayLocation>: <what>. <todo>".
    void fail(const QString &what, const QString &todo) const;

    QString m_connection; // the QSqlDatabase connection name; empty until open()
    QString m_location;
    mutable QString m_error; // the readers are const and report too
    int m_foundVersion = 0;
    bool m_postgres = false;
    SchemaPolicy m_policy = SchemaPolicy::CreateOrUpgrade;
};
