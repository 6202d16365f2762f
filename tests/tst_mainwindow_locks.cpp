// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Locks view in the dashboard (issue 16): Ctrl+L shows it, it follows the selected
// environment, and its Refresh runs check.postgres.locks for that environment only through
// the real runner (the other checks' results and the other environment stay as they were),
// with Refresh disabled while the run goes; the environments list's badges follow the
// results, and the list draws them with their own tooltips. The Locks and Matrix tabs are
// built when first shown.
#include "environmentdelegate.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "locksview.h"
#include "mainwindow.h"
#include "matrixview.h"
#include "migrationsview.h"
#include "postgres/connectivitycheck.h"
#include "postgres/lockscheck.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// An environment the runner never connects to: every check reports the configuration
// error at once, so the run needs no server and no password.
Environment unconfigured(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"127.0.0.1"_s;
    e.connection.port = u"1"_s;
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    e.configurationError = u"no connection configured (test)"_s;
    return e;
}
} // namespace

class TestMainWindowLocks : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        m_kb.load();
    }

    void refreshRunsTheLocksCheckOnly()
    {
        MainWindow w(m_kb);
        w.setEnvironments({ unconfigured(u"prod"_s), unconfigured(u"dev"_s) }, u"test"_s);
        CheckResult migrating;
        migrating.environment = u"prod"_s;
        migrating.checkId = MigrationsCheck::Id;
        migrating.subject = u"efcore public.__EFMigrationsHistory"_s;
        migrating.status = CheckStatus::Warn;
        migrating.message = u"Migration in progress: EF Core pid 4242"_s;
        migrating.evidence = { { u"MigrationLock"_s, u"in-progress"_s } };
        migrating.generation = 1;
        w.resultsModel()->upsert(migrating);
        w.show();

        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(1));
        QCOMPARE(w.locksView()->environment(), u"prod"_s);
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(w.migrationsView()));
        QCOMPARE(w.showLocksAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        w.showLocksAction()->trigger();
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(w.locksView()));
        QVERIFY(w.locksView()->statusText().contains(u"not checked yet"_s));

        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.locksView()->refreshButton()->isEnabled());
        QTest::mouseClick(w.locksView()->refreshButton(), Qt::LeftButton);
        QVERIFY(!w.locksView()->refreshButton()->isEnabled()); // one run at a time
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), false);

        const ResultsModel *results = w.resultsModel();
        const int locks = results->rowOf(u"prod"_s, LocksCheck::Id);
        QVERIFY(locks >= 0);
        QVERIFY(results->resultAt(locks)->message.contains(u"no connection configured"_s));
        QVERIFY(!results->isStale(locks));
        // Only that check, only that environment; the migrations result stays, fresh.
        QCOMPARE(results->rowOf(u"prod"_s, ConnectivityCheck::Id), -1);
        QCOMPARE(results->rowOf(u"dev"_s, LocksCheck::Id), -1);
        const int kept = results->rowOf(u"prod"_s, MigrationsCheck::Id);
        QVERIFY(kept >= 0);
        QVERIFY(!results->isStale(kept));
        QCOMPARE(results->rowCount(), 2);
        QVERIFY2(w.locksView()->statusText().contains(u"no connection configured"_s),
            qPrintable(w.locksView()->statusText()));
        QVERIFY(w.locksView()->refreshButton()->isEnabled());

        // The badge the run's delivery worked out from the environment's results.
        const auto badges = w.environmentsModel()
                                ->index(1)
                                .data(EnvironmentsModel::BadgesRole)
                                .value<QList<EnvironmentBadge>>();
        QCOMPARE(badges.size(), 1);
        QCOMPARE(badges.first().kind, EnvironmentBadge::Kind::MigrationInProgress);
        auto *delegate = qobject_cast<EnvironmentDelegate *>(w.environmentsView()->itemDelegate());
        QVERIFY(delegate);
        const QRect row = w.environmentsView()->visualRect(w.environmentsModel()->index(1));
        const QList<QRect> rects
            = EnvironmentDelegate::badgeRects(row, w.environmentsModel()->index(1));
        QCOMPARE(rects.size(), 1);
        QVERIFY(row.contains(rects.first()));
        QVERIFY(EnvironmentDelegate::badgeRects(row, w.environmentsModel()->index(2)).isEmpty());

        // The tab shown is remembered; back to the migrations with Ctrl+M.
        QCOMPARE(QSettings().value(MainWindow::lowerTabKey()).toInt(), 1);
        {
            MainWindow again(m_kb);
            QCOMPARE(again.lowerTabs()->currentWidget(), static_cast<QWidget *>(again.locksView()));
        }
        QTest::keyClick(&w, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(w.migrationsView()));
        QCOMPARE(QSettings().value(MainWindow::lowerTabKey()).toInt(), 0);
    }

    // The start builds what the first frame shows only (tests/bench/startup): the Locks and
    // Matrix tabs wait until shown or asked for, the migrations filter's clear button (an
    // icon-theme lookup) until the window has been painted.
    void hiddenTabsAreBuiltWhenShown()
    {
        QSettings().setValue(MainWindow::lowerTabKey(), 0);
        MainWindow w(m_kb);
        w.setEnvironments({ unconfigured(u"prod"_s), unconfigured(u"dev"_s) }, u"test"_s);
        QVERIFY(!w.findChild<LocksView *>());
        QVERIFY(!w.findChild<MatrixView *>());
        QVERIFY(!w.migrationsView()->filterEdit()->isClearButtonEnabled());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.migrationsView()->filterEdit()->isClearButtonEnabled());
        QVERIFY(!w.findChild<LocksView *>()); // on screen: still not built
        QCOMPARE(w.lowerTabs()->count(), 4);

        w.lowerTabs()->setCurrentIndex(2); // as a click on the Matrix tab
        QVERIFY(w.findChild<MatrixView *>());
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(w.matrixView()));
        QCOMPARE(w.lowerTabs()->indexOf(w.matrixView()), 2);
        QCOMPARE(w.lowerTabs()->count(), 4);
        QCOMPARE(QSettings().value(MainWindow::lowerTabKey()).toInt(), 2);

        // Built when asked for, it follows the environment chosen before, and stays hidden.
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(1));
        QCOMPARE(w.locksView()->environment(), u"prod"_s);
        QCOMPARE(w.lowerTabs()->indexOf(w.locksView()), 1);
        QCOMPARE(w.lowerTabs()->currentIndex(), 2);
        QCOMPARE(QSettings().value(MainWindow::lowerTabKey()).toInt(), 2);
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(2));
        QCOMPARE(w.locksView()->environment(), u"dev"_s);
    }
};

QTEST_MAIN(TestMainWindowLocks)
#include "tst_mainwindow_locks.moc"
