// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.invalid-objects: indexes left invalid (a failed CREATE INDEX
// CONCURRENTLY or REINDEX CONCURRENTLY: the half-applied migration no history table shows)
// and constraints added NOT VALID and never validated. Read-only: the catalogs (pg_index,
// pg_constraint) and pg_stat_progress_create_index with pg_locks, which every role may
// read, in one flight.
class InvalidObjectsCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.invalid-objects");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("fail"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override
    {
        return QStringLiteral("PostgreSQL invalid indexes and constraints");
    }
    // Every schema but pg_catalog, information_schema and temporary ones (pg_toast is
    // included: a failed REINDEX CONCURRENTLY leaves its _ccnew index there). No thresholds.
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Status: fail when an index is invalid and no one is building it now, warn when a
    // constraint is not validated, pass otherwise. Evidence: InvalidIndexes (list of
    // schema-qualified names, as PostgreSQL quotes them), RebuildStatements (list: per
    // index "DROP INDEX CONCURRENTLY s.i;" then pg_get_indexdef's statement with
    // CONCURRENTLY, ending in ";"; for a partitioned index, which CONCURRENTLY cannot
    // build, a comment saying to attach its partitions' indexes), BeingBuilt (int: invalid
    // indexes a CREATE INDEX or REINDEX is building right now, left out of the rest),
    // UnvalidatedConstraints (list: "name on s.t: CHECK (v > 0) NOT VALID"),
    // ValidateStatements (list: "ALTER TABLE s.t VALIDATE CONSTRAINT name;"),
    // ConstraintTable and ConstraintName (text: the first unvalidated constraint's table
    // and name as PostgreSQL quotes them, for the KB's fix; empty when none).
    CheckResult run(const CheckContext &ctx) const override;
};
