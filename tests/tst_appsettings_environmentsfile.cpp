// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// How an environments file and the runner use AppSettings: appsettings: entries, Azure
// variables through the file, and an environment with no connection.

#include "appsettingsfiles.h"
#include "config/environmentsfile.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "runandwait.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AppSettingsFiles;

class TestAppSettingsEnvironmentsFile : public Fixture
{
    Q_OBJECT
private Q_SLOTS:
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
                QVERIFY2(
                    r.message.contains(u"check.postgres.connectivity"_s), qPrintable(r.message));
                QCOMPARE(
                    r.evidenceValue(u"RootCause"_s).toString(), u"check.postgres.connectivity"_s);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAppSettingsEnvironmentsFile)
#include "tst_appsettings_environmentsfile.moc"
