// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"
#include "migrations/expectedmigrations.h"

struct DbError;

// check.postgres.migrations: reads every migration history in the database (EF Core's
// __EFMigrationsHistory as configured, and the histories of 18 other tools found by one
// catalog statement: migrations/historydetection.h), maps each to one state model (applied,
// pending, failed, dirty, modified, ahead, out of order: migrations/migrationstates.h)
// against the migrations the application expects, and gives one result per history
// (CheckResult::subject "<tool> <schema>.<table>"). Two round trips: the plan (EF Core's
// probe and the catalog statement, with every other check's plan) and one flight reading
// every history's rows. See resources/kb/postgres/migrations.md.
class MigrationsCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.migrations");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL migration status"); }
    bool supports(ConnectionSpec::Driver) const override { return true; }
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // The first of runAll()'s results.
    CheckResult run(const CheckContext &ctx) const override;
    // One result per history: EF Core's configured history first (when it is there, pinned,
    // expected, or when no other history is: then "table missing" as the seed has it), then
    // the others by schema and table, then pinned histories that are missing. SQLite (the
    // demo): EF Core's history only.
    QList<CheckResult> runAll(const CheckContext &ctx) const override;

private:
    // plan()'s groups from EfCoreHistory::plan() on PostgreSQL; the catalog statement follows.
    static constexpr qsizetype EfCorePlanGroups = 2;
    // ROWSANSWER: the answer to EfCoreHistory::rowsStatement(), or null; its texts are moved
    // into the result's rows.
    CheckResult efCoreResult(
        const CheckContext &ctx, const ExpectedSet &wanted, QueryResult *rowsAnswer) const;
};
