// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// AppSettings: Azure's connection-string variables (POSTGRESQLCONNSTR_, CUSTOMCONNSTR_ ...)
// and what a service's .NET version makes of them.

#include "appsettingsfiles.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AppSettingsFiles;

class TestAppSettingsAzure : public Fixture
{
    Q_OBJECT
private Q_SLOTS:
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
            return uR"({"runtimeOptions": {"tfm": "%1", "framework": )"
                   R"({"name": "Microsoft.AspNetCore.App", "version": "8.0.0"}}})"_s.arg(tfm);
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
            << QStringList { u"SQLCONNSTR_StellaOps=Data Source=s;Initial Catalog=c;"
                             "Password=Secret-1"_s }
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
};

QTEST_GUILESS_MAIN(TestAppSettingsAzure)
#include "tst_appsettings_azure.moc"
