// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard's run history (issue 18) with the real demo (three SQLite environments):
// each refresh is recorded in the default store, which a test home puts in a temporary
// folder; the results table's Since column and the Timeline tab fill from it, and a
// migration applied between two runs shows as a lower pending count; an unwritable store
// is one status-bar message however many runs, and the runs are as they would be without
// it; "Record run history" off creates no store.
#include "config/demo.h"
#include "environmentsmodel.h"
#include "history/historystore.h"
#include "historyclient.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"
#include "stallprobe.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

constexpr int MaxStallMs = 150; // as tst_uistall

class TestMainWindowHistory : public QObject
{
    Q_OBJECT
private:
    // Loads the demo's environments and runs them to the end, then waits for the history
    // client to have recorded and reloaded; false when the run did not end uncancelled.
    bool runToEnd(MainWindow &w)
    {
        QSignalSpy finished(&w, &MainWindow::runFinished);
        if (w.environmentsModel()->environments().isEmpty())
            w.setEnvironments(m_demo.environments, u"demo"_s);
        w.runAll();
        return QTest::qWaitFor([&] { return finished.size() == 1; }, 20000)
            && !finished.first().first().toBool()
            && QTest::qWaitFor([&] { return w.historyClient()->pendingJobs() == 0; }, 20000);
    }

    // Marks one more of staging's expected migrations as applied, as `dotnet ef database
    // update` would have: the history table gets its row.
    bool applyOneMigrationToStaging()
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"apply"_s);
            db.setDatabaseName(m_dir.filePath(u"staging.sqlite"_s));
            QSqlQuery q(db);
            ok = db.open()
                && q.exec(u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('%1', '9.0.6')"_s.arg(
                    Demo::expectedMigrationIds().at(39)));
        }
        QSqlDatabase::removeDatabase(u"apply"_s);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // the default store is in this folder
        QVERIFY(HistoryStore::defaultPath().startsWith(m_home.path()));
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
    }

    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_demo = Demo::create(m_dir.path()); // staging back to 3 pending
        QVERIFY2(m_demo.error.isEmpty(), qPrintable(m_demo.error));
        QFile::remove(HistoryStore::defaultPath());
    }

    void runsRecordedSinceAndTimeline()
    {
        MainWindow w(m_kb);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(runToEnd(w));
        QVERIFY(QFile::exists(HistoryStore::defaultPath()));
        {
            HistoryStore store;
            QVERIFY(store.open({}));
            HistoryFilter staging;
            staging.environment = u"staging"_s;
            const QList<StoredResult> stored = store.results(staging);
            int rows = 0;
            for (int r = 0; r < w.resultsModel()->rowCount(); ++r)
                rows += w.resultsModel()->resultAt(r)->environment == u"staging"_s;
            QCOMPARE(stored.size(), rows);
        }
        // Since: staging's migrations warn since this run; a passing row shows nothing.
        const int migrations = w.resultsModel()->rowOf(u"staging"_s, MigrationsCheck::Id);
        QVERIFY(migrations >= 0);
        QTRY_COMPARE(
            w.resultsModel()->index(migrations, ResultsModel::SinceColumn).data().toString(),
            u"now"_s);
        const int devRow = w.resultsModel()->rowOf(u"dev"_s, MigrationsCheck::Id);
        QCOMPARE(w.resultsModel()->index(devRow, ResultsModel::SinceColumn).data().toString(),
            QString());

        // The Timeline tab (Ctrl+T) of the selected result: one run, 3 pending.
        w.showTimelineAction()->trigger();
        QCOMPARE(w.lowerTabs()->currentWidget(), w.timelineView());
        QVERIFY(w.selectResult(u"staging"_s, MigrationsCheck::Id));
        TimelineView *timeline = w.timelineView();
        QTRY_VERIFY(timeline->isChartShown());
        QCOMPARE(timeline->environment(), u"staging"_s);
        QVERIFY(timeline->pendingSeries());
        QCOMPARE(timeline->pendingSeries()->count(), 1);
        QCOMPARE(timeline->pendingSeries()->at(0).y(), 3.0);

        // A migration applied, a second run: the line goes down to 2, and the UI thread
        // did not stall for the run, the record and the reloads.
        QVERIFY(applyOneMigrationToStaging());
        StallProbe probe(10);
        QVERIFY(runToEnd(w));
        QVERIFY2(probe.longestGapMs() <= StallProbe::budgetMs(MaxStallMs),
            qPrintable(u"longest stall %1 ms"_s.arg(probe.longestGapMs())));
        QTRY_COMPARE(timeline->pendingSeries() ? timeline->pendingSeries()->count() : 0, 2);
        QCOMPARE(timeline->pendingSeries()->at(1).y(), 2.0);
        QCOMPARE(timeline->environment(), u"staging"_s);
    }

    void unwritableStoreOneMessageRunsUnaffected()
    {
        QFile blocker(m_dir.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QSettings().setValue(
            HistoryClient::locationKey(), QString(blocker.fileName() + u"/history.sqlite"_s));
        MainWindow w(m_kb);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy errors(w.historyClient(), &HistoryClient::errorOccurred);
        QVERIFY(runToEnd(w));
        const int rows = w.resultsModel()->rowCount();
        QVERIFY(rows > 0);
        QVERIFY(runToEnd(w));
        QCOMPARE(w.resultsModel()->rowCount(), rows);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Run history not recorded: "_s),
            qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(!QApplication::activeModalWidget()); // no dialog
        QVERIFY(w.progressLabel()->text().contains(u"result"_s)); // the run's own line
    }

    void recordingOffCreatesNoStore()
    {
        QSettings().setValue(HistoryClient::recordKey(), false);
        MainWindow w(m_kb);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(runToEnd(w));
        QVERIFY(!QFile::exists(HistoryStore::defaultPath()));
        QVERIFY(w.selectResult(u"staging"_s, MigrationsCheck::Id));
        QVERIFY(w.timelineView()->note()->text().contains(u"history is off"_s));
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    KbLibrary m_kb;
    Demo::Setup m_demo;
};

QTEST_MAIN(TestMainWindowHistory)
#include "tst_mainwindow_history.moc"
