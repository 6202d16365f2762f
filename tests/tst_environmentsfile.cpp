// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/environmentsfile.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What the checks read from an environment, in one line, for comparing whole environments.
QString summary(const Environment &e)
{
    QStringList placeholders;
    for (auto it = e.placeholders.cbegin(); it != e.placeholders.cend(); ++it)
        placeholders << it.key() + u'=' + it.value();
    const PoolThresholds &p = e.pool;
    return QStringList { Deployment::key(e.deployment), e.connection.host, e.expectedSource,
        e.referenceEnvironment, e.historySchema + u'.' + e.historyTable,
        u"%1 %2 %3"_s.arg(e.timeouts.connectSec).arg(e.timeouts.statementMs).arg(e.timeouts.lockMs),
        u"%1 %2 %3 %4 %5 %6 %7"_s.arg(p.usageWarnPercent)
            .arg(p.usageFailPercent)
            .arg(p.idleInTransactionWarn)
            .arg(p.idleInTransactionMinSec)
            .arg(p.longestTransactionWarnSec)
            .arg(p.longestTransactionFailSec)
            .arg(p.extraReservedConnections),
        placeholders.join(u';') }
        .join(u" | "_s);
}

// Issue 11, item 4: the second environment is the first with three keys changed.
const QByteArray IssueExample = R"(environments:
  - &staging
    name: staging
    deployment: systemd
    connection: "Host=stage.internal;Database=platform;Username=doctor"
    expected: ./release/Migrations
    history: {schema: platform, table: __EFMigrationsHistory}
    timeouts: {connect: 4, statement: 20, lock: 3}
    pool: {usageWarn: 70, usageFail: 90, idleSeconds: 45}
    placeholders: {namespace: stellaops, platform-pod: platform-0}
  - <<: *staging
    name: prod
    deployment: kubernetes
    connection: "Host=db.prod.internal;Database=platform;Username=doctor"
)";

} // namespace

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
    perServerConnections: 2
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
        QCOMPARE(prod.perServerConnections, 2);
        QCOMPARE(f.environments[1].perServerConnections, 4); // the default
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
            "environments:\n  - name: a\n    connection: \"Host=h;Database=d;Timeout=3\"\n",
            u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.environments[0].timeouts.connectSec, 3);
    }

    void unknownKeysWarnWithPosition()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(
            "environments:\n  - name: a\n    conection: x\n", u"f.yaml"_s);
        QVERIFY(f.ok());
        QCOMPARE(f.warnings.size(), 1);
        QVERIFY2(f.warnings[0].startsWith(u"f.yaml:3:5: unknown key 'conection'"),
            qPrintable(f.warnings[0]));
    }

    // RELIABILITY 16: errors name the file, line and column.
    void errorsNameFileLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("syntax") << QByteArray("environments:\n  - name: [unclosed\n")
                                << u"f.yaml:3:"_s;
        QTest::newRow("no list") << QByteArray("envs: []\n") << u"f.yaml:1:1:"_s;
        QTest::newRow("bad deployment")
            << QByteArray("environments:\n  - name: a\n    deployment: mainframe\n")
            << u"f.yaml:3:17: deployment 'mainframe'"_s;
        QTest::newRow("no name") << QByteArray("environments:\n  - deployment: compose\n")
                                 << u"f.yaml:2:5:"_s;
        QTest::newRow("duplicate")
            << QByteArray("environments:\n  - name: a\n  - name: a\n") << u"f.yaml:3:5:"_s;
        QTest::newRow("bad timeout")
            << QByteArray("environments:\n  - name: a\n    timeouts: {connect: soon}\n")
            << u"f.yaml:3:25: timeouts.connect"_s;
        QTest::newRow("pool not a map") << QByteArray("environments:\n  - name: a\n    pool: 80\n")
                                        << u"f.yaml:3:11: 'pool' must be a mapping"_s;
        QTest::newRow("pool percent")
            << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: 180}\n")
            << u"f.yaml:3:23: pool.usageWarn must be a number from 0 to 100, got '180'"_s;
        QTest::newRow("pool nan")
            << QByteArray("environments:\n  - name: a\n    pool: {idleSeconds: nan}\n")
            << u"f.yaml:3:25: pool.idleSeconds must be a number from 1 to 86400, got 'nan'"_s;
        QTest::newRow("pool empty")
            << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: }\n")
            << u"f.yaml:3:"_s;
        QTest::newRow("timeout nan")
            << QByteArray("environments:\n  - name: a\n    timeouts: {lock: nan}\n")
            << u"f.yaml:3:22: timeouts.lock"_s;
        QTest::newRow("pool word")
            << QByteArray("environments:\n  - name: a\n    pool: {idleSeconds: long}\n")
            << u"f.yaml:3:25: pool.idleSeconds"_s;
        QTest::newRow("pool warn above fail")
            << QByteArray("environments:\n  - name: a\n    pool: {usageWarn: 96, usageFail: 95}\n")
            << u"f.yaml:3:11: pool warning thresholds must not be above the failure ones"_s;
        QTest::newRow("per-server zero")
            << QByteArray("environments:\n  - name: a\n    perServerConnections: 0\n")
            << u"f.yaml:3:27: perServerConnections must be a whole number from 1 to 64"_s;
        QTest::newRow("per-server fraction")
            << QByteArray("environments:\n  - name: a\n    perServerConnections: 2.5\n")
            << u"f.yaml:3:27: perServerConnections must be a whole number from 1 to 64"_s;
        QTest::newRow("per-server too many")
            << QByteArray("environments:\n  - name: a\n    perServerConnections: 65\n")
            << u"f.yaml:3:27: perServerConnections must be a whole number from 1 to 64"_s;
        QTest::newRow("per-server list")
            << QByteArray("environments:\n  - name: a\n    perServerConnections: [4]\n")
            << u"f.yaml:3:27: perServerConnections must be a whole number from 1 to 64"_s;
        QTest::newRow("bad connection")
            << QByteArray("environments:\n  - name: a\n    connection: \"Host=x;Port=abc\"\n")
            << u"f.yaml:3:17: connection of 'a'"_s;
        // Merge keys (YAML 1.1): errors at the '<<' that is wrong, and an error in a merged
        // value where that value is written (the anchored mapping).
        QTest::newRow("merge of a scalar")
            << QByteArray("environments:\n  - <<: staging\n    name: a\n")
            << u"f.yaml:2:5: the merge key '<<' takes a mapping"_s;
        QTest::newRow("merge of a list of scalars")
            << QByteArray("x-a: &a [1]\nenvironments:\n  - name: a\n    pool: {<<: *a}\n")
            << u"f.yaml:4:12: item 1 of this merge list is the text '1', not a mapping"_s;
        QTest::newRow("merge of a null alias")
            << QByteArray("x-n: &n\nenvironments:\n  - name: a\n    <<: *n\n")
            << u"f.yaml:4:5: the merge key '<<' takes a mapping"_s;
        QTest::newRow("merge cycle")
            << QByteArray("environments:\n  - &e\n    name: a\n    history:\n      <<: *e\n")
            << u"f.yaml:5:7: this merge includes a mapping that contains it"_s;
        QTest::newRow("merged pool value")
            << QByteArray(
                   "x-d: &d {pool: {usageWarn: 180}}\nenvironments:\n  - name: a\n    <<: *d\n")
            << u"f.yaml:1:28: pool.usageWarn must be a number from 0 to 100, got '180'"_s;
        QTest::newRow("merged deployment")
            << QByteArray("x-d: &d {deployment: mainframe}\nenvironments:\n  - {<<: *d, name: a}\n")
            << u"f.yaml:1:22: deployment 'mainframe'"_s;
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

    // The issue's example: prod inherits every key of the anchor and overrides the three
    // it sets. The old reader warned "unknown key '<<'" and lost the expected set.
    void issueExampleInheritsTheAnchor()
    {
        const EnvironmentsFile f
            = EnvironmentsFile::parse(IssueExample, u"/etc/doctor/envs.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments.size(), 2);
        const Environment &staging = f.environments[0];
        const Environment &prod = f.environments[1];
        QCOMPARE(prod.name, u"prod"_s);
        QCOMPARE(prod.deployment, DeploymentStyle::Kubernetes);
        QCOMPARE(prod.connection.host, u"db.prod.internal"_s);
        QCOMPARE(prod.connectionSource, u"envs.yaml (environment 'prod')"_s);
        QCOMPARE(prod.expectedSource, u"/etc/doctor/release/Migrations"_s);
        QCOMPARE(summary(prod),
            u"kubernetes | db.prod.internal | /etc/doctor/release/Migrations |  | "
            "platform.__EFMigrationsHistory | 4 20000 3000 | 70 90 5 45 300 3600 0 | "
            "namespace=stellaops;platform-pod=platform-0"_s);
        // The anchored environment itself is unchanged by its user.
        QCOMPARE(staging.name, u"staging"_s);
        QCOMPARE(summary(staging),
            u"systemd | stage.internal | /etc/doctor/release/Migrations |  | "
            "platform.__EFMigrationsHistory | 4 20000 3000 | 70 90 5 45 300 3600 0 | "
            "namespace=stellaops;platform-pod=platform-0"_s);
    }

    // Every merge form, in every block the reader reads: the last environment, 'prod'.
    void mergeForms_data()
    {
        QTest::addColumn<QByteArray>("environments");
        QTest::addColumn<QString>("prod");
        const QString release = u"/etc/doctor/release/Migrations"_s;
        const QString defaults = u"systemd | db | "_s + release
            + u" |  | platform.__EFMigrationsHistory | 4 20000 3000 | 70 90 5 30 300 3600 0 | "
              "namespace=stellaops"_s;
        const QString k8s = u"kubernetes | db | "_s + release
            + u" |  | platform.__EFMigrationsHistory | 4 20000 3000 | 60 85 5 45 300 3600 0 | "
              "namespace=k8s"_s;
        const QByteArray conn = "    name: prod\n    connection: \"Host=db;Database=d\"\n";
        QTest::newRow("x- key, one alias") << "  - <<: *defaults\n" + conn << defaults;
        QTest::newRow("own keys win, whole values (shallow)") << "  - <<: *defaults\n" + conn
                + "    deployment: kubernetes\n    timeouts: {connect: 9}\n    placeholders: {pod: "
                  "p-0}\n"
                                                              << u"kubernetes | db | "_s + release
                + u" |  | platform.__EFMigrationsHistory | 9 10000 2000 | 70 90 5 30 300 3600 0 | pod=p-0"_s;
        QTest::newRow("list: earlier wins") << "  - <<: [*k8s, *defaults]\n" + conn << k8s;
        QTest::newRow("list reversed") << "  - <<: [*defaults, *k8s]\n" + conn << defaults;
        QTest::newRow("block list") << "  - <<:\n      - *k8s\n      - *defaults\n" + conn << k8s;
        QTest::newRow("inside pool")
            << "  - pool: {<<: *pool, usageWarn: 75}\n" + conn
            << u"compose | db |  |  | public.__EFMigrationsHistory | 5 10000 2000 | 75 85 5 45 300 3600 0 | "_s;
        QTest::newRow("inside history, timeouts, placeholders")
            << "  - history: {<<: *history, table: migrations}\n" + conn
                + "    timeouts:\n      <<: *timeouts\n"
                  "      lock: 1\n    placeholders: {<<: *placeholders, pod: p-0}\n"
            << u"compose | db |  |  | platform.migrations | 4 20000 1000 | 80 95 5 30 300 3600 0 | "
               "namespace=stellaops;pod=p-0"_s;
        QTest::newRow("merged mapping merges too") << "  - <<: *base\n" + conn
                                                   << u"compose | db | "_s + release
                + u" | staging | platform.__EFMigrationsHistory | 4 20000 3000 | 70 90 5 30 300 "
                  u"3600 0 | "
                  "namespace=stellaops"_s;
        QTest::newRow("environment from environment")
            << "  - &staging\n    <<: *defaults\n    name: staging\n    connection: "
               "\"Host=stage\"\n"
               "  - <<: *staging\n"
                + conn
            << defaults;
        QTest::newRow("own key before the merge") << QByteArray(
            "  - name: prod\n    deployment: compose\n    <<: *defaults\n"
            "    connection: \"Host=db\"\n") << u"compose"_s + defaults.mid(7);
    }
    void mergeForms()
    {
        QFETCH(QByteArray, environments);
        QFETCH(QString, prod);
        const QByteArray yaml = R"(# anchors kept aside under x- keys, as in docker-compose files
x-pool: &pool {usageWarn: 60, usageFail: 85, idleSeconds: 45}
x-defaults: &defaults
  deployment: systemd
  expected: ./release/Migrations
  history: &history {schema: platform, table: __EFMigrationsHistory}
  timeouts: &timeouts {connect: 4, statement: 20, lock: 3}
  pool: {usageWarn: 70, usageFail: 90}
  placeholders: &placeholders {namespace: stellaops}
x-k8s: &k8s {deployment: kubernetes, placeholders: {namespace: k8s}, pool: *pool}
x-base: &base
  <<: *defaults
  reference: staging
  deployment: compose
environments:
)" + environments;
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, u"/etc/doctor/envs.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments.last().name, u"prod"_s);
        QCOMPARE(summary(f.environments.last()), prod);
    }

    // x-... keys are extension keys, as in docker-compose: silent at every level. Other
    // unknown keys still warn, and a quoted "<<" is such a key, not a merge.
    void extensionKeysAreSilent()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(R"(x-defaults: &d {deployment: systemd}
environments:
  - <<: *d
    name: a
    x-owner: team-db
    pool: {x-why: pgbouncer in front, usageWarn: 90}
    history: {x-note: renamed, table: migrations}
    placeholders: {x-region: eu}
    y-owner: team-db
    "<<": *d
)",
            u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.warnings,
            QStringList({ u"f.yaml:9:5: unknown key 'y-owner' in an environment (ignored)"_s,
                u"f.yaml:10:5: unknown key '<<' in an environment (ignored)"_s }));
        const Environment &a = f.environments[0];
        QCOMPARE(a.deployment, DeploymentStyle::Systemd);
        QCOMPARE(a.pool.usageWarnPercent, 90.0);
        QCOMPARE(a.historyTable, u"migrations"_s);
        // Placeholders are names the user picks: an x- one is a placeholder like any other.
        QCOMPARE(a.placeholders.value(u"x-region"_s), u"eu"_s);
    }

    // A mistake in a mapping merged into several environments is one warning, at its place.
    void mergedUnknownKeyWarnsOnceWhereItIsWritten()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(
            "x-d: &d {conection: x}\nenvironments:\n  - {<<: *d, name: a}\n  - {<<: *d, name: b}\n",
            u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.warnings,
            QStringList({ u"f.yaml:1:10: unknown key 'conection' in an environment (ignored)"_s }));
    }

    // Saving writes each environment in full: the merges are expanded, nothing is lost,
    // and the file reads back to the same environments without warnings.
    void savingAfterMergesKeepsEveryValue()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = dir.filePath(u"envs.yaml"_s);
        const QString target = dir.filePath(u"saved.yaml"_s);
        {
            QFile file(source);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x-note: &n {namespace: stellaops}\n" + IssueExample
                + "  - <<: *staging\n    name: dev\n    placeholders: {<<: *n, pod: dev-0}\n");
        }
        const EnvironmentsFile original = EnvironmentsFile::load(source);
        QVERIFY2(original.ok(), qPrintable(original.error));
        QString error;
        QVERIFY2(EnvironmentsFile::save(target, original.environments, &error), qPrintable(error));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY2(!saved.contains("<<") && !saved.contains('&') && !saved.contains("x-note"),
            saved.constData());
        QCOMPARE(saved.count("expected: release/Migrations"), 3);
        const EnvironmentsFile again = EnvironmentsFile::load(target);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QVERIFY2(again.warnings.isEmpty(), qPrintable(again.warnings.join(u'\n')));
        QCOMPARE(again.environments.size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            QCOMPARE(again.environments[i].name, original.environments[i].name);
            QCOMPARE(summary(again.environments[i]), summary(original.environments[i]));
        }
        QCOMPARE(again.environments[2].placeholders.value(u"pod"_s), u"dev-0"_s);
    }

    void missingFileIsAClearError()
    {
        const EnvironmentsFile f = EnvironmentsFile::load(u"/nonexistent/envs.yaml"_s);
        QVERIFY(f.error.startsWith(u"/nonexistent/envs.yaml: cannot open"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFile)
#include "tst_environmentsfile.moc"
