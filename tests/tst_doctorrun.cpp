// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// `doctor run`'s argument handling (app/cli/doctorrun.cpp, runenvironments.cpp), through the
// real binary, so that parsing and exit codes are tested as users meet them. The demo's
// SQLite environments stand in for a server: nothing here needs PostgreSQL.
#include "doctorprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDoctorRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // libpq's connect_timeout counts whole seconds: 2.5 used to become 2 without a word.
    void fractionalConnectTimeoutIsRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("fraction") << u"2.5"_s;
        QTest::newRow("zero") << u"0"_s;
        QTest::newRow("negative") << u"-3"_s;
        QTest::newRow("not a number") << u"five"_s;
        QTest::newRow("above a day") << u"86401"_s;
    }
    void fractionalConnectTimeoutIsRefused()
    {
        QFETCH(QString, value);
        const CliRun r = doctor({ u"run"_s, u"--demo"_s, u"--connect-timeout"_s, value });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"--connect-timeout must be a whole number of seconds"_s),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(u"'"_s + value + u"'"_s), qPrintable(r.err)); // says what it got
        QVERIFY(r.out.isEmpty()); // no report from a refused command line
    }

    // The statement and lock timeouts are milliseconds inside: a fraction is meaningful.
    void fractionalStatementTimeoutIsTaken()
    {
        const CliRun r = doctor(
            { u"run"_s, u"--demo"_s, u"--connect-timeout"_s, u"3"_s, u"--statement-timeout"_s,
                u"2.5"_s, u"--lock-timeout"_s, u"0.5"_s, u"--format"_s, u"json"_s });
        QVERIFY2(r.exitCode != 64, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(!report.value(u"results"_s).toArray().isEmpty(), qPrintable(r.out));
    }

    void oneSourceExactly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("none") << QStringList { u"run"_s };
        QTest::newRow("two") << QStringList { u"run"_s, u"--demo"_s, u"--connection"_s,
            u"host=localhost"_s };
    }
    void oneSourceExactly()
    {
        QFETCH(QStringList, args);
        const CliRun r = doctor(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"give exactly one of --config FILE"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Try 'doctor --help'"_s), qPrintable(r.err));
    }

    void badArgumentsNameWhatToDo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown check") << QStringList { u"run"_s, u"--demo"_s, u"--check"_s,
            u"check.nope"_s } << u"unknown check 'check.nope' (see 'doctor list')"_s;
        QTest::newRow("format") << QStringList { u"run"_s, u"--demo"_s, u"--format"_s, u"xml"_s }
                                << u"--format must be text, json or openmetrics"_s;
        QTest::newRow("parallel") << QStringList { u"run"_s, u"--demo"_s, u"--parallel"_s, u"0"_s }
                                  << u"--parallel must be a number from 1 to 256"_s;
        QTest::newRow("per-server 0")
            << QStringList { u"run"_s, u"--demo"_s, u"--per-server"_s, u"0"_s }
            << u"--per-server must be a whole number from 1 to 64 (connections to one server at "
               "once), not '0'"_s;
        QTest::newRow("per-server 65") << QStringList { u"run"_s, u"--demo"_s, u"--per-server"_s,
            u"65"_s } << u"--per-server must be a whole number from 1 to 64"_s;
        QTest::newRow("per-server word")
            << QStringList { u"run"_s, u"--demo"_s, u"--per-server"_s, u"few"_s } << u"not 'few'"_s;
        QTest::newRow("deployment with the demo")
            << QStringList { u"run"_s, u"--demo"_s, u"--deployment"_s, u"systemd"_s }
            << u"--deployment goes with --connection or --appsettings"_s;
        QTest::newRow("dotnet environment alone")
            << QStringList { u"run"_s, u"--dotnet-environment"_s, u"Staging"_s }
            << u"give exactly one of"_s;
        QTest::newRow("dotnet environment with the demo")
            << QStringList { u"run"_s, u"--demo"_s, u"--dotnet-environment"_s, u"Staging"_s }
            << u"--dotnet-environment goes with --appsettings"_s;
        QTest::newRow("dotnet environment without appsettings") << QStringList {
            u"run"_s, u"--connection"_s, u"host=h"_s, u"--dotnet-environment"_s, u"Staging"_s
        } << u"--dotnet-environment goes with --appsettings"_s;
        QTest::newRow("unknown command")
            << QStringList { u"walk"_s } << u"unknown command 'walk'"_s;
    }
    void badArgumentsNameWhatToDo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = doctor(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // A connection string that cannot be parsed stops before any connect, and its error
    // never repeats the password.
    void badConnectionKeepsThePassword()
    {
        const CliRun r = doctor(
            { u"run"_s, u"--connection"_s, u"host=db password=Sup3rSecret port=notaport"_s });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.startsWith(u"doctor: --connection: "_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"Sup3rSecret"_s), qPrintable(r.err));
    }

    void versionAndHelpExitZero()
    {
        CliRun r = doctor({ u"--version"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"doctor "_s), qPrintable(r.out));
        r = doctor({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"--connect-timeout <SECONDS>"_s));
        QVERIFY(r.out.contains(u"--per-server <N>"_s));
    }
};

QTEST_GUILESS_MAIN(TestDoctorRun)
#include "tst_doctorrun.moc"
