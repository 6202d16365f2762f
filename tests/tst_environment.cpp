// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Environment::useConnection: the connection, its source, and the timeouts a connection
// string carries, which bound every database call a check makes.

#include "engine/environment.h"

#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;

using OptionalSeconds = std::optional<int>;
Q_DECLARE_METATYPE(OptionalSeconds)

class TestEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreBounded()
    {
        const Environment env;
        QCOMPARE(env.timeouts.connectSec, 5);
        QCOMPARE(env.timeouts.statementMs, 10000);
        QCOMPARE(env.timeouts.lockMs, 2000);
        QCOMPARE(env.historySchema, u"public"_s);
        QCOMPARE(env.historyTable, u"__EFMigrationsHistory"_s);
        QCOMPARE(env.pool, PoolThresholds());
    }

    void takesConnectionAndSource()
    {
        ConnectionSpec spec;
        spec.host = u"db1"_s;
        spec.user = u"doctor"_s;
        spec.password = u"Secret-1"_s;
        Environment env;
        env.name = u"prod"_s;
        env.timeouts.lockMs = 1234;
        env.useConnection(spec, u"appsettings.json (ConnectionStrings:StellaOps)"_s);
        QCOMPARE(env.connection.host, u"db1"_s);
        QCOMPARE(env.connection.password, u"Secret-1"_s);
        QCOMPARE(env.connectionSource, u"appsettings.json (ConnectionStrings:StellaOps)"_s);
        QCOMPARE(env.name, u"prod"_s);
        QCOMPARE(env.timeouts.lockMs, 1234); // no connection string sets it
    }

    // Timeout (libpq connect_timeout) and Command Timeout, in seconds, become the
    // environment's bounds; absent, the environment keeps what it had.
    void timeoutsFromTheConnectionString_data()
    {
        QTest::addColumn<OptionalSeconds>("connect");
        QTest::addColumn<OptionalSeconds>("command");
        QTest::addColumn<int>("connectSec");
        QTest::addColumn<int>("statementMs");
        QTest::newRow("none") << OptionalSeconds() << OptionalSeconds() << 7 << 8000;
        QTest::newRow("connect only") << OptionalSeconds(15) << OptionalSeconds() << 15 << 8000;
        QTest::newRow("command only") << OptionalSeconds() << OptionalSeconds(30) << 7 << 30000;
        QTest::newRow("both") << OptionalSeconds(2) << OptionalSeconds(1) << 2 << 1000;
    }
    void timeoutsFromTheConnectionString()
    {
        QFETCH(OptionalSeconds, connect);
        QFETCH(OptionalSeconds, command);
        ConnectionSpec spec;
        spec.connectTimeoutSec = connect;
        spec.commandTimeoutSec = command;
        Environment env;
        env.timeouts.connectSec = 7; // what the environments file said
        env.timeouts.statementMs = 8000;
        env.useConnection(spec, u"flag"_s);
        QTEST(env.timeouts.connectSec, "connectSec");
        QTEST(env.timeouts.statementMs, "statementMs");
    }

    // A .NET service may say Timeout=0 or Command Timeout=0 ("wait forever", for its own
    // long migrations). The doctor's read-only checks must stay bounded: copied as is, 0
    // reaches libpq's connect_timeout and statement_timeout as "no limit".
    void timeoutsStayBounded_data()
    {
        QTest::addColumn<OptionalSeconds>("connect");
        QTest::addColumn<OptionalSeconds>("command");
        QTest::newRow("Timeout=0") << OptionalSeconds(0) << OptionalSeconds();
        QTest::newRow("Command Timeout=0") << OptionalSeconds() << OptionalSeconds(0);
        QTest::newRow("Command Timeout=2000000, capped at a day")
            << OptionalSeconds() << OptionalSeconds(2000000);
        QTest::newRow("Command Timeout=2147484, past int milliseconds")
            << OptionalSeconds() << OptionalSeconds(2147484);
        QTest::newRow("Timeout=100000, capped at a day")
            << OptionalSeconds(100000) << OptionalSeconds();
    }
    void timeoutsStayBounded()
    {
        QFETCH(OptionalSeconds, connect);
        QFETCH(OptionalSeconds, command);
        ConnectionSpec spec;
        spec.connectTimeoutSec = connect;
        spec.commandTimeoutSec = command;
        Environment env;
        env.useConnection(spec, u"flag"_s);
        const Timeouts defaults;
        QVERIFY2(env.timeouts.connectSec > 0 && env.timeouts.connectSec <= 86400,
            qPrintable(QString::number(env.timeouts.connectSec)));
        QVERIFY2(env.timeouts.statementMs > 0 && env.timeouts.statementMs <= 86400 * 1000,
            qPrintable(QString::number(env.timeouts.statementMs)));
        if (connect == 0) // 0 keeps the bound already set
            QCOMPARE(env.timeouts.connectSec, defaults.connectSec);
        if (command == 0)
            QCOMPARE(env.timeouts.statementMs, defaults.statementMs);
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
