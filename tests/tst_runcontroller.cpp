// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// RunController without a server: refreshes of the embedded demo (SQLite) through the real
// CheckRunner fill the results and the environments list, Cancel keeps the last results as
// not refreshed, auto-refresh starts the next refresh, and an environment whose password
// prompt is cancelled gets "no password given" results instead of a run (SecretStore).
#include "config/demo.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "resultsmodel.h"
#include "runcontroller.h"
#include "secretstore.h"
#include "silentserver.h"
#include "testsupport/builtincount.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// A PostgreSQL environment with a user and no password, on a port nothing listens on.
Environment needingPassword(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"127.0.0.1"_s;
    e.connection.port = QString::number(closedLoopbackPort());
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    return e;
}

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QTemporaryDir m_demoDir;
    KbLibrary m_kb;
    QList<Environment> m_demo;

    struct Board
    {
        ResultsModel results;
        EnvironmentsModel environments;
        QAbstractItemModelTester resultsTester { &results,
            QAbstractItemModelTester::FailureReportingMode::QtTest };
        QAbstractItemModelTester environmentsTester { &environments,
            QAbstractItemModelTester::FailureReportingMode::QtTest };
    };

    int worst(const Board &b, int row) const
    {
        return b.environments.index(row).data(EnvironmentsModel::WorstStatusRole).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // QSettings (auto-refresh), no keychain, no PGPASSWORD
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
        const Demo::Setup demo = Demo::create(m_demoDir.path());
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        m_demo = demo.environments;
        QCOMPARE(m_demo.size(), 3);
    }

    void cleanup() { QSettings().clear(); }

    // A refresh runs every environment and leaves the board filled: one row per check,
    // each environment's worst result on its badge, nothing busy, a result per check.
    void refreshFillsTheBoard()
    {
        Board b;
        b.environments.setEnvironments(m_demo);
        RunController run(m_kb, &b.results, &b.environments);
        QSignalSpy finished(&run, &RunController::finished);
        QSignalSpy status(&run, &RunController::statusChanged);
        QSignalSpy arrived(&run, &RunController::resultArrived);
        QVERIFY(!run.isBusy());
        run.start(m_demo);
        QVERIFY(run.isBusy());
        QVERIFY(run.runner()->isRunning()); // the demo needs no password: it runs at once
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][0].toBool(), false);
        QVERIFY(!run.isBusy());
        QCOMPARE(b.results.rowCount(), 3 * builtinChecks());
        QCOMPARE(arrived.size(), 3 * builtinChecks());
        QCOMPARE(status.last()[0].toString(),
            u"%1 result(s)"_s.arg(3 * builtinChecks())); // no English .qm: as written
        QCOMPARE(worst(b, 1), int(CheckStatus::Pass)); // dev
        QCOMPARE(worst(b, 3), int(CheckStatus::Warn)); // prod: pending migrations
        QVERIFY(!b.environments.anyBusy());
        QVERIFY(!run.autoRefreshTimer()->isActive()); // off by default
    }

    // Cancel: the rows a refresh did not replace stay, marked as not refreshed.
    void cancelKeepsTheLastResults()
    {
        Board b;
        b.environments.setEnvironments(m_demo);
        RunController run(m_kb, &b.results, &b.environments);
        QSignalSpy finished(&run, &RunController::finished);
        QSignalSpy status(&run, &RunController::statusChanged);
        run.start(m_demo);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        run.start(m_demo);
        QCOMPARE(b.results.rowCount(), 3 * builtinChecks()); // still there, stale
        QVERIFY(b.results.isStale(0));
        run.cancel();
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished[1][0].toBool(), true);
        QCOMPARE(status.last()[0].toString(), u"Cancelled"_s);
        QVERIFY(!run.isBusy());
        QTest::qWait(200); // stray queued results of the cancelled run change nothing
        QCOMPARE(b.results.rowCount(), 3 * builtinChecks());
        for (int row = 0; row < b.results.rowCount(); ++row)
            QVERIFY(b.results.index(row, 0).data(ResultsModel::NotRefreshedRole).toBool());
    }

    // The runner has ended but the run's last results are still being put on the board: a
    // Cancel then still counts (the run ends cancelled), and stop() ends it at once, with
    // every result on the board (closing the window records the run before the program quits).
    void cancelAndStopWhileTheLastResultsLand()
    {
        Board b;
        b.environments.setEnvironments(m_demo);
        RunController run(m_kb, &b.results, &b.environments);
        QSignalSpy finished(&run, &RunController::finished);
        bool busyAtEnd = false;
        connect(run.runner(), &CheckRunner::runFinished, this, [&] {
            busyAtEnd = run.isBusy();
            run.cancel();
        });
        run.start(m_demo);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(busyAtEnd); // its results were still queued
        QCOMPARE(finished[0][0].toBool(), true);
        QCOMPARE(b.results.rowCount(), 3 * builtinChecks()); // they landed all the same

        RunController run2(m_kb, &b.results, &b.environments);
        QSignalSpy finished2(&run2, &RunController::finished);
        int onBoard = -1;
        connect(run2.runner(), &CheckRunner::resultReady, this, [&] {
            if (onBoard < 0) {
                run2.stop(); // as closeEvent does
                onBoard = int(finished2.size());
            }
        });
        run2.start(m_demo);
        QTRY_VERIFY_WITH_TIMEOUT(onBoard >= 0, 10000);
        QCOMPARE(onBoard, 1); // ended within stop(), not a turn of the event loop later
        QVERIFY(!run2.isBusy());
    }

    // Auto-refresh: armed when a refresh ends, says when the next one starts, starts it,
    // and is remembered; 0 turns it off.
    void autoRefreshStartsTheNextRefresh()
    {
        Board b;
        b.environments.setEnvironments(m_demo);
        RunController run(m_kb, &b.results, &b.environments);
        QSignalSpy finished(&run, &RunController::finished);
        QSignalSpy status(&run, &RunController::statusChanged);
        run.setAutoRefreshInterval(1);
        QCOMPARE(run.autoRefreshInterval(), 1);
        QCOMPARE(QSettings().value(u"window/autoRefreshSeconds"_s).toInt(), 1);
        QVERIFY(run.autoRefreshTimer()->isActive()); // nothing runs: counts from now
        run.start(m_demo);
        QVERIFY(!run.autoRefreshTimer()->isActive()); // never over a run
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(run.autoRefreshTimer()->isActive());
        QVERIFY2(status.last()[0].toString().startsWith(
                     u"%1 result(s) · next run at "_s.arg(3 * builtinChecks())),
            qPrintable(status.last()[0].toString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000); // the timer's refresh
        QCOMPARE(finished[1][0].toBool(), false);
        run.setAutoRefreshInterval(0);
        QVERIFY(!run.autoRefreshTimer()->isActive());
        QCOMPARE(QSettings().value(u"window/autoRefreshSeconds"_s).toInt(), 0);
        QTest::qWait(1300);
        QCOMPARE(finished.size(), 2);
    }

    // A cancelled prompt: the environment does not run; every check says "no password
    // given", its note says so, and the refresh ends with the others.
    void cancelledPromptGivesNoPasswordResults()
    {
        const Environment locked = needingPassword(u"locked"_s);
        Board b;
        b.environments.setEnvironments({ m_demo[0], locked });
        RunController run(m_kb, &b.results, &b.environments);
        SecretStore *store = run.secretStore();
        QProcessEnvironment system;
        system.insert(u"HOME"_s, m_home.path()); // no .pgpass there
        store->setProcessEnvironment(system);
        QList<PasswordRequest> asked;
        store->setPrompt([&](const PasswordRequest &r) { asked << r; });
        store->askAgain(locked); // straight to the prompt: no keychain, no probe
        QSignalSpy finished(&run, &RunController::finished);
        QSignalSpy status(&run, &RunController::statusChanged);
        run.start({ m_demo[0], locked });
        QCOMPARE(asked.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!run.runner()->isRunning(), 10000); // dev ran
        QCOMPARE(finished.size(), 0); // the refresh waits for the password
        QVERIFY(run.isBusy());
        QCOMPARE(status.last()[0].toString(), u"Waiting for a password: locked"_s);
        QCOMPARE(b.environments.index(2).data(EnvironmentsModel::NoteRole).toString(),
            u"waiting for password"_s);

        store->decline(asked[0].key);
        // The refresh ends once those results are on the board (a later turn of the loop).
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toBool(), false);
        QVERIFY(!run.isBusy());
        const QList<const Check *> checks = CheckRegistry::builtin().checks();
        for (const Check *check : checks) {
            const int row = b.results.rowOf(u"locked"_s, check->id());
            QVERIFY2(row >= 0, qPrintable(check->id()));
            const CheckResult *r = b.results.resultAt(row);
            QCOMPARE(r->status, CheckStatus::NotRun);
            QVERIFY2(r->message.contains(u"no password given"), qPrintable(r->message));
        }
        QCOMPARE(b.environments.index(2).data(EnvironmentsModel::NoteRole).toString(),
            u"no password given"_s);
        QCOMPARE(worst(b, 2), int(CheckStatus::NotRun));
    }

    void noPasswordResultsSayWhyAndOfferNoFix()
    {
        const Environment e = needingPassword(u"a"_s);
        const QList<CheckResult> results
            = RunController::noPasswordResults(e, CheckRegistry::builtin());
        QCOMPARE(results.size(), CheckRegistry::builtin().checks().size());
        for (const CheckResult &r : results) {
            QCOMPARE(r.environment, u"a"_s);
            QCOMPARE(r.status, CheckStatus::NotRun);
            QVERIFY2(r.message.contains(u"no password given"), qPrintable(r.message));
            QVERIFY2(r.message.contains(u"Enter Password"), qPrintable(r.message));
            QVERIFY(r.remediation.fixes.isEmpty());
            QCOMPARE(r.evidenceValue(u"PasswordGiven"_s), QVariant(false));
            QVERIFY(!r.evidenceValue(u"Target"_s).toString().isEmpty());
        }
    }

    // stop(): the environments shown are replaced; nothing waits and nothing runs after.
    void stopEndsRunAndPasswordWait()
    {
        const Environment locked = needingPassword(u"locked"_s);
        Board b;
        RunController run(m_kb, &b.results, &b.environments);
        SecretStore *store = run.secretStore();
        store->setPrompt([](const PasswordRequest &) { });
        store->askAgain(locked);
        run.start({ m_demo[0], locked });
        QVERIFY(run.isBusy());
        run.stop();
        QVERIFY(!run.isBusy());
        QVERIFY(!store->isResolving());
        QVERIFY(!run.runner()->isRunning());
    }
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
