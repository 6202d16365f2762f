// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The environments file's `locks:` mapping (check.postgres.locks's thresholds): read, refused
// with FILE:LINE:COL, and written back by EnvironmentsYaml only when it differs.
#include "config/environmentsfile.h"
#include "config/environmentsyaml.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironmentsFileLocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheThresholds()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(R"(environments:
  - name: prod
    connection: "Host=db;Database=app"
    locks: {waitWarnSeconds: 2.5, waitFailSeconds: 30, preparedTransactionWarnSeconds: 60}
  - name: dev
    connection: "Host=db;Database=app"
)",
            u"envs.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        const LockThresholds &t = f.environments[0].locks;
        QCOMPARE(t.waitWarnSec, 2.5);
        QCOMPARE(t.waitFailSec, 30.0);
        QCOMPARE(t.preparedTransactionWarnSec, 60.0);
        // Without the mapping, the product's defaults: 5 s, 60 s, 300 s.
        const LockThresholds &d = f.environments[1].locks;
        QVERIFY(d == LockThresholds());
        QCOMPARE(d.waitWarnSec, 5.0);
        QCOMPARE(d.waitFailSec, 60.0);
        QCOMPARE(d.preparedTransactionWarnSec, 300.0);
    }

    void unknownKeyWarns()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(
            "environments:\n  - name: a\n    locks: {waitWarn: 3}\n", u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.warnings,
            QStringList { u"f.yaml:3:13: unknown key 'waitWarn' in locks (ignored)"_s });
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a map") << QByteArray("environments:\n  - name: a\n    locks: 5\n")
                                   << u"f.yaml:3:12: 'locks' must be a mapping"_s;
        QTest::newRow("out of range")
            << QByteArray("environments:\n  - name: a\n    locks: {waitFailSeconds: 0}\n")
            << u"f.yaml:3:30: locks.waitFailSeconds must be a number from 0.1 to 86400, got '0'"_s;
        QTest::newRow("not a number")
            << QByteArray("environments:\n  - name: a\n    locks: {waitWarnSeconds: soon}\n")
            << u"f.yaml:3:30: locks.waitWarnSeconds must be a number"_s;
        QTest::newRow("warn above fail")
            << QByteArray("environments:\n  - name: a\n    locks: {waitWarnSeconds: 90}\n")
            << u"f.yaml:3:12: locks.waitWarnSeconds (90) must not be above "
               "locks.waitFailSeconds (60)"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, u"f.yaml"_s);
        QVERIFY(!f.ok());
        QVERIFY2(f.error.startsWith(error), qPrintable(f.error));
        QVERIFY(f.environments.isEmpty());
    }

    // Saving keeps what was set, whole, and writes nothing for the defaults.
    void writtenBackOnlyWhenSet()
    {
        Environment e;
        e.name = u"prod"_s;
        e.connection.host = u"db"_s;
        QVERIFY(!EnvironmentsYaml::toYaml({ e }, {}).contains("locks"));
        e.locks.waitWarnSec = 0.5;
        e.locks.preparedTransactionWarnSec = 120;
        const QByteArray yaml = EnvironmentsYaml::toYaml({ e }, {});
        QVERIFY2(yaml.contains("locks: {waitWarnSeconds: 0.5, waitFailSeconds: 60, "
                               "preparedTransactionWarnSeconds: 120}"),
            yaml.constData());
        const EnvironmentsFile back = EnvironmentsFile::parse(yaml, u"back.yaml"_s);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QVERIFY(back.environments.value(0).locks == e.locks);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFileLocks)
#include "tst_environmentsfile_locks.moc"
