// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"
#include "migrations/historydetection.h"
#include "migrations/migrationlocks.h"

// What a migration lock (migrations/migrationlocks.h) does to the migrations check's result
// for a history. Evidence (stable keys, the UI's badge and the KB's fixes read them):
// MigrationLock ("in-progress" | "stale"), LockKind ("relation" | "advisory" | "lock-row"),
// LockHolderPid (int), LockHolderApplication, LockHolderClient, LockHolderState,
// LockHolderTransactionSeconds (double, one decimal), LockHolderQueryStart (ISO 8601), the
// holder's keys only when a session was found; LockDetail (what was seen, for people).
namespace MigrationLockResult {
// Adds the lock to R, a result on HISTORY ("Flyway history public.flyway_schema_history"):
// in progress, the status is at least Warn (golang-migrate's dirty flag and Prisma's
// unfinished row are what a running migration writes: Warn, not Fail) and the message
// starts with "Migration in progress: ..."; stale, the status is Fail and the message starts
// with "Stale migration lock: ...". Nothing when the lock is not set.
void apply(CheckResult *r, const MigrationLock &lock, const QString &history);
// The message's first part: "<history>: pid N (app, client C) holds ... : active, in a
// transaction for 12.5 s, statement started T".
QString describe(const MigrationLock &lock, const QString &history);
// The result for history H when it was not read: another session holds or awaits ACCESS
// EXCLUSIVE on it (a SELECT would wait behind it until lock_timeout). Evidence: EF Core's
// configured history (EFCORE) keeps the seed's keys (TableExists true, AppliedCount and
// PendingCount "unknown", LatestApplied and PendingMigrations null), others start with
// Tool, HistorySchema, HistoryTable; Status "in-progress" or "stale-lock"; then apply()'s.
CheckResult notRead(const Check &check, const CheckContext &ctx, const DetectedHistory &h,
    bool efCore, const MigrationLock &lock);
} // namespace MigrationLockResult
