// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/invalidobjectscheck.h"

#include "engine/dbsession.h"

using namespace Qt::StringLiterals;

namespace {

const char16_t *userSchemas = u"n.nspname NOT IN ('pg_catalog', 'information_schema') "
                              "AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
                              "AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

// Invalid indexes, with whether one is being built right now: CREATE INDEX CONCURRENTLY
// and REINDEX CONCURRENTLY commit the invalid index first and mark it valid at their end,
// so an index in the making is no finding. pg_stat_progress_create_index (PostgreSQL 12
// on, so every supported version) names the index to pg_read_all_stats and to the
// builder's role; for other roles its index_relid is NULL, and the build is recognised by
// the lock it holds on the table for its whole run (ShareUpdateExclusiveLock, which also
// keeps a second concurrent build off the table); pg_locks is everyone's.
const char16_t *indexesSql = uR"(SELECT format('%I.%I', n.nspname, c.relname),
  c.relkind::text, pg_get_indexdef(i.indexrelid),
  EXISTS (SELECT 1 FROM pg_stat_progress_create_index p
    WHERE p.index_relid = i.indexrelid
       OR (p.index_relid IS NULL AND EXISTS (SELECT 1 FROM pg_locks l
         WHERE l.pid = p.pid AND l.locktype = 'relation' AND l.relation = i.indrelid
           AND l.mode = 'ShareUpdateExclusiveLock' AND l.granted
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))))
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid AND %1
ORDER BY 1)";

// The catalogs' columns read here are the same from PostgreSQL 13 to 18.
// Table constraints added NOT VALID (CHECK and FOREIGN KEY; NOT NULL too from
// PostgreSQL 18): new rows are checked, the rows already there never were.
const char16_t *constraintsSql = uR"(SELECT format('%I.%I', n.nspname, r.relname),
  quote_ident(c.conname), pg_get_constraintdef(c.oid)
FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE NOT c.convalidated AND %1
ORDER BY 1, 2)";

// pg_get_indexdef's "CREATE [UNIQUE] INDEX name ON ..." as a concurrent build: the first
// " INDEX " is the keyword (the name comes after it).
QString concurrently(const QString &definition)
{
    QString s = definition;
    const qsizetype at = s.indexOf(u" INDEX "_s);
    if (at >= 0)
        s.insert(at + 6, u" CONCURRENTLY"_s);
    return s + u';';
}

} // namespace

QStringList InvalidObjectsCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"indexes"_s, u"constraints"_s, u"migrations"_s };
}

QList<QueryGroup> InvalidObjectsCheck::plan(const CheckContext &) const
{
    const QString schemas = QString::fromUtf16(userSchemas);
    return { { QString::fromUtf16(indexesSql).arg(schemas),
        QString::fromUtf16(constraintsSql).arg(schemas) } };
}

CheckResult InvalidObjectsCheck::run(const CheckContext &ctx) const
{
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 2; ++i) {
        if (!answers.value(i).ok())
            return errorResult(ctx.environment.name, answers.value(i).error);
    }
    QStringList invalid, rebuild;
    int building = 0;
    for (const QVariantList &row : answers.at(0).rows) {
        if (row.value(3).toBool()) {
            ++building;
            continue;
        }
        const QString name = row.value(0).toString();
        invalid << name;
        if (row.value(1).toString() == u"I"_s) {
            // CONCURRENTLY cannot build a partitioned table's index; it turns valid once
            // every partition's index is attached.
            rebuild << u"-- %1 is a partitioned index: CREATE INDEX CONCURRENTLY on each "
                       "partition, then ALTER INDEX %1 ATTACH PARTITION <partition's index>;"_s.arg(
                           name);
        } else {
            rebuild << u"DROP INDEX CONCURRENTLY %1;"_s.arg(name)
                    << concurrently(row.value(2).toString());
        }
    }
    QStringList constraints, validate;
    for (const QVariantList &row : answers.at(1).rows) {
        const QString table = row.value(0).toString();
        const QString name = row.value(1).toString();
        constraints << u"%1 on %2: %3"_s.arg(name, table, row.value(2).toString());
        validate << u"ALTER TABLE %1 VALIDATE CONSTRAINT %2;"_s.arg(table, name);
    }
    const QVariantList firstConstraint = answers.at(1).rows.value(0);

    QStringList findings;
    if (!invalid.isEmpty()) {
        findings << u"%1 invalid %2: %3"_s.arg(invalid.size())
                        .arg(invalid.size() == 1 ? u"index"_s : u"indexes"_s)
                        .arg(invalid.join(u", "_s));
    }
    if (!constraints.isEmpty()) {
        findings << u"%1 %2 not validated: %3"_s.arg(constraints.size())
                        .arg(constraints.size() == 1 ? u"constraint"_s : u"constraints"_s)
                        .arg(constraints.join(u", "_s));
    }
    const CheckStatus status = !invalid.isEmpty() ? CheckStatus::Fail
        : !constraints.isEmpty()                  ? CheckStatus::Warn
                                                  : CheckStatus::Pass;
    QString message = findings.isEmpty() ? u"no invalid index, every constraint validated"_s
                                         : findings.join(u"; "_s);
    if (building > 0) {
        message += u"; %1 %2 being built now (not counted)"_s.arg(building).arg(
            building == 1 ? u"index"_s : u"indexes"_s);
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"InvalidIndexes"_s, QVariant(invalid))
               << qMakePair(u"RebuildStatements"_s, QVariant(rebuild))
               << qMakePair(u"BeingBuilt"_s, QVariant(building))
               << qMakePair(u"UnvalidatedConstraints"_s, QVariant(constraints))
               << qMakePair(u"ValidateStatements"_s, QVariant(validate))
               << qMakePair(u"ConstraintTable"_s, QVariant(firstConstraint.value(0).toString()))
               << qMakePair(u"ConstraintName"_s, QVariant(firstConstraint.value(1).toString()));
    return r;
}
