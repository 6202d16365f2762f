// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// AppSettings: .NET's configuration layers, key rules and JSON dialect (RELIABILITY 16),
// and how environments files and the runner use the result.
#include "config/appsettings.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "config/environmentsfile.h"
#include "runandwait.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Files = QMap<QString, QString>; // file name -> content

const QString Missing
    = u"ConnectionStrings:StellaOps or Database:ConnectionString must be configured"_s;

QString conn(const QString &host)
{
    return u"Host=%1;Database=app;Username=u;Password=pw"_s.arg(host);
}

// {"ConnectionStrings": {"StellaOps": "Host=HOST;..."}}
QString stellaOps(const QString &host)
{
    return uR"({"ConnectionStrings": {"StellaOps": "%1"}})"_s.arg(conn(host));
}

QString database(const QString &host)
{
    return uR"({"Database": {"ConnectionString": "%1"}})"_s.arg(conn(host));
}

QProcessEnvironment vars(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &a : assignments)
        env.insert(a.section(u'=', 0, 0), a.section(u'=', 1));
    return env;
}

bool write(const QString &path, const QString &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content.toUtf8()) >= 0;
}

} // namespace

class TestAppSettings : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path; // the current case's appsettings.json

    AppSettingsResult resolveFiles(
        const Files &files, const QStringList &assignments = {}, const QString &explicitEnv = {})
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            write(QDir(m_dir.path()).filePath(it.key()), it.value());
        m_path = QDir(m_dir.path()).filePath(u"appsettings.json"_s);
        return AppSettings::resolve(m_path, explicitEnv, vars(assignments));
    }

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("explicitEnv");
        QTest::addColumn<QString>("source"); // empty: nothing configured
        QTest::addColumn<QString>("host");

        const QString base = u"appsettings.json"_s;
        const QString staging = u"appsettings.Staging.json"_s;
        const QString dev = u"appsettings.Development.json"_s;
        const QString prod = u"appsettings.Production.json"_s;
        const QString baseSource = u"appsettings.json (ConnectionStrings:StellaOps)"_s;
        const QString stagingSource = u"appsettings.Staging.json (ConnectionStrings:StellaOps)"_s;

        QTest::newRow("base file") << Files { { base, stellaOps(u"a"_s) } } << QStringList()
                                   << QString() << baseSource << u"a"_s;
        QTest::newRow("environment file beats base")
            << Files { { base, stellaOps(u"a"_s) }, { staging, stellaOps(u"s"_s) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << QString() << stagingSource
            << u"s"_s;
        QTest::newRow("other environment's file ignored")
            << Files { { base, stellaOps(u"a"_s) }, { staging, stellaOps(u"s"_s) } }
            << QStringList() << QString() << baseSource << u"a"_s;
        QTest::newRow("Production by default")
            << Files { { base, stellaOps(u"a"_s) }, { prod, stellaOps(u"p"_s) } } << QStringList()
            << QString() << u"appsettings.Production.json (ConnectionStrings:StellaOps)"_s
            << u"p"_s;
        QTest::newRow("variable beats both files")
            << Files { { base, stellaOps(u"a"_s) }, { staging, stellaOps(u"s"_s) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s,
                   u"ConnectionStrings__StellaOps="_s + conn(u"v"_s) }
            << QString() << u"environment variable ConnectionStrings__StellaOps"_s << u"v"_s;
        QTest::newRow("variable name case-insensitive")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"CONNECTIONSTRINGS__stellaops="_s + conn(u"v"_s) } << QString()
            << u"environment variable CONNECTIONSTRINGS__stellaops"_s << u"v"_s;
        QTest::newRow("single underscore is not a separator")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"ConnectionStrings_StellaOps="_s + conn(u"v"_s) } << QString()
            << baseSource << u"a"_s;
        QTest::newRow("Database__ConnectionString variable")
            << Files { { base, u"{}"_s } }
            << QStringList { u"Database__ConnectionString="_s + conn(u"d"_s) } << QString()
            << u"environment variable Database__ConnectionString"_s << u"d"_s;
        QTest::newRow("ConnectionStrings key beats Database key from a higher layer")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"Database__ConnectionString="_s + conn(u"d"_s) } << QString()
            << baseSource << u"a"_s;
        QTest::newRow("Database key when ConnectionStrings has no StellaOps")
            << Files { { base,
                   uR"({"ConnectionStrings": {"Other": "Host=o"}, "Database": {"ConnectionString": "%1"}})"_s
                       .arg(conn(u"d"_s)) } }
            << QStringList() << QString() << u"appsettings.json (Database:ConnectionString)"_s
            << u"d"_s;
        QTest::newRow("empty variable unsets, next key used")
            << Files { { base, stellaOps(u"a"_s) }, { staging, database(u"s"_s) } }
            << QStringList { u"ASPNETCORE_ENVIRONMENT=Staging"_s,
                   u"ConnectionStrings__StellaOps="_s }
            << QString() << u"appsettings.Staging.json (Database:ConnectionString)"_s << u"s"_s;
        QTest::newRow("JSON keys case-insensitive")
            << Files { { base,
                   uR"({"connectionstrings": {"STELLAOPS": "%1"}})"_s.arg(conn(u"a"_s)) } }
            << QStringList() << QString() << baseSource << u"a"_s;
        QTest::newRow("JSON keys case-insensitive across layers")
            << Files { { base, stellaOps(u"a"_s) },
                   { staging,
                       uR"({"CONNECTIONSTRINGS": {"stellaops": "%1"}})"_s.arg(conn(u"s"_s)) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << QString() << stagingSource
            << u"s"_s;
        QTest::newRow("DOTNET_ENVIRONMENT beats ASPNETCORE_ENVIRONMENT")
            << Files { { base, u"{}"_s }, { staging, stellaOps(u"s"_s) },
                   { dev, stellaOps(u"d"_s) } }
            << QStringList { u"ASPNETCORE_ENVIRONMENT=Development"_s,
                   u"DOTNET_ENVIRONMENT=Staging"_s }
            << QString() << stagingSource << u"s"_s;
        QTest::newRow("ASPNETCORE_ENVIRONMENT alone")
            << Files { { base, u"{}"_s }, { staging, stellaOps(u"s"_s) },
                   { dev, stellaOps(u"d"_s) } }
            << QStringList { u"ASPNETCORE_ENVIRONMENT=Development"_s } << QString()
            << u"appsettings.Development.json (ConnectionStrings:StellaOps)"_s << u"d"_s;
        QTest::newRow("explicit environment beats the variables")
            << Files { { base, u"{}"_s }, { staging, stellaOps(u"s"_s) },
                   { dev, stellaOps(u"d"_s) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << u"Development"_s
            << u"appsettings.Development.json (ConnectionStrings:StellaOps)"_s << u"d"_s;
        QTest::newRow("comments and trailing commas") << Files { { base,
            u"// a comment\n{\n  /* block\n  comment */ \"ConnectionStrings\": {\n"
            "    \"StellaOps\": \"%1\", // trailing comma next\n  },\n  \"List\": [1, 2,],\n}\n"_s
                .arg(conn(u"c"_s)) } } << QStringList()
                                                      << QString() << baseSource << u"c"_s;
        QTest::newRow("nothing configured")
            << Files { { base, uR"({"Logging": {"LogLevel": {"Default": "Information"}}})"_s } }
            << QStringList() << QString() << QString() << QString();
        QTest::newRow("empty value is not configured")
            << Files { { base, uR"({"ConnectionStrings": {"StellaOps": "  "}})"_s } }
            << QStringList() << QString() << QString() << QString();
        QTest::newRow("null value is not configured")
            << Files { { base, uR"({"ConnectionStrings": {"StellaOps": null}})"_s } }
            << QStringList() << QString() << QString() << QString();
    }

    void resolve()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, explicitEnv);
        QFETCH(QString, source);
        QFETCH(QString, host);
        const AppSettingsResult r = resolveFiles(files, vars, explicitEnv);
        QVERIFY2(r.ok(), qPrintable(r.error));
        if (source.isEmpty()) {
            QVERIFY(!r.connection);
            QVERIFY2(r.missingMessage.startsWith(Missing), qPrintable(r.missingMessage));
            return;
        }
        QVERIFY(r.missingMessage.isEmpty());
        QVERIFY(r.connection);
        QCOMPARE(r.source, source);
        QCOMPARE(r.connection->host, host);
    }

    // Azure's connection-string variables, as .NET's EnvironmentVariablesConfigurationProvider
    // maps them (see appsettings.cpp for the source): prefix, precedence over the files,
    // case, provider name, the .NET version that knows the prefix, and the wrong kinds.
    void azureVariables_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("source"); // empty: an error is expected
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("message"); // '|'-separated parts of the error or warnings

        const QString base = u"appsettings.json"_s;
        const QString staging = u"appsettings.Staging.json"_s;
        const QString baseSource = u"appsettings.json (ConnectionStrings:StellaOps)"_s;
        const QString pgVar = u"environment variable POSTGRESQLCONNSTR_StellaOps"_s;
        const auto runtime = [](const QString &tfm) {
            return uR"({"runtimeOptions": {"tfm": "%1", "framework": {"name": "Microsoft.AspNetCore.App", "version": "8.0.0"}}})"_s
                .arg(tfm);
        };
        const QString rc = u"StellaOps.Platform.runtimeconfig.json"_s;
        // With no runtimeconfig.json the prefix is read as .NET 10 does, with a warning
        // that names what a .NET 8 or 9 service would read instead.
        const QString olderReads = u".NET 8 or 9|would use appsettings.json (ConnectionStrings:"
                                   u"StellaOps)"_s;

        QTest::newRow("POSTGRESQLCONNSTR_ beats appsettings.json")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << pgVar << u"v"_s
            << u"Npgsql"_s << olderReads;
        QTest::newRow("POSTGRESQLCONNSTR_ beats appsettings.Staging.json")
            << Files { { base, stellaOps(u"a"_s) }, { staging, stellaOps(u"s"_s) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s,
                   u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) }
            << pgVar << u"v"_s << u"Npgsql"_s
            << u"would use appsettings.Staging.json (ConnectionStrings:StellaOps)"_s;
        QTest::newRow("POSTGRESQLCONNSTR_ beats Database:ConnectionString from a file")
            << Files { { base, database(u"d"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << pgVar << u"v"_s
            << u"Npgsql"_s << u"would use appsettings.json (Database:ConnectionString)"_s;
        QTest::newRow("POSTGRESQLCONNSTR_ beats Database__ConnectionString")
            << Files { { base, u"{}"_s } }
            << QStringList { u"Database__ConnectionString="_s + conn(u"d"_s),
                   u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) }
            << pgVar << u"v"_s << u"Npgsql"_s
            << u"would use environment variable Database__ConnectionString"_s;
        QTest::newRow("POSTGRESQLCONNSTR_ alone, older .NET reads nothing")
            << Files { { base, u"{}"_s } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << pgVar << u"v"_s
            << u"Npgsql"_s << u".NET 8 or 9|would find no connection"_s;
        QTest::newRow("CUSTOMCONNSTR_ beats appsettings.json, no provider name")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"CUSTOMCONNSTR_StellaOps="_s + conn(u"c"_s) }
            << u"environment variable CUSTOMCONNSTR_StellaOps"_s << u"c"_s << QString()
            << QString();
        QTest::newRow("prefix case-insensitive")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"postgresqlconnstr_StellaOps="_s + conn(u"v"_s) }
            << u"environment variable postgresqlconnstr_StellaOps"_s << u"v"_s << u"Npgsql"_s
            << olderReads;
        QTest::newRow("name after the prefix case-insensitive")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"CustomConnStr_STELLAOPS="_s + conn(u"c"_s) }
            << u"environment variable CustomConnStr_STELLAOPS"_s << u"c"_s << QString()
            << QString();
        QTest::newRow("another name is not ours")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_Other="_s + conn(u"o"_s),
                   u"CUSTOMCONNSTR_StellaOpsX="_s + conn(u"x"_s) }
            << baseSource << u"a"_s << QString() << QString();
        QTest::newRow("double underscore after the prefix nests the key")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"CUSTOMCONNSTR_StellaOps__Replica="_s + conn(u"r"_s) } << baseSource
            << u"a"_s << QString() << QString();
        QTest::newRow("Database__ConnectionString loses to CUSTOMCONNSTR_")
            << Files { { base, u"{}"_s } }
            << QStringList { u"Database__ConnectionString="_s + conn(u"d"_s),
                   u"CUSTOMCONNSTR_StellaOps="_s + conn(u"c"_s) }
            << u"environment variable CUSTOMCONNSTR_StellaOps"_s << u"c"_s << QString()
            << QString();
        QTest::newRow("empty POSTGRESQLCONNSTR_ unsets, next key used")
            << Files { { base, stellaOps(u"a"_s) }, { staging, database(u"s"_s) } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s, u"POSTGRESQLCONNSTR_StellaOps="_s }
            << u"appsettings.Staging.json (Database:ConnectionString)"_s << u"s"_s << QString()
            << QString();
        QTest::newRow("file provider name reported") << Files { { base,
            uR"({"ConnectionStrings": {"StellaOps": "%1", "StellaOps_ProviderName": "Npgsql"}})"_s
                .arg(conn(u"a"_s)) } } << QStringList()
                                                     << baseSource << u"a"_s << u"Npgsql"_s
                                                     << QString();

        // The service's .NET version, from the runtimeconfig.json next to appsettings.json.
        QTest::newRow("net8.0 ignores POSTGRESQLCONNSTR_")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net8.0"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << baseSource
            << u"a"_s << QString()
            << u"POSTGRESQLCONNSTR_StellaOps is not read|net8.0|CUSTOMCONNSTR_StellaOps"_s;
        QTest::newRow("net9.0 ignores POSTGRESQLCONNSTR_")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net9.0"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << baseSource
            << u"a"_s << QString() << u"POSTGRESQLCONNSTR_StellaOps is not read"_s;
        QTest::newRow("netcoreapp3.1 ignores POSTGRESQLCONNSTR_")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"netcoreapp3.1"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << baseSource
            << u"a"_s << QString() << u"POSTGRESQLCONNSTR_StellaOps is not read"_s;
        QTest::newRow("net8.0 reads CUSTOMCONNSTR_")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net8.0"_s) } }
            << QStringList { u"CUSTOMCONNSTR_StellaOps="_s + conn(u"c"_s) }
            << u"environment variable CUSTOMCONNSTR_StellaOps"_s << u"c"_s << QString()
            << QString();
        QTest::newRow("net10.0 reads POSTGRESQLCONNSTR_ without a warning")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net10.0"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) } << pgVar << u"v"_s
            << u"Npgsql"_s << QString();
        QTest::newRow("net8.0 does not know REDISCACHECONNSTR_ either")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net8.0"_s) } }
            << QStringList { u"REDISCACHECONNSTR_StellaOps=redis:6379"_s } << baseSource << u"a"_s
            << QString() << QString();

        // Several variables for one key: .NET's choice changes from run to run; doctor's not.
        QTest::newRow("ConnectionStrings__ and POSTGRESQLCONNSTR_ differ")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s),
                   u"ConnectionStrings__StellaOps="_s + conn(u"x"_s) }
            << u"environment variable ConnectionStrings__StellaOps"_s << u"x"_s << u"Npgsql"_s
            << u"also set, differently, by POSTGRESQLCONNSTR_StellaOps|doctor used "
               u"ConnectionStrings__StellaOps"_s;
        QTest::newRow("ConnectionStrings__ and POSTGRESQLCONNSTR_ agree")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net10.0"_s) } }
            << QStringList { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s),
                   u"ConnectionStrings__StellaOps="_s + conn(u"v"_s) }
            << u"environment variable ConnectionStrings__StellaOps"_s << u"v"_s << u"Npgsql"_s
            << QString();
        QTest::newRow("a PostgreSQL variable is used over a MySQL one")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net10.0"_s) } }
            << QStringList { u"MYSQLCONNSTR_StellaOps=Server=m;Uid=u;Pwd=Secret-1"_s,
                   u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) }
            << pgVar << u"v"_s << u"Npgsql"_s
            << u"MYSQLCONNSTR_StellaOps (MySQL)|doctor used POSTGRESQLCONNSTR_StellaOps"_s;

        // A connection string of another kind for our name: an error naming the variable.
        const QString advice = u"POSTGRESQLCONNSTR_StellaOps|CUSTOMCONNSTR_StellaOps"_s;
        QTest::newRow("MYSQLCONNSTR_ is the wrong provider")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"MYSQLCONNSTR_StellaOps=Server=m;Uid=u;Pwd=Secret-1"_s } << QString()
            << QString() << QString()
            << u"environment variable MYSQLCONNSTR_StellaOps|MySql.Data.MySqlClient|"_s + advice;
        QTest::newRow("SQLCONNSTR_ is the wrong provider")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"SQLCONNSTR_StellaOps=Data Source=s;Initial Catalog=c;Password=Secret-1"_s }
            << QString() << QString() << QString()
            << u"environment variable SQLCONNSTR_StellaOps|SQL Server|System.Data.SqlClient|"_s
                + advice;
        QTest::newRow("SQLAZURECONNSTR_ is the wrong provider")
            << Files { { base, stellaOps(u"a"_s) } }
            << QStringList { u"sqlazureconnstr_stellaops=Server=tcp:s;Password=Secret-1"_s }
            << QString() << QString() << QString()
            << u"environment variable sqlazureconnstr_stellaops|Azure SQL|System.Data.SqlClient"_s;
        QTest::newRow("MYSQLCONNSTR_ on net8.0 is the wrong provider too")
            << Files { { base, stellaOps(u"a"_s) }, { rc, runtime(u"net8.0"_s) } }
            << QStringList { u"MYSQLCONNSTR_StellaOps=Server=m;Pwd=Secret-1"_s } << QString()
            << QString() << QString()
            << u"MYSQLCONNSTR_StellaOps|MySql.Data.MySqlClient|CUSTOMCONNSTR_StellaOps"_s;
        for (const char *prefix : { "APIHUBCONNSTR_", "DOCDBCONNSTR_", "EVENTHUBCONNSTR_",
                 "NOTIFICATIONHUBCONNSTR_", "REDISCACHECONNSTR_", "SERVICEBUSCONNSTR_" }) {
            const QString name = QLatin1StringView(prefix) + u"StellaOps"_s;
            QTest::addRow("%s is not a database connection", prefix)
                << Files { { base, stellaOps(u"a"_s) } }
                << QStringList { name + u"=Endpoint=sb://x/;SharedAccessKey=Secret-1"_s }
                << QString() << QString() << QString()
                << u"environment variable %1|not a PostgreSQL connection"_s.arg(name);
        }
    }

    void azureVariables()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, source);
        QFETCH(QString, host);
        QFETCH(QString, provider);
        QFETCH(QString, message);
        const AppSettingsResult r = resolveFiles(files, vars);
        const QString all = r.error + u'\n' + r.warnings.join(u'\n');
        QVERIFY2(!all.contains(u"Secret-1"), qPrintable(all));
        QVERIFY2(!all.contains(u"Password=pw"), qPrintable(all));
        for (const QString &part : message.split(u'|', Qt::SkipEmptyParts))
            QVERIFY2(all.contains(part), qPrintable(u"'%1' not in:\n%2"_s.arg(part, all)));
        if (source.isEmpty()) {
            QVERIFY2(!r.ok(), qPrintable(r.source));
            QVERIFY(!r.connection);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.connection);
        QCOMPARE(r.source, source);
        QCOMPARE(r.connection->host, host);
        QCOMPARE(r.providerName, provider);
        if (message.isEmpty())
            QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(u'\n')));
    }

    // .NET enumerates the variables in hash order; doctor's choice must not depend on the
    // order QProcessEnvironment hands them over.
    void azureVariableChoiceIsStable()
    {
        const QStringList assignments { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"p"_s),
            u"CUSTOMCONNSTR_StellaOps="_s + conn(u"c"_s),
            u"connectionstrings__stellaops="_s + conn(u"l"_s),
            u"MYSQLCONNSTR_StellaOps=Server=m"_s };
        QString first;
        for (int i = 0; i < 4; ++i) {
            QStringList rotated = assignments.mid(i) + assignments.mid(0, i);
            const AppSettingsResult r
                = resolveFiles({ { u"appsettings.json"_s, stellaOps(u"a"_s) } }, rotated);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY(r.connection);
            if (i == 0)
                first = r.source;
            QCOMPARE(r.source, first);
            QCOMPARE(r.warnings.size(), 1);
            for (const QString &a : assignments) {
                const QString name = a.section(u'=', 0, 0);
                if (!r.source.endsWith(name))
                    QVERIFY2(r.warnings.first().contains(name), qPrintable(r.warnings.first()));
            }
        }
        QCOMPARE(first, u"environment variable CUSTOMCONNSTR_StellaOps"_s);
    }

    void missingNamesTheVariables()
    {
        const AppSettingsResult r = resolveFiles({ { u"appsettings.json"_s, u"{}"_s } });
        QVERIFY(!r.connection);
        QVERIFY2(r.missingMessage.contains(u"POSTGRESQLCONNSTR_StellaOps"),
            qPrintable(r.missingMessage));
        QVERIFY2(r.missingMessage.contains(u"ConnectionStrings__StellaOps"),
            qPrintable(r.missingMessage));
    }

    void unreadableRuntimeConfigWarns()
    {
        const AppSettingsResult r
            = resolveFiles({ { u"appsettings.json"_s, stellaOps(u"a"_s) },
                               { u"Svc.runtimeconfig.json"_s, u"{\"runtimeOptions\": {}}"_s } },
                { u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) });
        QVERIFY(r.connection);
        QCOMPARE(r.connection->host, u"v"_s);
        QVERIFY2(r.warnings.join(u'\n').contains(u"Svc.runtimeconfig.json"),
            qPrintable(r.warnings.join(u'\n')));
    }

    void environmentName_data()
    {
        QTest::addColumn<QString>("explicitName");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << QString() << QStringList() << u"Production"_s;
        QTest::newRow("DOTNET_") << QString() << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s }
                                 << u"Staging"_s;
        QTest::newRow("ASPNETCORE_")
            << QString() << QStringList { u"ASPNETCORE_ENVIRONMENT=Development"_s }
            << u"Development"_s;
        QTest::newRow("DOTNET_ wins") << QString()
                                      << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s,
                                             u"ASPNETCORE_ENVIRONMENT=Development"_s }
                                      << u"Staging"_s;
        QTest::newRow("empty DOTNET_ falls through")
            << QString()
            << QStringList { u"DOTNET_ENVIRONMENT="_s, u"ASPNETCORE_ENVIRONMENT=Development"_s }
            << u"Development"_s;
        QTest::newRow("name case-insensitive")
            << QString() << QStringList { u"dotnet_environment=Test"_s } << u"Test"_s;
        QTest::newRow("explicit wins")
            << u" QA "_s << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << u"QA"_s;
    }

    void environmentName()
    {
        QFETCH(QString, explicitName);
        QFETCH(QStringList, vars);
        QFETCH(QString, expected);
        QCOMPARE(AppSettings::environmentName(explicitName, ::vars(vars)), expected);
    }

    // RELIABILITY 16: the file, line and column of what is wrong; nothing crashes.
    void malformed_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("where"); // "FILE:LINE:COL: "
        QTest::addColumn<QString>("what");

        const QString base = u"appsettings.json"_s;
        QTest::newRow("missing comma")
            << Files { { base, u"{\n  \"A\": 1\n  \"B\": 2\n}\n"_s } } << QStringList()
            << u"appsettings.json:3:3: "_s << u"unterminated object"_s;
        QTest::newRow("bad literal after multi-byte text")
            << Files { { base, u"{\n  \"Ä\": \"é\", \"B\": tru\n}"_s } } << QStringList()
            << u"appsettings.json:2:21: "_s << u"illegal value"_s;
        QTest::newRow("garbage after the object")
            << Files { { base, u"{\"A\": 1} x"_s } } << QStringList()
            << u"appsettings.json:1:10: "_s << u"garbage"_s;
        QTest::newRow("in the environment file")
            << Files { { base, u"{}"_s },
                   { u"appsettings.Staging.json"_s, u"{\n\n  \"A\": [1,\n"_s } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << u"appsettings.Staging.json:"_s
            << u"fix the JSON"_s;
        QTest::newRow("unterminated comment")
            << Files { { base, u"{\n  \"A\": 1 /* never closed\n}"_s } } << QStringList()
            << u"appsettings.json:2:10: "_s << u"unterminated /* comment"_s;
        QTest::newRow("empty file") << Files { { base, u""_s } } << QStringList()
                                    << u"appsettings.json:1:1: "_s << u"empty"_s;
        QTest::newRow("top level array") << Files { { base, u"[1, 2]"_s } } << QStringList()
                                         << u"appsettings.json:1:1: "_s << u"must be an object"_s;
        QTest::newRow("duplicate key differing in case")
            << Files { { base, u"{\"Database\": {\"Port\": 1}, \"database\": {\"port\": 2}}"_s } }
            << QStringList() << u"appsettings.json: "_s << u"duplicate key"_s;
        QTest::newRow("missing appsettings.json")
            << Files() << QStringList() << u"appsettings.json: "_s << u"cannot read"_s;
        QTest::newRow("bad connection string") << Files { { base,
            uR"({"ConnectionStrings": {"StellaOps": "Host=h;Port=many;Password=Secret-1"}})"_s } }
                                               << QStringList()
                                               << u"appsettings.json (ConnectionStrings:StellaOps): "_s
                                               << u""_s;
        QTest::newRow("environment name with a slash")
            << Files { { base, u"{}"_s } } << QStringList { u"DOTNET_ENVIRONMENT=../x"_s }
            << u"'../x' is not a .NET environment name"_s << u""_s;
    }

    void malformed()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const AppSettingsResult r = resolveFiles(files, vars);
        QVERIFY(!r.ok());
        QVERIFY(!r.connection);
        QVERIFY2(r.error.contains(where), qPrintable(r.error));
        QVERIFY2(r.error.contains(what), qPrintable(r.error));
        QVERIFY2(!r.error.contains(u"Secret-1"), qPrintable(r.error));
    }

    // A device reports size 0; reading it whole never ended (found reviewing for tests/fuzz).
    void deviceFileIsBounded()
    {
        if (!QFileInfo::exists(u"/dev/zero"_s))
            QSKIP("no /dev/zero here");
        const AppSettingsResult r = AppSettings::resolve(u"/dev/zero"_s, {}, vars({}));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"larger than 4 MiB"), qPrintable(r.error));
    }

    // A "//" or "/*" inside a string is text, and an escaped quote does not end the string.
    void commentMarkersInsideStrings()
    {
        const AppSettingsResult r = resolveFiles({ { u"appsettings.json"_s,
            uR"({"ConnectionStrings": {"StellaOps": "Host=h;Password='a//b /* \" c'"}, // real
            })"_s } });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.connection);
        QCOMPARE(r.connection->password, u"a//b /* \" c"_s);
    }

    void folderStandsForItsAppSettingsJson()
    {
        resolveFiles({ { u"appsettings.json"_s, stellaOps(u"f"_s) } });
        const AppSettingsResult r = AppSettings::resolve(m_dir.path(), {}, {});
        QVERIFY(r.connection);
        QCOMPARE(r.connection->host, u"f"_s);
    }

    void secretFilesAreThoseWithPasswords()
    {
        const AppSettingsResult r
            = resolveFiles({ { u"appsettings.json"_s, uR"({"Smtp": {"Password": "x"}})"_s },
                               { u"appsettings.Staging.json"_s,
                                   uR"({"ConnectionStrings": {"StellaOps": "Host=h"}})"_s },
                               { u"appsettings.Production.json"_s, stellaOps(u"p"_s) } },
                {});
        QVERIFY(r.ok());
        QCOMPARE(r.secretFiles,
            QStringList({ m_path, QDir(m_dir.path()).filePath(u"appsettings.Production.json"_s) }));
    }

    void lookalikeEnvironmentFileWarns()
    {
        const AppSettingsResult r
            = resolveFiles({ { u"appsettings.json"_s, stellaOps(u"a"_s) },
                               { u"appsettings.staging.json"_s, stellaOps(u"s"_s) } },
                { u"DOTNET_ENVIRONMENT=Staging"_s });
        QCOMPARE(r.connection->host, u"a"_s);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().contains(u"appsettings.staging.json is not read"),
            qPrintable(r.warnings.first()));
    }

    void variablesDifferingOnlyInCaseWarn()
    {
        const AppSettingsResult r = resolveFiles({ { u"appsettings.json"_s, u"{}"_s } },
            { u"ConnectionStrings__StellaOps="_s + conn(u"x"_s),
                u"CONNECTIONSTRINGS__STELLAOPS="_s + conn(u"y"_s) });
        QVERIFY(r.connection);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().contains(u"CONNECTIONSTRINGS__STELLAOPS"));
        QVERIFY(!r.warnings.first().contains(u"pw"));
    }

    void environmentsFileReadsAppSettings()
    {
        resolveFiles({ { u"appsettings.json"_s, stellaOps(u"a"_s) },
            { u"appsettings.QA.json"_s, stellaOps(u"q"_s) },
            { u"empty/appsettings.json"_s, u"{}"_s } });
        const QString yamlPath = QDir(m_dir.path()).filePath(u"environments.yaml"_s);
        const QByteArray yaml = "environments:\n"
                                "  - name: qa\n"
                                "    appsettings: appsettings.json\n"
                                "    dotnetEnvironment: QA\n"
                                "  - name: prod\n"
                                "    appsettings: .\n"
                                "  - name: none\n"
                                "    appsettings: empty/appsettings.json\n"
                                "  - name: inline\n"
                                "    connection: Host=i;Password=pw\n";
        const EnvironmentsFile file = EnvironmentsFile::parse(yaml, yamlPath, vars({}));
        QVERIFY2(file.ok(), qPrintable(file.error));
        QVERIFY2(file.warnings.isEmpty(), qPrintable(file.warnings.join(u'\n')));
        QCOMPARE(file.environments.size(), 4);
        QCOMPARE(file.environments[0].connection.host, u"q"_s);
        QCOMPARE(file.environments[0].connectionSource,
            u"appsettings.QA.json (ConnectionStrings:StellaOps)"_s);
        QCOMPARE(file.environments[1].connection.host, u"a"_s);
        QVERIFY(file.environments[1].configurationError.isEmpty());
        QVERIFY(file.environments[2].configurationError.startsWith(Missing));
        QVERIFY(file.secretFiles.contains(yamlPath));
        QVERIFY(file.secretFiles.contains(m_path));
    }

    // The dashboard and `doctor run --config` read appsettings through the environments file.
    void environmentsFileReadsAzureVariables()
    {
        resolveFiles({ { u"appsettings.json"_s, stellaOps(u"a"_s) } });
        const QString yamlPath = QDir(m_dir.path()).filePath(u"environments.yaml"_s);
        const EnvironmentsFile file = EnvironmentsFile::parse(
            "environments:\n  - name: azure\n    appsettings: appsettings.json\n", yamlPath,
            vars({ u"POSTGRESQLCONNSTR_StellaOps="_s + conn(u"v"_s) }));
        QVERIFY2(file.ok(), qPrintable(file.error));
        QCOMPARE(file.environments.size(), 1);
        QCOMPARE(file.environments[0].connection.host, u"v"_s);
        QCOMPARE(file.environments[0].connectionSource,
            u"environment variable POSTGRESQLCONNSTR_StellaOps"_s);
        const EnvironmentsFile mysql = EnvironmentsFile::parse(
            "environments:\n  - name: azure\n    appsettings: appsettings.json\n", yamlPath,
            vars({ u"MYSQLCONNSTR_StellaOps=Server=m;Pwd=Secret-1"_s }));
        QVERIFY2(mysql.ok(), qPrintable(mysql.error));
        QCOMPARE(mysql.environments.size(), 1);
        const QString error = mysql.environments[0].configurationError;
        QVERIFY2(error.contains(u"MYSQLCONNSTR_StellaOps"), qPrintable(error));
        QVERIFY(!error.contains(u"Secret-1"));
    }

    void environmentsFileRejectsBothSources()
    {
        const EnvironmentsFile file = EnvironmentsFile::parse(
            "environments:\n  - name: x\n    connection: Host=h\n    appsettings: a.json\n",
            u"env.yaml"_s, vars({}));
        QVERIFY(!file.ok());
        QVERIFY2(file.error.startsWith(u"env.yaml:4:"), qPrintable(file.error));
    }

    // Nothing to connect to: connectivity fails with the message, the rest cannot run,
    // and no connection is attempted (this test has no server).
    void runnerReportsConfigurationError()
    {
        Environment env;
        env.name = u"e"_s;
        env.configurationError = Missing;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, {});
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), CheckRegistry::builtin().checks().size());
        // Connectivity is the root cause and carries the text; the checks that needed the
        // connection were not run and point to it.
        for (const CheckResult &r : out.results) {
            if (r.checkId == u"check.postgres.connectivity") {
                QCOMPARE(r.message, Missing);
                QCOMPARE(r.status, CheckStatus::Fail);
            } else {
                QCOMPARE(r.status, CheckStatus::NotRun);
                QVERIFY2(r.message.contains(u"check.postgres.connectivity"_s), qPrintable(r.message));
                QCOMPARE(r.evidenceValue(u"RootCause"_s).toString(),
                    u"check.postgres.connectivity"_s);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
