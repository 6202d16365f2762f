// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/historydetection.h"
#include "migrations/migrationlocks.h"

struct QueryResult;

// The statements that show who is migrating: the lock probe the migrations check sends in
// its plan (pg_locks joined to pg_stat_activity: catalog views, which never wait on a
// table's lock), and the read of a tool's lock row sent with the histories' rows.
namespace MigrationLockProbe {
// The probe. Rows: locktype ('relation' | 'advisory'), schema, table (relation locks),
// classid, objid, objsubid (advisory), mode, granted, then the session (lockHolder()'s
// columns), then current_database(). Only locks of other sessions in this database: relation
// locks stronger than ACCESS SHARE on tables named as histories or lock tables
// (HistoryDetection::relationFilter()), and every advisory lock (the tools' keys depend on
// names the check learns from the answer).
QString statement();

struct Answer
{
    QString database; // current_database(), empty when no lock was seen
    QList<LockSighting> sightings;
};
Answer fromAnswer(const QueryResult &answer);

// The read of H's lock row (Liquibase's databasechangeloglock, Knex's knex_migrations_lock
// in the history's schema, when the catalog saw the table beside it): only set rows, each
// with every other client session of the database (the holder's candidates). Empty for
// other tools or when the lock table is not there. Reading it takes ACCESS SHARE only.
QString lockRowStatement(const DetectedHistory &h);
// The verdict on an answered lockRowStatement(): State::None when no row is set.
MigrationLock fromLockRows(const DetectedHistory &h, const QueryResult &answer);
} // namespace MigrationLockProbe
