// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "postgres/locksession.h"

#include <QList>
#include <QString>

// The blocking chains of check.postgres.locks, built from the sessions it read: every
// session of the database that waits for a lock and every session it waits for,
// transitively (pg_blocking_pids() followed to the end). Pure logic, no database.
namespace BlockingTree {

// The sessions to report: each chain (the sessions linked by blockedBy) in which some session
// has waited for at least minWaitSec, whole. blockedBy keeps only pids among SESSIONS (a
// blocker that ended between two reads of the lock table is gone), ddl is set (isDdl) on
// waiting sessions, waitersDirect and waitersTotal are counted. Order: root blockers (empty
// blockedBy) first, most sessions behind them first, then the waiting sessions, longest
// wait first; ties by pid. In a deadlock cycle every session has a blocker, so no root.
QList<LockSession> build(const QList<LockSession> &sessions, double minWaitSec);

// The roots of a list build() returned: the sessions that wait for no other session.
QList<LockSession> roots(const QList<LockSession> &sessions);

// Whether a waiting session is a schema change, a blocked migration: a statement of QUERY
// starts with ALTER, CREATE, DROP, TRUNCATE, REINDEX, CLUSTER, VACUUM, REFRESH (a
// materialized view) or LOCK (EF Core's migration lock, LOCK TABLE
// "__EFMigrationsHistory"). Comments and string contents do not count. When the query is
// hidden (empty: the role lacks pg_read_all_stats), a wait for AccessExclusiveLock counts:
// only DDL, LOCK TABLE and VACUUM FULL ask for that mode (PostgreSQL's "Explicit Locking").
bool isDdl(const QString &query, const QString &waitedMode);

} // namespace BlockingTree
