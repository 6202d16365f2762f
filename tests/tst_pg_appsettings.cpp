// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// appsettings layers against the fixture server: the layer that supplied the connection is
// the one connectivity names, through the runner and the `doctor` binary.
#include "appsettingsfiles.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "pgserver.h"
#include "runandwait.h"
#include "silentserver.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using AppSettingsFiles::CliRun;
using AppSettingsFiles::settingsJson;
using AppSettingsFiles::vars;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
// The names: A, B, C.
const QStringList Abc { u"20240105093000_InitialCreate"_s, u"20240212141500_AddTenants"_s,
    u"20240318080000_AddAuditLog"_s };
// file name -> connection string under ConnectionStrings:StellaOps ("raw:" name: the content)
using Files = AppSettingsFiles::Files;

QJsonObject resultOf(const QString &json, const QString &checkId)
{
    const QJsonArray results = QJsonDocument::fromJson(json.toUtf8())[u"results"_s].toArray();
    for (const QJsonValue &r : results) {
        if (r[u"checkId"_s].toString() == checkId)
            return r.toObject();
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestPgAppSettings : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QTemporaryDir m_dir;
    QString m_dbA; // history: A
    QString m_dbAbc; // history: A, B, C
    QString m_manifest; // expected: A, B, C (outside m_dir, which writeSettings empties)
    QTemporaryDir m_manifestDir;

    QString writeSettings(const Files &files)
    {
        return AppSettingsFiles::writeServiceSettings(m_dir.path(), files);
    }

    // The real binary.
    AppSettingsFiles::CliRun runDoctor(
        const QStringList &arguments, const QStringList &assignments = {})
    {
        return AppSettingsFiles::runDoctor(TestPaths::binaryDir() + u"/app/doctor"_s, arguments,
            assignments, m_dir.path() + u"/home"_s);
    }

    QString closedString() const
    {
        return u"Host=127.0.0.1;Port=%1;Database=%2;Username=u;Password=p"_s
            .arg(closedLoopbackPort())
            .arg(m_db);
    }

    CheckResult connectivity(const QString &appsettings, const QStringList &assignments)
    {
        const AppSettingsResult settings = AppSettings::resolve(appsettings, {}, vars(assignments));
        if (!settings.connection)
            return {};
        Environment env;
        env.name = u"env"_s;
        env.useConnection(*settings.connection, settings.source);
        env.timeouts.connectSec = 2;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Connectivity });
        const CheckResult *r = out.find(u"env"_s, Connectivity);
        return r ? *r : CheckResult();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"appsettings"_s);
        QVERIFY(!m_db.isEmpty());
        QVERIFY(m_dir.isValid());

        m_dbA = m_pg.createDatabase(u"appsettings_a"_s);
        m_dbAbc = m_pg.createDatabase(u"appsettings_abc"_s);
        QVERIFY(!m_dbA.isEmpty() && !m_dbAbc.isEmpty());
        for (const auto &[db, applied] :
            { std::pair { m_dbA, Abc.mid(0, 1) }, std::pair { m_dbAbc, Abc } }) {
            QStringList sql {
                u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" "
                u"varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s
            };
            for (const QString &id : applied)
                sql << u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('%1', '9.0.6')"_s.arg(id);
            QCOMPARE(m_pg.exec(db, sql), QString());
        }
        QVERIFY(m_manifestDir.isValid());
        m_manifest = m_manifestDir.filePath(u"expected.txt"_s);
        QVERIFY(writeFile(m_manifest, Abc.join(u'\n').toUtf8() + '\n'));
    }

    void connectivityNamesTheLayer_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("source");
        const QString good = m_pg.npgsqlString(m_db);
        const QString closed = closedString();
        QTest::newRow("appsettings.json")
            << Files { { u"appsettings.json"_s, good } } << QStringList()
            << u"appsettings.json (ConnectionStrings:StellaOps)"_s;
        QTest::newRow("appsettings.Staging.json over a closed port")
            << Files { { u"appsettings.json"_s, closed }, { u"appsettings.Staging.json"_s, good } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s }
            << u"appsettings.Staging.json (ConnectionStrings:StellaOps)"_s;
        QTest::newRow("variable over a closed port")
            << Files { { u"appsettings.json"_s, closed } }
            << QStringList { u"connectionstrings__StellaOps="_s + good }
            << u"environment variable connectionstrings__StellaOps"_s;
        QTest::newRow("Database:ConnectionString")
            << Files { { u"raw:appsettings.json"_s,
                   QString::fromUtf8(settingsJson(u"Database"_s, u"ConnectionString"_s, good)) } }
            << QStringList() << u"appsettings.json (Database:ConnectionString)"_s;
    }

    void connectivityNamesTheLayer()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, source);
        const CheckResult r = connectivity(writeSettings(files), vars);
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"ConnectionSource"_s).toString(), source);
    }

    void variableOverrideToClosedPortFails()
    {
        const QString path = writeSettings({ { u"appsettings.json"_s, m_pg.npgsqlString(m_db) } });
        const CheckResult r
            = connectivity(path, { u"ConnectionStrings__StellaOps="_s + closedString() });
        QCOMPARE(r.status, CheckStatus::Fail);
        QVERIFY2(r.message.contains(u"Connection refused"), qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"ConnectionSource"_s).toString(),
            u"environment variable ConnectionStrings__StellaOps"_s);
    }

    // Issue 11 item 3: appsettings.json names the database with A applied, an Azure
    // connection-string variable the one with A, B, C. The service reads the variable, so
    // doctor must too, and say which variable it read.
    void azureVariableWinsEndToEnd_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("applied");
        const QString a = m_pg.npgsqlString(m_dbA);
        const QString abc = m_pg.npgsqlString(m_dbAbc);
        const QString runtimeConfig = u"raw:StellaOps.Platform.runtimeconfig.json"_s;
        QTest::newRow("no variable: appsettings.json")
            << Files { { u"appsettings.json"_s, a } } << QStringList()
            << u"appsettings.json (ConnectionStrings:StellaOps)"_s << 1;
        QTest::newRow("POSTGRESQLCONNSTR_StellaOps")
            << Files { { u"appsettings.json"_s, a } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + abc }
            << u"environment variable POSTGRESQLCONNSTR_StellaOps"_s << 3;
        QTest::newRow("POSTGRESQLCONNSTR_ over appsettings.Staging.json")
            << Files { { u"appsettings.json"_s, a }, { u"appsettings.Staging.json"_s, a } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s,
                   u"POSTGRESQLCONNSTR_StellaOps="_s + abc }
            << u"environment variable POSTGRESQLCONNSTR_StellaOps"_s << 3;
        QTest::newRow("CUSTOMCONNSTR_StellaOps")
            << Files { { u"appsettings.json"_s, a } }
            << QStringList { u"CUSTOMCONNSTR_StellaOps="_s + abc }
            << u"environment variable CUSTOMCONNSTR_StellaOps"_s << 3;
        QTest::newRow("prefix and name in other case")
            << Files { { u"appsettings.json"_s, a } }
            << QStringList { u"PostgreSqlConnStr_stellaops="_s + abc }
            << u"environment variable PostgreSqlConnStr_stellaops"_s << 3;
        QTest::newRow("a net8.0 service ignores POSTGRESQLCONNSTR_")
            << Files { { u"appsettings.json"_s, a },
                   { runtimeConfig, u"{\"runtimeOptions\": {\"tfm\": \"net8.0\"}}"_s } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + abc }
            << u"appsettings.json (ConnectionStrings:StellaOps)"_s << 1;
    }

    void azureVariableWinsEndToEnd()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, source);
        QFETCH(int, applied);
        const QString path = writeSettings(files);
        const CliRun run = runDoctor(
            { u"run"_s, u"--appsettings"_s, path, u"--expected"_s, m_manifest, u"--check"_s,
                Connectivity, u"--check"_s, Migrations, u"--format"_s, u"json"_s },
            vars);
        const QJsonObject connectivity = resultOf(run.out, Connectivity);
        const QJsonObject migrations = resultOf(run.out, Migrations);
        QVERIFY2(!migrations.isEmpty(), qPrintable(run.out + run.err));
        QCOMPARE(connectivity[u"status"_s].toString(), u"pass"_s);
        QCOMPARE(connectivity[u"evidence"_s][u"ConnectionSource"_s].toString(), source);
        QCOMPARE(migrations[u"evidence"_s][u"AppliedCount"_s].toInt(), applied);
        QCOMPARE(migrations[u"evidence"_s][u"PendingCount"_s].toInt(), 3 - applied);
        QCOMPARE(migrations[u"status"_s].toString(), applied == 3 ? u"pass"_s : u"warn"_s);
        QCOMPARE(run.exitCode, applied == 3 ? 0 : 1);
        if (source.endsWith(u"(ConnectionStrings:StellaOps)") && !vars.isEmpty())
            QVERIFY2(
                run.err.contains(u"POSTGRESQLCONNSTR_StellaOps is not read"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestPgAppSettings)
#include "tst_pg_appsettings.moc"
