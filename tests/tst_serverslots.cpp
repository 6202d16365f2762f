// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ServerSlots: the per-server limit's counting and queue (issue 14, section 3). Most tests
// hand jobs to a list instead of a pool and end them by hand, so the order is exact; the
// last one runs them on a real QThreadPool.
#include "engine/checkrunner.h"
#include "engine/environment.h"
#include "engine/serverslots.h"

#include <QHash>
#include <QMutex>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {

// Collects the jobs ServerSlots starts; run(i) plays the pool running job i to its end.
struct Started
{
    QList<ServerSlots::Job> jobs;
    QStringList ran; // names, in the order the jobs ran
    void run(qsizetype i) { jobs[i](); }
};

ServerSlots::Job named(Started *s, const QString &name)
{
    return [s, name] { s->ran << name; };
}

Environment postgres(const QString &host, const QString &port, const QString &database)
{
    Environment e;
    e.connection.host = host;
    e.connection.port = port;
    e.connection.database = database;
    return e;
}

} // namespace

class TestServerSlots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverIsHostAndPortAsConfigured()
    {
        const QString a = ServerSlots::serverOf(postgres(u"db"_s, u"5432"_s, u"one"_s));
        // Another database or user of the same server counts against the same slots.
        Environment other = postgres(u"db"_s, u"5432"_s, u"two"_s);
        other.connection.user = u"someone"_s;
        QCOMPARE(ServerSlots::serverOf(other), a);
        QVERIFY(ServerSlots::serverOf(postgres(u"db"_s, u"5433"_s, u"one"_s)) != a);
        QVERIFY(ServerSlots::serverOf(postgres(u"db2"_s, u"5432"_s, u"one"_s)) != a);
        // A libpq host list is one server: the whole list, with its ports.
        const QString list = ServerSlots::serverOf(postgres(u"a,b"_s, u"5432,5433"_s, u"x"_s));
        QCOMPARE(list, ServerSlots::serverOf(postgres(u"a,b"_s, u"5432,5433"_s, u"y"_s)));
        QVERIFY(list != ServerSlots::serverOf(postgres(u"a"_s, u"5432"_s, u"x"_s)));
        // libpq's default server (no host, no port) is a server too.
        QVERIFY(!ServerSlots::serverOf(postgres({}, {}, u"x"_s)).isEmpty());
        // No server: SQLite, and an environment that never connects.
        Environment sqlite;
        sqlite.connection.driver = ConnectionSpec::Driver::Sqlite;
        sqlite.connection.database = u"/tmp/x.sqlite"_s;
        QCOMPARE(ServerSlots::serverOf(sqlite), QString());
        Environment unconfigured = postgres(u"db"_s, u"5432"_s, u"one"_s);
        unconfigured.configurationError = u"appsettings.json names no connection"_s;
        QCOMPARE(ServerSlots::serverOf(unconfigured), QString());
    }

    void overTheLimitWaitsAndStartsWhenOneEnds()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        for (int i = 0; i < 5; ++i)
            slots.submit(u"db|5432"_s, 2, named(&s, u"j%1"_s.arg(i)));
        QCOMPARE(s.jobs.size(), 2);
        QCOMPARE(slots.runningCount(u"db|5432"_s), 2);
        QCOMPARE(slots.waitingCount(), 3);
        s.run(1); // the second ends first: the next waiting one starts
        QCOMPARE(s.jobs.size(), 3);
        QCOMPARE(slots.runningCount(u"db|5432"_s), 2);
        s.run(0);
        s.run(2);
        QCOMPARE(s.jobs.size(), 5);
        QCOMPARE(slots.waitingCount(), 0);
        s.run(3);
        s.run(4);
        QCOMPARE(slots.runningCount(u"db|5432"_s), 0);
        QCOMPARE(s.ran, (QStringList { u"j1"_s, u"j0"_s, u"j2"_s, u"j3"_s, u"j4"_s }));
    }

    void serversAreCountedApart()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        for (int i = 0; i < 3; ++i) {
            slots.submit(u"a|5432"_s, 1, named(&s, u"a%1"_s.arg(i)));
            slots.submit(u"b|5432"_s, 1, named(&s, u"b%1"_s.arg(i)));
        }
        QCOMPARE(s.jobs.size(), 2);
        QCOMPARE(slots.runningCount(u"a|5432"_s), 1);
        QCOMPARE(slots.runningCount(u"b|5432"_s), 1);
        s.run(0); // a0 ends: a1 starts, b is not touched
        QCOMPARE(s.jobs.size(), 3);
        QCOMPARE(slots.runningCount(u"b|5432"_s), 1);
    }

    void noServerIsNeverLimited()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        for (int i = 0; i < 10; ++i)
            slots.submit(QString(), 1, named(&s, u"f%1"_s.arg(i)));
        QCOMPARE(s.jobs.size(), 10);
        QCOMPARE(slots.waitingCount(), 0);
    }

    void limitsBelowOneCountAsOne()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        slots.submit(u"a|1"_s, 0, named(&s, u"x"_s));
        slots.submit(u"a|1"_s, -3, named(&s, u"y"_s));
        QCOMPARE(s.jobs.size(), 1); // never none, never unlimited
        s.run(0);
        QCOMPARE(s.jobs.size(), 2);
    }

    // Each job starts only while fewer than its own limit run there, first come first
    // served: a job with a lower limit is not overtaken by later ones with higher limits.
    void aLowerLimitIsNotOvertaken()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        slots.submit(u"a|1"_s, 4, named(&s, u"wide1"_s));
        slots.submit(u"a|1"_s, 4, named(&s, u"wide2"_s));
        slots.submit(u"a|1"_s, 1, named(&s, u"narrow"_s));
        slots.submit(u"a|1"_s, 4, named(&s, u"wide3"_s));
        QCOMPARE(s.jobs.size(), 2); // wide3 waits behind narrow although 2 < 4
        s.run(0);
        QCOMPARE(s.jobs.size(), 2); // one still runs: narrow (limit 1) must wait
        s.run(1);
        QCOMPARE(s.jobs.size(), 4); // none runs: narrow starts, and wide3 with it (1 < 4)
        QCOMPARE(slots.runningCount(u"a|1"_s), 2);
    }

    void droppingForgetsOnlyTheWaiting()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        for (int i = 0; i < 6; ++i)
            slots.submit(u"a|1"_s, 2, named(&s, u"j%1"_s.arg(i)));
        QCOMPARE(slots.dropWaiting(), 4);
        QCOMPARE(slots.waitingCount(), 0);
        QCOMPARE(slots.runningCount(u"a|1"_s), 2);
        s.run(0); // a started job still ends in order and frees its slot; nothing follows
        QCOMPARE(s.jobs.size(), 2);
        QCOMPARE(slots.runningCount(u"a|1"_s), 1);
        slots.submit(u"a|1"_s, 2, named(&s, u"next"_s)); // a new run gets the free slot
        QCOMPARE(s.jobs.size(), 3);
        QCOMPARE(slots.dropWaiting(), 0);
    }

    // A job holding connections to two servers (an environment and its reference) starts
    // only when both have room, holds nothing while it waits, and frees both when it ends.
    void aJobOfTwoServersTakesBothOrNeither()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        slots.submit(u"ref|1"_s, 1, named(&s, u"ref-own"_s));
        const QList<ServerSlots::Claim> both { { u"a|1"_s, 2, 1 }, { u"ref|1"_s, 1, 1 } };
        slots.submit(both, named(&s, u"a-with-ref"_s));
        QCOMPARE(s.jobs.size(), 1); // ref's one slot is taken
        QCOMPARE(slots.runningCount(u"a|1"_s), 0); // nothing held while waiting
        QCOMPARE(slots.waitingCount(), 1);
        slots.submit(u"a|1"_s, 2, named(&s, u"a-own"_s));
        QCOMPARE(s.jobs.size(), 1); // first come, first served on a too
        s.run(0); // ref's job ends: the two-server job starts, then a's own (2 on a)
        QCOMPARE(s.jobs.size(), 3);
        QCOMPARE(slots.runningCount(u"a|1"_s), 2);
        QCOMPARE(slots.runningCount(u"ref|1"_s), 1);
        s.run(1);
        QCOMPARE(slots.runningCount(u"a|1"_s), 1);
        QCOMPARE(slots.runningCount(u"ref|1"_s), 0);
        s.run(2);
        QCOMPARE(slots.runningCount(u"a|1"_s), 0);
        QCOMPARE(s.ran, (QStringList { u"ref-own"_s, u"a-with-ref"_s, u"a-own"_s }));
    }

    // An environment whose reference is on its own server holds two of its connections; one
    // that needs more than the limit runs alone there rather than never.
    void twoClaimsOfOneServerCountTwice()
    {
        Started s;
        ServerSlots slots([&s](ServerSlots::Job j) { s.jobs << std::move(j); });
        const QList<ServerSlots::Claim> twice { { u"a|1"_s, 4, 1 }, { u"a|1"_s, 4, 1 } };
        for (int i = 0; i < 3; ++i)
            slots.submit(twice, named(&s, u"j%1"_s.arg(i)));
        QCOMPARE(s.jobs.size(), 2); // 2 + 2 = 4; a third would make 6
        QCOMPARE(slots.runningCount(u"a|1"_s), 4);
        s.run(0);
        QCOMPARE(s.jobs.size(), 3);
        QCOMPARE(slots.runningCount(u"a|1"_s), 4);

        Started t;
        ServerSlots narrow([&t](ServerSlots::Job j) { t.jobs << std::move(j); });
        const QList<ServerSlots::Claim> overLimit { { u"b|1"_s, 1, 1 }, { u"b|1"_s, 1, 1 } };
        narrow.submit(overLimit, named(&t, u"x"_s));
        narrow.submit(overLimit, named(&t, u"y"_s));
        QCOMPARE(t.jobs.size(), 1);
        QCOMPARE(narrow.runningCount(u"b|1"_s), 2);
        QCOMPARE(narrow.dropWaiting(), 1); // counted once although claimed twice
        t.run(0);
        QCOMPARE(narrow.runningCount(u"b|1"_s), 0);
    }

    // CheckRunner claims the reference environment's server for a job whose environment
    // has `reference:`, and only then.
    void theRunnerClaimsTheReferencesServer()
    {
        Environment prod = postgres(u"prod-db"_s, u"5432"_s, u"app"_s);
        prod.name = u"prod"_s;
        prod.perServerConnections = 3;
        Environment staging = postgres(u"staging-db"_s, u"5432"_s, u"app"_s);
        staging.name = u"staging"_s;
        staging.referenceEnvironment = u"prod"_s;
        const QList<Environment> all { prod, staging };
        const QList<ServerSlots::Claim> own = CheckRunner::claims(prod, all);
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.at(0).server, ServerSlots::serverOf(prod));
        const QList<ServerSlots::Claim> two = CheckRunner::claims(staging, all);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.at(0).server, ServerSlots::serverOf(staging));
        QCOMPARE(two.at(1).server, ServerSlots::serverOf(prod));
        QCOMPARE(two.at(1).limit, 3); // the reference's own limit for its server
        staging.referenceEnvironment = u"gone"_s; // not among the references: nothing more
        QCOMPARE(CheckRunner::claims(staging, all).size(), 1);
    }

    // On a real pool: the limit holds under threads, the hand-off from an ending job to the
    // next needs no event loop (the pool's waitForDone sees every job), and the limit is
    // reached, so the count below could show a breach.
    void onAPoolTheLimitHoldsAndIsReached()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(16);
        ServerSlots slots([&pool](ServerSlots::Job j) { pool.start(std::move(j)); });
        QMutex mutex;
        QHash<QString, int> now;
        QHash<QString, int> most;
        std::atomic_int done { 0 };
        const QStringList servers { u"a|1"_s, u"b|1"_s, u"c|1"_s };
        for (int i = 0; i < 60; ++i) {
            const QString server = servers[i % 3];
            slots.submit(server, 3, [&, server] {
                {
                    QMutexLocker lock(&mutex);
                    most[server] = qMax(most[server], ++now[server]);
                }
                QThread::msleep(20); // long enough for the others of its server to start
                {
                    QMutexLocker lock(&mutex);
                    --now[server];
                }
                ++done;
            });
        }
        QVERIFY(pool.waitForDone(30000));
        QCOMPARE(done.load(), 60);
        for (const QString &server : servers) {
            QVERIFY2(most[server] <= 3, qPrintable(server));
            QCOMPARE(most[server], 3);
            QCOMPARE(slots.runningCount(server), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerSlots)
#include "tst_serverslots.moc"
