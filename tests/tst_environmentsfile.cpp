#include "environmentsfile.h"

#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironmentsFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheDocumentedShape()
    {
        const QByteArray yaml = R"(environments:
  - name: prod
    deployment: kubernetes
    connection: "Host=db.internal;Database=platform;Username=doctor;Timeout=3"
    expected: ./Migrations
    history: {schema: platform, table: __EFMigrationsHistory}
    timeouts: {connect: 4, statement: 2.5, lock: 1}
    pool: {usageWarn: 85, usageFail: 98, idleInTransactionWarn: 3, idleSeconds: 60,
           transactionWarnSeconds: 120, transactionFailSeconds: 900}
    placeholders: {platform-pod: platform-0, namespace: stella}
  - name: demo
    connection: "sqlite:demo.sqlite"
)";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, u"/etc/doctor/envs.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.environments.size(), 2);
        const Environment &prod = f.environments[0];
        QCOMPARE(prod.deployment, DeploymentStyle::Kubernetes);
        QCOMPARE(prod.connection.host, u"db.internal"_s);
        QCOMPARE(prod.expectedSource, u"/etc/doctor/Migrations"_s);
        QCOMPARE(prod.historySchema, u"platform"_s);
        QCOMPARE(prod.timeouts.connectSec, 4);
        QCOMPARE(prod.timeouts.statementMs, 2500);
        QCOMPARE(prod.timeouts.lockMs, 1000);
        QCOMPARE(prod.pool.usageWarnPercent, 85.0);
        QCOMPARE(prod.pool.usageFailPercent, 98.0);
        QCOMPARE(prod.pool.idleInTransactionWarn, 3);
        QCOMPARE(prod.pool.idleInTransactionMinSec, 60);
        QCOMPARE(prod.pool.longestTransactionWarnSec, 120.0);
        QCOMPARE(prod.pool.longestTransactionFailSec, 900.0);
        QCOMPARE(prod.placeholders.value(u"platform-pod"_s), u"platform-0"_s);
        // Without a pool mapping, the product's defaults.
        QVERIFY(f.environments[1].pool == PoolThresholds());
        QCOMPARE(f.environments[1].connection.driver, ConnectionSpec::Driver::Sqlite);
        QCOMPARE(f.environments[1].connection.database, u"/etc/doctor/demo.sqlite"_s);
        QCOMPARE(f.environments[1].deployment, DeploymentStyle::Compose);
    }

    // A device reports size 0; reading it whole never ended (found reviewing for tests/fuzz).
    void deviceFileIsBounded()
    {
        if (!QFileInfo::exists(u"/dev/zero"_s))
            QSKIP("no /dev/zero here");
        const EnvironmentsFile f = EnvironmentsFile::load(u"/dev/zero"_s);
        QVERIFY(!f.ok());
        QVERIFY2(f.error.contains(u"larger than 4 MiB"), qPrintable(f.error));
    }

    void npgsqlTimeoutBecomesTheConnectTimeout()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(
                "environments:\n  - name: a\n    connection: \"Host=h;Database=d;Timeout=3\"\n", u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.environments[0].timeouts.connectSec, 3);
    }

    void unknownKeysWarnWithPosition()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse("environments:\n  - name: a\n    conection: x\n", u"f.yaml"_s);
        QVERIFY(f.ok());
        QCOMPARE(f.warnings.size(), 1);
        QVERIFY2(f.warnings[0].startsWith(u"f.yaml:3:5: unknown key 'conection'"), qPrintable(f.warnings[0]));
    }

    // RELIABILITY 16: errors name the file, line and column.
    void errorsNameFileLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("syntax") << QByteArray("environments:\n  - name: [unclosed\n") << u"f.yaml:3:"_s;
        QTest::newRow("no list") << QByteArray("envs: []\n") << u"f.yaml:1:1:"_s;
        QTest::newRow("bad deployment") << QByteArray("environments:\n  - name: a\n    deployment: mainframe\n")
                                        << u"f.yaml:3:17: deployment 'mainframe'"_s;
        QTest::newRow("no name") << QByteArray("environments:\n  - deployment: compose\n") << u"f.yaml:2:5:"_s;
        QTest::newRow("duplicate") << QByteArray("environments:\n  - name: a\n  - name: a\n") << u"f.yaml:3:5:"_s;
        QTest::newRow("bad timeout") << QByteArray("environments:\n  - name: a\n    timeouts: {connect: soon}\n")
                                     << u"f.yaml:3:25: timeouts.connect"_s;
        QTest::newRow("pool not a map") << QByteArray("environments:\n  - name: a\n    pool: 80\n")
                                        << u"f.yaml:3:11: 'pool' must be a mapping"_s;
        QTest::newRow("pool percent") << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: 180}\n")
                                      << u"f.yaml:3:23: pool.usageWarn must be a number from 0 to 100, got '180'"_s;
        QTest::newRow("pool nan") << QByteArray("environments:\n  - name: a\n    pool: {idleSeconds: nan}\n")
                                  << u"f.yaml:3:25: pool.idleSeconds must be a number from 1 to 86400, got 'nan'"_s;
        QTest::newRow("pool empty") << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: }\n")
                                    << u"f.yaml:3:"_s;
        QTest::newRow("timeout nan") << QByteArray("environments:\n  - name: a\n    timeouts: {lock: nan}\n")
                                     << u"f.yaml:3:22: timeouts.lock"_s;
        QTest::newRow("pool word") << QByteArray("environments:\n  - name: a\n    pool: {idleSeconds: long}\n")
                                   << u"f.yaml:3:25: pool.idleSeconds"_s;
        QTest::newRow("pool warn above fail")
            << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: 96, usageFail: 95}\n")
            << u"f.yaml:3:11: pool warning thresholds must not be above the failure ones"_s;
        QTest::newRow("bad connection") << QByteArray("environments:\n  - name: a\n    connection: \"Host=x;Port=abc\"\n")
                                        << u"f.yaml:3:17: connection of 'a'"_s;
    }
    void errorsNameFileLineAndColumn()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, prefix);
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, u"f.yaml"_s);
        QVERIFY(!f.ok());
        QVERIFY2(f.error.startsWith(prefix), qPrintable(f.error));
        QVERIFY(f.environments.isEmpty());
    }

    void missingFileIsAClearError()
    {
        const EnvironmentsFile f = EnvironmentsFile::load(u"/nonexistent/envs.yaml"_s);
        QVERIFY(f.error.startsWith(u"/nonexistent/envs.yaml: cannot open"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFile)
#include "tst_environmentsfile.moc"
