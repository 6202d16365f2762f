// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/migrationscheck.h"

#include "engine/dberror.h"
#include "migrations/efcorehistory.h"
#include "migrations/expectedsets.h"
#include "migrations/historydetection.h"
#include "migrations/historyreader.h"
#include "migrations/migrationentry.h"
#include "migrations/migrationlockprobe.h"
#include "migrations/migrationstates.h"
#include "migrations/referenceenvironment.h"
#include "postgres/migrationhistoryresult.h"
#include "postgres/migrationlockresult.h"

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

QString efCoreSubject(const Environment &env)
{
    return u"efcore "_s + qualified(env);
}

} // namespace

QList<QueryGroup> MigrationsCheck::plan(const CheckContext &ctx) const
{
    QList<QueryGroup> groups = EfCoreHistory::plan(ctx);
    // The lock probe rides in the same flight: who holds or awaits a history's lock is known
    // before any history is read, so a locked one is not read (it would wait) and the
    // result names the migration that holds it.
    if (ctx.isPostgres() && groups.size() == EfCorePlanGroups)
        groups << QueryGroup { HistoryDetection::catalogStatement() }
               << QueryGroup { MigrationLockProbe::statement() };
    return groups;
}

CheckResult MigrationsCheck::run(const CheckContext &ctx) const
{
    return runAll(ctx).value(0);
}

CheckResult MigrationsCheck::efCoreResult(
    const CheckContext &ctx, const ExpectedSet &wanted, QueryResult *rowsAnswer) const
{
    const Environment &env = ctx.environment;
    if (!wanted.error.isEmpty() && wanted.tool == MigrationTool::EfCore) {
        DbError e;
        e.kind = DbError::Kind::Other;
        e.detail = wanted.error;
        e.advice = u"Fix the expected-migration source of this environment."_s;
        CheckResult r = errorResult(env.name, e);
        r.message = u"Cannot read the expected migrations: %1"_s.arg(wanted.error);
        r.subject = efCoreSubject(env);
        return r;
    }

    bool exists = false;
    QList<EfCoreHistory::Applied> applied;
    DbError error;
    EfCoreHistory::HistoryColumns columns;
    if (!EfCoreHistory::read(ctx, ctx.planned, &exists, &applied, &error, &columns, rowsAnswer)) {
        CheckResult r = errorResult(env.name, error);
        r.subject = efCoreSubject(env);
        return r;
    }

    const bool known = wanted.isKnown() && wanted.tool == MigrationTool::EfCore;
    const QStringList &expected = known ? wanted.ids : QStringList();
    // Only an expected set asks which ids are applied (100 000 rows: a 5 % of the check's
    // time spent on a set nobody reads otherwise).
    QSet<QString> appliedIds;
    if (known) {
        appliedIds.reserve(applied.size());
        for (const EfCoreHistory::Applied &a : std::as_const(applied))
            appliedIds.insert(a.id);
    }
    // Each id's first position in the expected order: one hash lookup per applied row, not
    // a scan of the expected list (a 100 000-row history against as many expected ids).
    QHash<QString, qsizetype> position;
    position.reserve(expected.size());
    for (qsizetype i = expected.size() - 1; i >= 0; --i) // backwards: the first one stays
        position.insert(expected[i], i);

    QStringList pending;
    QList<MigrationEntry> rows;
    rows.reserve(expected.size() + applied.size());
    // One copy of the tool and table names, shared by every row.
    const QString tool = u"efcore"_s;
    const QString history = qualified(env);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (!appliedIds.contains(expected[i])) {
            pending << expected[i];
            rows << MigrationEntry { expected[i], QString(), MigrationEntry::State::Pending,
                int(i + 1), tool, history, {}, {} };
        }
    }
    const QString latest = applied.isEmpty() ? QString() : applied.first().id;
    const qsizetype appliedCount = applied.size();
    // The history comes newest first (ORDER BY "MigrationId" DESC): without pending rows it
    // is taken from the oldest, so that the rows come in order unless the server's collation
    // orders ids otherwise than by code unit (then they are sorted). The texts are moved into
    // the rows (100 000 of them: no copies; bench_history, Session 9).
    const bool oldestFirst = rows.isEmpty();
    QStringList ahead;
    for (qsizetype i = 0; i < appliedCount; ++i) {
        EfCoreHistory::Applied &a = applied[oldestFirst ? appliedCount - 1 - i : i];
        const qsizetype pos = known ? position.value(a.id, -1) : -1;
        const bool notExpected = known && pos < 0;
        if (notExpected)
            ahead << a.id;
        rows << MigrationEntry { std::move(a.id), std::move(a.productVersion),
            notExpected ? MigrationEntry::State::Ahead : MigrationEntry::State::Applied,
            int(pos + 1), tool, history, {}, {} };
    }
    applied.clear(); // moved into the rows
    const auto byId = [](const MigrationEntry &a, const MigrationEntry &b) { return a.id < b.id; };
    if (oldestFirst ? !std::is_sorted(rows.cbegin(), rows.cend(), byId)
                    : !std::is_sorted(rows.crbegin(), rows.crend(), byId))
        std::sort(rows.begin(), rows.end(), byId);
    else if (!oldestFirst)
        std::reverse(rows.begin(), rows.end()); // a reverse costs nothing beside a sort
    std::sort(ahead.begin(), ahead.end());

    QString status;
    CheckStatus outcome = CheckStatus::Pass;
    QString message;
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
                  .arg(appliedCount)
                  .arg(latest.isEmpty() ? u"none"_s : latest);
    } else if (!pending.isEmpty()) {
        status = u"pending"_s;
        outcome = CheckStatus::Warn;
        message = u"%1 pending migration(s), first %2; %3 applied"_s.arg(pending.size())
                      .arg(pending.first())
                      .arg(appliedCount);
    } else {
        status = u"up-to-date"_s;
        message = u"Up to date: %1 migrations applied, latest %2"_s.arg(appliedCount)
                      .arg(latest.isEmpty() ? u"none"_s : latest);
    }
    if (exists && !ahead.isEmpty())
        message
            += u"; %1 applied migration(s) not in the expected set (database ahead of code?)"_s.arg(
                ahead.size());

    // What the expected-set reader skipped or doubted (a class deriving from Migration
    // without an id, a file it could not place) may be a pending migration it cannot see,
    // so a clean result is not given while there are any.
    const QStringList doubts = known ? wanted.warnings : QStringList();
    if (known && !doubts.isEmpty()) {
        if (outcome == CheckStatus::Pass)
            outcome = CheckStatus::Warn;
        message += u"; the expected set has %1 warning(s), first: %2"_s.arg(
            QString::number(doubts.size()), doubts.first());
    }

    CheckResult r = result(ctx, outcome, message);
    r.subject = efCoreSubject(env);
    r.evidence << qMakePair(u"TableExists"_s, QVariant(exists))
               << qMakePair(u"AppliedCount"_s, QVariant(int(appliedCount)))
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
    // No "Tool": EF Core's evidence stays the seed's; the subject names the tool.
    r.details = QVariant::fromValue(rows);
    return r;
}

namespace {

bool matches(const MigrationHistoryPin &pin, const DetectedHistory &h)
{
    return ExpectedSets::matches(pin, h);
}

bool isConfiguredEfCore(const Environment &env, const DetectedHistory &h)
{
    return h.tool == MigrationTool::EfCore && h.schema == env.historySchema
        && h.table == env.historyTable;
}

} // namespace

QList<CheckResult> MigrationsCheck::runAll(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    ExpectedSets expected(ctx);
    if (!ctx.isPostgres() || ctx.planned.size() <= EfCorePlanGroups)
        return { efCoreResult(ctx, expected.environmentSet(), nullptr) };

    const QueryResult catalog = ctx.planned.value(EfCorePlanGroups).value(0);
    if (!catalog.ok())
        return { errorResult(env.name, catalog.error) };
    const QList<MigrationHistoryPin> &pins = env.migrationHistories;
    QList<DetectedHistory> histories;
    for (const DetectedHistory &h : HistoryDetection::fromCatalog(catalog)) {
        if (isConfiguredEfCore(env, h))
            continue; // EfCoreHistory reads it, with the seed's evidence
        if (pins.isEmpty()
            || std::any_of(pins.cbegin(), pins.cend(),
                [&h](const MigrationHistoryPin &p) { return matches(p, h); }))
            histories << h;
    }
    const qsizetype others = std::count_if(histories.cbegin(), histories.cend(),
        [](const DetectedHistory &h) { return h.tool != MigrationTool::EfCore; });
    for (const DetectedHistory &h : std::as_const(histories)) {
        if (others == 1 && h.tool != MigrationTool::EfCore)
            expected.setOnlyOtherTool(h.tool);
    }
    // EF Core's configured history: when pinned, when it is there, when the environment
    // expects EF Core migrations, or when nothing else is (today's "never migrated").
    const bool efPinned = std::any_of(pins.cbegin(), pins.cend(), [](const MigrationHistoryPin &p) {
        return MigrationTools::fromName(p.tool) == MigrationTool::EfCore;
    });
    const QString efRows = EfCoreHistory::rowsStatement(ctx.planned);
    const bool efExists = ctx.planned.value(0).value(0).value(0, 1).toBool();
    // An expected source that could not be read names EF Core only when no other history is
    // there to take it (forHistory() reads it as that history's tool).
    const bool efExpected = !env.expectedSource.isEmpty() || !env.referenceEnvironment.isEmpty()
        ? expected.environmentSet().tool == MigrationTool::EfCore
            && expected.environmentSet().error.isEmpty()
        : false;
    const bool withEfCore
        = pins.isEmpty() ? (efExists || efExpected || histories.isEmpty()) : efPinned;

    // Who holds or awaits each history's lock (the plan's probe). A history another session
    // holds ACCESS EXCLUSIVE on (EF Core while it migrates) is not read: the read would wait.
    const MigrationLockProbe::Answer probe
        = MigrationLockProbe::fromAnswer(ctx.planned.value(EfCorePlanGroups + 1).value(0));
    const auto lockOf
        = [&probe, &env](MigrationTool tool, const QString &schema, const QString &table) {
              return MigrationLocks::classify(probe.sightings, tool, probe.database, schema, table,
                  env.pool.idleInTransactionMinSec);
          };
    const MigrationLock efLock = lockOf(MigrationTool::EfCore, env.historySchema, env.historyTable);
    QList<MigrationLock> locks;
    for (const DetectedHistory &h : std::as_const(histories))
        locks << lockOf(h.tool, h.schema, h.table);

    // One flight for every history's rows (and set lock rows): one round trip, whatever the
    // number of tools.
    QList<QueryGroup> flight;
    QList<qsizetype> groupOf(histories.size(), -1);
    QList<qsizetype> lockRowGroup(histories.size(), -1);
    for (qsizetype i = 0; i < histories.size(); ++i) {
        const QString select = HistoryReader::selectStatement(histories[i]);
        if (histories[i].readable && !select.isEmpty() && !locks[i].blocksReading) {
            groupOf[i] = flight.size();
            flight << QueryGroup { select };
        }
        const QString lockRow = MigrationLockProbe::lockRowStatement(histories[i]);
        if (histories[i].readable && !lockRow.isEmpty() && !locks[i].isSet()) {
            lockRowGroup[i] = flight.size();
            flight << QueryGroup { lockRow };
        }
    }
    const qsizetype efGroup
        = withEfCore && !efRows.isEmpty() && !efLock.blocksReading ? flight.size() : -1;
    if (efGroup >= 0)
        flight << QueryGroup { efRows };
    FlightAnswers answers = flight.isEmpty() ? FlightAnswers() : ctx.query(flight);
    // A read that still ended on lock_timeout (the lock was taken after the probe) is the
    // migration the probe saw, when it saw one.
    const auto lockTimedOut = [](const MigrationLock &lock, const QueryResult &rows) {
        return lock.isSet() && rows.error.sqlState == u"55P03";
    };

    QList<CheckResult> results;
    if (withEfCore) {
        // Taken out of the answers: efCoreResult() moves its texts into the rows.
        QueryResult efAnswer;
        if (efGroup >= 0 && efGroup < answers.size() && !answers[efGroup].isEmpty())
            efAnswer = std::move(answers[efGroup][0]);
        DetectedHistory ef;
        ef.tool = MigrationTool::EfCore;
        ef.schema = env.historySchema;
        ef.table = env.historyTable;
        if (efLock.blocksReading || lockTimedOut(efLock, efAnswer)) {
            results << MigrationLockResult::notRead(*this, ctx, ef, true, efLock);
        } else {
            CheckResult r
                = efCoreResult(ctx, expected.environmentSet(), efGroup >= 0 ? &efAnswer : nullptr);
            if (r.status != CheckStatus::Error)
                MigrationLockResult::apply(&r, efLock, u"EF Core history "_s + ef.qualified());
            results << r;
        }
    }
    for (qsizetype i = 0; i < histories.size(); ++i) {
        const DetectedHistory &h = histories[i];
        if (!h.readable) {
            results << MigrationHistoryResult::notReadable(*this, ctx, h);
            continue;
        }
        const QueryResult rows = answers.value(groupOf[i]).value(0);
        if (locks[i].blocksReading || lockTimedOut(locks[i], rows)) {
            results << MigrationLockResult::notRead(*this, ctx, h, false, locks[i]);
            continue;
        }
        if (groupOf[i] < 0 || !rows.ok()) {
            DbError error = rows.error;
            if (groupOf[i] < 0 || !error.isError()) {
                error.kind = DbError::Kind::Other;
                error.detail = u"no answer to the history's SELECT"_s;
            }
            results << MigrationHistoryResult::readFailed(*this, ctx, h, error);
            continue;
        }
        const ExpectedSet wanted = expected.forHistory(h);
        if (!wanted.error.isEmpty()) {
            results << MigrationHistoryResult::expectedUnreadable(*this, ctx, h, wanted);
            continue;
        }
        const HistoryStates states
            = MigrationStates::evaluate(h.tool, h.qualified(), HistoryReader::rows(rows), &wanted);
        CheckResult r = MigrationHistoryResult::verdict(*this, ctx, h, states, wanted);
        // A lock row the role may not read leaves the lock unknown, as before this probe.
        const QueryResult lockRows = answers.value(lockRowGroup[i]).value(0);
        const MigrationLock lock = lockRowGroup[i] >= 0 && lockRows.ok()
            ? MigrationLockProbe::fromLockRows(h, lockRows)
            : locks[i];
        MigrationLockResult::apply(
            &r, lock, u"%1 history %2"_s.arg(MigrationTools::displayName(h.tool), h.qualified()));
        results << r;
    }
    // Pinned histories that are not there.
    for (const MigrationHistoryPin &pin : pins) {
        const MigrationTool tool = MigrationTools::fromName(pin.tool);
        if (tool == MigrationTool::EfCore)
            continue;
        const bool found = std::any_of(histories.cbegin(), histories.cend(),
            [&pin](const DetectedHistory &h) { return matches(pin, h); });
        if (!found) {
            DetectedHistory h;
            h.tool = tool;
            h.schema = pin.schema.isEmpty() ? u"*"_s : pin.schema;
            h.table = pin.table;
            results << MigrationHistoryResult::missing(*this, ctx, h);
        }
    }
    return results;
}
