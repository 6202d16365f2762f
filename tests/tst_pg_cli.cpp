// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The doctor binary end to end against the fixture server.
#include "pgserver.h"
#include "testpaths.h"
#include "testsupport/builtincount.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run doctor(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PGPASSWORD"_s);
    p.setProcessEnvironment(env);
    p.start(TestPaths::binaryDir() + u"/app/doctor"_s, args);
    p.waitForFinished(60000);
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

QJsonObject result(const QByteArray &json, const QString &checkId)
{
    const QJsonArray results = QJsonDocument::fromJson(json).object().value(u"results"_s).toArray();
    for (const QJsonValue &v : results) {
        if (v.toObject().value(u"checkId"_s).toString() == checkId)
            return v.toObject();
    }
    return {};
}
} // namespace

class TestPgCli : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_withHistory;
    QString m_without;

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_withHistory = m_pg.createDatabase(u"cli_hist"_s);
        m_without = m_pg.createDatabase(u"cli_none"_s);
        QCOMPARE(m_pg.exec(m_withHistory,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                       "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                         u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Init', "
                         "'9.0.6')"_s }),
            QString());
    }

    void saysTheHistoryTableExists()
    {
        const Run r = doctor({ u"run"_s, u"--connection"_s, m_pg.npgsqlString(m_withHistory),
            u"--check"_s, u"check.postgres.migrations"_s, u"--format"_s, u"json"_s });
        const QJsonObject m = result(r.out, u"check.postgres.migrations"_s);
        QVERIFY2(!m.isEmpty(), r.out.constData());
        QCOMPARE(m.value(u"evidence"_s).toObject().value(u"TableExists"_s).toBool(), true);
        QCOMPARE(m.value(u"evidence"_s).toObject().value(u"AppliedCount"_s).toInt(), 1);
        QCOMPARE(
            m.value(u"evidence"_s).toObject().value(u"PendingCount"_s).toString(), u"unknown"_s);
        QCOMPARE(r.exitCode, 0);
        // A pass has nothing to fix: no `stella db migrate` in the report (issue 12).
        QCOMPARE(m.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray().size(), 0);
    }

    void saysWhenItDoesNotExistAndWarns()
    {
        const QString uri
            = u"postgresql://%1:%2@%3:%4/%5"_s.arg(m_pg.user(), m_pg.password(), m_pg.host())
                  .arg(m_pg.port())
                  .arg(m_without);
        const Run r = doctor(
            { u"run"_s, u"--connection"_s, uri, u"--check"_s, u"check.postgres.migrations"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.startsWith("WARN  default  check.postgres.migrations  Migration history table "
                             "public.__EFMigrationsHistory does not exist"),
            r.out.constData());
        QVERIFY(r.out.contains("        TableExists: false"));
        QVERIFY(!r.out.contains("\x1b[")); // not a terminal: no colour
        QVERIFY(!r.out.contains(m_pg.password().toUtf8()));
    }

    // Issue 11 item 2's example end to end: a history written under
    // UseSnakeCaseNamingConvention is read, and nothing from Qt's SQL layer reaches stderr.
    void snakeCaseHistoryIsRead()
    {
        const QString db = m_pg.createDatabase(u"cli_snake"_s);
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (migration_id varchar(150) "
                       "PRIMARY KEY, product_version varchar(32) NOT NULL)"_s,
                         u"INSERT INTO \"__EFMigrationsHistory\" VALUES "
                         "('20240105093000_InitialCreate', '9.0.6'), "
                         "('20240212141500_AddTenants', '9.0.6')"_s }),
            QString());
        QTemporaryDir dir;
        const QString manifest = dir.filePath(u"expected.txt"_s);
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("20240105093000_InitialCreate\n20240212141500_AddTenants\n"
                "20240318080000_AddAuditLog\n");
        f.close();
        const Run r = doctor({ u"run"_s, u"--connection"_s, m_pg.npgsqlString(db), u"--check"_s,
            u"check.postgres.migrations"_s, u"--expected"_s, manifest, u"--format"_s, u"json"_s });
        const QJsonObject m = result(r.out, u"check.postgres.migrations"_s);
        QVERIFY2(!m.isEmpty(), r.out.constData());
        const QJsonObject evidence = m.value(u"evidence"_s).toObject();
        QCOMPARE(m.value(u"status"_s).toString(), u"warn"_s);
        QCOMPARE(evidence.value(u"AppliedCount"_s).toInt(), 2);
        QCOMPARE(evidence.value(u"PendingCount"_s).toInt(), 1);
        QCOMPARE(evidence.value(u"PendingMigrations"_s).toArray(),
            QJsonArray { u"20240318080000_AddAuditLog"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    // Issue 11 item 1's examples end to end: a Migrations folder's ids come from the
    // [Migration] attributes, not the file names (was exit 3, and "Up to date" for B).
    void migrationsFolderByAttribute_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("applied");
        QTest::addColumn<QString>("pending");
        QTest::newRow("ticket-numbered ids")
            << u"TicketIds"_s << QStringList { u"0001_Initial"_s, u"0002_AddTenants"_s }
            << u"0003_AddAuditLog"_s;
        QTest::newRow("AddTenants.cs")
            << u"RenamedFiles"_s << QStringList { u"20240105093000_InitialCreate"_s }
            << u"20240212141500_AddTenants"_s;
    }
    void migrationsFolderByAttribute()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, applied);
        QFETCH(QString, pending);
        const QString db = m_pg.createDatabase(u"cli_folder_"_s + QString::number(applied.size()));
        QStringList sql { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" "
                          "varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s };
        for (const QString &id : std::as_const(applied))
            sql << u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('%1', '9.0.6')"_s.arg(id);
        QCOMPARE(m_pg.exec(db, sql), QString());
        const QString path = TestPaths::testData() + u"/expected/"_s + folder;
        const Run r = doctor({ u"run"_s, u"--connection"_s, m_pg.npgsqlString(db), u"--check"_s,
            u"check.postgres.migrations"_s, u"--expected"_s, path, u"--format"_s, u"json"_s });
        const QJsonObject m = result(r.out, u"check.postgres.migrations"_s);
        QVERIFY2(!m.isEmpty(), r.out.constData());
        const QJsonObject evidence = m.value(u"evidence"_s).toObject();
        QCOMPARE(m.value(u"status"_s).toString(), u"warn"_s);
        QCOMPARE(evidence.value(u"AppliedCount"_s).toInt(), applied.size());
        QCOMPARE(evidence.value(u"PendingMigrations"_s).toArray(), QJsonArray { pending });
        QCOMPARE(r.exitCode, 1);
    }

    // Issue 12: connectivity is the root cause (fail, with fixes); the checks that needed
    // the connection are not_run, with no fixes; exit code 3 (could not run).
    void closedPortCouldNotRun()
    {
        const QStringList args { u"run"_s, u"--connection"_s,
            u"host=127.0.0.1 port=1 dbname=x user=y"_s, u"--connect-timeout"_s, u"2"_s };
        const Run text = doctor(args);
        QCOMPARE(text.exitCode, 3);
        QVERIFY(text.out.contains("Connection refused"));
        QVERIFY2(text.out.contains("FAIL  "), text.out.constData());
        QVERIFY2(text.out.contains("NRUN  "), text.out.constData());
        QVERIFY(!text.out.contains("ERR "));

        const Run json = doctor(args + QStringList { u"--format"_s, u"json"_s });
        QCOMPARE(json.exitCode, 3);
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(u"schemaVersion"_s).toInt(), 3);
        const QJsonObject c = result(json.out, u"check.postgres.connectivity"_s);
        QCOMPARE(c.value(u"status"_s).toString(), u"fail"_s);
        for (const QString &id : { u"check.postgres.migrations"_s, u"check.postgres.pool"_s }) {
            const QJsonObject r = result(json.out, id);
            QCOMPARE(r.value(u"status"_s).toString(), u"not_run"_s);
            QCOMPARE(r.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray().size(), 0);
            QCOMPARE(r.value(u"evidence"_s).toObject().value(u"RootCause"_s).toString(),
                u"check.postgres.connectivity"_s);
            QVERIFY(r.value(u"message"_s).toString().startsWith(u"Not run: no connection"));
        }
    }

    // Issue 12 item 5: the report says when the run was, which doctor ran it, and for
    // each result the server it was checked on (never the password).
    void reportSaysWhenWhoAndWhere()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const Run r = doctor({ u"run"_s, u"--connection"_s, m_pg.npgsqlString(m_withHistory),
            u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QDateTime runAt
            = QDateTime::fromString(root.value(u"runAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY2(runAt.isValid() && runAt.timeSpec() == Qt::UTC, r.out.constData());
        QVERIFY(runAt >= before && runAt <= QDateTime::currentDateTimeUtc());
        QVERIFY2(!root.value(u"doctorVersion"_s).toString().isEmpty(), r.out.constData());
        const QJsonArray results = root.value(u"results"_s).toArray();
        QCOMPARE(results.size(), builtinChecks());
        for (const QJsonValue &v : results) {
            const QJsonObject server = v.toObject().value(u"server"_s).toObject();
            QCOMPARE(server.value(u"host"_s).toString(), m_pg.host());
            QCOMPARE(server.value(u"port"_s).toString(), QString::number(m_pg.port()));
            QCOMPARE(server.value(u"database"_s).toString(), m_withHistory);
            QCOMPARE(server.value(u"user"_s).toString(), m_pg.user());
        }
        QVERIFY(m_pg.password().size() >= 8); // long enough not to match by chance
        QVERIFY(!r.out.contains(m_pg.password().toUtf8()));
    }

    void outputFileAndUsageErrors()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"report.json"_s);
        Run r = doctor({ u"run"_s, u"--connection"_s, m_pg.npgsqlString(m_withHistory),
            u"--format"_s, u"json"_s, u"--output"_s, out });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(
            QJsonDocument::fromJson(f.readAll()).object().value(u"schemaVersion"_s).toInt(), 3);
        QCOMPARE(doctor({ u"run"_s, u"--format"_s, u"xml"_s, u"--demo"_s }).exitCode, 64);
        QCOMPARE(doctor({ u"run"_s, u"--check"_s, u"check.nope"_s, u"--demo"_s }).exitCode, 64);
        QCOMPARE(doctor({ u"frobnicate"_s }).exitCode, 64);
        r = doctor({ u"list"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("check.postgres.migrations"));
    }
};

QTEST_GUILESS_MAIN(TestPgCli)
#include "tst_pg_cli.moc"
