// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The cross-environment migration matrix (issue 18): rows in expected order per tool and
// history, Absent against Unknown, the differs flag, each column's worst status, first seen.
#include "migrations/migrationmatrix.h"

#include <QTest>

using namespace Qt::StringLiterals;
using State = MigrationEntry::State;
using Cell = MigrationMatrix::Cell;

namespace {

const QString EfHistory = u"public.__EFMigrationsHistory"_s;

MigrationEntry entry(const QString &id, State state, int position,
    const QString &tool = u"efcore"_s, const QString &history = EfHistory)
{
    MigrationEntry e;
    e.id = id;
    e.state = state;
    e.position = position;
    e.tool = tool;
    e.history = history;
    return e;
}

CheckResult migrations(const QString &env, const QList<MigrationEntry> &entries,
    const QString &subject = u"efcore public.__EFMigrationsHistory"_s,
    CheckStatus status = CheckStatus::Pass)
{
    CheckResult r;
    r.environment = env;
    r.checkId = u"check.postgres.migrations"_s;
    r.subject = subject;
    r.status = status;
    r.details = QVariant::fromValue(entries);
    return r;
}

CheckResult other(const QString &env, CheckStatus status, const QString &subject = {})
{
    CheckResult r;
    r.environment = env;
    r.checkId = u"check.postgres.pool"_s;
    r.subject = subject;
    r.status = status;
    return r;
}

QStringList ids(const MigrationMatrix &m)
{
    QStringList out;
    for (const MigrationMatrix::Row &r : m.rows)
        out << r.tool + u':' + r.migrationId;
    return out;
}

} // namespace

class TestMigrationMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsInExpectedOrder()
    {
        // EF Core's rows come sorted by id; the position is the expected order.
        const QList<CheckResult> results {
            migrations(u"dev"_s,
                { entry(u"b"_s, State::Applied, 2), entry(u"c"_s, State::Pending, 1),
                    entry(u"d"_s, State::Pending, 3) }),
            migrations(u"prod"_s, { entry(u"c"_s, State::Applied, 1) }),
        };
        const MigrationMatrix m = MigrationMatrices::build(results, { u"dev"_s, u"prod"_s });
        QCOMPARE(ids(m), QStringList({ u"efcore:c"_s, u"efcore:b"_s, u"efcore:d"_s }));
        QCOMPARE(m.columns.size(), 2);
        QCOMPARE(m.columns.at(0).environment, u"dev"_s);
        QCOMPARE(m.rows.at(0).cells, QList<Cell>({ Cell::Pending, Cell::Applied }));
        QCOMPARE(m.rows.at(1).cells, QList<Cell>({ Cell::Applied, Cell::Absent }));
    }

    void newerExpectedSetExtendsInPlace()
    {
        // prod runs older code (a, c); staging's set adds b between them and e at the end.
        const QList<CheckResult> results {
            migrations(
                u"prod"_s, { entry(u"a"_s, State::Applied, 1), entry(u"c"_s, State::Applied, 2) }),
            migrations(u"staging"_s,
                { entry(u"a"_s, State::Applied, 1), entry(u"b"_s, State::Applied, 2),
                    entry(u"c"_s, State::Applied, 3), entry(u"e"_s, State::Pending, 4) }),
        };
        const MigrationMatrix m = MigrationMatrices::build(results, { u"prod"_s, u"staging"_s });
        QCOMPARE(
            ids(m), QStringList({ u"efcore:a"_s, u"efcore:b"_s, u"efcore:c"_s, u"efcore:e"_s }));
    }

    void idsOutsideEveryExpectedSetComeLast()
    {
        // "z" is ahead in prod and expected in staging: it is an expected row. "y2" and "y1"
        // are ahead only, in the order the history lists them (not sorted by text).
        const QList<CheckResult> results {
            migrations(u"prod"_s,
                { entry(u"y2"_s, State::Ahead, 0), entry(u"a"_s, State::Applied, 1),
                    entry(u"z"_s, State::Ahead, 0), entry(u"y1"_s, State::Ahead, 0) }),
            migrations(u"staging"_s,
                { entry(u"a"_s, State::Applied, 1), entry(u"z"_s, State::Applied, 2) }),
        };
        const MigrationMatrix m = MigrationMatrices::build(results, { u"prod"_s, u"staging"_s });
        QCOMPARE(
            ids(m), QStringList({ u"efcore:a"_s, u"efcore:z"_s, u"efcore:y2"_s, u"efcore:y1"_s }));
        QCOMPARE(m.rows.at(1).cells, QList<Cell>({ Cell::Ahead, Cell::Applied }));
        QCOMPARE(m.rows.at(2).cells, QList<Cell>({ Cell::Ahead, Cell::Absent }));
    }

    void absentAgainstUnknown()
    {
        CheckResult failedRead
            = other(u"qa"_s, CheckStatus::Error, u"efcore public.__EFMigrationsHistory"_s);
        failedRead.checkId = u"check.postgres.migrations"_s; // no details: not readable
        const QList<CheckResult> results {
            migrations(
                u"dev"_s, { entry(u"a"_s, State::Applied, 1), entry(u"b"_s, State::Applied, 2) }),
            migrations(u"staging"_s, { entry(u"a"_s, State::Applied, 1) }), failedRead,
            migrations(u"empty"_s, {}), // read, no rows: known by its subject
            other(u"prod"_s, CheckStatus::Pass), // no migrations result at all
        };
        const MigrationMatrix m = MigrationMatrices::build(
            results, { u"dev"_s, u"staging"_s, u"qa"_s, u"empty"_s, u"prod"_s });
        QCOMPARE(m.rows.size(), 2);
        QCOMPARE(m.rows.at(1).migrationId, u"b"_s);
        QCOMPARE(m.rows.at(1).cells,
            QList<Cell>(
                { Cell::Applied, Cell::Absent, Cell::Unknown, Cell::Absent, Cell::Unknown }));
    }

    void differsIgnoresUnknownCells()
    {
        const QList<CheckResult> results {
            migrations(u"dev"_s,
                { entry(u"a"_s, State::Applied, 1), entry(u"b"_s, State::Applied, 2),
                    entry(u"c"_s, State::Applied, 3) }),
            migrations(
                u"prod"_s, { entry(u"a"_s, State::Applied, 1), entry(u"b"_s, State::Pending, 2) }),
        };
        const MigrationMatrix m
            = MigrationMatrices::build(results, { u"dev"_s, u"prod"_s, u"qa"_s });
        QCOMPARE(m.rows.size(), 3);
        QVERIFY(!m.rows.at(0).differs); // applied, applied, unknown
        QVERIFY(m.rows.at(1).differs); // applied, pending
        QVERIFY(m.rows.at(2).differs); // applied, absent

        const MigrationMatrix alone = MigrationMatrices::build(results, { u"dev"_s, u"qa"_s });
        for (const MigrationMatrix::Row &r : alone.rows)
            QVERIFY2(!r.differs, qPrintable(r.migrationId)); // one known cell each
    }

    void worstStatusPerColumn()
    {
        const QList<CheckResult> results {
            migrations(
                u"dev"_s, { entry(u"a"_s, State::Applied, 1) }, u"efcore x.y"_s, CheckStatus::Warn),
            other(u"dev"_s, CheckStatus::Error), other(u"dev"_s, CheckStatus::Pass),
            other(u"prod"_s, CheckStatus::Pass), other(u"prod"_s, CheckStatus::NotRun),
            other(u"gone"_s, CheckStatus::Fail), // not a column: ignored
        };
        const MigrationMatrix m
            = MigrationMatrices::build(results, { u"prod"_s, u"dev"_s, u"new"_s });
        QCOMPARE(m.columns.size(), 3);
        QCOMPARE(m.columns.at(0).worst, CheckStatus::NotRun);
        QCOMPARE(m.columns.at(1).worst, CheckStatus::Error);
        QCOMPARE(m.columns.at(2).worst, CheckStatus::Skipped); // no result
    }

    void firstSeenFromTheHook()
    {
        const QDateTime seen(QDate(2026, 11, 3), QTime(8, 15, 0, 120), QTimeZone::UTC);
        const QDateTime applied(QDate(2025, 1, 2), QTime(3, 4, 5), QTimeZone::UTC);
        MigrationEntry flywayApplied
            = entry(u"1"_s, State::Applied, 1, u"flyway"_s, u"public.flyway_schema_history"_s);
        flywayApplied.appliedAt = applied; // the tool's own time is earlier: it wins
        const QList<CheckResult> results {
            migrations(
                u"dev"_s, { entry(u"a"_s, State::Applied, 1), entry(u"b"_s, State::Pending, 2) }),
            migrations(u"prod"_s, { entry(u"a"_s, State::Applied, 1) }),
            migrations(u"prod"_s, { flywayApplied }, u"flyway public.flyway_schema_history"_s),
        };
        QStringList asked;
        const auto hook = [&](const QString &env, const QString &tool, const QString &history,
                              const QString &id, State state) {
            asked << u"%1 %2 %3 %4 %5"_s.arg(env, tool, history, id).arg(int(state));
            return env == u"dev"_s ? seen : QDateTime();
        };
        const MigrationMatrix m = MigrationMatrices::build(results, { u"dev"_s, u"prod"_s }, hook);
        QCOMPARE(ids(m), QStringList({ u"efcore:a"_s, u"efcore:b"_s, u"flyway:1"_s }));
        QCOMPARE(m.rows.at(0).firstSeen.at(0), seen);
        QVERIFY(!m.rows.at(0).firstSeen.at(1).isValid()); // the hook knows none
        QCOMPARE(m.rows.at(1).firstSeen.at(0), seen);
        QVERIFY(!m.rows.at(1).firstSeen.at(1).isValid()); // absent: not asked
        QCOMPARE(m.rows.at(2).firstSeen.at(1), applied);
        QVERIFY(!m.rows.at(2).firstSeen.at(0).isValid()); // unknown
        QVERIFY(asked.contains(u"dev efcore %1 b %2"_s.arg(EfHistory).arg(int(State::Pending))));
        QCOMPARE(asked.size(), 4); // one per cell in a MigrationEntry state

        const MigrationMatrix without = MigrationMatrices::build(results, { u"dev"_s });
        QCOMPARE(without.rows.at(0).firstSeen.size(), 1);
        QVERIFY(!without.rows.at(0).firstSeen.at(0).isValid());
    }

    void severalToolsAndHistories()
    {
        const QString flyway = u"public.flyway_schema_history"_s;
        const QString audit = u"audit.flyway_schema_history"_s;
        const QList<CheckResult> results {
            migrations(u"dev"_s, { entry(u"1"_s, State::Applied, 1, u"flyway"_s, audit) },
                u"flyway "_s + audit),
            migrations(u"dev"_s,
                { entry(u"1"_s, State::Failed, 1, u"flyway"_s, flyway),
                    entry(u"2"_s, State::Pending, 2, u"flyway"_s, flyway) },
                u"flyway "_s + flyway),
            migrations(u"dev"_s,
                { entry(
                    u"1"_s, State::Dirty, 0, u"golang-migrate"_s, u"public.schema_migrations"_s) },
                u"golang-migrate public.schema_migrations"_s),
            migrations(u"prod"_s, { entry(u"1"_s, State::Modified, 1) }),
        };
        const MigrationMatrix m = MigrationMatrices::build(results, { u"dev"_s, u"prod"_s });
        QStringList keys;
        for (const MigrationMatrix::Row &r : m.rows)
            keys << r.tool + u' ' + r.history + u' ' + r.migrationId;
        QCOMPARE(keys,
            QStringList({ u"efcore %1 1"_s.arg(EfHistory), u"flyway %1 1"_s.arg(audit),
                u"flyway %1 1"_s.arg(flyway), u"flyway %1 2"_s.arg(flyway),
                u"golang-migrate public.schema_migrations 1"_s }));
        QCOMPARE(m.rows.at(0).cells, QList<Cell>({ Cell::Unknown, Cell::Modified }));
        QCOMPARE(m.rows.at(2).cells, QList<Cell>({ Cell::Failed, Cell::Unknown }));
        QCOMPARE(m.rows.at(4).cells, QList<Cell>({ Cell::Dirty, Cell::Unknown }));
    }

    void cellKeysAndStates()
    {
        QCOMPARE(MigrationMatrices::cellKey(Cell::Applied), u"applied"_s);
        QCOMPARE(MigrationMatrices::cellKey(Cell::OutOfOrder), u"out_of_order"_s);
        QCOMPARE(MigrationMatrices::cellKey(Cell::Absent), u"absent"_s);
        QCOMPARE(MigrationMatrices::cellKey(Cell::Unknown), u"unknown"_s);
        QCOMPARE(MigrationMatrices::cellOf(State::Dirty), Cell::Dirty);
        QCOMPARE(MigrationMatrices::cellOf(State::OutOfOrder), Cell::OutOfOrder);
        QCOMPARE(MigrationMatrices::cellOf(State::Pending), Cell::Pending);
    }
};

QTEST_GUILESS_MAIN(TestMigrationMatrix)
#include "tst_migrationmatrix.moc"
