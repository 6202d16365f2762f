// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRunner's per-server limit without a PostgreSQL server (issue 14, section 3): jobs over
// the limit open no connection until one of their server's jobs ends, servers and the total
// limit count apart, cancel drops the waiting jobs, SQLite is not limited. The servers are
// SilentServers (they accept and never answer, so a job holds its connection for its connect
// timeout) and the counts are of the connections they accepted. tst_pg_perserverlimit counts
// a real server's connections.
#include "config/demo.h"
#include "engine/check.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "silentserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;

// Long enough for every job that could start to have started: without the limit, all of
// them connect within milliseconds of the run's start, far below the 2 s connect timeout.
constexpr int SettleMs = 400;

QList<Environment> limited(QList<Environment> envs, int perServer, const QString &prefix = {})
{
    for (Environment &e : envs) {
        e.perServerConnections = perServer;
        e.name = prefix + e.name;
    }
    return envs;
}

// How many run at once, across the jobs of a run.
std::atomic_int g_now { 0 };
std::atomic_int g_most { 0 };

// Runs on SQLite too and takes a while, counting how many of it run at once.
class OverlapCheck : public Check
{
public:
    QString id() const override { return u"check.test.overlap"_s; }
    QString defaultSeverity() const override { return u"info"_s; }
    QString category() const override { return u"test"_s; }
    QStringList tags() const override { return {}; }
    QString title() const override { return u"Overlap"_s; }
    bool supports(ConnectionSpec::Driver) const override { return true; }
    CheckResult run(const CheckContext &ctx) const override
    {
        const int now = ++g_now;
        for (int most = g_most.load(); now > most && !g_most.compare_exchange_weak(most, now);) { }
        QThread::msleep(300);
        --g_now;
        return result(ctx, CheckStatus::Pass, u"done"_s);
    }
};

} // namespace

class TestCheckRunnerPerServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The heart of it: jobs over the limit hold no connection (they wait without one), and
    // cancelling the run drops them, so they never connect.
    void waitingJobsOpenNoConnectionAndCancelDropsThem()
    {
        SilentServer silent;
        CheckRunner runner(CheckRegistry::builtin());
        QSignalSpy idle(&runner, &CheckRunner::idle);
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        runner.start(limited(silentEnvironments(silent.port(), 6, 2), 2), { Connectivity });
        QTRY_COMPARE_WITH_TIMEOUT(silent.acceptedCount(), 2, 1500);
        QTest::qWait(SettleMs);
        QCOMPARE(silent.acceptedCount(), 2);
        QVERIFY(runner.hasJobs());
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        // The two connects in progress end within their timeout; the four waiting never start.
        QVERIFY(idle.wait(5000));
        QCOMPARE(idle.size(), 1);
        QVERIFY(!runner.hasJobs());
        QCOMPARE(silent.acceptedCount(), 2);
    }

    // When a job ends, the next one of its server starts: the run ends, with every result,
    // in waves of the limit. Environments add()ed to the run count against the same slots.
    void theNextStartsWhenOneEndsAndAddedJobsWaitToo()
    {
        SilentServer silent;
        const QList<Environment> envs = limited(silentEnvironments(silent.port(), 4, 2), 2);
        CheckRunner runner(CheckRegistry::builtin());
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        QSignalSpy progress(&runner, &CheckRunner::progressChanged);
        QList<CheckResult> results;
        connect(&runner, &CheckRunner::resultReady, this,
            [&results](const CheckResult &r) { results << r; });
        QElapsedTimer clock;
        clock.start();
        runner.start(envs.mid(0, 2), { Connectivity });
        runner.add(envs.mid(2));
        QTRY_COMPARE_WITH_TIMEOUT(silent.acceptedCount(), 2, 1500);
        QTest::qWait(SettleMs);
        QCOMPARE(silent.acceptedCount(), 2);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(silent.acceptedCount(), 4);
        QCOMPARE(results.size(), 4);
        for (const CheckResult &r : std::as_const(results))
            QCOMPARE(r.status, CheckStatus::Fail); // no answer within the connect timeout
        QCOMPARE(progress.last().at(0).toInt(), 4);
        QCOMPARE(progress.last().at(1).toInt(), 4);
        // Two waves of a 2 s connect timeout each (a lower bound: no load makes it shorter).
        QVERIFY2(clock.elapsed() >= 3500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!runner.hasJobs());
    }

    void serversAreLimitedApart()
    {
        SilentServer a;
        SilentServer b;
        CheckRunner runner(CheckRegistry::builtin());
        runner.start(limited(silentEnvironments(a.port(), 3, 2), 1, u"a-"_s)
                + limited(silentEnvironments(b.port(), 3, 2), 1, u"b-"_s),
            { Connectivity });
        QTRY_VERIFY_WITH_TIMEOUT(a.acceptedCount() == 1 && b.acceptedCount() == 1, 1500);
        QTest::qWait(SettleMs);
        QCOMPARE(a.acceptedCount(), 1);
        QCOMPARE(b.acceptedCount(), 1);
        runner.cancel();
    }

    // --parallel still bounds the total when the servers would allow more.
    void theTotalLimitStillBinds()
    {
        SilentServer a;
        SilentServer b;
        CheckRunner runner(CheckRegistry::builtin());
        runner.setMaxParallel(3);
        runner.start(limited(silentEnvironments(a.port(), 4, 2), 4, u"a-"_s)
                + limited(silentEnvironments(b.port(), 4, 2), 4, u"b-"_s),
            { Connectivity });
        QTRY_COMPARE_WITH_TIMEOUT(a.acceptedCount() + b.acceptedCount(), 3, 1500);
        QTest::qWait(SettleMs);
        QCOMPARE(a.acceptedCount() + b.acceptedCount(), 3);
        runner.cancel();
    }

    // A SQLite file has no server to be polite to: a limit of 1 does not serialise them.
    void sqliteIsNotLimited()
    {
        QTemporaryDir dir;
        const Demo::Setup demo = Demo::create(dir.path());
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        QList<Environment> envs;
        for (int i = 0; i < 6; ++i) {
            Environment e = demo.environments.at(i % demo.environments.size());
            e.name = u"file-%1"_s.arg(i);
            e.perServerConnections = 1;
            envs << e;
        }
        CheckRegistry registry;
        registry.add(std::make_unique<OverlapCheck>());
        CheckRunner runner(registry);
        runner.setMaxParallel(6);
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        g_now = 0;
        g_most = 0;
        runner.start(envs);
        QVERIFY(finished.wait(15000));
        QVERIFY2(g_most.load() >= 2, qPrintable(QString::number(g_most.load())));
    }
};

QTEST_GUILESS_MAIN(TestCheckRunnerPerServer)
#include "tst_checkrunner_perserver.moc"
