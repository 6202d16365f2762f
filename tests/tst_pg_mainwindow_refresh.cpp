// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard's results across runs, offscreen with real widgets and the real runner
// against the fixture server, a closed port and a server that never answers (issue 12:
// results that stay, auto-refresh): F5 and reopening the file keep the rows (greyed) until
// replaced and the user's selection; Cancel keeps what was not refreshed; editing one
// environment reruns only it; auto-refresh marks the rows that changed. Root cause first:
// tst_pg_mainwindow.
#include "connectiondialog.h"
#include "engine/checkrunner.h"
#include "environmentsmodel.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "postgres/connectivitycheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "testsupport/builtincount.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QPalette>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Board;

namespace {
const QString &Connectivity = ConnectivityCheck::Id;
const QString &Migrations = MigrationsCheck::Id;
const QString &Pool = PoolCheck::Id;
} // namespace

class TestPgMainWindowRefresh : public QObject
{
    Q_OBJECT
private:
    MainWindowFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.setUp(), qPrintable(m_fx.error())); }

    // Item 4: F5 keeps the board. Every row stays, greyed with the time it was checked, until
    // its new result arrives; the user's selection stays although a worse result exists.
    void f5KeepsOldRowsUntilNewOnesArrive()
    {
        SilentServer server;
        MainWindow w(m_fx.kb());
        QAbstractItemModelTester t1(
            w.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(MainWindowFixture::runToEnd(w, { m_fx.up(), m_fx.silent(server) }));
        QCOMPARE(shown(w).environment, u"slow"_s); // the timeout is the worst result
        QVERIFY(w.selectResult(u"up"_s, Pool)); // the user looks at something else
        const QString slowCheckedAt
            = cell(w, u"slow"_s, Connectivity, ResultsModel::CheckedColumn).data().toString();
        QVERIFY(QTime::fromString(slowCheckedAt, u"HH:mm:ss"_s).isValid());

        QSignalSpy removed(w.resultsModel(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(w.resultsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::keyClick(w.resultsView(), Qt::Key_F5);
        QCOMPARE(w.resultsModel()->rowCount(), 2 * builtinChecks());
        QCOMPARE(staleRows(w).size(), 2 * builtinChecks());

        // The healthy environment answers at once; the silent one takes its 2 s timeout.
        QStringList slowRows;
        for (const Check *c : CheckRegistry::builtin().checks())
            slowRows << u"slow/"_s + c->id();
        QTRY_COMPARE_WITH_TIMEOUT(staleRows(w), slowRows, 1500);
        const QModelIndex old = cell(w, u"slow"_s, Migrations, ResultsModel::MessageColumn);
        QCOMPARE(old.data(Qt::ForegroundRole).value<QBrush>().color(),
            QApplication::palette().color(QPalette::Disabled, QPalette::Text));
        QVERIFY2(old.data(Qt::ToolTipRole).toString().contains(u"Checked at "_s + slowCheckedAt),
            qPrintable(old.data(Qt::ToolTipRole).toString()));
        QCOMPARE(cell(w, u"slow"_s, Migrations, ResultsModel::CheckedColumn).data().toString(),
            slowCheckedAt);
        QVERIFY(w.environmentsModel()->index(2).data(EnvironmentsModel::BusyRole).toBool());
        // The "refresh in progress" state of the trial, for a person to look at.
        if (const QString shot = qEnvironmentVariable("DOCTOR_TEST_SHOTS"); !shot.isEmpty())
            QVERIFY(w.grab().save(shot + u"/refresh-in-progress.png"_s));

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(staleRows(w).isEmpty());
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(shown(w).environment, u"up"_s);
        QCOMPARE(shown(w).checkId, Pool);
        QCOMPARE(w.remediationPanel()->checkId(), Pool);
    }

    // Opening the same environments file again: the rows stay (stale) until replaced, and
    // the result the user chose stays selected.
    void reopeningTheFileKeepsTheBoard()
    {
        const QString file = m_fx.homeFile(u"envs.yaml"_s);
        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(
            u"environments:\n  - name: up\n    connection: \"%1\"\n"
            "  - name: down\n    connection: \"Host=127.0.0.1;Port=%2;Database=x;Username=y\"\n"_s
                .arg(m_fx.pg().npgsqlString(m_fx.database()))
                .arg(closedLoopbackPort())
                .toUtf8());
        yaml.close();
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow w(m_fx.kb());
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.openEnvironmentsFile(file));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(shown(w).checkId, Connectivity);
        QVERIFY(w.selectResult(u"up"_s, Migrations));
        QSignalSpy reset(w.resultsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(w.resultsModel(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(w.openEnvironmentsFile(file));
        QCOMPARE(w.resultsModel()->rowCount(), 2 * builtinChecks());
        QCOMPARE(staleRows(w).size(),
            2 * builtinChecks()); // results come back through the event loop only
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 0);
        QVERIFY(staleRows(w).isEmpty());
        QCOMPARE(shown(w).environment, u"up"_s);
        QCOMPARE(shown(w).checkId, Migrations);
    }

    // A cancelled environment keeps its last result, marked as not refreshed.
    void cancelledEnvironmentKeepsItsLastResult()
    {
        SilentServer server;
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(MainWindowFixture::runToEnd(w, { m_fx.up(), m_fx.silent(server) }));
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(
            staleRows(w).size(), builtinChecks(), 1500); // up is back, slow is pending
        w.cancelRun();
        QCOMPARE(w.resultsModel()->rowCount(), 2 * builtinChecks());
        const QModelIndex slow = cell(w, u"slow"_s, Connectivity, ResultsModel::MessageColumn);
        QVERIFY(slow.data(ResultsModel::NotRefreshedRole).toBool());
        QVERIFY2(slow.data(Qt::ToolTipRole).toString().contains(u"not refreshed"),
            qPrintable(slow.data(Qt::ToolTipRole).toString()));
        QVERIFY(!cell(w, u"up"_s, Connectivity, 0).data(ResultsModel::StaleRole).toBool());
        QCOMPARE(w.environmentsModel()->index(2).data(EnvironmentsModel::WorstStatusRole).toInt(),
            int(CheckStatus::Fail));
        QCOMPARE(w.progressLabel()->text(), u"Cancelled"_s);
    }

    // Editing one environment reruns that one only; the other's results stay as they are.
    void editingOneEnvironmentRerunsOnlyIt()
    {
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(MainWindowFixture::runToEnd(w, { m_fx.up(), m_fx.down() }));
        QVERIFY(w.selectResult(u"up"_s, Migrations));
        QSignalSpy started(w.runner(), &CheckRunner::runStarted);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        ConnectionDialog *d = w.openConnectionDialog(u"down"_s);
        d->accept();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).toInt(), builtinChecks()); // one environment, every check
        QCOMPARE(w.resultsModel()->rowCount(), 2 * builtinChecks());
        QCOMPARE(staleRows(w).size(), builtinChecks());
        QVERIFY(!staleRows(w).contains(u"up/"_s + Migrations));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(staleRows(w).isEmpty());
        QCOMPARE(shown(w).checkId, Migrations);
        QCOMPARE(shown(w).environment, u"up"_s);
        QVERIFY(w.environmentsView()->currentIndex().data(EnvironmentsModel::IsAllRole).toBool());
    }

    // Auto-refresh (off by default, remembered): a role that reaches its connection limit
    // between two runs turns connectivity from pass to fail, and the row says it changed.
    void autoRefreshMarksChangedRows()
    {
        const QString role = u"doctor_flip_"_s + m_fx.database().right(6).toLower();
        QCOMPARE(m_fx.pg().exec(
                     m_fx.database(), { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-flip'"_s.arg(role) }),
            QString());
        Environment flip = m_fx.up();
        flip.name = u"flip"_s;
        flip.connection.user = role;
        flip.connection.password = u"pw-flip"_s;
        {
            MainWindow fresh(m_fx.kb());
            QCOMPARE(fresh.autoRefreshInterval(), 0);
        }
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(MainWindowFixture::runToEnd(w, { flip }));
        QCOMPARE(cell(w, u"flip"_s, Connectivity, 0)
                     .data(ResultsModel::ResultRole)
                     .value<CheckResult>()
                     .status,
            CheckStatus::Pass);
        QVERIFY(!cell(w, u"flip"_s, Connectivity, 0).data(ResultsModel::ChangedRole).toBool());

        QCOMPARE(
            m_fx.pg().exec(m_fx.database(), { u"ALTER ROLE %1 CONNECTION LIMIT 0"_s.arg(role) }),
            QString());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setAutoRefreshInterval(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000); // started by the timer, not by us
        QVERIFY2(w.progressLabel()->text().contains(u"next run at"),
            qPrintable(w.progressLabel()->text()));
        const QModelIndex status = cell(w, u"flip"_s, Connectivity, ResultsModel::StatusColumn);
        QCOMPARE(status.data().toString(), u"Fail"_s);
        QVERIFY(status.data(ResultsModel::ChangedRole).toBool());
        QCOMPARE(status.data(ResultsModel::PreviousStatusRole).toInt(), int(CheckStatus::Pass));
        QVERIFY2(status.data(Qt::ToolTipRole)
                     .toString()
                     .contains(u"Changed since the last run: was Pass, now Fail"),
            qPrintable(status.data(Qt::ToolTipRole).toString()));
        // Another run with the same outcome: no longer "changed".
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QVERIFY(!cell(w, u"flip"_s, Connectivity, 0).data(ResultsModel::ChangedRole).toBool());

        QCOMPARE(QSettings().value(u"window/autoRefreshSeconds"_s).toInt(), 1);
        {
            MainWindow again(m_fx.kb());
            QCOMPARE(again.autoRefreshInterval(), 1);
            again.setAutoRefreshInterval(0);
        }
        QCOMPARE(QSettings().value(u"window/autoRefreshSeconds"_s).toInt(), 0);
        w.setAutoRefreshInterval(0);
        QVERIFY(!w.autoRefreshTimer()->isActive());
    }
};

QTEST_MAIN(TestPgMainWindowRefresh)
#include "tst_pg_mainwindow_refresh.moc"
