// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Who is migrating, and which migration lock was left behind (issue 16), on real sessions
// this test opens and holds: EF Core's ACCESS EXCLUSIVE on its history, each tool's
// advisory lock, Liquibase's and Knex's lock rows. Every session is closed by its scope.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "migrations/migrationlocks.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

const QString Migrations = u"check.postgres.migrations"_s;

// A session of the test, on the test's thread, holding whatever its statements take until
// it goes out of scope (closing the connection ends its transaction and session locks).
class HeldSession
{
public:
    HeldSession(const PgServer &pg, const QString &db, const QString &application)
        : m_name(DbSession::nextConnectionName())
    {
        QSqlDatabase c = pg.addConnection(m_name, db);
        if (c.open() && run(u"SET application_name = '%1'"_s.arg(application))) {
            QSqlQuery q(c);
            if (q.exec(u"SELECT pg_backend_pid()"_s) && q.next())
                m_pid = q.value(0).toInt();
        }
    }
    ~HeldSession()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    HeldSession(const HeldSession &) = delete;
    HeldSession &operator=(const HeldSession &) = delete;
    int pid() const { return m_pid; }
    bool run(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }

private:
    QString m_name;
    int m_pid = 0;
};

} // namespace

class TestPgMigrationLocks : public QObject
{
    Q_OBJECT
    using Runner = CheckRunner; // the threads label (tests/testtraits.cmake)
    PgServer m_pg;

    QList<CheckResult> run(const Environment &e, qint64 *elapsedMs = nullptr)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, { Migrations });
        if (elapsedMs)
            *elapsedMs = out.elapsedMs;
        return out.results;
    }

    static CheckResult bySubject(const QList<CheckResult> &results, const QString &subject)
    {
        for (const CheckResult &r : results) {
            if (r.subject == subject)
                return r;
        }
        QStringList all;
        for (const CheckResult &r : results)
            all << r.subject + u": "_s + r.message;
        qWarning("no result for %s among %s", qPrintable(subject), qPrintable(all.join(u"; "_s)));
        return {};
    }

    QString database(const QStringList &ddl)
    {
        const QString db = m_pg.createDatabase(u"locks"_s);
        const QString error = m_pg.exec(db, ddl);
        return error.isEmpty() ? db : (qWarning("%s", qPrintable(error)), QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    }

    // RELIABILITY 5: EF Core 9 holds ACCESS EXCLUSIVE on its history for the whole migration.
    // The check names the holder within 3 s without waiting for the lock (no 55P03), and
    // reports normally once the migration has committed.
    void efCoreAccessExclusiveHolder()
    {
        const QString create = u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" "
                               "varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32))"_s;
        const QString db = database({ create,
            u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', "
            "'9.0.6')"_s });
        QVERIFY(!db.isEmpty());
        const Environment e = m_pg.environment(u"ef"_s, db);
        const QString subject = u"efcore public.__EFMigrationsHistory"_s;
        {
            HeldSession ef(m_pg, db, u"ef-migrator"_s);
            QVERIFY(ef.pid() > 0);
            QVERIFY(ef.run(u"BEGIN"_s));
            QVERIFY(ef.run(u"LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE"_s));
            qint64 ms = 0;
            const CheckResult r = bySubject(run(e, &ms), subject);
            QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
            QCOMPARE(r.status, CheckStatus::Warn);
            QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"in-progress"_s);
            QCOMPARE(r.evidenceValue(u"LockKind"_s).toString(), u"relation"_s);
            QCOMPARE(r.evidenceValue(u"LockHolderPid"_s).toInt(), ef.pid());
            QCOMPARE(r.evidenceValue(u"LockHolderApplication"_s).toString(), u"ef-migrator"_s);
            QCOMPARE(r.evidenceValue(u"LockHolderClient"_s).toString(), u"127.0.0.1"_s);
            QCOMPARE(r.evidenceValue(u"LockHolderState"_s).toString(), u"idle in transaction"_s);
            QVERIFY(r.evidenceValue(u"LockHolderTransactionSeconds"_s).toDouble() >= 0);
            QVERIFY(!r.evidenceValue(u"LockHolderQueryStart"_s).toString().isEmpty());
            QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"in-progress"_s);
            QVERIFY(r.evidenceValue(u"SqlState"_s).isNull()); // never a bare 55P03
            QVERIFY2(r.message.startsWith(u"Migration in progress: "_s), qPrintable(r.message));
            QVERIFY2(
                r.message.contains(u"pid %1 (ef-migrator"_s.arg(ef.pid())), qPrintable(r.message));
            QVERIFY(ef.run(u"COMMIT"_s));
            const CheckResult after = bySubject(run(e), subject);
            QCOMPARE(after.status, CheckStatus::Pass);
            QCOMPARE(after.evidenceValue(u"AppliedCount"_s).toInt(), 1);
            QVERIFY(after.evidenceValue(u"MigrationLock"_s).isNull());
        }
    }

    // Each tool's advisory key held by a session: in progress, and the history still read.
    void advisoryLocks_data()
    {
        QTest::addColumn<QStringList>("ddl");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("lock"); // %1: the key
        QTest::addColumn<int>("applied");
        const QString flyway = u"CREATE TABLE flyway_schema_history (installed_rank int PRIMARY "
                               "KEY, version varchar(50), description varchar(200), type "
                               "varchar(20), script varchar(1000), checksum int, installed_by "
                               "varchar(100), installed_on timestamp DEFAULT now(), "
                               "execution_time int, success bool)"_s;
        const QString session = u"SELECT pg_advisory_lock(%1)"_s;
        QTest::newRow("flyway, transactional lock")
            << QStringList { flyway,
                   u"INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', "
                   "'V1__init.sql', 1, 'me', now(), 5, true)"_s }
            << u"flyway public.flyway_schema_history"_s
            << u"BEGIN; SELECT pg_try_advisory_xact_lock(%1)"_s << 1;
        QTest::newRow("prisma")
            << QStringList { u"CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, "
                             "checksum varchar(64), finished_at timestamptz, migration_name "
                             "varchar(255), logs text, rolled_back_at timestamptz, started_at "
                             "timestamptz DEFAULT now(), applied_steps_count int DEFAULT 0)"_s }
            << u"prisma public._prisma_migrations"_s << session << 0;
        QTest::newRow("rails")
            << QStringList { u"CREATE TABLE schema_migrations (version varchar PRIMARY KEY)"_s,
                   u"CREATE TABLE ar_internal_metadata (key varchar PRIMARY KEY, value varchar)"_s,
                   u"INSERT INTO schema_migrations VALUES ('20240101000000')"_s }
            << u"rails public.schema_migrations"_s << session << 1;
        QTest::newRow("golang-migrate")
            << QStringList { u"CREATE TABLE schema_migrations (version bigint PRIMARY KEY, "
                             "dirty bool NOT NULL)"_s,
                   u"INSERT INTO schema_migrations VALUES (3, true)"_s }
            << u"golang-migrate public.schema_migrations"_s << session << 0; // dirty: not applied
        const QStringList goose {
            u"CREATE TABLE goose_db_version (id serial PRIMARY KEY, "
            "version_id bigint, is_applied bool, tstamp timestamp DEFAULT "
            "now())"_s,
            u"INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true)"_s
        };
        QTest::newRow("goose") << goose << u"goose public.goose_db_version"_s << session << 1;
        QTest::newRow("goose before 3.26")
            << goose << u"goose public.goose_db_version"_s << session + u" -- old"_s << 1;
    }

    void advisoryLocks()
    {
        QFETCH(QStringList, ddl);
        QFETCH(QString, subject);
        QFETCH(QString, lock);
        QFETCH(int, applied);
        const QString db = database(ddl);
        QVERIFY(!db.isEmpty());
        const QString tool = subject.section(u' ', 0, 0);
        const QString table = subject.section(u'.', 1);
        const QList<qint64> keys
            = MigrationLocks::advisoryKeys(MigrationTools::fromName(tool), db, u"public"_s, table);
        QVERIFY(!keys.isEmpty());
        const qint64 key = lock.endsWith(u"-- old") ? keys.last() : keys.first();
        Environment e = m_pg.environment(u"adv"_s, db);
        HeldSession holder(m_pg, db, tool + u"-migrator"_s);
        for (const QString &sql : lock.arg(key).split(u"; "_s))
            QVERIFY(holder.run(sql));
        // pg_locks shows the bigint key split as the check reads it.
        const QString split = u"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                              "classid = %1 AND objid = %2 AND objsubid = 1 AND pid = %3"_s
                                  .arg(MigrationLocks::classId(key))
                                  .arg(MigrationLocks::objId(key))
                                  .arg(holder.pid());
        QCOMPARE(m_pg.scalar(db, split).toInt(), 1);

        CheckResult r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Warn); // golang-migrate's dirty flag too: it is running
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"in-progress"_s);
        QCOMPARE(r.evidenceValue(u"LockKind"_s).toString(), u"advisory"_s);
        QCOMPARE(r.evidenceValue(u"LockHolderPid"_s).toInt(), holder.pid());
        QCOMPARE(r.evidenceValue(u"LockHolderApplication"_s).toString(), tool + u"-migrator"_s);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), applied); // still read
        QVERIFY2(r.message.contains(u"advisory lock %1"_s.arg(key)), qPrintable(r.message));

        // The holder idles past the threshold (1 s here): a stuck session, stale.
        e.pool.idleInTransactionMinSec = 1;
        QTest::qWait(1100);
        r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"stale"_s);
        QVERIFY2(r.message.startsWith(u"Stale migration lock: "_s), qPrintable(r.message));
    }

    // Another application's advisory lock, or the key of a table elsewhere, is no migration.
    void foreignAdvisoryLockIsIgnored()
    {
        const QString db = database({ u"CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY "
                                      "KEY, checksum varchar(64), finished_at timestamptz, "
                                      "migration_name varchar(255), logs text, rolled_back_at "
                                      "timestamptz, started_at timestamptz, applied_steps_count "
                                      "int)"_s });
        QVERIFY(!db.isEmpty());
        HeldSession other(m_pg, db, u"app"_s);
        QVERIFY(other.run(u"SELECT pg_advisory_lock(0, 72707369)"_s)); // two int4 keys
        QVERIFY(other.run(u"SELECT pg_advisory_lock(72707370)"_s));
        const CheckResult r
            = bySubject(run(m_pg.environment(u"x"_s, db)), u"prisma public._prisma_migrations"_s);
        QCOMPARE(r.status, CheckStatus::Pass);
        QVERIFY(r.evidenceValue(u"MigrationLock"_s).isNull());
    }

    // Liquibase's lock row: stale when no session comes from lockedby's address, in progress
    // with the session that does.
    void liquibaseLockRow()
    {
        const QString db = database({ u"CREATE TABLE databasechangelog (id varchar(255), author "
                                      "varchar(255), filename varchar(255), dateexecuted "
                                      "timestamp, orderexecuted int, exectype varchar(10), md5sum "
                                      "varchar(35), description varchar(255))"_s,
            u"CREATE TABLE databasechangeloglock (id int PRIMARY KEY, locked bool NOT NULL, "
            "lockgranted timestamp, lockedby varchar(255))"_s,
            u"INSERT INTO databasechangeloglock VALUES (1, true, now(), 'gone-pod-7f9c "
            "(10.99.0.7)')"_s });
        QVERIFY(!db.isEmpty());
        const Environment e = m_pg.environment(u"lb"_s, db);
        const QString subject = u"liquibase public.databasechangelog"_s;
        CheckResult r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"stale"_s);
        QCOMPARE(r.evidenceValue(u"LockKind"_s).toString(), u"lock-row"_s);
        QVERIFY(r.evidenceValue(u"LockHolderPid"_s).isNull());
        QVERIFY2(r.message.contains(u"gone-pod-7f9c (10.99.0.7)"), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"no session of this database comes from 10.99.0.7"),
            qPrintable(r.message));

        // The update that holds it runs on a connection from the host lockedby names.
        QCOMPARE(m_pg.exec(db,
                     { u"UPDATE databasechangeloglock SET lockedby = 'ci-runner "
                       "(127.0.0.1)'"_s }),
            QString());
        HeldSession liquibase(m_pg, db, u"PostgreSQL JDBC Driver"_s);
        r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"in-progress"_s);
        QCOMPARE(r.evidenceValue(u"LockHolderPid"_s).toInt(), liquibase.pid());
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 0);

        QCOMPARE(
            m_pg.exec(db, { u"UPDATE databasechangeloglock SET locked = false"_s }), QString());
        r = bySubject(run(e), subject);
        QVERIFY(r.evidenceValue(u"MigrationLock"_s).isNull());
    }

    // Knex's lock row: stale with no session that may be Knex's running, live with one.
    void knexLockRow()
    {
        const QString db = database({ u"CREATE TABLE knex_migrations (id serial PRIMARY KEY, "
                                      "name varchar(255), batch int, migration_time "
                                      "timestamptz)"_s,
            u"CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked int)"_s,
            u"INSERT INTO knex_migrations_lock (is_locked) VALUES (1)"_s });
        QVERIFY(!db.isEmpty());
        const Environment e = m_pg.environment(u"knex"_s, db);
        const QString subject = u"knex public.knex_migrations"_s;
        CheckResult r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"stale"_s);
        QCOMPARE(r.evidenceValue(u"LockKind"_s).toString(), u"lock-row"_s);

        HeldSession knex(m_pg, db, u"knex"_s);
        QVERIFY(knex.run(u"BEGIN"_s));
        QVERIFY(knex.run(u"SELECT 1"_s));
        r = bySubject(run(e), subject);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"MigrationLock"_s).toString(), u"in-progress"_s);
        QCOMPARE(r.evidenceValue(u"LockHolderPid"_s).toInt(), knex.pid());
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationLocks)
#include "tst_pg_migrationlocks.moc"
