// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/historydetection.h"

#include <QDateTime>
#include <QList>
#include <QString>

struct QueryResult;

// One row of a tool's history, in the tool-neutral shape the state model reads.
struct HistoryRow
{
    QString id; // as the tool stores it (see ExpectedSet::ids for each tool's form)
    QString description; // EF Core's ProductVersion; Flyway's, Atlas's, sqlx's description
    QDateTime appliedAt; // invalid when the tool records no time
    QString checksum; // as the tool stores it (ExpectedSet::checksums), empty when none
    // Recorded as started or failed and not finished (Flyway success = false, Liquibase
    // FAILED, Prisma no finished_at and no rolled_back_at, Atlas error or applied < total,
    // sqlx success = false, a Sqitch fail event not followed by a deploy).
    bool failed = false;
    bool dirty = false; // golang-migrate's dirty flag
    QString failure; // the failure text the tool stored (Prisma logs, Atlas error: statement)
    // Flyway: the row's type (SQL, JDBC, BASELINE, DELETE, UNDO_SQL ...); Liquibase: exectype;
    // Prisma: "rolled-back" for a row resolved with --rolled-back. Empty otherwise.
    QString kind;
    qint64 order = 0; // the order the tool applied it (installed_rank, orderexecuted, id ...)
};

// Reads a detected history: one SELECT per history, sent in one flight for all histories.
namespace HistoryReader {
// The statement that reads the history as rows of (id text, description text, applied_at
// text in ISO 8601, checksum text, failed bool, dirty bool, failure text, kind text,
// order bigint), in the order the tool applied them. Identifiers come from the catalog
// (DetectedHistory), quoted here. Empty for EF Core's configured history (EfCoreHistory
// reads that one) and for Unknown.
QString selectStatement(const DetectedHistory &history);
// The rows of an answered selectStatement(). Golang-migrate gives its one row; Alembic one
// per head; Prisma one per migration (the newest attempt: a retried migration has several).
QList<HistoryRow> rows(const QueryResult &answer);
} // namespace HistoryReader
