// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard offscreen, real widgets and the real runner against the fixture server, a
// closed port and a server that never answers (issue 12: root cause first, results that
// stay, auto-refresh).
#include "codeblockview.h"
#include "connectiondialog.h"
#include "engine/checkrunner.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "silentserver.h"
#include "statusicons.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPalette>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;

int rowOf(const MainWindow &w, const QString &env, const QString &check)
{
    return w.resultsModel()->rowOf(env, check);
}

QModelIndex cell(const MainWindow &w, const QString &env, const QString &check, int column)
{
    return w.resultsModel()->index(rowOf(w, env, check), column);
}

CheckResult shown(const MainWindow &w)
{
    return w.resultsView()->currentIndex().data(ResultsModel::ResultRole).value<CheckResult>();
}

QStringList staleRows(const MainWindow &w)
{
    QStringList stale;
    for (int r = 0; r < w.resultsModel()->rowCount(); ++r) {
        if (w.resultsModel()->isStale(r))
            stale << w.resultsModel()->resultAt(r)->environment + u'/'
                    + w.resultsModel()->resultAt(r)->checkId;
    }
    return stale;
}
} // namespace

class TestPgMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;
    PgServer m_pg;
    QString m_db;

    Environment up() const { return m_pg.environment(u"up"_s, m_db); }
    Environment down() const
    {
        Environment e = m_pg.environment(u"down"_s, m_db);
        e.connection.port = QString::number(closedLoopbackPort());
        return e;
    }
    Environment silent(const SilentServer &server) const
    {
        Environment e = m_pg.environment(u"slow"_s, m_db);
        e.connection.port = QString::number(server.port());
        e.timeouts.connectSec = 2;
        return e;
    }
    // Loads environments and runs them to the end as File > Open does.
    bool runToEnd(MainWindow &w, const QList<Environment> &envs)
    {
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(envs, u"fixture"_s);
        w.runAll();
        return QTest::qWaitFor([&] { return finished.size() == 1; }, 20000)
            && !finished.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // QSettings (auto-refresh) and no keychain
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"gui"_s);
        QCOMPARE(
            m_pg.exec(m_db,
                { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                  "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                    u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', '9.0.6')"_s }),
            QString());
    }

    // Item 1: a closed port selects the connectivity result (red), shows no migration fix,
    // and the environment's other checks are "not run", greyed.
    void closedPortSelectsConnectivity()
    {
        MainWindow w(m_kb);
        QAbstractItemModelTester t1(
            w.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(
            w.environmentsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(runToEnd(w, { up(), down() }));
        QCOMPARE(w.resultsModel()->rowCount(), 6);

        const CheckResult selected = shown(w);
        QCOMPARE(selected.environment, u"down"_s);
        QCOMPARE(selected.checkId, Connectivity);
        QCOMPARE(selected.status, CheckStatus::Fail);
        RemediationPanel *panel = w.remediationPanel();
        QCOMPARE(panel->checkId(), Connectivity);
        int blocks = 0;
        for (DeploymentStyle style : Deployment::all()) {
            for (CodeBlockView *b : panel->codeBlocks(style)) {
                ++blocks;
                QVERIFY2(!b->text().contains(u"stella db migrate"), qPrintable(b->text()));
            }
        }
        QVERIFY(blocks > 0); // connectivity's own fixes are there

        for (const QString &id : { Migrations, Pool }) {
            const QModelIndex status = cell(w, u"down"_s, id, ResultsModel::StatusColumn);
            QCOMPARE(status.data().toString(), u"Not run"_s);
            const auto r = status.data(ResultsModel::ResultRole).value<CheckResult>();
            QCOMPARE(r.status, CheckStatus::NotRun);
            QVERIFY(r.remediation.fixes.isEmpty());
            QVERIFY2(r.message.contains(Connectivity), qPrintable(r.message));
            QCOMPARE(cell(w, u"down"_s, id, ResultsModel::MessageColumn)
                         .data(Qt::ForegroundRole)
                         .value<QBrush>()
                         .color(),
                QApplication::palette().color(QPalette::Disabled, QPalette::Text));
        }
        // The environment's badge: the failed connection, red.
        const QModelIndex badge = w.environmentsModel()->index(2);
        QCOMPARE(badge.data(EnvironmentsModel::EnvironmentNameRole).toString(), u"down"_s);
        QCOMPARE(badge.data(EnvironmentsModel::WorstStatusRole).toInt(), int(CheckStatus::Fail));
        const QImage icon = badge.data(Qt::DecorationRole).value<QIcon>().pixmap(32, 32).toImage();
        QCOMPARE(QColor(icon.pixel(16, 16)), StatusIcons::colour(CheckStatus::Fail));
        QCOMPARE(StatusIcons::colour(CheckStatus::Fail), QColor(0xd6, 0x36, 0x36));

        // The Status column sorts by rank: the failed connection first, not "Error" < "Fail".
        w.resultsView()->sortByColumn(ResultsModel::StatusColumn, Qt::DescendingOrder);
        const QAbstractItemModel *view = w.resultsView()->model();
        QCOMPARE(view->index(0, ResultsModel::StatusColumn).data().toString(), u"Fail"_s);
        QCOMPARE(view->index(1, ResultsModel::StatusColumn).data().toString(), u"Not run"_s);
        QCOMPARE(view->index(5, ResultsModel::StatusColumn).data().toString(), u"Pass"_s);
        QCOMPARE(shown(w).checkId, Connectivity); // sorting keeps the selection
    }

    // Item 3, never green while blind: a role without pg_read_all_stats, and seven sessions
    // of another role (the fixture's superuser) idle in a transaction for longer than the
    // environment's minimum. The role sees none of them idle; the pool row must still warn
    // and say what it cannot see, not pass with "0 idle in transaction".
    void blindPoolWarns()
    {
        const QString role = u"doctor_blind_"_s + m_db.right(6).toLower();
        QCOMPARE(m_pg.exec(m_db, { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-blind'"_s.arg(role) }),
            QString());
        QStringList held;
        const auto closeHeld = qScopeGuard([&] {
            for (const QString &name : std::as_const(held)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
        });
        for (int i = 0; i < 7; ++i) {
            held << u"blind-pool-held-%1"_s.arg(i);
            QSqlDatabase c = m_pg.addConnection(held.last(), m_db);
            c.setConnectOptions(u"application_name=billing-api"_s);
            QVERIFY2(c.open(), qPrintable(c.lastError().text()));
            QSqlQuery q(c);
            // The SELECT takes a snapshot, as an application that read and forgot to commit.
            QVERIFY(q.exec(u"BEGIN"_s) && q.exec(u"SELECT 1"_s));
        }
        QThread::msleep(1500);

        Environment blind = up();
        blind.name = u"blind"_s;
        blind.connection.user = role;
        blind.connection.password = u"pw-blind"_s;
        blind.pool.idleInTransactionMinSec = 1; // over 1 s instead of 30, to keep this short
        MainWindow w(m_kb);
        w.show();
        QVERIFY(runToEnd(w, { blind }));

        const QModelIndex status = cell(w, u"blind"_s, Pool, ResultsModel::StatusColumn);
        QVERIFY(status.isValid());
        const auto r = status.data(ResultsModel::ResultRole).value<CheckResult>();
        QCOMPARE(r.evidenceValue(u"IdleInTransaction"_s).toInt(), 0); // what the role saw: green
        QVERIFY(r.evidenceValue(u"HiddenInTransaction"_s).toInt() >= 7);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(status.data().toString(), u"Warning"_s);
        const QString message
            = cell(w, u"blind"_s, Pool, ResultsModel::MessageColumn).data().toString();
        QVERIFY2(message.contains(u"cannot see"_s), qPrintable(message));
        QVERIFY2(message.contains(u"GRANT pg_read_all_stats TO "_s + role), qPrintable(message));
        // The blind pool state of the trial, for a person to look at.
        QVERIFY(w.selectResult(u"blind"_s, Pool));
        if (const QString shot = qEnvironmentVariable("DOCTOR_TEST_SHOTS"); !shot.isEmpty())
            QVERIFY(w.grab().save(shot + u"/blind-pool.png"_s));
    }

    // Item 4: F5 keeps the board. Every row stays, greyed with the time it was checked, until
    // its new result arrives; the user's selection stays although a worse result exists.
    void f5KeepsOldRowsUntilNewOnesArrive()
    {
        SilentServer server;
        MainWindow w(m_kb);
        QAbstractItemModelTester t1(
            w.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(runToEnd(w, { up(), silent(server) }));
        QCOMPARE(shown(w).environment, u"slow"_s); // the timeout is the worst result
        QVERIFY(w.selectResult(u"up"_s, Pool)); // the user looks at something else
        const QString slowCheckedAt
            = cell(w, u"slow"_s, Connectivity, ResultsModel::CheckedColumn).data().toString();
        QVERIFY(QTime::fromString(slowCheckedAt, u"HH:mm:ss"_s).isValid());

        QSignalSpy removed(w.resultsModel(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(w.resultsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::keyClick(w.resultsView(), Qt::Key_F5);
        QCOMPARE(w.resultsModel()->rowCount(), 6);
        QCOMPARE(staleRows(w).size(), 6);

        // The healthy environment answers at once; the silent one takes its 2 s timeout.
        QTRY_COMPARE_WITH_TIMEOUT(staleRows(w),
            (QStringList { u"slow/"_s + Connectivity, u"slow/"_s + Migrations, u"slow/"_s + Pool }),
            1500);
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
        const QString file = m_home.filePath(u"envs.yaml"_s);
        QFile yaml(file);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(
            u"environments:\n  - name: up\n    connection: \"%1\"\n"
            "  - name: down\n    connection: \"Host=127.0.0.1;Port=%2;Database=x;Username=y\"\n"_s
                .arg(m_pg.npgsqlString(m_db))
                .arg(closedLoopbackPort())
                .toUtf8());
        yaml.close();
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.openEnvironmentsFile(file));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(shown(w).checkId, Connectivity);
        QVERIFY(w.selectResult(u"up"_s, Migrations));
        QSignalSpy reset(w.resultsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(w.resultsModel(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(w.openEnvironmentsFile(file));
        QCOMPARE(w.resultsModel()->rowCount(), 6);
        QCOMPARE(staleRows(w).size(), 6); // results come back through the event loop only
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
        MainWindow w(m_kb);
        w.show();
        QVERIFY(runToEnd(w, { up(), silent(server) }));
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(staleRows(w).size(), 3, 1500); // up is back, slow is pending
        w.cancelRun();
        QCOMPARE(w.resultsModel()->rowCount(), 6);
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
        MainWindow w(m_kb);
        w.show();
        QVERIFY(runToEnd(w, { up(), down() }));
        QVERIFY(w.selectResult(u"up"_s, Migrations));
        QSignalSpy started(w.runner(), &CheckRunner::runStarted);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        ConnectionDialog *d = w.openConnectionDialog(u"down"_s);
        d->accept();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(1).toInt(), 3); // one environment, three checks
        QCOMPARE(w.resultsModel()->rowCount(), 6);
        QCOMPARE(staleRows(w).size(), 3);
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
        const QString role = u"doctor_flip_"_s + m_db.right(6).toLower();
        QCOMPARE(
            m_pg.exec(m_db, { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-flip'"_s.arg(role) }), QString());
        Environment flip = up();
        flip.name = u"flip"_s;
        flip.connection.user = role;
        flip.connection.password = u"pw-flip"_s;
        {
            MainWindow fresh(m_kb);
            QCOMPARE(fresh.autoRefreshInterval(), 0);
        }
        MainWindow w(m_kb);
        w.show();
        QVERIFY(runToEnd(w, { flip }));
        QCOMPARE(cell(w, u"flip"_s, Connectivity, 0)
                     .data(ResultsModel::ResultRole)
                     .value<CheckResult>()
                     .status,
            CheckStatus::Pass);
        QVERIFY(!cell(w, u"flip"_s, Connectivity, 0).data(ResultsModel::ChangedRole).toBool());

        QCOMPARE(m_pg.exec(m_db, { u"ALTER ROLE %1 CONNECTION LIMIT 0"_s.arg(role) }), QString());
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
            MainWindow again(m_kb);
            QCOMPARE(again.autoRefreshInterval(), 1);
            again.setAutoRefreshInterval(0);
        }
        QCOMPARE(QSettings().value(u"window/autoRefreshSeconds"_s).toInt(), 0);
        w.setAutoRefreshInterval(0);
        QVERIFY(!w.autoRefreshTimer()->isActive());
    }
};

QTEST_MAIN(TestPgMainWindow)
#include "tst_pg_mainwindow.moc"
