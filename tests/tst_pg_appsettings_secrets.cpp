// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// A sentinel password in a service's settings never reaches the `doctor` binary's output,
// connected or not (RELIABILITY 18, 19); connections of the wrong kind are refused.
#include "appsettingsfiles.h"
#include "pgserver.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using AppSettingsFiles::CliRun;
using AppSettingsFiles::vars;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Sentinel = u"Sentinel-Pw-7731"_s;
// file name -> connection string under ConnectionStrings:StellaOps ("raw:" name: the content)
using Files = AppSettingsFiles::Files;

} // namespace

class TestPgAppSettingsSecrets : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QString m_role; // a login role whose password is the sentinel
    QTemporaryDir m_dir;

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

    QString sentinelString() const
    {
        return u"Host=%1;Port=%2;Database=%3;Username=%4;Password=%5"_s.arg(m_pg.host())
            .arg(m_pg.port())
            .arg(m_db, m_role, Sentinel);
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
    }

    void cleanupTestCase()
    {
        if (!m_role.isEmpty())
            m_pg.exec(m_db, { u"DROP ROLE IF EXISTS %1"_s.arg(m_role) });
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
        const QString path = writeSettings({ { u"appsettings.json"_s, m_pg.npgsqlString(m_db) } });
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

QTEST_GUILESS_MAIN(TestPgAppSettingsSecrets)
#include "tst_pg_appsettings_secrets.moc"
