// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/migrationscheck.h"

#include "engine/dberror.h"
#include "migrations/efcorehistory.h"
#include "migrations/migrationentry.h"
#include "migrations/referenceenvironment.h"

#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

QStringList MigrationsCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"migrations"_s, u"schema"_s };
}

namespace {

QString qualified(const Environment &env)
{
    return env.historySchema + u'.' + env.historyTable;
}

// What the environment expects: a reference environment's applied list, the migrations of
// its expected source (an EF Core Migrations folder, SQL scripts, a list file), or nothing
// known.
ExpectedSet expectedSet(const CheckContext &ctx)
{
    const Environment &env = ctx.environment;
    if (!env.referenceEnvironment.isEmpty())
        return ReferenceEnvironment::read(ctx);
    if (!env.expectedSource.isEmpty())
        return ExpectedMigrations::load(env.expectedSource, env.dbContext);
    return {};
}

} // namespace

QList<QueryGroup> MigrationsCheck::plan(const CheckContext &ctx) const
{
    return EfCoreHistory::plan(ctx);
}

CheckResult MigrationsCheck::run(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    const ExpectedSet wanted = expectedSet(ctx);
    if (!wanted.error.isEmpty()) {
        DbError e;
        e.kind = DbError::Kind::Other;
        e.detail = wanted.error;
        e.advice = u"Fix the expected-migration source of this environment."_s;
        CheckResult r = errorResult(env.name, e);
        r.message = u"Cannot read the expected migrations: %1"_s.arg(wanted.error);
        return r;
    }

    bool exists = false;
    QList<EfCoreHistory::Applied> applied;
    DbError error;
    EfCoreHistory::HistoryColumns columns;
    if (!EfCoreHistory::read(ctx, ctx.planned, &exists, &applied, &error, &columns))
        return errorResult(env.name, error);

    const bool known = wanted.isKnown();
    const QStringList &expected = wanted.ids;
    QSet<QString> appliedIds;
    for (const EfCoreHistory::Applied &a : std::as_const(applied))
        appliedIds.insert(a.id);
    // Each id's first position in the expected order: one hash lookup per applied row, not
    // a scan of the expected list (a 100 000-row history against as many expected ids).
    QHash<QString, qsizetype> position;
    position.reserve(expected.size());
    for (qsizetype i = expected.size() - 1; i >= 0; --i) // backwards: the first one stays
        position.insert(expected[i], i);

    QStringList pending;
    QList<MigrationEntry> rows;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (!appliedIds.contains(expected[i])) {
            pending << expected[i];
            rows << MigrationEntry { expected[i], QString(), MigrationEntry::State::Pending,
                int(i + 1), u"efcore"_s, qualified(env), {}, {} };
        }
    }
    QStringList ahead;
    for (const EfCoreHistory::Applied &a : std::as_const(applied)) {
        const qsizetype pos = known ? position.value(a.id, -1) : -1;
        const bool notExpected = known && pos < 0;
        if (notExpected)
            ahead << a.id;
        rows << MigrationEntry { a.id, a.productVersion,
            notExpected ? MigrationEntry::State::Ahead : MigrationEntry::State::Applied,
            int(pos + 1), u"efcore"_s, qualified(env), {}, {} };
    }
    std::sort(rows.begin(), rows.end(),
        [](const MigrationEntry &a, const MigrationEntry &b) { return a.id < b.id; });
    std::sort(ahead.begin(), ahead.end());

    QString status;
    CheckStatus outcome = CheckStatus::Pass;
    QString message;
    const QString latest = applied.isEmpty() ? QString() : applied.first().id;
    if (!exists) {
        status = u"table-missing"_s;
        outcome = CheckStatus::Warn;
        if (columns.elsewhere.isEmpty()) {
            message
                = u"Migration history table %1 does not exist: the database was never migrated by EF Core"_s
                      .arg(qualified(env));
        } else {
            message
                = u"Migration history table %1 does not exist, but %2 does: if the app keeps "
                  "its history there (MigrationsHistoryTable's schema and name), set the "
                  "environment's history to it; otherwise the database was never migrated"_s.arg(
                      qualified(env), columns.elsewhere.join(u", "_s));
        }
        if (known)
            message += u" (%1 migrations expected)"_s.arg(expected.size());
    } else if (!known) {
        status = u"unknown"_s;
        message
            = u"%1 migrations applied, latest %2; pending is unknown because no expected set is configured"_s
                  .arg(applied.size())
                  .arg(latest.isEmpty() ? u"none"_s : latest);
    } else if (!pending.isEmpty()) {
        status = u"pending"_s;
        outcome = CheckStatus::Warn;
        message = u"%1 pending migration(s), first %2; %3 applied"_s.arg(pending.size())
                      .arg(pending.first())
                      .arg(applied.size());
    } else {
        status = u"up-to-date"_s;
        message = u"Up to date: %1 migrations applied, latest %2"_s.arg(applied.size())
                      .arg(latest.isEmpty() ? u"none"_s : latest);
    }
    if (exists && !ahead.isEmpty())
        message
            += u"; %1 applied migration(s) not in the expected set (database ahead of code?)"_s.arg(
                ahead.size());

    // What the expected-set reader skipped or doubted (a class deriving from Migration
    // without an id, a file it could not place) may be a pending migration it cannot see,
    // so a clean result is not given while there are any.
    const QStringList &doubts = wanted.warnings;
    if (known && !doubts.isEmpty()) {
        if (outcome == CheckStatus::Pass)
            outcome = CheckStatus::Warn;
        message += u"; the expected set has %1 warning(s), first: %2"_s.arg(
            QString::number(doubts.size()), doubts.first());
    }

    CheckResult r = result(ctx, outcome, message);
    r.evidence << qMakePair(u"TableExists"_s, QVariant(exists))
               << qMakePair(u"AppliedCount"_s, QVariant(int(applied.size())))
               << qMakePair(u"PendingCount"_s,
                      known ? QVariant(int(pending.size())) : QVariant(u"unknown"_s))
               << qMakePair(u"LatestApplied"_s, latest.isEmpty() ? QVariant() : QVariant(latest))
               << qMakePair(u"PendingMigrations"_s, known ? QVariant(pending) : QVariant())
               << qMakePair(u"Status"_s, QVariant(status));
    // Only when not EF Core's own names, so the seed's evidence stays as it was.
    if (columns.layout > 0) {
        const EfCoreHistory::HistoryLayout &l = EfCoreHistory::historyLayouts()[columns.layout];
        r.evidence << qMakePair(u"HistoryColumns"_s,
            QVariant(u"%1, %2 (%3)"_s.arg(l.idColumn, l.versionColumn, l.convention)));
    }
    if (!columns.elsewhere.isEmpty())
        r.evidence << qMakePair(u"HistoryElsewhere"_s, QVariant(columns.elsewhere));
    if (known && !doubts.isEmpty())
        r.evidence << qMakePair(u"ExpectedSetWarnings"_s, QVariant(doubts));
    // Informational only: a database may legitimately run a newer release than this code.
    if (!ahead.isEmpty())
        r.evidence << qMakePair(u"NotInExpectedSet"_s, QVariant(ahead));
    r.details = QVariant::fromValue(rows);
    return r;
}
