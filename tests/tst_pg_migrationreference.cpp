// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// A reference environment as the expected set of every tool's history (issue 15, section 3):
// the same tool's history there, its applied ids and the checksums it stored.
#include "migrationhistoriesfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationReference : public QObject, protected MigrationHistoriesFixture
{
    Q_OBJECT
    using Runner = CheckRunner;

    // The migrations results of TARGET when REFERENCE runs beside it.
    QList<CheckResult> runAgainst(Environment target, const Environment &reference)
    {
        target.referenceEnvironment = reference.name;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { target, reference }, { Migrations });
        [&] { QVERIFY(out.finished); }();
        QList<CheckResult> mine;
        for (const CheckResult &r : out.results) {
            if (r.environment == target.name)
                mine << r;
        }
        return mine;
    }

private Q_SLOTS:
    void initTestCase() { initFixture(); }

    void checksumDiffersFromTheReferences()
    {
        const Environment reference = loadScenario(u"flyway.sql"_s, u"success"_s);
        const Environment target = loadScenario(u"flyway.sql"_s, u"modified"_s);
        const QList<CheckResult> results = runAgainst(target, reference);
        const CheckResult fw = bySubject(results, u"flyway public.flyway_schema_history"_s);
        QCOMPARE(ev(fw, u"Status"_s), u"modified"_s);
        QCOMPARE(
            fw.evidenceValue(u"ModifiedMigrations"_s).toStringList(), QStringList { u"1.1"_s });
        QCOMPARE(fw.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(fw.status, CheckStatus::Fail);
    }

    void failedHereAppliedThere()
    {
        const Environment reference = loadScenario(u"flyway.sql"_s, u"success"_s);
        const Environment target = loadScenario(u"flyway.sql"_s, u"failed"_s);
        const CheckResult fw
            = bySubject(runAgainst(target, reference), u"flyway public.flyway_schema_history"_s);
        QCOMPARE(ev(fw, u"Status"_s), u"failed"_s);
        QCOMPARE(fw.evidenceValue(u"FailedMigrations"_s).toStringList(), QStringList { u"2"_s });
        QCOMPARE(ev(fw, u"ExpectedSource"_s), u"flyway.sql/success"_s);
    }

    void referenceWithoutTheTool()
    {
        // The reference holds EF Core only: the Flyway history here has no reference.
        const Environment reference = loadScenario(u"hardcases.sql"_s, u"three-tools"_s);
        Environment efOnly = m_pg.environment(u"ef-only"_s, m_pg.createDatabase(u"efonly"_s));
        QCOMPARE(m_pg.exec(efOnly.connection.database,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                       "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s }),
            QString());
        const QList<CheckResult> results = runAgainst(reference, efOnly);
        const CheckResult fw = bySubject(results, u"flyway public.flyway_schema_history"_s);
        QCOMPARE(fw.status, CheckStatus::Error);
        QVERIFY2(
            fw.message.contains(u"reference environment 'ef-only': it has no Flyway history"_s),
            qPrintable(fw.message));
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationReference)
#include "tst_pg_migrationreference.moc"
