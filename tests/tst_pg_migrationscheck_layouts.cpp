// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations: history columns under naming conventions, odd layouts, failed reads.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "migrations/migrationentry.h"
#include "migrationscheckfixture.h"
#include "pgserver.h"
#include "runandwait.h"
#include "sqlwarningguard.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationsCheckLayouts : public QObject, protected MigrationsCheckFixture
{
    Q_OBJECT
    // runMigrations() runs a CheckRunner, whose threads this names for the threads label
    // (tests/testtraits.cmake reads this file, not the fixture).
    using Runner = CheckRunner;

private Q_SLOTS:
    void initTestCase() { initFixture(); }

    // Issue 11 item 2: EFCore.NamingConventions renames the history's columns, not the
    // table. Every convention's table is read, with issue 11's example as the snake row.
    void historyUnderANamingConvention_data()
    {
        QTest::addColumn<QString>("idColumn");
        QTest::addColumn<QString>("versionColumn");
        QTest::addColumn<QString>("convention"); // empty: EF Core's own names
        QTest::newRow("default") << u"MigrationId"_s << u"ProductVersion"_s << QString();
        QTest::newRow("snake (issue 11)")
            << u"migration_id"_s << u"product_version"_s << u"UseSnakeCaseNamingConvention"_s;
        QTest::newRow("lower") << u"migrationid"_s << u"productversion"_s
                               << u"UseLowerCaseNamingConvention"_s;
        QTest::newRow("upper") << u"MIGRATIONID"_s << u"PRODUCTVERSION"_s
                               << u"UseUpperCaseNamingConvention"_s;
        QTest::newRow("upper snake")
            << u"MIGRATION_ID"_s << u"PRODUCT_VERSION"_s << u"UseUpperSnakeCaseNamingConvention"_s;
        QTest::newRow("camel") << u"migrationId"_s << u"productVersion"_s
                               << u"UseCamelCaseNamingConvention"_s;
    }
    void historyUnderANamingConvention()
    {
        QFETCH(QString, idColumn);
        QFETCH(QString, versionColumn);
        QFETCH(QString, convention);
        SqlWarningGuard guard;
        // The version column first and another column between: the SELECT names columns.
        const Environment env = withStatements(u"conv"_s,
            { u"CREATE TABLE \"__EFMigrationsHistory\" (\"%2\" varchar(32) NOT NULL, note text, "
              "\"%1\" varchar(150) PRIMARY KEY)"_s.arg(idColumn, versionColumn),
                u"INSERT INTO \"__EFMigrationsHistory\" (\"%1\", \"%2\") VALUES ('%3', '9.0.6'), "
                "('%4', '9.0.6')"_s.arg(idColumn, versionColumn, A, B) });
        const CheckResult r = runMigrationsThenPool(env);
        QVERIFY2(r.status == CheckStatus::Warn, qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), true);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), QStringList { C });
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), B);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"pending"_s);
        QCOMPARE(rows(r).size(), 3);
        QCOMPARE(rows(r)[0].productVersion, u"9.0.6"_s);
        QStringList keys { u"TableExists"_s, u"AppliedCount"_s, u"PendingCount"_s,
            u"LatestApplied"_s, u"PendingMigrations"_s, u"Status"_s };
        if (!convention.isEmpty()) {
            keys << u"HistoryColumns"_s;
            QCOMPARE(r.evidenceValue(u"HistoryColumns"_s).toString(),
                u"%1, %2 (%3)"_s.arg(idColumn, versionColumn, convention));
        }
        QCOMPARE(evidenceKeys(r), keys);
        QVERIFY2(guard.offending().isEmpty(), qPrintable(guard.offending().join(u'\n')));
    }

    // A table with EF Core's pair and a convention's pair (a half-done rename) is read with
    // EF Core's; one with half of each pair is no known layout.
    void layoutPrecedenceAndHalfPairs()
    {
        SqlWarningGuard guard;
        Environment env = withStatements(u"both"_s,
            { u"CREATE TABLE \"__EFMigrationsHistory\" (migration_id text, product_version text, "
              "\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32))"_s,
                u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('x', 'x', '%1', '9.0.6')"_s.arg(
                    A) });
        CheckResult r = runMigrationsThenPool(env);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), A);
        QVERIFY(!r.evidenceValue(u"HistoryColumns"_s).isValid());

        env = withStatements(u"half"_s,
            { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, "
              "product_version varchar(32))"_s });
        r = runMigrationsThenPool(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QVERIFY2(r.message.contains(u"has the columns MigrationId, product_version"),
            qPrintable(r.message));
        QVERIFY2(guard.offending().isEmpty(), qPrintable(guard.offending().join(u'\n')));
    }

    // A table of another shape: an error that names its columns and the layouts understood,
    // no SQL error, no aborted transaction, nothing from Qt's SQL layer.
    void unknownLayoutNamesTheColumns()
    {
        SqlWarningGuard guard;
        const Environment env = withStatements(u"unknown"_s,
            { u"CREATE TABLE \"__EFMigrationsHistory\" (id serial PRIMARY KEY, \"Name\" text, "
              "applied_at timestamptz)"_s,
                u"ALTER TABLE \"__EFMigrationsHistory\" ADD COLUMN dropped int"_s,
                u"ALTER TABLE \"__EFMigrationsHistory\" DROP COLUMN dropped"_s });
        const CheckResult r = runMigrationsThenPool(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QVERIFY2(
            r.message.startsWith(u"History table public.__EFMigrationsHistory has the "
                                 "columns id, Name, applied_at, not a layout EF Core writes"_s),
            qPrintable(r.message));
        for (const QString &expected : { u"MigrationId/ProductVersion (default)"_s,
                 u"migration_id/product_version (UseSnakeCaseNamingConvention)"_s,
                 u"migrationId/productVersion (UseCamelCaseNamingConvention)"_s })
            QVERIFY2(r.message.contains(expected), qPrintable(r.message));
        QVERIFY(!r.evidenceValue(u"SqlState"_s).isValid());
        QVERIFY2(guard.offending().isEmpty(), qPrintable(guard.offending().join(u'\n')));

        const CheckResult none = runMigrationsThenPool(
            withStatements(u"nocols"_s, { u"CREATE TABLE \"__EFMigrationsHistory\" ()"_s }));
        QCOMPARE(none.status, CheckStatus::Error);
        QVERIFY2(none.message.contains(u"has no columns"), qPrintable(none.message));
    }

    // A history read that fails on the server (here a view that divides by zero on its
    // second row) is an error with the server's words, and QPSQL prints nothing: no
    // prepared statement is left to free in the aborted transaction.
    void failingReadLeavesNoQtWarning()
    {
        SqlWarningGuard guard;
        const Environment env = withStatements(u"failing"_s,
            { u"CREATE VIEW \"__EFMigrationsHistory\" AS SELECT m::varchar(150) AS "
              u"\"MigrationId\", "
              "'9.0.6'::varchar(32) AS \"ProductVersion\" FROM (VALUES ('%1'), ('%2')) v(m) "
              "WHERE 1 / (CASE WHEN m = '%2' THEN 0 ELSE 1 END) = 1"_s.arg(A, B) });
        const CheckResult r = runMigrationsThenPool(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QCOMPARE(r.evidenceValue(u"SqlState"_s).toString(), u"22012"_s);
        QVERIFY2(guard.offending().isEmpty(), qPrintable(guard.offending().join(u'\n')));
    }

    // The embedded demo's SQLite reader finds the columns the same way (table_info).
    void sqliteHistoryUnderANamingConvention()
    {
        const QString path = m_tmp.filePath(u"snake.sqlite"_s);
        const QString unknownPath = m_tmp.filePath(u"unknown.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
            for (const auto &[file, statements] :
                { std::pair { path,
                      QStringList { u"CREATE TABLE \"__EFMigrationsHistory\" (product_version TEXT "
                                    "NOT NULL, migration_id TEXT NOT NULL PRIMARY KEY)"_s,
                          u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('9.0.6', '%1'), "
                          "('9.0.6', '%2')"_s.arg(A, B) } },
                    std::pair { unknownPath,
                        QStringList {
                            u"CREATE TABLE \"__EFMigrationsHistory\" (id INTEGER, name TEXT)"_s } } }) {
                db.setDatabaseName(file);
                QVERIFY(db.open());
                for (const QString &sql : statements) {
                    QSqlQuery q(db);
                    QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(u"writer"_s);
        SqlWarningGuard guard;
        Environment env;
        env.name = u"sqlite"_s;
        env.connection.driver = ConnectionSpec::Driver::Sqlite;
        env.connection.database = path;
        env.expectedSource = m_abc;
        CheckResult r = runMigrations(env);
        QVERIFY2(r.status == CheckStatus::Warn, qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), QStringList { C });
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), B);
        QCOMPARE(r.evidenceValue(u"HistoryColumns"_s).toString(),
            u"migration_id, product_version (UseSnakeCaseNamingConvention)"_s);
        env.connection.database = unknownPath;
        r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QVERIFY2(r.message.contains(u"has the columns id, name"), qPrintable(r.message));
        QVERIFY2(guard.offending().isEmpty(), qPrintable(guard.offending().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationsCheckLayouts)
#include "tst_pg_migrationscheck_layouts.moc"
