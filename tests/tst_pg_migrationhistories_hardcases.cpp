// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations on the hard cases of tests/data/histories/hardcases.sql: three
// tools' histories in one database, schema_migrations of three tools in three schemas, a
// history in a mixed-case schema, and a role that can read one history and not the others.
#include "migrationhistoriesfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationHistoriesHardCases : public QObject, protected MigrationHistoriesFixture
{
    Q_OBJECT
    // runHistories() runs a CheckRunner, whose threads this names for the threads label
    // (tests/testtraits.cmake reads this file, not the fixture).
    using Runner = CheckRunner;

private Q_SLOTS:
    void initTestCase() { initFixture(); }

    void threeToolsInOneDatabase()
    {
        const QList<CheckResult> results
            = runHistories(loadScenario(u"hardcases.sql"_s, u"three-tools"_s));
        QCOMPARE(subjects(results),
            (QStringList { u"efcore public.__EFMigrationsHistory"_s,
                u"flyway public.flyway_schema_history"_s,
                u"liquibase public.databasechangelog"_s }));
        const CheckResult ef = bySubject(results, u"efcore public.__EFMigrationsHistory"_s);
        // EF Core keeps the seed's evidence exactly (no Tool key): its subject names the tool.
        QCOMPARE(ef.evidenceValue(u"AppliedCount"_s).toInt(), 3);
        QCOMPARE(ev(ef, u"LatestApplied"_s), u"20240318080000_AddAuditLog"_s);
        const CheckResult fw = bySubject(results, u"flyway public.flyway_schema_history"_s);
        QCOMPARE(fw.evidenceValue(u"AppliedCount"_s).toInt(), 3);
        QCOMPARE(ev(fw, u"LatestApplied"_s), u"2"_s);
        const CheckResult lb = bySubject(results, u"liquibase public.databasechangelog"_s);
        QCOMPARE(lb.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        // No history's rows leak into another's.
        for (const CheckResult &r : results) {
            const QString tool = r.subject.section(u' ', 0, 0);
            for (const MigrationEntry &e : rows(r))
                QCOMPARE(e.tool, tool);
            QVERIFY2(r.status != CheckStatus::Fail && r.status != CheckStatus::Error,
                qPrintable(r.subject + u": "_s + r.message));
        }
    }

    // golang-migrate's (dirty column), Rails' (ar_internal_metadata beside it) and dbmate's
    // (nothing beside it) schema_migrations, each told apart and read as its tool.
    void oneTableNameThreeTools()
    {
        const QList<CheckResult> results
            = runHistories(loadScenario(u"hardcases.sql"_s, u"shared-name"_s));
        QCOMPARE(subjects(results),
            (QStringList { u"dbmate ops.schema_migrations"_s,
                u"golang-migrate registry.schema_migrations"_s,
                u"rails storefront.schema_migrations"_s }));
        const CheckResult gm = bySubject(results, u"golang-migrate registry.schema_migrations"_s);
        QCOMPARE(ev(gm, u"Status"_s), u"dirty"_s);
        QCOMPARE(gm.status, CheckStatus::Fail);
        QCOMPARE(idsIn(gm, MigrationEntry::State::Dirty), QStringList { u"3"_s });
        const CheckResult rails = bySubject(results, u"rails storefront.schema_migrations"_s);
        QCOMPARE(ev(rails, u"Tool"_s), u"rails"_s);
        QCOMPARE(ev(rails, u"HistorySchema"_s), u"storefront"_s);
        QCOMPARE(rails.evidenceValue(u"AppliedCount"_s).toInt(), 3);
        QCOMPARE(ev(rails, u"LatestApplied"_s), u"20240318080000"_s);
        QCOMPARE(rails.status == CheckStatus::Fail, false);
        const CheckResult dbmate = bySubject(results, u"dbmate ops.schema_migrations"_s);
        QCOMPARE(ev(dbmate, u"Tool"_s), u"dbmate"_s);
        QCOMPARE(dbmate.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        QCOMPARE(ev(dbmate, u"LatestApplied"_s), u"20240212141500"_s);
    }

    // "Billing" keeps its case in the subject, the evidence and the rows.
    void mixedCaseSchema()
    {
        const QList<CheckResult> results
            = runHistories(loadScenario(u"hardcases.sql"_s, u"mixed-case-schema"_s));
        QCOMPARE(subjects(results), QStringList { u"flyway Billing.flyway_schema_history"_s });
        const CheckResult r = results.value(0);
        QCOMPARE(ev(r, u"HistorySchema"_s), u"Billing"_s);
        QCOMPARE(ev(r, u"Status"_s), u"failed"_s);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(evList(r, u"FailedMigrations"_s), QStringList { u"2"_s });
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        for (const MigrationEntry &e : rows(r))
            QCOMPARE(e.history, u"Billing.flyway_schema_history"_s);

        // Pinned by its exact name it is found; by the folded name it is not.
        Environment env = m_pg.environment(u"billing-pinned"_s, r.target.database);
        env.migrationHistories
            = { MigrationHistoryPin { u"flyway"_s, u"Billing"_s, u"flyway_schema_history"_s, {} } };
        QCOMPARE(
            subjects(runHistories(env)), QStringList { u"flyway Billing.flyway_schema_history"_s });
        env.migrationHistories
            = { MigrationHistoryPin { u"flyway"_s, u"billing"_s, u"flyway_schema_history"_s, {} } };
        const QList<CheckResult> folded = runHistories(env);
        QVERIFY2(!subjects(folded).contains(u"flyway Billing.flyway_schema_history"_s),
            qPrintable(subjects(folded).join(u", "_s)));
    }

    // The role reads Flyway's history only: the other two are reported, not skipped, as
    // not readable with the GRANT that fixes each; the readable one is read as usual.
    void roleReadsOneHistoryOnly()
    {
        Environment env = loadScenario(u"hardcases.sql"_s, u"grants"_s);
        const QString db = env.connection.database;
        const QString role = u"doctor_hist_"_s + db.right(8).toLower();
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-hist-grants'"_s.arg(role),
                         u"GRANT SELECT ON public.flyway_schema_history TO %1"_s.arg(role) }),
            QString());
        env.connection.user = role;
        env.connection.password = u"pw-hist-grants"_s;
        const QList<CheckResult> results = runHistories(env);
        QCOMPARE(subjects(results),
            (QStringList { u"flyway public.flyway_schema_history"_s,
                u"golang-migrate registry.schema_migrations"_s,
                u"liquibase public.databasechangelog"_s }));

        const CheckResult fw = bySubject(results, u"flyway public.flyway_schema_history"_s);
        QCOMPARE(fw.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        QVERIFY2(fw.status != CheckStatus::Error, qPrintable(fw.message));

        const CheckResult lb = bySubject(results, u"liquibase public.databasechangelog"_s);
        QCOMPARE(ev(lb, u"Status"_s), u"not-readable"_s);
        QCOMPARE(lb.status, CheckStatus::Error);
        const QString lbGrant = u"GRANT SELECT ON public.databasechangelog TO "_s + role;
        QVERIFY2(lb.message.contains(lbGrant), qPrintable(lb.message));
        QVERIFY2(ev(lb, u"Grant"_s).contains(lbGrant), qPrintable(ev(lb, u"Grant"_s)));

        const CheckResult gm = bySubject(results, u"golang-migrate registry.schema_migrations"_s);
        QCOMPARE(ev(gm, u"Status"_s), u"not-readable"_s);
        QCOMPARE(gm.status, CheckStatus::Error);
        const QStringList grants { u"GRANT USAGE ON SCHEMA registry TO "_s + role,
            u"GRANT SELECT ON registry.schema_migrations TO "_s + role };
        for (const QString &grant : grants) {
            QVERIFY2(gm.message.contains(grant), qPrintable(gm.message));
            QVERIFY2(ev(gm, u"Grant"_s).contains(grant), qPrintable(ev(gm, u"Grant"_s)));
        }
        // The role's password appears nowhere.
        for (const CheckResult &r : results)
            QVERIFY2(!everything(r).contains(u"pw-hist-grants"_s), qPrintable(r.subject));
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationHistoriesHardCases)
#include "tst_pg_migrationhistories_hardcases.moc"
