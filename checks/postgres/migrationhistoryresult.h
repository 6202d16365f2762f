// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"
#include "migrations/expectedmigrations.h"
#include "migrations/historydetection.h"
#include "migrations/migrationstates.h"

// The migrations check's result for one history of a tool other than EF Core's configured
// one (that one keeps the seed's result, built in migrationscheck.cpp). Every result names
// its history in CheckResult::subject and in the evidence Tool, HistorySchema, HistoryTable.
namespace MigrationHistoryResult {
// The verdict on a history that was read: Fail for failed, dirty or modified migrations,
// Warn for pending (or out of order, or several Alembic heads), Pass otherwise (ahead alone
// is a note). Evidence: TableExists, AppliedCount, PendingCount ("unknown" without an
// expected set), LatestApplied, LatestAppliedAt, PendingMigrations, FailedMigrations,
// ModifiedMigrations, AheadMigrations, OutOfOrderMigrations, FailureText, Heads, Status
// (up-to-date, pending, failed, dirty, modified, unknown). details: the entries.
CheckResult verdict(const Check &check, const CheckContext &ctx, const DetectedHistory &history,
    const HistoryStates &states, const ExpectedSet &expected);
// A history the role may not read: Error, Status not-readable, the GRANT in the message and
// in the evidence Grant.
CheckResult notReadable(const Check &check, const CheckContext &ctx, const DetectedHistory &h);
// The history's SELECT failed (a timeout, a privilege on Sqitch's events): Error with why.
CheckResult readFailed(
    const Check &check, const CheckContext &ctx, const DetectedHistory &h, const DbError &error);
// A pinned history (Environment::migrationHistories) that is not in the database: Warn,
// Status table-missing.
CheckResult missing(const Check &check, const CheckContext &ctx, const DetectedHistory &h);
// The expected set of this history could not be read: Error naming the source.
CheckResult expectedUnreadable(const Check &check, const CheckContext &ctx,
    const DetectedHistory &h, const ExpectedSet &expected);
} // namespace MigrationHistoryResult
