// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FleetModel and FleetFilterModel under QAbstractItemModelTester (swapping snapshots of
// different sizes, filtering by name and status, sorting), and FleetLoader reading real
// SQLite stores off the UI thread: the rows arrive, a load overtaken by a newer one is
// dropped, and an unreadable store fails with the model kept.
#include "fleetfiltermodel.h"
#include "fleetloader.h"
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

FleetEnvironment env(const QString &name, CheckStatus worst, qint64 ageSeconds)
{
    FleetEnvironment e;
    e.name = name;
    e.worst = worst;
    e.latest = Now.addSecs(-ageSeconds);
    e.oldest = e.latest;
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
