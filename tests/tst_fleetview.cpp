// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The fleet view (issue 19 §5) with real widgets, offscreen, on a SQLite store written by
// HistoryStore: the environments' rows with worst status, age, shard and tags, the name,
// status and tag filters (the tag remembered), the selected environment's stored results with
// their Status column in sight, the Matrix tab showing the stored migration states of the
// environments the filters show, and Check Now: disabled with a reason for an environment the
// dashboard has no connection for, a live run of that one environment otherwise. File > Open
// Results Store remembers the store without its password.
#include "environmentsmodel.h"
#include "fleetfiltermodel.h"
#include "fleetloader.h"
#include "fleetmatrixloader.h"
#include "fleetmodel.h"
#include "fleetview.h"
#include "history/historystore.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "matrixdifferencefilter.h"
#include "matrixview.h"
#include "migrationmatrixmodel.h"
#include "resultsmodel.h"
#include "timelineview.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QXYSeries>

using namespace Qt::StringLiterals;

namespace {
const QStringList Checks
    = { u"check.postgres.connectivity"_s, u"check.postgres.locks"_s, u"check.postgres.pool"_s };

const QString Migrations = u"check.postgres.migrations"_s;
// A long history name, as a Flyway service's may be: it must not push the Status out of sight.
const QString History = u"billing_service.flyway_schema_history_of_the_billing_service"_s;

MigrationEntry entry(const QString &id, MigrationEntry::State state)
{
    MigrationEntry e;
    e.id = id;
    e.state = state;
    e.tool = u"flyway"_s;
    e.history = History;
    return e;
}

// 30 environments env-000 … env-029, three checks each; every fifth warns its pool; a
// second, newer run fails env-007's locks. Tags: eu (even), us (odd), and prod for env-020 …
// env-023, which also have a Flyway history: V1 applied everywhere, V2 pending on env-021
// only (applied by the second run on env-022, pending before).
QString writeStore(const QString &path)
{
    HistoryStore store;
    if (!store.open(path))
        return store.errorString();
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    HistoryRun run;
    run.startedAt = t0;
    QList<CheckResult> results;
    for (int i = 0; i < 30; ++i) {
        const QString env = u"env-%1"_s.arg(i, 3, 10, QChar(u'0'));
        run.environments << env;
        run.tags.insert(env,
            i >= 20 && i <= 23 ? QStringList { i % 2 ? u"us"_s : u"eu"_s, u"prod"_s }
                               : QStringList { i % 2 ? u"us"_s : u"eu"_s });
        if (i >= 20 && i <= 23) {
            using S = MigrationEntry::State;
            CheckResult m;
            m.environment = env;
            m.checkId = Migrations;
            m.subject = u"flyway "_s + History;
            const bool pending = i == 21 || i == 22;
            m.status = CheckStatus::Pass; // the statuses the other tests count stay as they were
            m.details = QVariant::fromValue(QList<MigrationEntry> {
                entry(u"1"_s, S::Applied), entry(u"2"_s, pending ? S::Pending : S::Applied) });
            m.checkedAt = t0;
            results << m;
        }
        for (const QString &check : Checks) {
            CheckResult r;
            r.environment = env;
            r.checkId = check;
            r.status
                = check.endsWith(u"pool"_s) && i % 5 == 0 ? CheckStatus::Warn : CheckStatus::Pass;
            r.message = u"stored "_s + Status::key(r.status);
            r.checkedAt = t0;
            results << r;
        }
    }
    if (!store.record(run, results))
        return store.errorString();
    HistoryRun later;
    later.startedAt = t0.addSecs(3600);
    later.environments = { u"env-007"_s, u"env-022"_s };
    CheckResult r;
    r.environment = u"env-007"_s;
    r.checkId = u"check.postgres.locks"_s;
    r.status = CheckStatus::Fail;
    r.message = u"a session waits 90 s"_s;
    r.checkedAt = later.startedAt;
    CheckResult m;
    m.environment = u"env-022"_s;
    m.checkId = Migrations;
    m.subject = u"flyway "_s + History;
    m.status = CheckStatus::Pass;
    m.details
        = QVariant::fromValue(QList<MigrationEntry> { entry(u"1"_s, MigrationEntry::State::Applied),
            entry(u"2"_s, MigrationEntry::State::Applied) });
    m.checkedAt = later.startedAt;
    return store.record(later, { r, m }) ? QString() : store.errorString();
}

QStringList column(const QTableView *table, int col)
{
    QStringList out;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        out << table->model()->index(row, col).data().toString();
    return out;
}
} // namespace

class tst_FleetView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_store;
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.filePath(u"home"_s));
        m_store = m_home.filePath(u"fleet.sqlite"_s);
        QCOMPARE(writeStore(m_store), QString());
        m_kb.load();
    }

    void rowsFilterAndSelection()
    {
        FleetView view;
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(view.loader(), &FleetLoader::loaded);
        view.openStore(m_store);
        QVERIFY(loaded.wait(10000));
        QTableView *table = view.table();
        QCOMPARE(table->model()->rowCount(), 30);
        // Worst first: env-007's newer fail, then the six warning pools.
        QCOMPARE(column(table, FleetModel::EnvironmentColumn).first(), u"env-007"_s);
        QCOMPARE(column(table, FleetModel::StatusColumn).mid(0, 7),
            QStringList(
                { u"fail"_s, u"warn"_s, u"warn"_s, u"warn"_s, u"warn"_s, u"warn"_s, u"warn"_s }));
        QCOMPARE(table->model()->index(0, FleetModel::AgeColumn).data().toString(), u"2 h"_s);
        QCOMPARE(table->model()->index(1, FleetModel::AgeColumn).data().toString(), u"3 h"_s);
        QCOMPARE(table->model()->index(0, FleetModel::ShardColumn).data().toString(), QString());
        QVERIFY(view.statusLine()->text().contains(u"30 environments"_s));
        QVERIFY(view.windowTitle().contains(m_store));

        QTest::keyClicks(view.nameFilter(), u"ENV-01"_s);
        QCOMPARE(table->model()->rowCount(), 10);
        // The count is of the rows shown, out of the store's.
        QVERIFY2(view.statusLine()->text().startsWith(u"10 of 30 environments · query"_s),
            qPrintable(view.statusLine()->text()));
        view.statusFilter()->setCurrentIndex(view.statusFilter()->findData(int(CheckStatus::Warn)));
        QCOMPARE(column(table, FleetModel::EnvironmentColumn),
            QStringList({ u"env-010"_s, u"env-015"_s }));
        view.nameFilter()->clear();
        QCOMPARE(table->model()->rowCount(), 6);
        view.statusFilter()->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 30);
        QVERIFY(view.statusLine()->text().startsWith(u"30 environments · query"_s));

        QVERIFY(!view.checkNowButton()->isEnabled());
        QVERIFY(view.resultsTree()->topLevelItemCount() == 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(table->model()->index(0, 0)).center());
        QCOMPARE(view.selectedEnvironment(), u"env-007"_s);
        QTreeWidget *tree = view.resultsTree();
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(1)->text(1), u"check.postgres.locks"_s);
        QCOMPARE(tree->topLevelItem(1)->text(0), u"fail"_s);
        QCOMPARE(tree->topLevelItem(1)->text(4), u"a session waits 90 s"_s);
        QCOMPARE(tree->topLevelItem(2)->text(4), u"stored pass"_s);
        // The worst result is current and its runs, read from the store, are the timeline's.
        QCOMPARE(tree->currentItem(), tree->topLevelItem(1));
        QCOMPARE(view.timelineView()->environment(), u"env-007"_s);
        QCOMPARE(view.timelineView()->checkId(), u"check.postgres.locks"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            view.timelineView()->runSeries() && view.timelineView()->runSeries()->count() == 2,
            10000);
        // No environments file behind this view: nothing to connect with.
        QVERIFY(!view.checkNowButton()->isEnabled());
        QVERIFY(!view.checkNowButton()->toolTip().isEmpty());

        QSignalSpy check(&view, &FleetView::checkNowRequested);
        view.setCheckAvailability([](const QString &env) {
            return env == u"env-007" ? QString() : u"not configured here"_s;
        });
        QVERIFY(view.checkNowButton()->isEnabled());
        QTest::mouseClick(view.checkNowButton(), Qt::LeftButton);
        QCOMPARE(check.size(), 1);
        QCOMPARE(check[0][0].toString(), u"env-007"_s);
        QVERIFY(view.selectEnvironment(u"env-010"_s));
        QVERIFY(!view.checkNowButton()->isEnabled());
        QCOMPARE(view.checkNowButton()->toolTip(), u"not configured here"_s);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(2)->text(0), u"warn"_s);
    }

    // At the size the dashboard opens it (MainWindow::openFleetView: 1000 x 720), the stored
    // results' Status column is in sight, a long history name or not.
    void statusColumnInSight()
    {
        FleetView view;
        view.resize(1000, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(view.loader(), &FleetLoader::loaded);
        view.openStore(m_store);
        QVERIFY(loaded.wait(10000));
        QVERIFY(view.selectEnvironment(u"env-021"_s));
        QTreeWidget *tree = view.resultsTree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        int status = -1;
        for (int c = 0; c < tree->columnCount(); ++c)
            if (tree->headerItem()->text(c) == u"Status")
                status = c;
        QVERIFY(status >= 0);
        const QHeaderView *header = tree->header();
        // At the default size, and in a window half as wide (the list is then about 350 px).
        for (const int width : { 1000, 640 }) {
            view.resize(width, 720);
            QVERIFY(view.selectEnvironment(u"env-021"_s));
            QCoreApplication::processEvents();
            const int left = header->sectionViewportPosition(status);
            QVERIFY2(left >= 0 && left + header->sectionSize(status) <= tree->viewport()->width(),
                qPrintable(u"window %1 px: Status at %2..%3 px of %4"_s.arg(width)
                        .arg(left)
                        .arg(left + header->sectionSize(status))
                        .arg(tree->viewport()->width())));
            QCOMPARE(tree->horizontalScrollBar()->value(), 0);
        }
    }

    void tagFilterAndMatrix()
    {
        QSettings().remove(u"fleet/tagFilter"_s);
        FleetView view;
        view.resize(1000, 720);
        view.show();
        QSignalSpy loaded(view.loader(), &FleetLoader::loaded);
        view.openStore(m_store);
        QVERIFY(loaded.wait(10000));
        QTableView *table = view.table();
        QCOMPARE(table->model()->rowCount(), 30);
        QComboBox *tags = view.tagFilter();
        QVERIFY(tags->isEnabled());
        QStringList offered;
        for (int i = 0; i < tags->count(); ++i)
            offered << tags->itemText(i);
        QCOMPARE(offered, QStringList({ u"All tags"_s, u"eu"_s, u"prod"_s, u"us"_s }));
        QCOMPARE(view.model()
                     ->index(view.model()->rowOf(u"env-021"_s), FleetModel::TagsColumn)
                     .data()
                     .toString(),
            u"prod, us"_s); // sorted

        tags->setCurrentIndex(tags->findData(u"prod"_s));
        QCOMPARE(table->model()->rowCount(), 4);
        QCOMPARE(QSettings().value(u"fleet/tagFilter"_s).toString(), u"prod"_s);
        // With the name filter too.
        QTest::keyClicks(view.nameFilter(), u"env-02"_s);
        QCOMPARE(table->model()->rowCount(), 4);
        view.nameFilter()->clear();

        // The Matrix tab: the stored states of the four prod environments, built when shown.
        MigrationMatrixModel *matrix = view.matrixView()->model();
        QCOMPARE(matrix->rowCount(), 0);
        QSignalSpy built(view.matrixLoader(), &FleetMatrixLoader::loaded);
        view.lowerTabs()->setCurrentWidget(view.matrixView());
        QVERIFY(built.wait(10000));
        QCOMPARE(matrix->columnCount(), MigrationMatrixModel::FirstEnvironmentColumn + 4);
        QStringList columns;
        for (int c = MigrationMatrixModel::FirstEnvironmentColumn; c < matrix->columnCount(); ++c)
            columns << matrix->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(columns, QStringList({ u"env-020"_s, u"env-021"_s, u"env-022"_s, u"env-023"_s }));
        QCOMPARE(matrix->rowCount(), 2);
        QStringList cells; // V2's row: pending only where the newest run saw it pending
        for (int c = MigrationMatrixModel::FirstEnvironmentColumn; c < matrix->columnCount(); ++c)
            cells << MigrationMatrices::cellKey(MigrationMatrix::Cell(
                matrix->index(1, c).data(MigrationMatrixModel::CellRole).toInt()));
        QCOMPARE(matrix->index(1, MigrationMatrixModel::MigrationColumn).data().toString(), u"2"_s);
        QCOMPARE(cells, QStringList({ u"applied"_s, u"pending"_s, u"applied"_s, u"applied"_s }));
        QCOMPARE(view.matrixView()->filterModel()->rowCount(), 1); // only the row that differs

        // Another tag, the matrix shown: built again for the environments now shown, without
        // reading the store again.
        built.clear();
        tags->setCurrentIndex(tags->findData(u"us"_s));
        QCOMPARE(table->model()->rowCount(), 15);
        QVERIFY(built.wait(10000));
        QCOMPARE(matrix->columnCount(), MigrationMatrixModel::FirstEnvironmentColumn + 15);
        // Clicking a cell selects its environment above.
        const int env021 = MigrationMatrixModel::FirstEnvironmentColumn + 10; // env-021
        QCOMPARE(matrix->headerData(env021, Qt::Horizontal).toString(), u"env-021"_s);
        view.matrixView()->table()->setCurrentIndex(
            view.matrixView()->filterModel()->index(0, env021));
        Q_EMIT view.matrixView()->table()->activated(
            view.matrixView()->filterModel()->index(0, env021));
        QCOMPARE(view.selectedEnvironment(), u"env-021"_s);

        // The tag is remembered: a new view of the store starts filtered by it.
        FleetView again;
        QSignalSpy loadedAgain(again.loader(), &FleetLoader::loaded);
        again.openStore(m_store);
        QVERIFY(loadedAgain.wait(10000));
        QCOMPARE(again.tagFilter()->currentData().toString(), u"us"_s);
        QCOMPARE(again.table()->model()->rowCount(), 15);
        again.tagFilter()->setCurrentIndex(0);
        QCOMPARE(again.table()->model()->rowCount(), 30);
    }

    void mainWindowOpensTheStore()
    {
        MainWindow w(m_kb);
        QVERIFY(w.openStoreAction());
        QCOMPARE(w.openStoreAction()->text(), u"Open Results &Store…"_s);
        Environment env;
        env.name = u"env-007"_s;
        env.configurationError = u"no connection in this test"_s; // the run fails at once
        w.setEnvironments({ env }, u"test"_s);
        w.show();

        // A URL with a password: tried, failing, and remembered without the password.
        FleetView *fleet = w.openFleetView(
            u"postgresql://fleet:s3cretpw@127.0.0.1:1/doctor?connect_timeout=2"_s);
        QSignalSpy failed(fleet->loader(), &FleetLoader::failed);
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed[0][0].toString().contains(u"s3cretpw"_s));
        QVERIFY(!fleet->statusLine()->text().contains(u"s3cretpw"_s));
        QVERIFY(!fleet->windowTitle().contains(u"s3cretpw"_s));
        const QString remembered = QSettings().value(u"fleet/store"_s).toString();
        QVERIFY(remembered.startsWith(u"postgresql://fleet@127.0.0.1:1/doctor"_s));
        QVERIFY(!remembered.contains(u"s3cretpw"_s));

        QSignalSpy loaded(fleet->loader(), &FleetLoader::loaded);
        QCOMPARE(w.openFleetView(m_store), fleet); // the same window, another store
        QVERIFY(loaded.wait(10000));
        QCOMPARE(fleet->model()->rowCount(), 30);
        QVERIFY(fleet->isVisible());
        QVERIFY(fleet->isWindow());

        QVERIFY(fleet->selectEnvironment(u"env-012"_s));
        QVERIFY(!fleet->checkNowButton()->isEnabled());
        QVERIFY(fleet->checkNowButton()->toolTip().contains(u"not in the environments file"_s));
        QVERIFY(fleet->selectEnvironment(u"env-007"_s));
        QVERIFY(fleet->checkNowButton()->isEnabled());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::mouseClick(fleet->checkNowButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        // The live run's result of that environment is in the dashboard's results.
        QVERIFY(w.resultsModel()->rowCount() > 0);
    }
};

QTEST_MAIN(tst_FleetView)
#include "tst_fleetview.moc"
