// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// AppSettings: .NET's configuration layers (files, environment name, variables) and key rules.

#include "appsettingsfiles.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AppSettingsFiles;

class TestAppSettings : public Fixture
{
    Q_OBJECT
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
                   uR"({"ConnectionStrings": {"Other": "Host=o"}, )"
                   R"("Database": {"ConnectionString": "%1"}})"_s.arg(conn(u"d"_s)) } }
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
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
