// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"
#include "migrations/historyreader.h"
#include "migrations/migrationentry.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

// One history mapped to the one state model (MigrationEntry::State), with its summary.
struct HistoryStates
{
    QList<MigrationEntry> entries; // expected order first, then ids outside the expected set
    QStringList applied; // ids applied (Applied, Modified, Ahead, OutOfOrder), apply order
    QStringList pending;
    QStringList failed;
    QStringList dirty;
    QStringList modified;
    QStringList ahead;
    QStringList outOfOrder;
    QString latestApplied; // the last applied, in the tool's order; empty when none
    QDateTime latestAppliedAt; // invalid when the tool records no time
    QString failureText; // the first failure text the tool stored, shortened; empty when none
    QStringList heads; // Alembic: the stored heads
};

namespace MigrationStates {
// Longest failure text kept (FailureText evidence, tooltips): enough to read the error.
inline constexpr qsizetype MaxFailureText = 500;

// Maps TOOL's history rows (HistoryReader::rows(), apply order) against the expected set
// (nullptr or an unknown set: pending cannot be told, nothing is Ahead). HISTORY is
// "schema.table", written into every entry.
// - Ids are compared as the tool compares them: integer versions (golang-migrate, goose,
//   sqlx, FluentMigrator) without leading zeros; Flyway versions by their numeric parts
//   ("1.01" is "1.1"; trailing ".0" parts ignored); Liquibase by id, author and the
//   changelog file's last path component; DbUp also with an embedded-resource prefix
//   ("App.Scripts.0001.sql" is "0001.sql").
// - golang-migrate stores only the current version: every expected version up to it is
//   applied; the version itself is Dirty when the flag is set.
// - Alembic stores the heads: applied is every revision on the path to a head
//   (ExpectedSet::parents); without the graph only the heads are known.
// - Flyway: versions at or below a BASELINE row are applied; a DELETE row takes its
//   version back out; a repeatable whose checksum changed is Pending (Flyway re-runs it).
// - Modified: a stored checksum that differs from ExpectedSet::checksums' (Flyway, sqlx,
//   Prisma, Sqitch).
// - OutOfOrder: Flyway and goose refuse by default to apply a version below one already
//   applied; a version applied after a higher one is reported so.
HistoryStates evaluate(MigrationTool tool, const QString &history, const QList<HistoryRow> &rows,
    const ExpectedSet *expected);
// TEXT cut to MaxFailureText at a character boundary, with "…" when cut, passwords in
// connection strings and key=value pairs (password=..., :pass@) masked.
QString shortened(const QString &text);
} // namespace MigrationStates
