// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations on the fixture: where the history table is, grants, hostile names.
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

class TestPgMigrationsCheckTables : public QObject, protected MigrationsCheckFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initFixture(); }

    void customSchemaAndTableWithMixedCase()
    {
        const QString db = m_pg.createDatabase(u"custom"_s);
        const QString table = u"\"Platform Data\".\"MyHistory\""_s;
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE SCHEMA \"Platform Data\""_s, historyDdl(table),
                         insertRows(table, m_expected) }),
            QString());
        Environment env = m_pg.environment(u"custom"_s, db);
        env.expectedSource = m_manifest;
        env.historySchema = u"Platform Data"_s;
        env.historyTable = u"MyHistory"_s;
        CheckResult r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 5);
        env.historyTable = u"myhistory"_s; // names are exact, not folded to lower case
        r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), false);
    }

    // Review of issue 11: a history kept in another schema (MigrationsHistoryTable(name,
    // "platform")) while the environment names public is not "never migrated".
    void historyInAnotherSchemaIsNamed()
    {
        const QString table = u"platform.\"__EFMigrationsHistory\""_s;
        Environment env = withStatements(u"elsewhere"_s,
            { u"CREATE SCHEMA platform"_s, historyDdl(table), insertRows(table, { A, B }) });
        CheckResult r = runMigrationsThenPool(env);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"table-missing"_s);
        QCOMPARE(r.evidenceValue(u"HistoryElsewhere"_s).toStringList(),
            QStringList { u"platform.__EFMigrationsHistory"_s });
        QVERIFY2(r.message.contains(u"but platform.__EFMigrationsHistory does"_s),
            qPrintable(r.message));
        QVERIFY2(!r.message.contains(u"never migrated by EF Core"_s), qPrintable(r.message));
        env.historySchema = u"platform"_s; // the fix the message asks for
        r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 2);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), QStringList { C });
        QVERIFY(!r.evidenceValue(u"HistoryElsewhere"_s).isValid());
        // A database with no such table anywhere keeps the old words and evidence.
        env = withStatements(u"nowhere"_s, { u"CREATE SCHEMA platform"_s });
        r = runMigrations(env);
        QVERIFY2(r.message.contains(u"never migrated by EF Core"_s), qPrintable(r.message));
        QVERIFY(!r.evidenceValue(u"HistoryElsewhere"_s).isValid());
    }

    void roleWithoutSelectGetsTheGrant()
    {
        Environment env = withHistory(m_expected, u"noselect"_s);
        const QString role = u"doctor_noselect_"_s + env.connection.database.right(6).toLower();
        QCOMPARE(m_pg.exec(env.connection.database,
                     { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-noselect'"_s.arg(role) }),
            QString());
        env.connection.user = role;
        env.connection.password = u"pw-noselect"_s;
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QVERIFY2(
            r.message.contains(u"GRANT SELECT ON public.\"__EFMigrationsHistory\" TO "_s + role),
            qPrintable(r.message));
    }

    // Without USAGE on the schema, to_regclass() itself is refused; the check must still
    // say which GRANTs fix it rather than a bare "permission denied".
    void roleWithoutSchemaUsageGetsTheGrants()
    {
        const QString db = m_pg.createDatabase(u"nousage"_s);
        const QString role = u"doctor_nousage_"_s + db.right(6).toLower();
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE SCHEMA app"_s, historyDdl(u"app.\"__EFMigrationsHistory\""_s),
                         u"CREATE ROLE %1 LOGIN PASSWORD 'pw-nousage'"_s.arg(role) }),
            QString());
        Environment env = m_pg.environment(u"nousage"_s, db);
        env.expectedSource = m_manifest;
        env.historySchema = u"app"_s;
        env.connection.user = role;
        env.connection.password = u"pw-nousage"_s;
        CheckResult r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Error);
        QVERIFY2(
            r.message.contains(u"GRANT USAGE ON SCHEMA app TO "_s + role), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"GRANT SELECT ON app.\"__EFMigrationsHistory\" TO "_s + role),
            qPrintable(r.message));

        // A schema that does not exist is still "no history table", not a privilege problem.
        env.historySchema = u"nowhere"_s;
        r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), false);
    }

    // RELIABILITY 12, 13: names from configuration are values, never SQL.
    void hostileNamesAreNotFoundAndHarmless_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::newRow("injection in table") << u"public"_s << u"x\";DROP TABLE canary;--"_s;
        QTest::newRow("injection in schema") << u"public\";DROP TABLE canary;--"_s << u"t"_s;
        QTest::newRow("quote") << u"public"_s << u"a'b"_s;
        QTest::newRow("dotted") << u"public"_s << u"a.b.c.d"_s;
        QTest::newRow("dotted schema") << u"a.b.c"_s << u"d"_s;
    }
    void hostileNamesAreNotFoundAndHarmless()
    {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        Environment env = withHistory(m_expected, u"hostile"_s);
        QCOMPARE(
            m_pg.exec(env.connection.database, { u"CREATE TABLE canary (id int)"_s }), QString());
        env.historySchema = schema;
        env.historyTable = table;
        CheckRunner runner(CheckRegistry::builtin());
        // The pool check runs after it on the same connection: it passes only if the
        // migrations check left no aborted transaction behind.
        const RunOutcome out
            = runAndWait(runner, { env }, { Migrations, u"check.postgres.pool"_s });
        QVERIFY(out.finished);
        const CheckResult *m = out.find(env.name, Migrations);
        QVERIFY(m);
        QCOMPARE(m->evidenceValue(u"TableExists"_s).toBool(), false);
        QCOMPARE(m->status, CheckStatus::Warn);
        const CheckResult *pool = out.find(env.name, u"check.postgres.pool"_s);
        QVERIFY(pool);
        QVERIFY2(pool->status != CheckStatus::Error, qPrintable(pool->message));
        QCOMPARE(m_pg.scalar(env.connection.database, u"SELECT count(*) FROM canary"_s).toInt(), 0);
        QVERIFY(m_pg.scalar(env.connection.database, u"SELECT to_regclass('canary') IS NOT NULL"_s)
                .toBool());
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationsCheckTables)
#include "tst_pg_migrationscheck_tables.moc"
