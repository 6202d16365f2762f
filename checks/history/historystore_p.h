// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the history store (history/historystore.h): the helpers its files share.

#include "history/historyrecords.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>

namespace HistoryDb {

// Times as the store keeps them: SQLite has no time type, so ISO 8601 UTC text with
// milliseconds ("2026-12-01T00:57:43.123Z"), which sorts as the times do; PostgreSQL a
// timestamptz, bound as a QDateTime (the session's TimeZone is UTC, set on open).
QVariant time(const QDateTime &t, bool postgres);
// A stored time read back: UTC, milliseconds; invalid for NULL.
QDateTime readTime(const QVariant &v);

// "applied", "pending", "failed", "dirty", "modified", "ahead", "out_of_order".
QString stateKey(MigrationEntry::State state);
std::optional<MigrationEntry::State> stateFromKey(const QString &key);
// The state of a migration_transitions row that ends a migration's sighting: a history the
// run read no longer lists it. Never a MigrationSighting's state.
inline const QString AbsentState = QStringLiteral("absent");
std::optional<CheckStatus> statusFromKey(const QString &key);

// v, with a null QString made empty (text columns are NOT NULL).
QVariant bindable(const QVariant &v);
// The driver's error as one line with its code once: "ERROR:  permission denied for table
// results (42501)". QPSQL's databaseText is libpq's message (its lines end in newlines, and
// DETAIL and HINT are lines of their own) with "(SQLSTATE)" already appended; QSQLITE's is
// one line without its code.
QString errorText(const QSqlError &e);
// Prepares and runs sql with values bound in order (positional "?"); errorText() of the
// driver's error in *error when it fails.
bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error);

// SQLite: puts the file in WAL mode unless it is. Switching needs the file to itself and
// SQLite answers SQLITE_BUSY at once rather than calling the busy handler when another
// process holds it (two first opens of a new store), so this retries for up to timeoutMs.
bool enableWal(QSqlDatabase &db, int timeoutMs, QString *error);

// Begins a write transaction: SQLite BEGIN IMMEDIATE (takes the write lock at once, so the
// busy timeout applies, rather than failing on a lock upgrade later); PostgreSQL BEGIN
// plus a transaction-level advisory lock on the store, so writers take turns: each reads
// the newest migration transitions and status changes and inserts what differs, and two at
// once would both insert the same change.
// Keeps a failed statement until commit() or rollback(): QPSQL frees it when its last
// QSqlQuery goes, which an aborted transaction refuses with a warning. q is left empty.
void park(QSqlQuery &q);
// Frees the parked statements now (before a connection is removed).
void dropParked();

bool begin(QSqlDatabase &db, bool postgres, QString *error);
bool commit(QSqlDatabase &db, QString *error);
void rollback(QSqlDatabase &db);

// The advisory lock key of the store ("doctor-history" as a 64-bit number).
inline constexpr qint64 AdvisoryLockKey = 0x646f63746f72484cLL;

} // namespace HistoryDb

namespace HistorySchema {

// One schema version: the statements that take a store from version - 1 to version, per
// dialect. A new version is one more Step at the end of steps(); every step of a store's
// upgrade runs in one transaction with the new version written last.
struct Step
{
    int version = 0;
    QStringList sqlite;
    QStringList postgres;
};

// The steps of this doctor, version 1 first.
const QList<Step> &steps();
// Tests only: replace steps() (nullopt restores them), to exercise an upgrade to a version
// this doctor does not have yet.
void overrideStepsForTest(std::optional<QList<Step>> steps);
// The newest version steps() reach.
int newestVersion();

// The store's schema_version: 0 when it has no store_meta table (a new or empty store);
// -1 with *error set when it cannot be read.
int readVersion(QSqlDatabase &db, bool postgres, QString *error);
// SQLite: the name of a table that is not one of the store's, or an empty string (*error set
// when the file cannot be read).
QString foreignTable(QSqlDatabase &db, QString *error);
// Runs steps found+1 .. newestVersion() in one transaction (re-reading the version inside
// it, under the write lock, so two openers do not both upgrade). False with *error set and
// the store as it was on failure.
bool upgrade(QSqlDatabase &db, bool postgres, QString *error);

} // namespace HistorySchema

namespace HistoryWrite {
// Writes run and results inside the caller's transaction, with INSERTs only. False with
// *error set.
bool record(QSqlDatabase &db, bool postgres, const HistoryRun &run,
    const QList<CheckResult> &results, QString *error);
} // namespace HistoryWrite

namespace HistoryQueries {
QList<StoredResult> results(
    QSqlDatabase &db, bool postgres, const HistoryFilter &filter, QString *error);
QList<MigrationSighting> migrations(QSqlDatabase &db, const QString &environment, QString *error);
QList<StatusSpan> currentSpans(
    QSqlDatabase &db, bool postgres, const QStringList &environments, QString *error);
QList<TimelinePoint> timeline(QSqlDatabase &db, const QString &environment, const QString &checkId,
    const QString &subject, QString *error);
// Inside the caller's transaction; the number of runs removed, -1 with *error set.
int prune(QSqlDatabase &db, bool postgres, const QDateTime &cutoff, QString *error);
} // namespace HistoryQueries

namespace HistoryLocation {
bool isPostgresUrl(const QString &location);
// Sets up a QPSQL connection from a postgresql:// URL read by libpq (PQconninfoParse):
// host, port, dbname, user and password through QSqlDatabase's setters, every other
// keyword as a connect option. False with *error set (never quoting the URL) when libpq
// refuses it.
bool configurePostgres(QSqlDatabase &db, const QString &url, QString *error);
} // namespace HistoryLocation
