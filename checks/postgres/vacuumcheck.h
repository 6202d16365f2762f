// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.vacuum: tables of the environment's database whose dead tuples passed the
// thresholds and that no VACUUM or autovacuum has processed for long, tables with autovacuum
// switched off (reloptions, theirs or their TOAST table's), autovacuum or track_counts off
// for the whole server, and the vacuums running now with their progress. Read-only:
// pg_stat_user_tables, pg_class, settings and pg_stat_progress_vacuum in one flight.
class VacuumCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.vacuum");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL vacuum"); }
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Thresholds (Environment::threshold("vacuum", ...)): a table is overdue when its dead
    // tuples are deadTuplesPercent or more of its rows (live + dead, pg_stat_user_tables)
    // and deadTuplesMin or more, and neither VACUUM nor autovacuum processed it for
    // notVacuumedSeconds (never counts as longer than any threshold). Status: warn when a
    // table is overdue or autovacuum (or track_counts, without which it never starts) is
    // off for the server; pass otherwise. A table with autovacuum off is named in the
    // evidence and the message, and is what an overdue table's fix resets.
    // Evidence: OverdueTables (int), DeadTupleTables (list of "schema.table", most dead
    // tuples first, at most 20; the KB's VACUUM fix names the first), MostDeadTuples
    // (number, of the first), MostDeadTuplesPercent (number, one decimal), Overdue (list of
    // text, one line per overdue table: dead tuples, percent, last vacuum),
    // AutovacuumOffTables (list of "schema.table" with autovacuum_enabled off for the table
    // or its TOAST table; the RESET fix names the first), Autovacuum (bool, the server
    // setting), TrackCounts (bool), RunningVacuums (int), Vacuums (list of text: pid, table,
    // phase, heap blocks scanned of total, percent, seconds, autovacuum or not), Hidden (int:
    // running vacuums whose table and progress the role cannot read; the message names
    // "GRANT pg_monitor TO <role>"), Thresholds (text).
    CheckResult run(const CheckContext &ctx) const override;
};
