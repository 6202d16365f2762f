// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations on tests/data/histories/ against the source trees the histories
// were applied from (flyway-src, sqlx-src, prisma-src): up to date, pending, failed and
// modified (the stored checksum is not the file's), each as its tool computes the checksum.
#include "migrationhistoriesfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationHistoriesExpected : public QObject, protected MigrationHistoriesFixture
{
    Q_OBJECT
    // runHistories() runs a CheckRunner, whose threads this names for the threads label
    // (tests/testtraits.cmake reads this file, not the fixture).
    using Runner = CheckRunner;

private Q_SLOTS:
    void initTestCase() { initFixture(); }

    // file, scenario -> the tool's status against its source tree.
    void againstSourceTree_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("src");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("failed");
        QTest::addColumn<QStringList>("modified");

        const QStringList none;
        const QString fw = u"flyway_schema_history"_s, sv = u"schema_version"_s;
        const QString pm = u"_prisma_migrations"_s, sq = u"_sqlx_migrations"_s;
        const QString fsrc = u"flyway-src"_s, psrc = u"prisma-src/migrations"_s;
        auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
        row("flyway success") << u"flyway.sql"_s << u"success"_s << u"flyway"_s << u"public"_s << fw
                              << fsrc << u"up-to-date"_s << none << none;
        // The SCHEMA marker row is neither applied nor ahead.
        row("flyway schema marker") << u"flyway.sql"_s << u"schema-marker"_s << u"flyway"_s
                                    << u"public"_s << fw << fsrc << u"up-to-date"_s << none << none;
        row("flyway failed") << u"flyway.sql"_s << u"failed"_s << u"flyway"_s << u"public"_s << fw
                             << fsrc << u"failed"_s << QStringList { u"2"_s } << none;
        row("flyway modified") << u"flyway.sql"_s << u"modified"_s << u"flyway"_s << u"public"_s
                               << fw << fsrc << u"modified"_s << none << QStringList { u"1.1"_s };
        row("flyway 4 success") << u"flyway-v4.sql"_s << u"success"_s << u"flyway"_s << u"public"_s
                                << sv << fsrc << u"up-to-date"_s << none << none;
        row("flyway 3 success") << u"flyway-v3.sql"_s << u"success"_s << u"flyway"_s << u"public"_s
                                << sv << fsrc << u"up-to-date"_s << none << none;
        row("sqlx success") << u"sqlx.sql"_s << u"success"_s << u"sqlx"_s << u"public"_s << sq
                            << u"sqlx-src"_s << u"up-to-date"_s << none << none;
        row("sqlx failed") << u"sqlx.sql"_s << u"failed"_s << u"sqlx"_s << u"public"_s << sq
                           << u"sqlx-src"_s << u"failed"_s << QStringList { u"20240318080000"_s }
                           << none;
        row("sqlx modified") << u"sqlx.sql"_s << u"modified"_s << u"sqlx"_s << u"public"_s << sq
                             << u"sqlx-src"_s << u"modified"_s << none
                             << QStringList { u"20240212141500"_s };
        row("prisma success") << u"prisma.sql"_s << u"success"_s << u"prisma"_s << u"public"_s << pm
                              << psrc << u"up-to-date"_s << none << none;
        row("prisma failed") << u"prisma.sql"_s << u"failed"_s << u"prisma"_s << u"public"_s << pm
                             << psrc << u"failed"_s
                             << QStringList { u"20240318080000_add_audit_log"_s } << none;
        row("prisma modified") << u"prisma.sql"_s << u"modified"_s << u"prisma"_s << u"public"_s
                               << pm << psrc << u"modified"_s << none
                               << QStringList { u"20240212141500_add_tenants"_s };
        // A checksum Prisma 2 wrote without zero padding still matches (Prisma's own rule).
        row("prisma old checksum") << u"prisma.sql"_s << u"old-checksum"_s << u"prisma"_s
                                   << u"public"_s << pm << psrc << u"up-to-date"_s << none << none;
        // Rolled back, then applied again: the latest row counts.
        row("prisma retried") << u"prisma.sql"_s << u"retried"_s << u"prisma"_s << u"public"_s << pm
                              << psrc << u"up-to-date"_s << none << none;
    }
    void againstSourceTree()
    {
        QFETCH(QString, file);
        QFETCH(QString, scenario);
        QFETCH(QString, tool);
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, src);
        QFETCH(QString, status);
        QFETCH(QStringList, failed);
        QFETCH(QStringList, modified);

        Environment env = loadScenario(file, scenario);
        pinExpected(env, tool, schema, table, src);
        const QList<CheckResult> results = runHistories(env);
        const QString subject = tool + u' ' + schema + u'.' + table;
        QCOMPARE(subjects(results), QStringList { subject });
        const CheckResult r = results.value(0);
        QVERIFY2(ev(r, u"Status"_s) == status,
            qPrintable(ev(r, u"Status"_s) + u" (want "_s + status + u"): "_s + r.message));
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(evList(r, u"PendingMigrations"_s), QStringList());
        QCOMPARE(evList(r, u"AheadMigrations"_s), QStringList());
        QCOMPARE(evList(r, u"FailedMigrations"_s), failed);
        QCOMPARE(idsIn(r, MigrationEntry::State::Failed), failed);
        QCOMPARE(evList(r, u"ModifiedMigrations"_s), modified);
        QCOMPARE(idsIn(r, MigrationEntry::State::Modified), modified);
        const CheckStatus want = status == u"up-to-date" ? CheckStatus::Pass : CheckStatus::Fail;
        QVERIFY2(r.status == want, qPrintable(r.message));
        if (!modified.isEmpty())
            QVERIFY2(r.message.contains(modified.first()), qPrintable(r.message));
        // Three expected, each on a row of its own.
        QCOMPARE(rows(r).size(), 3);
    }

    // The source tree checked out with CRLF line ends (git autocrlf on Windows). Flyway's
    // checksum is over the lines without their ends (ChecksumCalculator) and Prisma also tries
    // the script with the other line ending (checksum.rs script_matches_checksum()): both stay
    // up to date. sqlx hashes the file's bytes (sqlx-core/src/migrate/migration.rs, v0.8.6):
    // every file reads as modified, as `sqlx migrate run` itself then reports.
    void crlfCheckout_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("src");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("modified");
        QTest::newRow("flyway") << u"flyway.sql"_s << u"flyway"_s << u"flyway_schema_history"_s
                                << u"flyway-src"_s << u"up-to-date"_s << 0;
        QTest::newRow("prisma") << u"prisma.sql"_s << u"prisma"_s << u"_prisma_migrations"_s
                                << u"prisma-src"_s << u"up-to-date"_s << 0;
        QTest::newRow("sqlx") << u"sqlx.sql"_s << u"sqlx"_s << u"_sqlx_migrations"_s
                              << u"sqlx-src"_s << u"modified"_s << 3;
    }
    void crlfCheckout()
    {
        QFETCH(QString, file);
        QFETCH(QString, tool);
        QFETCH(QString, table);
        QFETCH(QString, src);
        QFETCH(QString, status);
        QFETCH(int, modified);
        QTemporaryDir checkout;
        QVERIFY(checkout.isValid());
        QDirIterator it(historiesDir() + src, QDir::Files, QDirIterator::Subdirectories);
        int copied = 0;
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = checkout.filePath(QDir(historiesDir() + src).relativeFilePath(from));
            QVERIFY(QDir().mkpath(QFileInfo(to).path()));
            QFile in(from), out(to);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            out.write(in.readAll().replace("\n", "\r\n"));
            ++copied;
        }
        QVERIFY(copied >= 3);
        Environment env = loadScenario(file, u"success"_s);
        const QString expected
            = tool == u"prisma" ? checkout.filePath(u"migrations"_s) : checkout.path();
        env.migrationHistories = { MigrationHistoryPin { tool, u"public"_s, table, expected } };
        const CheckResult r = bySubject(runHistories(env), tool + u" public."_s + table);
        QVERIFY2(ev(r, u"Status"_s) == status, qPrintable(r.message));
        QCOMPARE(evList(r, u"ModifiedMigrations"_s).size(), modified);
    }

    // golang-migrate's one row names the current version: the versions up to it are applied;
    // dirty = true leaves that version dirty and the ones before it applied.
    void golangMigrateVersionRow_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("applied");
        QTest::addColumn<QStringList>("dirty");
        QTest::newRow("success") << u"success"_s << u"up-to-date"_s
                                 << QStringList { u"1"_s, u"2"_s, u"3"_s } << QStringList();
        QTest::newRow("dirty") << u"dirty"_s << u"dirty"_s << QStringList { u"1"_s, u"2"_s }
                               << QStringList { u"3"_s };
    }
    void golangMigrateVersionRow()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, status);
        QFETCH(QStringList, applied);
        QFETCH(QStringList, dirty);
        Environment env = loadScenario(u"golang-migrate.sql"_s, scenario);
        pinExpected(
            env, u"golang-migrate"_s, u"public"_s, u"schema_migrations"_s, u"golang-migrate-src"_s);
        const CheckResult r
            = bySubject(runHistories(env), u"golang-migrate public.schema_migrations"_s);
        QVERIFY2(ev(r, u"Status"_s) == status, qPrintable(r.message));
        QCOMPARE(idsIn(r, MigrationEntry::State::Applied), applied);
        QCOMPARE(idsIn(r, MigrationEntry::State::Dirty), dirty);
        QCOMPARE(evList(r, u"PendingMigrations"_s), QStringList());
        QCOMPARE(r.status, dirty.isEmpty() ? CheckStatus::Pass : CheckStatus::Fail);
    }

    // Before `flyway migrate` ran V2: pending, a warning, the pending one named.
    void flywayPending()
    {
        Environment env = loadScenario(u"flyway.sql"_s, u"success"_s);
        QCOMPARE(m_pg.exec(env.connection.database,
                     { u"DELETE FROM flyway_schema_history WHERE installed_rank = 3"_s }),
            QString());
        pinExpected(env, u"flyway"_s, u"public"_s, u"flyway_schema_history"_s, u"flyway-src"_s);
        const CheckResult r
            = bySubject(runHistories(env), u"flyway public.flyway_schema_history"_s);
        QCOMPARE(ev(r, u"Status"_s), u"pending"_s);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 1);
        QCOMPARE(evList(r, u"PendingMigrations"_s), QStringList { u"2"_s });
        QCOMPARE(idsIn(r, MigrationEntry::State::Pending), QStringList { u"2"_s });
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 2);
    }

    // A history applied from a newer release than the tree: the extra one is ahead, which
    // passes with a note.
    void sqlxAheadPasses()
    {
        Environment env = loadScenario(u"sqlx.sql"_s, u"success"_s);
        QCOMPARE(m_pg.exec(env.connection.database,
                     { u"INSERT INTO _sqlx_migrations (version, description, success, checksum, "
                       "execution_time) VALUES (20240402111200, 'add invoices', TRUE, "
                       "sha384('x'::bytea), 4100200)"_s }),
            QString());
        pinExpected(env, u"sqlx"_s, u"public"_s, u"_sqlx_migrations"_s, u"sqlx-src"_s);
        const CheckResult r = bySubject(runHistories(env), u"sqlx public._sqlx_migrations"_s);
        QCOMPARE(evList(r, u"AheadMigrations"_s), QStringList { u"20240402111200"_s });
        QCOMPARE(idsIn(r, MigrationEntry::State::Ahead), QStringList { u"20240402111200"_s });
        QCOMPARE(r.status, CheckStatus::Pass);
        QVERIFY2(r.message.contains(u"20240402111200"_s) || r.message.contains(u"ahead"_s),
            qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationHistoriesExpected)
#include "tst_pg_migrationhistories_expected.moc"
