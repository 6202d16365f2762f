// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Integration tests of check.postgres.migrations against the fixture's real PostgreSQL.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "migrations/migrationentry.h"
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

namespace {
const QString Migrations = u"check.postgres.migrations"_s;

// The migrations table's rows, as the check hands them to the dashboard.
QList<MigrationEntry> rows(const CheckResult &r)
{
    return r.details.value<QList<MigrationEntry>>();
}

QString historyDdl(const QString &qualifiedName)
{
    return u"CREATE TABLE %1 (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s
        .arg(qualifiedName);
}

// Issue 11's names: A, B, C.
const QString A = u"20240105093000_InitialCreate"_s;
const QString B = u"20240212141500_AddTenants"_s;
const QString C = u"20240318080000_AddAuditLog"_s;

QString insertRows(const QString &qualifiedName, const QStringList &ids)
{
    QStringList values;
    for (const QString &id : ids)
        values << u"('%1', '9.0.6')"_s.arg(id);
    return u"INSERT INTO %1 VALUES %2"_s.arg(qualifiedName, values.join(u", "_s));
}
} // namespace

class TestPgMigrationsCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QTemporaryDir m_tmp;
    QString m_manifest;
    QString m_abc; // expected A, B, C
    QStringList m_expected { u"20240101000000_Initial"_s, u"20240201000000_AddUsers"_s,
        u"20240301000000_AddRoles"_s, u"20240401000000_AddAudit"_s,
        u"20240501000000_AddIndexes"_s };

    CheckResult runMigrations(const Environment &env)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Migrations });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    Environment withHistory(const QStringList &applied, const QString &prefix)
    {
        const QString db = m_pg.createDatabase(prefix);
        const QString error = m_pg.exec(db, { historyDdl(u"\"__EFMigrationsHistory\""_s) });
        if (!applied.isEmpty())
            m_pg.exec(db, { insertRows(u"\"__EFMigrationsHistory\""_s, applied) });
        Environment env = m_pg.environment(prefix, db);
        env.expectedSource = m_manifest;
        return env;
    }

    // A database holding statements' objects, checked against A, B, C.
    Environment withStatements(const QString &prefix, const QStringList &statements)
    {
        const QString db = m_pg.createDatabase(prefix);
        const QString error = m_pg.exec(db, statements);
        [&] { QVERIFY2(error.isEmpty(), qPrintable(error)); }();
        Environment env = m_pg.environment(prefix, db);
        env.expectedSource = m_abc;
        return env;
    }

    // The migrations check, then the pool check on the same connection: the pool check
    // runs only if the migrations check left no aborted transaction behind.
    CheckResult runMigrationsThenPool(const Environment &env)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out
            = runAndWait(runner, { env }, { Migrations, u"check.postgres.pool"_s });
        const CheckResult *m = out.find(env.name, Migrations);
        const CheckResult *pool = out.find(env.name, u"check.postgres.pool"_s);
        [&] {
            QVERIFY(out.finished);
            QVERIFY(m);
            QVERIFY(pool);
            QVERIFY2(pool->status != CheckStatus::Error, qPrintable(pool->message));
        }();
        return m ? *m : CheckResult();
    }

    static QStringList evidenceKeys(const CheckResult &r)
    {
        QStringList keys;
        for (const auto &kv : r.evidence)
            keys << kv.first;
        return keys;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_manifest = m_tmp.filePath(u"expected.txt"_s);
        QFile f(m_manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# expected set\n" + m_expected.join(u'\n').toUtf8() + "\n");
        m_abc = m_tmp.filePath(u"abc.txt"_s);
        QFile abc(m_abc);
        QVERIFY(abc.open(QIODevice::WriteOnly));
        abc.write(QStringList { A, B, C }.join(u'\n').toUtf8() + "\n");
    }

    void evidenceKeysAreTheSeedsInOrder()
    {
        const CheckResult r = runMigrations(withHistory(m_expected, u"keys"_s));
        QStringList keys;
        for (const auto &kv : r.evidence)
            keys << kv.first;
        QCOMPARE(keys,
            (QStringList { u"TableExists"_s, u"AppliedCount"_s, u"PendingCount"_s,
                u"LatestApplied"_s, u"PendingMigrations"_s, u"Status"_s }));
    }

    void noHistoryTableWarns()
    {
        const QString db = m_pg.createDatabase(u"nohistory"_s);
        Environment env = m_pg.environment(u"nohistory"_s, db);
        env.expectedSource = m_manifest;
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), false);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"table-missing"_s);
        QVERIFY2(r.message.contains(u"does not exist"), qPrintable(r.message));
    }

    void emptyTableHasEverythingPending()
    {
        const CheckResult r = runMigrations(withHistory({}, u"empty"_s));
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 5);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected);
        QVERIFY(r.evidenceValue(u"LatestApplied"_s).isNull());
    }

    void allAppliedPasses()
    {
        const CheckResult r = runMigrations(withHistory(m_expected, u"uptodate"_s));
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 5);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), m_expected.last());
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"up-to-date"_s);
    }

    // A migration class the folder reader could not give an id (here: no [Migration]
    // attribute) might be pending: never "Up to date" while one is there.
    void expectedSetDoubtsAreNotAPass()
    {
        const QString folder = m_tmp.filePath(u"doubtful"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString data = QStringLiteral(DOCTOR_TEST_DATA) + u"/expected/RenamedFiles/"_s;
        for (const QString &name : QDir(data).entryList(QDir::Files))
            QVERIFY(QFile::copy(data + name, folder + u'/' + name));
        QFile extra(folder + u"/AddBilling.cs"_s);
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write("namespace StellaOps.Data.Migrations {\n"
                    "public partial class AddBilling : Microsoft.EntityFrameworkCore.Migrations.Migration\n"
                    "{ protected override void Up(MigrationBuilder b) { } }\n}\n");
        extra.close();

        Environment env = withHistory({ A, B }, u"doubts"_s);
        env.expectedSource = folder;
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(r.status, CheckStatus::Warn);
        const QStringList doubts = r.evidenceValue(u"ExpectedSetWarnings"_s).toStringList();
        QCOMPARE(doubts.size(), 1);
        QVERIFY2(doubts.first().contains(u"AddBilling"_s), qPrintable(doubts.first()));
        QVERIFY2(r.message.contains(u"AddBilling"_s), qPrintable(r.message));
    }

    void somePendingListedInOrder()
    {
        const CheckResult r = runMigrations(withHistory(m_expected.mid(0, 2), u"pending"_s));
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 3);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected.mid(2));
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), m_expected[1]);
        QCOMPARE(rows(r).size(), 5);
        QCOMPARE(rows(r)[2].state, MigrationEntry::State::Pending);
        QCOMPARE(rows(r)[2].position, 3);
    }

    void databaseAheadIsInformational()
    {
        const QString extra = u"20240601000000_Hotfix"_s;
        const CheckResult r
            = runMigrations(withHistory(m_expected + QStringList { extra }, u"ahead"_s));
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"NotInExpectedSet"_s).toStringList(), QStringList { extra });
        QCOMPARE(rows(r).last().state, MigrationEntry::State::NotExpected);
    }

    void noExpectedSetSaysPendingIsUnknown()
    {
        Environment env = withHistory(m_expected.mid(0, 3), u"unknown"_s);
        env.expectedSource.clear();
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toString(), u"unknown"_s);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"unknown"_s);
        QVERIFY(r.message.contains(u"unknown"));
    }

    // Expected set (d): another environment taken as the reference.
    void referenceEnvironmentIsTheExpectedSet()
    {
        Environment reference = withHistory(m_expected, u"reference"_s);
        Environment behind = withHistory(m_expected.mid(0, 3), u"behind"_s);
        behind.expectedSource.clear();
        behind.referenceEnvironment = reference.name;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, {reference, behind}, {Migrations});
        const CheckResult *r = out.find(behind.name, Migrations);
        QVERIFY(r);
        QCOMPARE(r->status, CheckStatus::Warn);
        QCOMPARE(r->evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected.mid(3));
        behind.referenceEnvironment = u"nowhere"_s;
        const CheckResult missing = runMigrations(behind);
        QCOMPARE(missing.status, CheckStatus::Error);
        QVERIFY2(missing.message.contains(u"'nowhere' is not configured"), qPrintable(missing.message));
    }

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
        QVERIFY2(r.message.contains(u"GRANT USAGE ON SCHEMA app TO "_s + role), qPrintable(r.message));
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

QTEST_GUILESS_MAIN(TestPgMigrationsCheck)
#include "tst_pg_migrationscheck.moc"
