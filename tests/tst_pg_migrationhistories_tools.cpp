// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations on the histories of tests/data/histories/, each created as the
// tool's own source creates it (the tools do not install here): one result per history, its
// tool, status, counts, latest applied, failed migrations and failure text, with no expected
// set (so nothing is pending or modified; see _expected for those).
#include "migrationhistoriesfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationHistoriesTools : public QObject, protected MigrationHistoriesFixture
{
    Q_OBJECT
    // runHistories() runs a CheckRunner, whose threads this names for the threads label
    // (tests/testtraits.cmake reads this file, not the fixture).
    using Runner = CheckRunner;

private Q_SLOTS:
    void initTestCase() { initFixture(); }

    // The contract's evidence for one history per scenario. latest: "" not checked, "*x" ends
    // with x. latestAt: the ISO 8601 time's first 19 characters, "-" when the tool records no
    // time (the key is then absent), "" not checked. applied -1: not checked.
    void scenario_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("applied");
        QTest::addColumn<QString>("latest");
        QTest::addColumn<QString>("latestAt");
        QTest::addColumn<QStringList>("failed");

        const QString fw = u"flyway public.flyway_schema_history"_s;
        const QString fw4 = u"flyway public.schema_version"_s;
        const QString lb = u"liquibase public.databasechangelog"_s;
        const QString lbFile = u"db/changelog/db.changelog-master.yaml::"_s;
        const QString pr = u"prisma public._prisma_migrations"_s;
        const QString at = u"atlas atlas_schema_revisions.atlas_schema_revisions"_s;
        const QString sq = u"sqlx public._sqlx_migrations"_s;
        const QString v1 = u"20240105093000"_s, v2 = u"20240212141500"_s, v3 = u"20240318080000"_s;
        const QString unknown = u"unknown"_s, failed = u"failed"_s;

        auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
        row("flyway success") << u"flyway.sql"_s << u"success"_s << fw << unknown << 3 << u"2"_s
                              << u"2024-03-18T08:00:41"_s << QStringList();
        row("flyway failed") << u"flyway.sql"_s << u"failed"_s << fw << failed << 2 << u"1.1"_s
                             << u"2024-02-12T14:15:03"_s << QStringList { u"2"_s };
        row("flyway schema marker") << u"flyway.sql"_s << u"schema-marker"_s << fw << unknown << 3
                                    << u"2"_s << u"2024-03-18T08:00:41"_s << QStringList();
        row("flyway 4 success") << u"flyway-v4.sql"_s << u"success"_s << fw4 << unknown << 3
                                << u"2"_s << u"2017-07-30T11:45:51"_s << QStringList();
        row("flyway 4 failed") << u"flyway-v4.sql"_s << u"failed"_s << fw4 << failed << 2
                               << u"1.1"_s << u"2017-06-14T16:20:05"_s << QStringList { u"2"_s };
        row("flyway 3 success") << u"flyway-v3.sql"_s << u"success"_s << fw4 << unknown << 3
                                << u"2"_s << u"2015-05-30T11:45:51"_s << QStringList();
        row("liquibase success") << u"liquibase.sql"_s << u"success"_s << lb << unknown << 3
                                 << lbFile + u"create-orders::alice"_s << u"2024-03-18T08:00:44"_s
                                 << QStringList();
        row("liquibase failed") << u"liquibase.sql"_s << u"failed"_s << lb << failed << 2
                                << lbFile + u"add-email::alice"_s << u"2024-02-12T14:15:05"_s
                                << QStringList { lbFile + u"create-orders::alice"_s };
        // Killed mid-update: no row for the change set, the lock still taken. Not failed.
        row("liquibase killed") << u"liquibase.sql"_s << u"killed"_s << lb << unknown << 2
                                << lbFile + u"add-email::alice"_s << u"2024-02-12T14:15:05"_s
                                << QStringList();
        row("liquibase mark-ran") << u"liquibase.sql"_s << u"mark-ran"_s << lb << unknown << 3
                                  << lbFile + u"create-orders::alice"_s << u"2024-04-02T11:12:09"_s
                                  << QStringList();
        row("prisma success") << u"prisma.sql"_s << u"success"_s << pr << unknown << 3
                              << u"20240318080000_add_audit_log"_s << u"2024-03-18T08:00:45"_s
                              << QStringList();
        row("prisma failed") << u"prisma.sql"_s << u"failed"_s << pr << failed << 2
                             << u"20240212141500_add_tenants"_s << u"2024-02-12T14:15:06"_s
                             << QStringList { u"20240318080000_add_audit_log"_s };
        // Rolled back by `prisma migrate resolve`, then applied: two rows, nothing failed.
        row("prisma retried") << u"prisma.sql"_s << u"retried"_s << pr << unknown << 3
                              << u"20240318080000_add_audit_log"_s << u"2024-03-18T08:25:31"_s
                              << QStringList();
        row("golang-migrate success") << u"golang-migrate.sql"_s << u"success"_s
                                      << u"golang-migrate public.schema_migrations"_s << unknown
                                      << -1 << u"3"_s << u"-"_s << QStringList();
        // The version 0 row goose writes with its table is not a migration.
        row("goose success") << u"goose.sql"_s << u"success"_s << u"goose public.goose_db_version"_s
                             << unknown << 3 << v3 << u"2024-03-18T08:00:46"_s << QStringList();
        // goose 2's down marker: the latest row of a version decides.
        row("goose 2 down marker")
            << u"goose-v2.sql"_s << u"down-marker"_s << u"goose public.goose_db_version"_s
            << unknown << 2 << v2 << u"2018-02-12T14:15:07"_s << QStringList();
        // Atlas stores error = '' (not NULL) for a file that succeeded.
        row("atlas success") << u"atlas.sql"_s << u"success"_s << at << unknown << 3 << v3
                             << u"2024-03-18T08:00:48"_s << QStringList();
        row("atlas failed") << u"atlas.sql"_s << u"failed"_s << at << failed << 1 << v1
                            << u"2024-01-05T09:30:18"_s << QStringList { v2 };
        row("atlas killed") << u"atlas.sql"_s << u"killed"_s << at << failed << 1 << v1
                            << u"2024-01-05T09:30:18"_s << QStringList { v2 };
        row("atlas cloud identifier") << u"atlas.sql"_s << u"cloud-identifier"_s << at << unknown
                                      << 3 << v3 << u"2024-03-18T08:00:48"_s << QStringList();
        row("sqlx success") << u"sqlx.sql"_s << u"success"_s << sq << unknown << 3 << v3
                            << u"2024-03-18T08:00:47"_s << QStringList();
        row("sqlx failed") << u"sqlx.sql"_s << u"failed"_s << sq << failed << 2 << v2
                           << u"2024-02-12T14:15:08"_s << QStringList { v3 };
        row("dbup success") << u"dbup.sql"_s << u"success"_s << u"dbup public.schemaversions"_s
                            << unknown << 3 << u"*Script0003 - Add audit log.sql"_s
                            << u"2024-03-18T08:00:49"_s << QStringList();
        row("fluentmigrator success")
            << u"fluentmigrator.sql"_s << u"success"_s << u"fluentmigrator public.VersionInfo"_s
            << unknown << 3 << v3 << u"2024-03-18T08:00:50"_s << QStringList();
        // 00000000000000 (diesel setup's initial migration) is one of the three.
        row("diesel success") << u"diesel.sql"_s << u"success"_s
                              << u"diesel public.__diesel_schema_migrations"_s << unknown << 3 << v2
                              << u"2024-02-12T14:15:12"_s << QStringList();
        row("dbmate success") << u"dbmate.sql"_s << u"success"_s
                              << u"dbmate public.schema_migrations"_s << unknown << 3 << v3
                              << u"-"_s << QStringList();
    }
    void scenario()
    {
        QFETCH(QString, file);
        QFETCH(QString, scenario);
        QFETCH(QString, subject);
        QFETCH(QString, status);
        QFETCH(int, applied);
        QFETCH(QString, latest);
        QFETCH(QString, latestAt);
        QFETCH(QStringList, failed);

        const Environment env = loadScenario(file, scenario);
        const QList<CheckResult> results = runHistories(env);
        // One result per history: Liquibase's lock table, Rails' metadata and the like are not
        // histories of their own.
        QCOMPARE(subjects(results), QStringList { subject });
        const CheckResult r = results.value(0);
        const QString tool = subject.section(u' ', 0, 0);
        const QString history = subject.section(u' ', 1);
        QCOMPARE(ev(r, u"Tool"_s), tool);
        QCOMPARE(ev(r, u"HistorySchema"_s), history.section(u'.', 0, 0));
        QCOMPARE(ev(r, u"HistoryTable"_s), history.section(u'.', 1));
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), true);
        QVERIFY2(ev(r, u"Status"_s) == status,
            qPrintable(ev(r, u"Status"_s) + u" (want "_s + status + u"): "_s + r.message));
        QCOMPARE(ev(r, u"PendingCount"_s), u"unknown"_s);
        if (applied >= 0)
            QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), applied);
        if (latest.startsWith(u'*'))
            QVERIFY2(ev(r, u"LatestApplied"_s).endsWith(latest.mid(1)),
                qPrintable(ev(r, u"LatestApplied"_s)));
        else if (!latest.isEmpty())
            QCOMPARE(ev(r, u"LatestApplied"_s), latest);
        if (latestAt == u"-")
            QVERIFY(!r.evidenceValue(u"LatestAppliedAt"_s).isValid());
        else if (!latestAt.isEmpty())
            QCOMPARE(ev(r, u"LatestAppliedAt"_s).left(19), latestAt);
        QCOMPARE(evList(r, u"FailedMigrations"_s), failed);
        QCOMPARE(idsIn(r, MigrationEntry::State::Failed), failed);
        if (status == u"failed") {
            QCOMPARE(r.status, CheckStatus::Fail);
        } else if (QTest::currentDataTag() == QByteArrayView("liquibase killed")) {
            // The killed update left databasechangeloglock.locked with no session from its
            // host: a stale lock (issue 16), the one failure of this history.
            QCOMPARE(r.status, CheckStatus::Fail);
            QCOMPARE(ev(r, u"MigrationLock"_s), u"stale"_s);
            QCOMPARE(ev(r, u"LockKind"_s), u"lock-row"_s);
        } else {
            QVERIFY2(r.status != CheckStatus::Fail && r.status != CheckStatus::Error,
                qPrintable(r.message));
        }
        // Every row says whose history it is.
        for (const MigrationEntry &e : rows(r)) {
            QCOMPARE(e.tool, tool);
            QCOMPARE(e.history, history);
        }
        QVERIFY(ev(r, u"FailureText"_s).size() <= 500);
    }

    // golang-migrate keeps one row; dirty = true means the version it names failed part-way.
    void golangMigrateDirty()
    {
        const CheckResult r
            = bySubject(runHistories(loadScenario(u"golang-migrate.sql"_s, u"dirty"_s)),
                u"golang-migrate public.schema_migrations"_s);
        QCOMPARE(ev(r, u"Status"_s), u"dirty"_s);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(idsIn(r, MigrationEntry::State::Dirty), QStringList { u"3"_s });
        QVERIFY2(r.message.contains(u'3'), qPrintable(r.message));
    }

    // The failure text the tool stored is in the evidence and on the row, shortened.
    void failureTextIsShownShortened_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("text");
        QTest::newRow("prisma logs")
            << u"prisma.sql"_s << u"prisma public._prisma_migrations"_s
            << u"20240318080000_add_audit_log"_s << u"relation \"AuditLog\" already exists"_s;
        QTest::newRow("atlas error")
            << u"atlas.sql"_s << u"atlas atlas_schema_revisions.atlas_schema_revisions"_s
            << u"20240212141500"_s
            << u"column \"tenant_id\" of relation \"users\" already exists"_s;
    }
    void failureTextIsShownShortened()
    {
        QFETCH(QString, file);
        QFETCH(QString, subject);
        QFETCH(QString, id);
        QFETCH(QString, text);
        const CheckResult r = bySubject(runHistories(loadScenario(file, u"failed"_s)), subject);
        const QString failure = ev(r, u"FailureText"_s);
        QVERIFY2(failure.contains(text), qPrintable(failure));
        QVERIFY(failure.size() <= 500);
        bool onRow = false;
        for (const MigrationEntry &e : rows(r))
            if (e.id == id) {
                onRow = e.failure.contains(text) && e.failure.size() <= 500;
                QCOMPARE(e.state, MigrationEntry::State::Failed);
            }
        QVERIFY2(onRow, "the failed row carries the stored failure text");
    }

    // Prisma 2 stored the failed script in logs; a password in it must not be reported.
    void passwordInPrismaLogsIsNotReported()
    {
        const CheckResult r = bySubject(runHistories(loadScenario(u"prisma.sql"_s, u"password"_s)),
            u"prisma public._prisma_migrations"_s);
        QCOMPARE(ev(r, u"Status"_s), u"failed"_s);
        QVERIFY(!ev(r, u"FailureText"_s).isEmpty());
        const QString all = everything(r);
        for (const QString &secret :
            { u"Fake-Pr1sma-Passw0rd"_s, u"Fake-Mapping-Secret"_s, u"Fake-Url-Secret"_s }) {
            QVERIFY2(!all.contains(secret), qPrintable(secret + u" reported in: "_s + all));
        }
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationHistoriesTools)
#include "tst_pg_migrationhistories_tools.moc"
