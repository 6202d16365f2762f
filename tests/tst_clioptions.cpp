// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// CliOptions: the options of `doctor run` and `doctor list`, and what --tool,
// --history-schema, --history-table and --expected do to an environment (issue 15: a pinned
// history of any tool; EF Core's meaning kept without --tool).
#include "cli/clioptions.h"
#include "doctorprocess.h"
#include "engine/environment.h"
#include "migrations/migrationtool.h"

#include <QCommandLineParser>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString line(const MigrationHistoryPin &p)
{
    return QStringList { p.tool, p.schema, p.table, p.expected }.join(u" | "_s);
}

QStringList lines(const QList<MigrationHistoryPin> &pins)
{
    QStringList out;
    for (const MigrationHistoryPin &p : pins)
        out << line(p);
    return out;
}

// An environment as a file might give it: its own expected set and one pinned history.
Environment fromFile()
{
    Environment e;
    e.name = u"prod"_s;
    e.expectedSource = u"/srv/platform/Migrations"_s;
    e.migrationHistories = { { u"liquibase"_s, u"auth"_s, u"databasechangelog"_s, QString() } };
    return e;
}

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpNamesEveryOption()
    {
        QCommandLineParser p;
        const CliOptions o;
        o.addTo(p);
        const QString help = p.helpText();
        for (const char *name : { "--check", "--env", "--config", "--connection", "--appsettings",
                 "--dotnet-environment", "--expected", "--context", "--tool <TOOL>",
                 "--history-schema", "--history-table", "--connect-timeout", "--statement-timeout",
                 "--lock-timeout", "--deployment", "--format", "--output", "--kb", "--parallel",
                 "--per-server", "--demo" })
            QVERIFY2(help.contains(QString::fromLatin1(name)), name);
        // --tool lists what it takes; the history options say what --tool changes. (The
        // descriptions, not the help, which wraps them.)
        for (const MigrationTool t : MigrationTools::all()) {
            QVERIFY2(o.tool.description().contains(MigrationTools::key(t) + u',')
                    || o.tool.description().contains(MigrationTools::key(t) + u'.'),
                qPrintable(MigrationTools::key(t)));
        }
        QVERIFY(o.historySchema.description().startsWith(
            u"Schema of EF Core's history table (public); with --tool, of that tool's"_s));
        QVERIFY(o.historyTable.description().startsWith(
            u"EF Core's history table (__EFMigrationsHistory); with --tool, that tool's"_s));
        QVERIFY(o.expected.description().contains(u"with --tool, that history's expected set"_s));
    }

    void historyOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedSource");
        QTest::addColumn<QString>("efHistory"); // schema.table
        QTest::addColumn<QStringList>("pins");
        const QString fileExpected = u"/srv/platform/Migrations"_s;
        const QStringList filePins { u"liquibase | auth | databasechangelog | "_s };
        QTest::newRow("nothing given: the file's")
            << QStringList {} << fileExpected << u"public.__EFMigrationsHistory"_s << filePins;
        QTest::newRow("no --tool: EF Core's, as before")
            << QStringList { u"--history-schema"_s, u"ef"_s, u"--history-table"_s, u"hist"_s,
                   u"--expected"_s, u"/x/Migrations"_s }
            << u"/x/Migrations"_s << u"ef.hist"_s << filePins;
        QTest::newRow("--tool efcore: EF Core's, and pinned alone")
            << QStringList { u"--tool"_s, u"efcore"_s, u"--history-schema"_s, u"ef"_s,
                   u"--expected"_s, u"/x/app.sql"_s }
            << u"/x/app.sql"_s << u"ef.__EFMigrationsHistory"_s
            << QStringList { u"efcore | ef |  | /x/app.sql"_s };
        QTest::newRow("--tool flyway: that history, EF Core's untouched")
            << QStringList { u"--tool"_s, u"flyway"_s, u"--history-schema"_s, u"identity"_s,
                   u"--history-table"_s, u"flyway_schema_history"_s, u"--expected"_s,
                   u"/x/db/migration"_s }
            << fileExpected << u"public.__EFMigrationsHistory"_s
            << QStringList { u"flyway | identity | flyway_schema_history | /x/db/migration"_s };
        QTest::newRow("--tool by display name, the rest found")
            << QStringList { u"--tool"_s, u"Golang_Migrate"_s } << fileExpected
            << u"public.__EFMigrationsHistory"_s << QStringList { u"golang-migrate |  |  | "_s };
    }
    void historyOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedSource);
        QFETCH(QString, efHistory);
        QFETCH(QStringList, pins);
        QCommandLineParser p;
        const CliOptions o;
        o.addTo(p);
        QVERIFY2(p.parse(QStringList { u"doctor"_s, u"run"_s } + args), qPrintable(p.errorText()));
        Environment e = fromFile();
        QCOMPARE(o.applyHistoryOptions(p, &e), QString());
        QCOMPARE(e.expectedSource, expectedSource);
        QCOMPARE(e.historySchema + u'.' + e.historyTable, efHistory);
        QCOMPARE(lines(e.migrationHistories), pins);
    }

    void badToolIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList {
            u"--tool"_s, u"flywey"_s
        } << u"--tool must name a migration tool (efcore, flyway, liquibase, golang-migrate"_s;
        QTest::newRow("twice") << QStringList { u"--tool"_s, u"flyway"_s, u"--tool"_s, u"sqlx"_s }
                               << u"give --tool once; the environments file's migrations: list "
                                  "pins several histories"_s;
    }
    void badToolIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QCommandLineParser p;
        const CliOptions o;
        o.addTo(p);
        QVERIFY(p.parse(QStringList { u"doctor"_s, u"run"_s } + args));
        Environment e = fromFile();
        const QString error = o.applyHistoryOptions(p, &e);
        QVERIFY2(error.startsWith(message), qPrintable(error));
        QCOMPARE(lines(e.migrationHistories), lines(fromFile().migrationHistories));
        // And as a user meets it: a usage error, no report.
        const CliRun r = doctor(QStringList { u"run"_s, u"--demo"_s } + args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"doctor: "_s + message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
