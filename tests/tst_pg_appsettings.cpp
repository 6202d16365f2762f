// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// appsettings layers against the fixture server, through the runner and the `doctor`
// binary; a sentinel password never reaches the output (RELIABILITY 18, 19).
#include "config/appsettings.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "pgserver.h"
#include "runandwait.h"
#include "silentserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
// The names: A, B, C.
const QStringList Abc { u"20240105093000_InitialCreate"_s, u"20240212141500_AddTenants"_s,
    u"20240318080000_AddAuditLog"_s };
const QString Sentinel = u"Sentinel-Pw-7731"_s;

using Files
    = QMap<QString, QString>; // file name -> connection string under ConnectionStrings:StellaOps

QProcessEnvironment vars(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &a : assignments)
        env.insert(a.section(u'=', 0, 0), a.section(u'=', 1));
    return env;
}

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

// Built with QJsonDocument so that any character in a password is escaped properly.
QByteArray settingsJson(const QString &section, const QString &key, const QString &value)
{
    return QJsonDocument(QJsonObject { { section, QJsonObject { { key, value } } } }).toJson();
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestPgAppSettings : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QString m_role; // a login role whose password is the sentinel
    QTemporaryDir m_dir;
    QString m_dbA; // history: A
    QString m_dbAbc; // history: A, B, C
    QString m_manifest; // expected: A, B, C (outside m_dir, which writeSettings empties)
    QTemporaryDir m_manifestDir;

    QString closedString() const
    {
        return u"Host=127.0.0.1;Port=%1;Database=%2;Username=u;Password=p"_s
            .arg(closedLoopbackPort())
            .arg(m_db);
    }

    QString sentinelString() const
    {
        return u"Host=%1;Port=%2;Database=%3;Username=%4;Password=%5"_s.arg(m_pg.host())
            .arg(m_pg.port())
            .arg(m_db, m_role, Sentinel);
    }

    // Writes the files fresh into m_dir; returns the appsettings.json path.
    QString writeSettings(const Files &files)
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QByteArray json = it.key().startsWith(u"raw:")
                ? it.value().toUtf8()
                : settingsJson(u"ConnectionStrings"_s, u"StellaOps"_s, it.value());
            writeFile(m_dir.filePath(it.key().section(u':', -1)), json);
        }
        return m_dir.filePath(u"appsettings.json"_s);
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

    // The real binary, with an environment free of the caller's .NET and libpq settings.
    CliRun runDoctor(const QStringList &arguments, const QStringList &assignments = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys()) {
            const QString lower = name.toLower();
            if (lower.startsWith(u"connectionstrings__") || lower.startsWith(u"database__")
                || lower.contains(u"connstr_") || lower.endsWith(u"_environment")
                || lower.startsWith(u"pg"))
                env.remove(name);
        }
        env.insert(u"HOME"_s, m_dir.path() + u"/home"_s);
        env.insert(u"NO_COLOR"_s, u"1"_s);
        const QProcessEnvironment extra = vars(assignments);
        for (const QString &name : extra.keys())
            env.insert(name, extra.value(name));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DOCTOR_BINARY_DIR) + u"/app/doctor"_s, arguments);
        CliRun run;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            run.err = u"doctor did not finish"_s;
            return run;
        }
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"appsettings"_s);
        QVERIFY(!m_db.isEmpty());
        QVERIFY(m_dir.isValid());
        // Roles are cluster-wide: a unique name keeps parallel and repeated runs apart.
        m_role = u"sentinel_"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QCOMPARE(m_pg.exec(m_db, { u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(m_role, Sentinel) }),
            QString());

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

    void cleanupTestCase()
    {
        if (!m_role.isEmpty())
            m_pg.exec(m_db, { u"DROP ROLE IF EXISTS %1"_s.arg(m_role) });
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

    // A MySQL or SQL Server connection string for our name is refused, naming the variable,
    // never its value.
    void azureWrongProviderRefused_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("provider");
        QTest::newRow("MySQL") << u"MYSQLCONNSTR_StellaOps=Server=db;Uid=u;Pwd="_s + Sentinel
                               << u"MySql.Data.MySqlClient"_s;
        QTest::newRow("SQL Server") << u"SQLCONNSTR_StellaOps=Data Source=db;User ID=u;Password="_s
                + Sentinel << u"System.Data.SqlClient"_s;
        QTest::newRow("Azure SQL") << u"SQLAZURECONNSTR_StellaOps=Server=tcp:db;Password="_s
                + Sentinel << u"System.Data.SqlClient"_s;
    }

    void azureWrongProviderRefused()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, provider);
        const QString path = writeSettings({ { u"appsettings.json"_s, m_pg.npgsqlString(m_dbA) } });
        for (const QString &format : { u"text"_s, u"json"_s }) {
            const CliRun run = runDoctor(
                { u"run"_s, u"--appsettings"_s, path, u"--format"_s, format }, { assignment });
            QCOMPARE(run.exitCode, 64);
            QVERIFY2(run.err.contains(assignment.section(u'=', 0, 0)), qPrintable(run.err));
            QVERIFY2(run.err.contains(provider), qPrintable(run.err));
            QVERIFY2(!run.out.contains(Sentinel) && !run.err.contains(Sentinel),
                qPrintable(run.out + run.err));
        }
    }

    void cliReportsMissingConnection()
    {
        const QString path
            = writeSettings({ { u"raw:appsettings.json"_s, u"{\"Logging\": {}}"_s } });
        const CliRun run
            = runDoctor({ u"run"_s, u"--appsettings"_s, path, u"--format"_s, u"text"_s });
        QCOMPARE(run.exitCode, 3); // connectivity fails; the other checks could not run
        QVERIFY2(run.out.contains(u"FAIL  default  check.postgres.connectivity  ConnectionStrings:"
                                  u"StellaOps or Database:ConnectionString must be configured"),
            qPrintable(run.out + run.err));
    }

    // RELIABILITY 19: the file and its mode, on stderr, and still no password.
    void cliWarnsAboutLooseSecretFile()
    {
        const QString path = writeSettings({ { u"appsettings.json"_s, sentinelString() } });
        QVERIFY(QFile::setPermissions(path,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));
        const CliRun run
            = runDoctor({ u"run"_s, u"--appsettings"_s, path, u"--check"_s, Connectivity });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(path) && run.err.contains(u"(mode 0644)"), qPrintable(run.err));
        QVERIFY(!run.err.contains(Sentinel));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(!runDoctor({ u"run"_s, u"--appsettings"_s, path, u"--check"_s, Connectivity })
                     .err.contains(u"mode"));
    }

    // RELIABILITY 18: connected, refused, wrong password, unparseable: never the password.
    void sentinelNeverPrinted_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("connectivity"); // expected status word, empty: no report
        const QString sentinelString = this->sentinelString();
        const QString wrongPassword
            = m_pg.npgsqlString(m_db).section(u";Password="_s, 0, 0) + u";Password="_s + Sentinel;
        for (const QString &format : { u"text"_s, u"json"_s }) {
            const QByteArray f = format.toUtf8();
            QTest::addRow("connected %s", f.constData())
                << Files { { u"appsettings.json"_s, sentinelString } } << QStringList() << format
                << u"pass"_s;
            QTest::addRow("connected via variable %s", f.constData())
                << Files { { u"raw:appsettings.json"_s, u"{}"_s } }
                << QStringList { u"ConnectionStrings__StellaOps="_s + sentinelString } << format
                << u"pass"_s;
            QTest::addRow("wrong password %s", f.constData())
                << Files { { u"appsettings.json"_s, wrongPassword } } << QStringList() << format
                << u"fail"_s;
            QTest::addRow("unparseable connection string %s", f.constData()) << Files {
                { u"appsettings.json"_s, u"Host=h;Port=notaport;Password="_s + Sentinel }
            } << QStringList() << format << QString();
            QTest::addRow("malformed JSON %s", f.constData())
                << Files { { u"raw:appsettings.json"_s,
                       u"{\"ConnectionStrings\": {\"StellaOps\": \"Host=h;Password=%1\",,}"_s.arg(
                           Sentinel) } }
                << QStringList() << format << QString();
        }
    }

    void sentinelNeverPrinted()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, format);
        QFETCH(QString, connectivity);
        const QString path = writeSettings(files);
        const CliRun run
            = runDoctor({ u"run"_s, u"--appsettings"_s, path, u"--format"_s, format }, vars);
        QVERIFY2(!run.out.contains(Sentinel), qPrintable(run.out));
        QVERIFY2(!run.err.contains(Sentinel), qPrintable(run.err));
        if (connectivity.isEmpty()) {
            QCOMPARE(run.exitCode, 64);
            QVERIFY2(run.err.contains(path), qPrintable(run.err));
            return;
        }
        // The report was made, so the password really went through the whole path.
        QString status;
        if (format == u"json") {
            const QJsonArray results
                = QJsonDocument::fromJson(run.out.toUtf8())[u"results"_s].toArray();
            for (const QJsonValue &r : results) {
                if (r[u"checkId"_s].toString() == Connectivity)
                    status = r[u"status"_s].toString();
            }
        } else {
            status = run.out.section(u"  default  check.postgres.connectivity"_s, 0, 0)
                         .section(u'\n', -1)
                         .toLower();
        }
        QCOMPARE(status, connectivity);
    }
};

QTEST_GUILESS_MAIN(TestPgAppSettings)
#include "tst_pg_appsettings.moc"
