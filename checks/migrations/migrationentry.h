// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One row of the migrations table: an id of the expected set, of a history table, or both.
// The migrations check hands a QList<MigrationEntry> to the dashboard in
// CheckResult::details, one list per history (one result per history).
struct MigrationEntry
{
    // The one state model every tool's history maps to (issue 15):
    // - Applied: recorded as applied (and, where checksums are compared, unchanged).
    // - Pending: expected, not applied.
    // - Failed: recorded as started or failed and not finished (Flyway success = false,
    //   Liquibase FAILED, Prisma no finished_at and no rolled_back_at, Atlas error or
    //   applied < total, sqlx success = false, a Sqitch fail event).
    // - Dirty: golang-migrate's dirty flag (a migration failed part-way; the version it names
    //   is in an unknown state).
    // - Modified: applied, but the checksum the tool stored differs from the file's.
    // - Ahead: applied, not in the expected set (informational: the database may run a newer
    //   release than this code).
    // - OutOfOrder: applied after a later one, where the tool forbids that.
    enum class State { Applied, Pending, Failed, Dirty, Modified, Ahead, OutOfOrder };
    QString id;
    // EF Core: the ProductVersion column; other tools: the description they store (Flyway's
    // description, Atlas's description, sqlx's description), empty when none.
    QString productVersion;
    State state = State::Applied;
    int position = 0; // 1-based place in the expected set, 0 when not expected
    QString tool; // MigrationTools::key() of the history, "efcore"
    QString history; // the history table as schema.table
    QDateTime appliedAt; // when the tool recorded it applied; invalid when it records none
    QString failure; // the failure text the tool stored (shortened), empty when none
};

Q_DECLARE_METATYPE(MigrationEntry)
