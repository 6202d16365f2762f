// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FleetModel and FleetFilterModel under QAbstractItemModelTester (swapping snapshots of
// different sizes, filtering by name, status and tag, sorting), FleetLoader reading real
// SQLite stores off the UI thread: the rows arrive, a load overtaken by a newer one is
// dropped, and an unreadable store fails with the model kept; and FleetMatrixLoader::build,
// the fleet's migration matrix from the store's current states.
#include "fleetfiltermodel.h"
#include "fleetloader.h"
#include "fleetmatrixloader.h"
#include "fleetmodel.h"
#include "history/historystore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
const QDateTime Now = QDateTime(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);

FleetEnvironment env(
    const QString &name, CheckStatus worst, qint64 ageSeconds, const QStringList &tags = {})
{
    FleetEnvironment e;
    e.name = name;
    e.worst = worst;
    e.latest = Now.addSecs(-ageSeconds);
    e.oldest = e.latest;
    e.tags = tags;
    StoredResult r;
    r.environment = name;
    r.checkId = u"check.postgres.pool"_s;
    r.status = worst;
    r.checkedAt = e.latest;
    e.results = { r };
    return e;
}

FleetSnapshot snapshot(const QList<FleetEnvironment> &envs)
{
    FleetSnapshot s;
    s.environments = envs;
    s.readAt = Now;
    return s;
}

QStringList names(const QAbstractItemModel &m)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row)
        out << m.index(row, FleetModel::EnvironmentColumn).data().toString();
    return out;
}

QString writeStore(const QString &path, int environments)
{
    HistoryStore store;
    if (!store.open(path))
        return store.errorString();
    HistoryRun run;
    run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
    QList<CheckResult> results;
    for (int i = 0; i < environments; ++i) {
        CheckResult r;
        r.environment = u"env-%1"_s.arg(i, 3, 10, QChar(u'0'));
        r.checkId = u"check.postgres.pool"_s;
        r.status = i % 3 == 0 ? CheckStatus::Warn : CheckStatus::Pass;
        r.checkedAt = run.startedAt;
        results << r;
        run.environments << r.environment;
    }
    return store.record(run, results) ? QString() : store.errorString();
}
} // namespace

class tst_FleetModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAndColumns()
    {
        FleetModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(snapshot(
            { env(u"prod"_s, CheckStatus::Fail, 300), env(u"stage"_s, CheckStatus::Pass, 7200) }));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(FleetModel::ColumnCount));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(0, FleetModel::StatusColumn).data().toString(), u"fail"_s);
        QVERIFY(!model.index(0, FleetModel::StatusColumn)
                .data(Qt::DecorationRole)
                .value<QIcon>()
                .isNull());
        QCOMPARE(model.index(0, FleetModel::AgeColumn).data().toString(), u"5 min"_s);
        QCOMPARE(model.index(1, FleetModel::AgeColumn).data().toString(), u"2 h"_s);
        QCOMPARE(
            model.index(1, FleetModel::AgeColumn).data(FleetModel::SortRole).toLongLong(), 7200);
        QCOMPARE(model.index(0, FleetModel::StatusColumn).data(FleetModel::SortRole).toInt(),
            Status::rank(CheckStatus::Fail));
        QCOMPARE(model.index(0, FleetModel::ResultsColumn).data().toInt(), 1);
        QCOMPARE(model.rowOf(u"stage"_s), 1);
        QCOMPARE(model.rowOf(u"nope"_s), -1);
        // Fewer rows, then none: the tester checks the reset's bookkeeping.
        model.setSnapshot(snapshot({ env(u"only"_s, CheckStatus::Warn, 10) }));
        QCOMPARE(names(model), QStringList { u"only"_s });
        model.setSnapshot({});
        QCOMPARE(model.rowCount(), 0);
    }

    void filterByNameAndStatus()
    {
        FleetModel model;
        FleetFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot({ env(u"eu-prod"_s, CheckStatus::Fail, 60),
            env(u"eu-stage"_s, CheckStatus::Pass, 60), env(u"us-prod"_s, CheckStatus::Warn, 60),
            env(u"us-stage"_s, CheckStatus::Fail, 60) }));
        filter.setNameFilter(u"PROD"_s);
        QCOMPARE(names(filter), QStringList({ u"eu-prod"_s, u"us-prod"_s }));
        filter.setStatusFilter(CheckStatus::Fail);
        QCOMPARE(names(filter), QStringList { u"eu-prod"_s });
        filter.setNameFilter({});
        QCOMPARE(names(filter), QStringList({ u"eu-prod"_s, u"us-stage"_s }));
        filter.setStatusFilter(std::nullopt);
        filter.sort(FleetModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, FleetModel::StatusColumn).data().toString(), u"fail"_s);
        QCOMPARE(filter.index(3, FleetModel::StatusColumn).data().toString(), u"pass"_s);
        // A new snapshot under an active filter and sort.
        filter.setNameFilter(u"us"_s);
        model.setSnapshot(snapshot({ env(u"us-x"_s, CheckStatus::Pass, 1),
            env(u"eu-x"_s, CheckStatus::Fail, 1), env(u"us-y"_s, CheckStatus::Error, 1) }));
        QCOMPARE(names(filter), QStringList({ u"us-y"_s, u"us-x"_s }));
    }

    void filterByTag()
    {
        FleetModel model;
        FleetFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(
            snapshot({ env(u"eu-prod"_s, CheckStatus::Fail, 60, { u"eu"_s, u"prod"_s }),
                env(u"eu-stage"_s, CheckStatus::Pass, 60, { u"eu"_s }),
                env(u"us-prod"_s, CheckStatus::Warn, 60, { u"prod"_s, u"us"_s }),
                env(u"untagged"_s, CheckStatus::Fail, 60) }));
        QCOMPARE(model.tags(), QStringList({ u"eu"_s, u"prod"_s, u"us"_s }));
        QCOMPARE(model.index(0, FleetModel::TagsColumn).data().toString(), u"eu, prod"_s);
        QCOMPARE(model.index(0, FleetModel::TagsColumn).data(FleetModel::TagsRole).toStringList(),
            QStringList({ u"eu"_s, u"prod"_s }));
        filter.setTagFilter(u"prod"_s);
        QCOMPARE(names(filter), QStringList({ u"eu-prod"_s, u"us-prod"_s }));
        QVERIFY(filter.acceptsSourceRow(0));
        QVERIFY(!filter.acceptsSourceRow(1));
        // A whole tag, not a part of one, and its case.
        filter.setTagFilter(u"pro"_s);
        QCOMPARE(names(filter), QStringList());
        filter.setTagFilter(u"PROD"_s);
        QCOMPARE(names(filter), QStringList());
        // With the other filters.
        filter.setTagFilter(u"eu"_s);
        filter.setStatusFilter(CheckStatus::Pass);
        QCOMPARE(names(filter), QStringList { u"eu-stage"_s });
        filter.setStatusFilter(std::nullopt);
        filter.setNameFilter(u"prod"_s);
        QCOMPARE(names(filter), QStringList { u"eu-prod"_s });
        filter.setTagFilter({});
        filter.setNameFilter({});
        QCOMPARE(filter.rowCount(), 4);
    }

    // The fleet's matrix from the store's current states: one column per environment given,
    // in that order; their states per migration; a column's worst from its stored results; a
    // history whose newest stored result is an error unknown, not its old states.
    void matrixFromStoredStates()
    {
        using S = MigrationEntry::State;
        using Cell = MigrationMatrix::Cell;
        const QString history = u"public.__EFMigrationsHistory"_s;
        const auto sighting = [&](const QString &e, const QString &id, S state) {
            MigrationSighting s;
            s.environment = e;
            s.tool = u"efcore"_s;
            s.history = history;
            s.migrationId = id;
            s.state = state;
            s.firstSeen = Now.addDays(-1);
            s.lastSeen = Now;
            s.current = true;
            return s;
        };
        const QList<MigrationSighting> current = { sighting(u"prod"_s, u"A"_s, S::Applied),
            sighting(u"prod"_s, u"B"_s, S::Pending), sighting(u"stage"_s, u"A"_s, S::Applied),
            sighting(u"stage"_s, u"B"_s, S::Applied), sighting(u"stage"_s, u"C"_s, S::Applied),
            sighting(u"broken"_s, u"A"_s, S::Applied), sighting(u"gone"_s, u"A"_s, S::Failed) };
        FleetEnvironment broken = env(u"broken"_s, CheckStatus::Pass, 60);
        StoredResult unreadable;
        unreadable.environment = u"broken"_s;
        unreadable.checkId = u"check.postgres.migrations"_s;
        unreadable.subject = u"efcore "_s + history;
        unreadable.status = CheckStatus::Error;
        broken.results << unreadable;
        // gone is filtered out of the fleet view: not a column, its states not read.
        const MigrationMatrix m
            = FleetMatrixLoader::build({ env(u"stage"_s, CheckStatus::Pass, 60),
                                           env(u"prod"_s, CheckStatus::Warn, 60), broken },
                current);
        QCOMPARE(m.columns.size(), 3);
        QCOMPARE(m.columns[0].environment, u"stage"_s);
        QCOMPARE(m.columns[1].environment, u"prod"_s);
        QCOMPARE(m.columns[0].worst, CheckStatus::Pass);
        QCOMPARE(m.columns[1].worst, CheckStatus::Warn);
        QCOMPARE(m.columns[2].worst, CheckStatus::Error);
        QStringList rows;
        for (const MigrationMatrix::Row &r : m.rows) {
            QStringList cells;
            for (const Cell c : r.cells)
                cells << MigrationMatrices::cellKey(c);
            rows << r.migrationId + u": "_s + cells.join(u' ');
            QCOMPARE(r.tool, u"efcore"_s);
            QCOMPARE(r.history, history);
        }
        QCOMPARE(rows,
            QStringList({ u"A: applied applied unknown"_s, u"B: applied pending unknown"_s,
                u"C: applied absent unknown"_s }));
        QVERIFY(m.rows[1].differs);
        QCOMPARE(m.rows[1].firstSeen[1], Now.addDays(-1)); // from the sighting
    }

    void loaderReadsOffTheUiThread()
    {
        QTemporaryDir dir;
        const QString small = dir.filePath(u"small.sqlite"_s);
        const QString big = dir.filePath(u"big.sqlite"_s);
        QCOMPARE(writeStore(small, 3), QString());
        QCOMPARE(writeStore(big, 250), QString());
        FleetModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FleetLoader loader(&model);
        QSignalSpy loaded(&loader, &FleetLoader::loaded);
        QSignalSpy failed(&loader, &FleetLoader::failed);
        loader.load(big);
        QVERIFY(loader.isBusy());
        QCOMPARE(model.rowCount(), 0); // nothing read on this thread
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0][0].toInt(), 250);
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.index(0, FleetModel::StatusColumn).data().toString(), u"warn"_s);
        QVERIFY(!loader.isBusy());

        // The big store's load is overtaken by the small one's: only the small one lands,
        // whichever thread finishes first.
        loaded.clear();
        loader.load(big);
        loader.load(small);
        QCOMPARE(loaded.size(), 0); // never inside load(), even when a read is done already
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QTest::qWait(300); // the big one's result, if it were not dropped, would be here now
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), 3);

        loader.load(dir.filePath(u"missing.sqlite"_s));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed[0][0].toString().contains(u"missing.sqlite"_s));
        QCOMPARE(model.rowCount(), 3); // kept
        QCOMPARE(loaded.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_FleetModel)
#include "tst_fleetmodel.moc"
