// Integration tests of check.postgres.migrations against the fixture's real PostgreSQL.
#include "checkregistry.h"
#include "checkrunner.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Migrations = u"check.postgres.migrations"_s;

QString historyDdl(const QString &qualifiedName)
{
    return u"CREATE TABLE %1 (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s
        .arg(qualifiedName);
}

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

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_manifest = m_tmp.filePath(u"expected.txt"_s);
        QFile f(m_manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# expected set\n" + m_expected.join(u'\n').toUtf8() + "\n");
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

    void somePendingListedInOrder()
    {
        const CheckResult r = runMigrations(withHistory(m_expected.mid(0, 2), u"pending"_s));
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 3);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected.mid(2));
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), m_expected[1]);
        QCOMPARE(r.migrations.size(), 5);
        QCOMPARE(r.migrations[2].state, MigrationEntry::State::Pending);
        QCOMPARE(r.migrations[2].position, 3);
    }

    void databaseAheadIsInformational()
    {
        const QString extra = u"20240601000000_Hotfix"_s;
        const CheckResult r
            = runMigrations(withHistory(m_expected + QStringList { extra }, u"ahead"_s));
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"NotInExpectedSet"_s).toStringList(), QStringList { extra });
        QCOMPARE(r.migrations.last().state, MigrationEntry::State::NotExpected);
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
};

QTEST_GUILESS_MAIN(TestPgMigrationsCheck)
#include "tst_pg_migrationscheck.moc"
