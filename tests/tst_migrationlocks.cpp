// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The migration tools' advisory lock keys and how a history's lock is judged (issue 16).
// Key values: Rails' was printed by the build root's Ruby with its Zlib (activerecord 7.2.2
// of Debian 13, lib/active_record/migration.rb: 2053462845 * Zlib.crc32(db)); the others
// follow the sources cited in migrations/migrationlocks.h, worked out independently (Python's
// zlib and a Java-style hash loop); tst_pg_migrationlocks holds each on a real server.
#include "migrations/migrationlocks.h"

#include <QTest>

using namespace Qt::StringLiterals;
using State = MigrationLock::State;

namespace {

LockSighting advisory(qint64 key, const QString &state = u"active"_s, double idle = -1)
{
    LockSighting s;
    s.kind = LockSighting::Kind::Advisory;
    s.key = key;
    s.bigintKey = true;
    s.mode = u"ExclusiveLock"_s;
    s.granted = true;
    s.holder.pid = 4242;
    s.holder.state = state;
    s.holder.idleSeconds = idle;
    return s;
}

LockSighting relation(const QString &table, const QString &mode, bool granted = true)
{
    LockSighting s;
    s.schema = u"public"_s;
    s.table = table;
    s.mode = mode;
    s.granted = granted;
    s.holder.pid = 77;
    s.holder.state = u"idle in transaction"_s;
    s.holder.idleSeconds = 2;
    return s;
}

} // namespace

class TestMigrationLocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsABigintKeyAsPgLocksShowsIt()
    {
        // goose's own source shows its key read back as (classid << 32) | objid.
        const qint64 goose = 5887940537704921958;
        QCOMPARE(MigrationLocks::classId(goose), 1370892985u);
        QCOMPARE(MigrationLocks::objId(goose), 814103398u);
        QCOMPARE(MigrationLocks::joinKey(1370892985u, 814103398u), goose);
        QCOMPARE(MigrationLocks::classId(72707369), 0u);
        QCOMPARE(MigrationLocks::objId(72707369), 72707369u);
        QCOMPARE(MigrationLocks::joinKey(0, 4097083626u), qint64(4097083626));
    }

    void javaHashCode()
    {
        QCOMPARE(MigrationLocks::javaHashCode(QString()), 0);
        QCOMPARE(MigrationLocks::javaHashCode(u"a"_s), 97);
        QCOMPARE(MigrationLocks::javaHashCode(u"hello"_s), 99162322); // "hello".hashCode()
        // Overflows int: Java wraps to a negative number.
        QCOMPARE(MigrationLocks::javaHashCode(u"\"app\".\"schema_version\""_s), -1388052463);
    }

    void keys()
    {
        QCOMPARE(MigrationLocks::flywayKey(u"public"_s, u"flyway_schema_history"_s),
            qint64(77433833903597));
        QCOMPARE(MigrationLocks::flywayKey(u"app"_s, u"schema_version"_s), qint64(77430320226698));
        // Flyway quotes as PostgreSQL does: a quote in a name is doubled.
        QCOMPARE(MigrationLocks::flywayKey(u"we\"ird"_s, u"t"_s), qint64(77431582975666));
        QCOMPARE(MigrationLocks::prismaKey(), qint64(72707369));
        QCOMPARE(MigrationLocks::railsKey(u"doctor_locks"_s), qint64(6124482014299848045));
        QCOMPARE(MigrationLocks::railsKey(u"postgres"_s), qint64(737815420147457505));
        // Held by the real Migrator (activerecord 7.2.2 of the build root, a migration
        // running pg_sleep on database railslock), read back from pg_locks as
        // (classid << 32) | objid: the check named it "in progress" with the migrator's pid.
        QCOMPARE(MigrationLocks::railsKey(u"railslock"_s), qint64(3229317203386502970));
        QCOMPARE(MigrationLocks::golangMigrateKey(u"mydb"_s, u"public"_s, u"schema_migrations"_s),
            qint64(3273772555));
        QCOMPARE(MigrationLocks::golangMigrateKey(u"mydb"_s, {}, {}, true), qint64(3799279374));
        QCOMPARE(MigrationLocks::crc32("goose"), 4097083626u); // goose's newer key is this
        QCOMPARE(MigrationLocks::gooseKeys(), (QList<qint64> { 4097083626, 5887940537704921958 }));
        QVERIFY(
            MigrationLocks::advisoryKeys(MigrationTool::EfCore, u"d"_s, u"s"_s, u"t"_s).isEmpty());
        QCOMPARE(MigrationLocks::advisoryKeys(
                     MigrationTool::GolangMigrate, u"mydb"_s, u"public"_s, u"schema_migrations"_s)
                     .size(),
            2);
    }

    void advisoryHolderIsInProgressThenStale()
    {
        const qint64 key = MigrationLocks::flywayKey(u"public"_s, u"flyway_schema_history"_s);
        MigrationLock l = MigrationLocks::classify({ advisory(key) }, MigrationTool::Flyway,
            u"db"_s, u"public"_s, u"flyway_schema_history"_s, 30);
        QCOMPARE(l.state, State::InProgress);
        QCOMPARE(l.kind, u"advisory"_s);
        QCOMPARE(l.holder.pid, 4242);
        QVERIFY(!l.blocksReading); // an advisory lock does not stop a SELECT
        // Another table's Flyway key is not this history's.
        l = MigrationLocks::classify({ advisory(key) }, MigrationTool::Flyway, u"db"_s, u"other"_s,
            u"flyway_schema_history"_s, 30);
        QCOMPARE(l.state, State::None);
        l = MigrationLocks::classify({ advisory(key, u"idle in transaction"_s, 31) },
            MigrationTool::Flyway, u"db"_s, u"public"_s, u"flyway_schema_history"_s, 30);
        QCOMPARE(l.state, State::Stale);
        l = MigrationLocks::classify({ advisory(key, u"idle"_s, 5) }, MigrationTool::Flyway,
            u"db"_s, u"public"_s, u"flyway_schema_history"_s, 30);
        QCOMPARE(l.state, State::InProgress);
        // Two int4 keys (objsubid 2) are some other application's.
        LockSighting two = advisory(key);
        two.bigintKey = false;
        QCOMPARE(MigrationLocks::classify({ two }, MigrationTool::Flyway, u"db"_s, u"public"_s,
                     u"flyway_schema_history"_s, 30)
                     .state,
            State::None);
    }

    void relationLocks()
    {
        const QString ef = u"__EFMigrationsHistory"_s;
        MigrationLock l = MigrationLocks::classify({ relation(ef, u"AccessExclusiveLock"_s) },
            MigrationTool::EfCore, u"db"_s, u"public"_s, ef, 30);
        QCOMPARE(l.state, State::InProgress);
        QCOMPARE(l.kind, u"relation"_s);
        QVERIFY(l.blocksReading);
        QVERIFY2(l.detail.contains(u"holds AccessExclusiveLock on public.__EFMigrationsHistory"),
            qPrintable(l.detail));
        // A migration waiting for the lock still stops a read (it queues behind the waiter).
        l = MigrationLocks::classify({ relation(ef, u"AccessExclusiveLock"_s, false) },
            MigrationTool::EfCore, u"db"_s, u"public"_s, ef, 30);
        QCOMPARE(l.state, State::InProgress);
        QVERIFY(l.blocksReading);
        QVERIFY(l.detail.startsWith(u"waits for"));
        // An insert into the history (a tool recording a migration): in progress, readable.
        l = MigrationLocks::classify({ relation(ef, u"RowExclusiveLock"_s) }, MigrationTool::EfCore,
            u"db"_s, u"public"_s, ef, 30);
        QCOMPARE(l.state, State::InProgress);
        QVERIFY(!l.blocksReading);
        // A reader is no migration.
        l = MigrationLocks::classify({ relation(ef, u"AccessShareLock"_s) }, MigrationTool::EfCore,
            u"db"_s, u"public"_s, ef, 30);
        QCOMPARE(l.state, State::None);
        // Held by a session idle in its transaction past the threshold: stuck.
        l = MigrationLocks::classify({ relation(ef, u"AccessExclusiveLock"_s) },
            MigrationTool::EfCore, u"db"_s, u"public"_s, ef, 1);
        QCOMPARE(l.state, State::Stale);
        // Liquibase's lock table counts as its history's.
        l = MigrationLocks::classify(
            { relation(u"databasechangeloglock"_s, u"RowExclusiveLock"_s) },
            MigrationTool::Liquibase, u"db"_s, u"public"_s, u"databasechangelog"_s, 30);
        QCOMPARE(l.state, State::InProgress);
        QVERIFY(!l.blocksReading);
    }

    void liquibaseLockedBy()
    {
        QString host, address;
        MigrationLocks::splitLockedBy(u"build-7f9c (10.1.2.3)"_s, &host, &address);
        QCOMPARE(host, u"build-7f9c"_s);
        QCOMPARE(address, u"10.1.2.3"_s);
        MigrationLocks::splitLockedBy(u"pod-a#migrate (fe80::1%eth0)"_s, &host, &address);
        QCOMPARE(host, u"pod-a#migrate"_s);
        QCOMPARE(address, u"fe80::1%eth0"_s);
        MigrationLocks::splitLockedBy(u"just-a-host"_s, &host, &address);
        QCOMPARE(host, u"just-a-host"_s);
        QVERIFY(address.isEmpty());
    }

    void lockRows()
    {
        LockHolder fromThere;
        fromThere.pid = 9;
        fromThere.client = u"10.1.2.3"_s;
        fromThere.state = u"active"_s;
        LockHolder elsewhere = fromThere;
        elsewhere.client = u"10.9.9.9"_s;
        const QString by = u"build-7f9c (10.1.2.3)"_s;
        MigrationLock l
            = MigrationLocks::classifyLockRow(MigrationTool::Liquibase, by, {}, { elsewhere });
        QCOMPARE(l.state, State::Stale);
        QCOMPARE(l.kind, u"lock-row"_s);
        QVERIFY(!l.hasHolder);
        QVERIFY2(l.detail.contains(u"10.1.2.3"), qPrintable(l.detail));
        l = MigrationLocks::classifyLockRow(
            MigrationTool::Liquibase, by, {}, { elsewhere, fromThere });
        QCOMPARE(l.state, State::InProgress);
        QCOMPARE(l.holder.pid, 9);
        LockHolder named = elsewhere;
        named.clientHostName = u"BUILD-7f9c"_s;
        QCOMPARE(MigrationLocks::classifyLockRow(MigrationTool::Liquibase, by, {}, { named }).state,
            State::InProgress);

        // Knex: a busy session that may be Knex's keeps the row live; an idle one does not.
        LockHolder knex;
        knex.pid = 5;
        knex.application = u"knex-migrate"_s;
        knex.state = u"idle"_s;
        QCOMPARE(MigrationLocks::classifyLockRow(MigrationTool::Knex, {}, {}, { knex }).state,
            State::Stale);
        knex.state = u"idle in transaction"_s;
        knex.transactionSeconds = 0.5;
        QCOMPARE(MigrationLocks::classifyLockRow(MigrationTool::Knex, {}, {}, { knex }).state,
            State::InProgress);
        LockHolder psql;
        psql.pid = 6;
        psql.application = u"psql"_s;
        psql.state = u"active"_s;
        QCOMPARE(MigrationLocks::classifyLockRow(MigrationTool::Knex, {}, {}, { psql }).state,
            State::Stale);
    }
};

QTEST_GUILESS_MAIN(TestMigrationLocks)
#include "tst_migrationlocks.moc"
