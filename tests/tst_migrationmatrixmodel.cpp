// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The matrix as a table model and its "Only rows that differ" filter, both under
// QAbstractItemModelTester; the build on a pool thread and its stale results dropped.
#include "matrixdifferencefilter.h"
#include "migrationmatrixmodel.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using State = MigrationEntry::State;
using Cell = MigrationMatrix::Cell;

namespace {

const QString Subject = u"efcore public.__EFMigrationsHistory"_s;

CheckResult migrations(const QString &env, const QList<std::pair<QString, State>> &ids,
    CheckStatus status = CheckStatus::Pass)
{
    QList<MigrationEntry> entries;
    int position = 0;
    for (const auto &[id, state] : ids) {
        MigrationEntry e;
        e.id = id;
        e.state = state;
        e.position = ++position;
        e.tool = u"efcore"_s;
        e.history = u"public.__EFMigrationsHistory"_s;
        entries << e;
    }
    CheckResult r;
    r.environment = env;
    r.checkId = u"check.postgres.migrations"_s;
    r.subject = Subject;
    r.status = status;
    r.details = QVariant::fromValue(entries);
    return r;
}

// dev has a..e applied, staging a..d applied and e pending, prod a..c applied and d, e
// pending: rows d and e differ.
QList<CheckResult> threeEnvironments()
{
    const auto ids = [](int applied) {
        QList<std::pair<QString, State>> out;
        for (int i = 0; i < 5; ++i)
            out << std::pair { QString(QChar(u'a' + i)),
                i < applied ? State::Applied : State::Pending };
        return out;
    };
    return { migrations(u"dev"_s, ids(5)), migrations(u"staging"_s, ids(4)),
        migrations(u"prod"_s, ids(3), CheckStatus::Warn) };
}

const QStringList Environments { u"dev"_s, u"staging"_s, u"prod"_s };

// n migrations in each environment, the last one pending in the last environment.
QList<CheckResult> large(int n, const QString &prefix)
{
    QList<std::pair<QString, State>> ids;
    for (int i = 0; i < n; ++i)
        ids << std::pair { prefix + QString::number(i).rightJustified(5, u'0'), State::Applied };
    QList<std::pair<QString, State>> last = ids;
    last.last().second = State::Pending;
    return { migrations(u"dev"_s, ids), migrations(u"staging"_s, ids),
        migrations(u"prod"_s, last) };
}

} // namespace

class TestMigrationMatrixModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::setPalette(QPalette(Qt::white)); }

    void cellsAndHeaders()
    {
        MigrationMatrixModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.build(threeEnvironments(), Environments);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), MigrationMatrixModel::FirstEnvironmentColumn + 3);
        QCOMPARE(model.differingRows(), 2);
        QCOMPARE(model.historyCount(), 1);
        const int prod = MigrationMatrixModel::FirstEnvironmentColumn + 2;
        const QModelIndex d = model.index(3, prod);
        QCOMPARE(d.data().toString(), u"pending"_s);
        QCOMPARE(d.data(MigrationMatrixModel::CellRole).toInt(), int(Cell::Pending));
        QCOMPARE(d.data(MigrationMatrixModel::EnvironmentRole).toString(), u"prod"_s);
        QCOMPARE(d.data(MigrationMatrixModel::MigrationIdRole).toString(), u"d"_s);
        QVERIFY(d.data(MigrationMatrixModel::DiffersRole).toBool());
        QVERIFY(!d.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(3, MigrationMatrixModel::FirstEnvironmentColumn).data().toString(),
            u"applied"_s);
        QCOMPARE(model.index(3, MigrationMatrixModel::MigrationColumn).data().toString(), u"d"_s);
        QVERIFY(model.index(3, MigrationMatrixModel::HistoryColumn)
                .data()
                .toString()
                .contains(u"__EFMigrationsHistory"_s));
        QVERIFY(!model.index(0, MigrationMatrixModel::MigrationColumn)
                .data(MigrationMatrixModel::DiffersRole)
                .toBool());

        QCOMPARE(model.headerData(prod, Qt::Horizontal).toString(), u"prod"_s);
        QVERIFY(
            model.headerData(prod, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"warn"_s));
        const QIcon warn
            = model.headerData(prod, Qt::Horizontal, Qt::DecorationRole).value<QIcon>();
        const QIcon pass
            = model.headerData(prod - 1, Qt::Horizontal, Qt::DecorationRole).value<QIcon>();
        QVERIFY(!warn.isNull());
        // The worst status's badge: prod's (warn) is not dev's (pass).
        QVERIFY(warn.pixmap(16).toImage() != pass.pixmap(16).toImage());
    }

    void absentAndUnknownCells()
    {
        MigrationMatrixModel model;
        QList<CheckResult> results = threeEnvironments();
        results.removeLast(); // prod: no result at all
        results[1] = migrations(u"staging"_s, { { u"a"_s, State::Applied } });
        model.build(results, Environments);
        const QModelIndex absent = model.index(4, MigrationMatrixModel::FirstEnvironmentColumn + 1);
        const QModelIndex unknown
            = model.index(4, MigrationMatrixModel::FirstEnvironmentColumn + 2);
        QCOMPARE(absent.data(MigrationMatrixModel::CellRole).toInt(), int(Cell::Absent));
        QCOMPARE(unknown.data(MigrationMatrixModel::CellRole).toInt(), int(Cell::Unknown));
        QCOMPARE(absent.data().toString(), u"—"_s);
        QCOMPARE(unknown.data().toString(), u"?"_s);
        QVERIFY(!absent.data(Qt::BackgroundRole).isValid());
        QVERIFY(absent.data(Qt::ToolTipRole).toString().contains(u"nor expected"_s));
        QVERIFY(
            unknown.data(Qt::ToolTipRole).toString().contains(u"No readable EF Core history"_s));
    }

    void tooltipsCarryFirstSeen()
    {
        const QDateTime seen(QDate(2026, 11, 20), QTime(14, 5, 9), QTimeZone::UTC);
        QList<MigrationSighting> sightings;
        MigrationSighting s;
        s.environment = u"prod"_s;
        s.tool = u"efcore"_s;
        s.history = u"public.__EFMigrationsHistory"_s;
        s.migrationId = u"d"_s;
        s.state = State::Pending;
        s.firstSeen = seen.addDays(-30); // an older, not current sighting of the same state
        sightings << s;
        s.firstSeen = seen;
        s.current = true;
        sightings << s;
        s.firstSeen = seen.addDays(5); // newer, but not current: the current one wins
        s.current = false;
        sightings << s;
        MigrationMatrixModel model;
        model.build(
            threeEnvironments(), Environments, MigrationMatrixModel::firstSeenFrom(sightings));
        const QModelIndex d = model.index(3, MigrationMatrixModel::FirstEnvironmentColumn + 2);
        QCOMPARE(d.data(MigrationMatrixModel::FirstSeenRole).toDateTime(), seen);
        const QString tip = d.data(Qt::ToolTipRole).toString();
        QVERIFY2(
            tip.contains(seen.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)), qPrintable(tip));
        QVERIFY(tip.contains(u"Pending"_s));
        QVERIFY(tip.contains(u"prod"_s));
        const QModelIndex dev = model.index(3, MigrationMatrixModel::FirstEnvironmentColumn);
        QVERIFY(dev.data(Qt::ToolTipRole).toString().contains(u"not recorded"_s));
    }

    void coloursFollowThePalette()
    {
        const QColor lightApplied = MigrationMatrixModel::cellBackground(Cell::Applied);
        const QColor lightPending = MigrationMatrixModel::cellBackground(Cell::Pending);
        QVERIFY(lightApplied.isValid());
        QVERIFY(lightApplied != lightPending);
        QVERIFY2(lightApplied.lightness() > 180, qPrintable(lightApplied.name()));
        QVERIFY(!MigrationMatrixModel::cellBackground(Cell::Unknown).isValid());

        QPalette dark(QColor(0x2b, 0x2b, 0x2b), QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        QGuiApplication::setPalette(dark);
        const QColor darkFailed = MigrationMatrixModel::cellBackground(Cell::Failed);
        QVERIFY2(darkFailed.lightness() < 90, qPrintable(darkFailed.name())); // white text reads
        QVERIFY(darkFailed != MigrationMatrixModel::cellBackground(Cell::Pending));
    }

    void filterOnlyDifferingAndText()
    {
        MigrationMatrixModel model;
        MatrixDifferenceFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(filter.onlyDiffering()); // on by default
        model.build(threeEnvironments(), Environments);
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.index(0, 0).data().toString(), u"d"_s);
        QCOMPARE(filter.index(1, 0).data().toString(), u"e"_s);
        filter.setOnlyDiffering(false);
        QCOMPARE(filter.rowCount(), 5);
        filter.setText(u"D"_s); // case ignored; in no tool or history name
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), u"d"_s);
        filter.setText(u"efmigrations"_s); // the history: every row
        QCOMPARE(filter.rowCount(), 5);
        filter.setOnlyDiffering(true); // both: of those, the differing ones
        QCOMPARE(filter.rowCount(), 2);
        // A new matrix (a reset) through the filter: prod caught up, nothing differs.
        QList<CheckResult> caughtUp = threeEnvironments();
        caughtUp[1] = migrations(u"staging"_s, {});
        caughtUp.removeLast();
        model.build(caughtUp, { u"dev"_s });
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(filter.columnCount(), MigrationMatrixModel::FirstEnvironmentColumn + 1);
    }

    void largeInputBuildsOnAPoolThread()
    {
        MigrationMatrixModel model;
        MatrixDifferenceFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &MigrationMatrixModel::matrixChanged);
        model.build(large(4000, u"m"_s), Environments);
        QVERIFY(model.isBuilding()); // 12 000 entries: not on this thread
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(!model.isBuilding());
        QCOMPARE(model.rowCount(), 4000);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), u"m03999"_s);
    }

    void staleBuildIsDropped()
    {
        MigrationMatrixModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &MigrationMatrixModel::matrixChanged);
        model.build(large(6000, u"old"_s), Environments); // on a pool thread
        QVERIFY(model.isBuilding());
        model.build(threeEnvironments(), Environments); // small: at once, and newer
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.isBuilding());
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents(); // the old build's watcher reports here
        QTest::qWait(50);
        QCOMPARE(changed.size(), 1); // its matrix was not shown
        QCOMPARE(model.rowCount(), 5);

        model.build(large(6000, u"a"_s), Environments);
        model.build(large(3000, u"b"_s), Environments); // both large: the later one wins
        QTRY_VERIFY(!model.isBuilding());
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(model.rowCount(), 3000);
        QCOMPARE(model.index(0, 0).data().toString(), u"b00000"_s);
    }
};

QTEST_MAIN(TestMigrationMatrixModel)
#include "tst_migrationmatrixmodel.moc"
