// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Network round trips per check, counted by the benchmark's TCP proxy
// (tests/bench/latencyproxy.py: a flight of client bytes the server answers is one round
// trip) in front of the fixture server. On a remote server the time of a check is its round
// trips times the latency, so each check has a recorded figure here, and the test fails when
// a change makes a check cost more. A new check adds its row to figures_data().
#include "checkrunnerfixture.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "pgserver.h"
#include "postgres/connectivitycheck.h"
#include "postgres/invalidobjectscheck.h"
#include "postgres/lockscheck.h"
#include "postgres/longtransactionscheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"
#include "postgres/replicationcheck.h"
#include "postgres/sequencescheck.h"
#include "postgres/vacuumcheck.h"
#include "postgres/wraparoundcheck.h"
#include "runandwait.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// One proxy for one measurement: started, used by the block, stopped, its report read.
class CountingProxy
{
public:
    CountingProxy(const PgServer &pg, const QString &reportPath)
        : m_report(reportPath)
    {
        m_process.setProgram(u"python3"_s);
        // 40 ms of round trip: libpq writes a flight in 8 KB pieces (pqPutMsgEnd) as it builds
        // it, and the proxy counts client bytes sent after an answer could have arrived as a
        // new flight. With no delay, ten checks' plan (over 8 KB) under ThreadSanitizer on two
        // busy cores was counted as two flights once: the server had answered the first
        // groups before the client's last piece left. A delay gives the pieces 40 ms.
        m_process.setArguments({ TestPaths::sourceDir() + u"/tests/bench/latencyproxy.py"_s,
            u"--target"_s, u"%1:%2"_s.arg(pg.host()).arg(pg.port()), u"--rtt-ms"_s, u"40"_s,
            u"--report"_s, reportPath });
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000) || !m_process.waitForReadyRead(10000))
            return;
        const QByteArray line = m_process.readLine().trimmed(); // "PORTS p"
        if (line.startsWith("PORTS "))
            m_port = line.mid(6).toInt();
    }
    ~CountingProxy() { stop(); }
    int port() const { return m_port; }

    // Stops the proxy and returns the round trips of every connection it carried.
    QList<int> stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            m_process.waitForFinished(10000);
        }
        QList<int> trips;
        QFile f(m_report);
        if (!f.open(QIODevice::ReadOnly))
            return trips;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(u"round_trips"_s))
                trips << o.value(u"round_trips"_s).toInt();
        }
        return trips;
    }

private:
    QProcess m_process;
    QString m_report;
    int m_port = 0;
};

} // namespace

class TestPgRoundTrips : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QString m_threeTools; // EF Core, Flyway and Liquibase histories (issue 15)
    QTemporaryDir m_dir;
    int m_setup = -1;
    int m_reports = 0;

    Environment throughProxy(int port, const QString &db = {}) const
    {
        Environment env = m_pg.environment(u"remote"_s, db.isEmpty() ? m_db : db);
        env.connection.host = u"127.0.0.1"_s;
        env.connection.port = QString::number(port);
        env.expectedSource = TestPaths::testData() + u"/expected/manifest.txt"_s;
        // Without TLS the proxy sees the protocol's own flights: TLS 1.3 records (a session
        // ticket after the first answer, a HelloRetryRequest when the key shares differ) may
        // or may not fall between two of them, and they are libpq's and OpenSSL's affair,
        // not a check's. The set-up with TLS is measured by tests/bench/fleet.
        env.connection.setOption(u"sslmode"_s, u"disable"_s);
        return env;
    }

    QString nextReport() { return m_dir.filePath(u"report%1.jsonl"_s.arg(++m_reports)); }

    // Round trips of one run of checkIds (all when empty) through a fresh proxy, set-up
    // included; -1 when the run did not give one result per check on one connection.
    int runThroughProxy(const QStringList &checkIds, int expectedResults, const QString &db)
    {
        CountingProxy proxy(m_pg, nextReport());
        if (proxy.port() == 0)
            return -1;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { throughProxy(proxy.port(), db) }, checkIds);
        runner.waitForIdle();
        if (!out.finished || out.results.size() != expectedResults)
            return -1;
        for (const CheckResult &r : out.results) {
            if (r.status == CheckStatus::Error || r.status == CheckStatus::NotRun) {
                qWarning("%s: %s", qPrintable(r.checkId), qPrintable(r.message));
                return -1;
            }
        }
        const QList<int> trips = proxy.stop();
        return trips.size() == 1 ? trips.first() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        QString error;
        m_db = CheckRunnerFixture::createRunnerDatabase(m_pg, &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        m_threeTools = CheckRunnerFixture::createRunnerDatabase(m_pg, &error);
        QVERIFY2(!m_threeTools.isEmpty(), qPrintable(error));
        QCOMPARE(m_pg.exec(m_threeTools,
                     { u"CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, "
                       "version varchar(50), description varchar(200) NOT NULL, type varchar(20) "
                       "NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by "
                       "varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
                       "execution_time int NOT NULL, success boolean NOT NULL)"_s,
                         u"INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', "
                         "'V1__init.sql', 1, 'me', now(), 3, true)"_s,
                         u"CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author "
                         "varchar(255) NOT NULL, filename varchar(255) NOT NULL, dateexecuted "
                         "timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) "
                         "NOT NULL, md5sum varchar(35), description varchar(255))"_s,
                         u"INSERT INTO databasechangelog VALUES ('1', 'me', 'db.xml', now(), 1, "
                         "'EXECUTED', '9:0', 'createTable')"_s }),
            QString());
        // The connection's own set-up (the start-up message and SCRAM's two steps): libpq's,
        // counted once so the figures below are the checks' alone.
        CountingProxy proxy(m_pg, nextReport());
        QVERIFY(proxy.port() > 0);
        {
            const Environment env = throughProxy(proxy.port());
            DbSession session(env, nullptr);
            QVERIFY2(session.open(), qPrintable(session.error().summary()));
        }
        const QList<int> trips = proxy.stop();
        QCOMPARE(trips.size(), 1);
        m_setup = trips.first();
        QVERIFY2(m_setup >= 2 && m_setup <= 4, qPrintable(QString::number(m_setup)));
        qInfo("connection set-up: %d round trips", m_setup);
    }

    // Round trips after set-up, per check run alone, and for all of them in one run (where
    // their plans share one flight). Recorded figures: raise one only with a reason, in the
    // commit that raises it.
    void figures_data()
    {
        QTest::addColumn<QStringList>("checks");
        QTest::addColumn<int>("recorded");
        QTest::addColumn<bool>("threeTools");
        // The planned SHOW server_version; the latency is that flight's.
        QTest::newRow("connectivity") << QStringList { ConnectivityCheck::Id } << 1 << false;
        // The catalog probe (and where else the table is) with the catalog statement that
        // finds every tool's history, then every history's rows in one flight.
        QTest::newRow("migrations") << QStringList { MigrationsCheck::Id } << 2 << false;
        QTest::newRow("migrations, three tools")
            << QStringList { MigrationsCheck::Id } << 2 << true;
        // Both activity queries in one group.
        QTest::newRow("pool") << QStringList { PoolCheck::Id } << 1 << false;
        // The chains, the prepared transactions and the role's name in one group.
        QTest::newRow("locks") << QStringList { LocksCheck::Id } << 1 << false;
        // The sessions over a threshold and the hidden ones in one group.
        QTest::newRow("long-transactions")
            << QStringList { LongTransactionsCheck::Id } << 1 << false;
        // The invalid indexes and the unvalidated constraints in one group.
        QTest::newRow("invalid-objects") << QStringList { InvalidObjectsCheck::Id } << 1 << false;
        // This server, its standbys and its slots in one group.
        QTest::newRow("replication") << QStringList { ReplicationCheck::Id } << 1 << false;
        // The tables, the settings and the running vacuums in one group.
        QTest::newRow("vacuum") << QStringList { VacuumCheck::Id } << 1 << false;
        // The databases' ages, the settings and the oldest tables in one group.
        QTest::newRow("wraparound") << QStringList { WraparoundCheck::Id } << 1 << false;
        // Every sequence with the columns it feeds in one statement.
        QTest::newRow("sequences") << QStringList { SequencesCheck::Id } << 1 << false;
        // One flight for every plan, then the migrations check's rows.
        QTest::newRow("all") << QStringList() << 2 << false;
        QTest::newRow("all, three tools") << QStringList() << 2 << true;
    }

    void figures()
    {
        QFETCH(QStringList, checks);
        QFETCH(int, recorded);
        QFETCH(bool, threeTools);
        // Three histories: the migrations check gives three results.
        const int expectedResults
            = (checks.isEmpty() ? int(CheckRegistry::builtin().checks().size()) : 1)
            + (threeTools ? 2 : 0);
        const int total
            = runThroughProxy(checks, expectedResults, threeTools ? m_threeTools : m_db);
        QVERIFY2(total >= 0, "the run through the proxy failed (see the warnings above)");
        const int checksOnly = total - m_setup;
        qInfo("%s: %d round trips after set-up (recorded %d)", QTest::currentDataTag(), checksOnly,
            recorded);
        QVERIFY2(checksOnly >= 1, "no round trip counted: the proxy saw no statement");
        QVERIFY2(checksOnly <= recorded,
            qPrintable(u"%1 round trips, recorded %2: a change made this check cost more on "
                       "every remote server"_s.arg(checksOnly)
                           .arg(recorded)));
    }
};

QTEST_GUILESS_MAIN(TestPgRoundTrips)
#include "tst_pg_roundtrips.moc"
