// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard offscreen, real widgets and the real runner against the fixture server and
// a closed port (issue 12, root cause first): a failed connection is the selected result,
// with its own fixes, and the checks it kept from running are "not run", greyed; a pool the
// role cannot see warns instead of passing. Results across runs: tst_pg_mainwindow_refresh.
#include "codeblockview.h"
#include "environmentsmodel.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "postgres/connectivitycheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "statusicons.h"
#include "testsupport/builtincount.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPalette>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Board;

namespace {
const QString &Connectivity = ConnectivityCheck::Id;
const QString &Migrations = MigrationsCheck::Id;
const QString &Pool = PoolCheck::Id;
} // namespace

class TestPgMainWindow : public QObject
{
    Q_OBJECT
private:
    MainWindowFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.setUp(), qPrintable(m_fx.error())); }

    // Item 1: a closed port selects the connectivity result (red), shows no migration fix,
    // and the environment's other checks are "not run", greyed.
    void closedPortSelectsConnectivity()
    {
        MainWindow w(m_fx.kb());
        QAbstractItemModelTester t1(
            w.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(
            w.environmentsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(MainWindowFixture::runToEnd(w, { m_fx.up(), m_fx.down() }));
        QCOMPARE(w.resultsModel()->rowCount(), 2 * builtinChecks());

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
        for (int row = 1; row < builtinChecks(); ++row) // every other check of "down"
            QCOMPARE(view->index(row, ResultsModel::StatusColumn).data().toString(), u"Not run"_s);
        const int last = view->rowCount() - 1; // the healthy environments' passes last
        QCOMPARE(view->index(last, ResultsModel::StatusColumn).data().toString(), u"Pass"_s);
        QCOMPARE(shown(w).checkId, Connectivity); // sorting keeps the selection
    }

    // Item 3, never green while blind: a role without pg_read_all_stats, and seven sessions
    // of another role (the fixture's superuser) idle in a transaction for longer than the
    // environment's minimum. The role sees none of them idle; the pool row must still warn
    // and say what it cannot see, not pass with "0 idle in transaction".
    void blindPoolWarns()
    {
        const QString role = u"doctor_blind_"_s + m_fx.database().right(6).toLower();
        QCOMPARE(m_fx.pg().exec(
                     m_fx.database(), { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-blind'"_s.arg(role) }),
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
            QSqlDatabase c = m_fx.pg().addConnection(held.last(), m_fx.database());
            c.setConnectOptions(u"application_name=billing-api"_s);
            QVERIFY2(c.open(), qPrintable(c.lastError().text()));
            QSqlQuery q(c);
            // The SELECT takes a snapshot, as an application that read and forgot to commit.
            QVERIFY(q.exec(u"BEGIN"_s) && q.exec(u"SELECT 1"_s));
        }
        QThread::msleep(1500);

        Environment blind = m_fx.up();
        blind.name = u"blind"_s;
        blind.connection.user = role;
        blind.connection.password = u"pw-blind"_s;
        blind.pool.idleInTransactionMinSec = 1; // over 1 s instead of 30, to keep this short
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(MainWindowFixture::runToEnd(w, { blind }));

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
};

QTEST_MAIN(TestPgMainWindow)
#include "tst_pg_mainwindow.moc"
