// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationtool.h"

#include <QList>
#include <QString>

// Who is migrating now, and which migration lock was left behind: the locks the tools take
// while they migrate (facts: ../shared/reference/migration-histories.md, each key checked
// against the tool's source, cited below), and how a history is judged from what the
// catalog shows of them. Pure logic; the statements are in migrationlockprobe.h.

// The session behind a lock, from pg_stat_activity. Fields the role may not see (another
// role's session without pg_read_all_stats) are empty or negative.
struct LockHolder
{
    int pid = 0; // 0: no session (a lock row nobody holds, a prepared transaction)
    QString application; // application_name
    QString client; // client_addr; empty for a Unix socket or when hidden
    QString clientHostName; // client_hostname (log_hostname on), else empty
    QString state; // "active", "idle in transaction" ...; empty when hidden
    double transactionSeconds = -1; // since xact_start; -1 when not in a transaction
    double idleSeconds = -1; // since state_change, when the state is an idle one
    QString queryStart; // ISO 8601 with offset; empty when hidden
    QString user;
};

// One row of pg_locks the probe returned: a relation lock on a history (or lock) table, or
// an advisory lock, of another session in this database.
struct LockSighting
{
    enum class Kind { Relation, Advisory };
    Kind kind = Kind::Relation;
    QString schema; // Relation: the table's
    QString table;
    // Advisory, taken with a bigint key (objsubid 1): the key, (classid << 32) | objid.
    // PostgreSQL splits a bigint key so (src/backend/utils/adt/lockfuncs.c, SET_LOCKTAG_INT64).
    qint64 key = 0;
    bool bigintKey = false; // false: two int4 keys (objsubid 2), no tool here uses those
    QString mode; // "AccessExclusiveLock", "ExclusiveLock" ...
    bool granted = false;
    LockHolder holder;
};

// What the check found about one history's migration lock.
struct MigrationLock
{
    enum class State { None, InProgress, Stale };
    State state = State::None;
    QString kind; // "relation" | "advisory" | "lock-row" (evidence LockKind)
    bool hasHolder = false; // false: a lock row with no session found behind it
    LockHolder holder;
    // What was seen, for people: "holds AccessExclusiveLock on public.__EFMigrationsHistory",
    // "holds Flyway's advisory lock 77431999361823", "databasechangeloglock.locked since ...".
    QString detail;
    // Another session holds or waits for ACCESS EXCLUSIVE on the history itself: a SELECT
    // would wait behind it, so the history is not read in this run.
    bool blocksReading = false;

    bool isSet() const { return state != State::None; }
    // "in-progress" | "stale" (evidence MigrationLock); empty for None.
    QString stateKey() const;
};

namespace MigrationLocks {
// PostgreSQL's split of a bigint advisory key in pg_locks: classid the high 32 bits, objid
// the low 32 bits (both oid, unsigned), objsubid 1.
quint32 classId(qint64 key);
quint32 objId(qint64 key);
qint64 joinKey(quint32 classid, quint32 objid);

// Java's String.hashCode() over UTF-16 code units (s[0]*31^(n-1) + ... in int arithmetic).
qint32 javaHashCode(const QString &text);
// zlib's crc32 (IEEE) of the UTF-8 bytes.
quint32 crc32(const QByteArray &bytes);

// Flyway: 0x466C79776179 ("Flyway") + the history Table's toString().hashCode(), where
// toString() is the quoted "schema"."table" (flyway-database-postgresql
// PostgreSQLAdvisoryLockTemplate.java LOCK_MAGIC_NUM, PostgreSQLConnection.lock(); core
// SchemaObject.toString(), PostgreSQLDatabase.doQuote()). Taken with pg_try_advisory_lock or,
// with postgresql.transactional.lock, pg_try_advisory_xact_lock: the same key.
qint64 flywayKey(const QString &schema, const QString &table);
// Prisma Migrate: pg_advisory_lock(72707369) (prisma-engines schema-engine/connectors/
// sql-schema-connector/src/flavour/postgres.rs, acquire_lock).
qint64 prismaKey();
// Rails: MIGRATOR_SALT 2053462845 * Zlib.crc32(current_database), a Ruby Integer (no wrap;
// at most 63 bits) (activerecord lib/active_record/migration.rb,
// generate_migrator_advisory_lock_id; activerecord 7.2.2 of Debian 13 has it so).
qint64 railsKey(const QString &database);
// golang-migrate: crc32(database \0 schema \0 table) * 1486364155 in uint32 arithmetic
// (database/util.go GenerateAdvisoryLockId; database/postgres/postgres.go Lock() passes
// DatabaseName, migrationsSchemaName, migrationsTableName). Older releases hashed the
// database name alone: legacy = true.
qint64 golangMigrateKey(
    const QString &database, const QString &schema, const QString &table, bool legacy = false);
// goose's session locker: 4097083626 (crc32 of "goose") since v3.26.0 (lock/
// session_locker_options.go DefaultLockID, commit 57d20f1, 2025-09), 5887940537704921958
// (crc64 ECMA of "goose") from v3.16 to v3.25.
QList<qint64> gooseKeys();

// The advisory keys TOOL takes while it migrates the history SCHEMA.TABLE in DATABASE;
// empty for tools that take none (EF Core locks its table, Liquibase and Knex set a row).
QList<qint64> advisoryKeys(
    MigrationTool tool, const QString &database, const QString &schema, const QString &table);
// The lock table TOOL keeps beside its history: "databasechangeloglock" (Liquibase),
// "knex_migrations_lock" (Knex); empty for the others.
QString lockTableOf(MigrationTool tool);

// The history's migration lock among the probe's sightings (locks of other sessions in
// database DATABASE): a relation lock stronger than ACCESS SHARE on the history or its
// lock table (held, or awaited: a migration waiting to start), else an advisory lock with
// one of the tool's keys. In progress, unless the holder has been idle (in a transaction
// or not) for STALEIDLESECONDS or more: then stale, a session that holds the lock and does
// nothing. A holder that is granted wins over one that waits.
MigrationLock classify(const QList<LockSighting> &sightings, MigrationTool tool,
    const QString &database, const QString &schema, const QString &table, double staleIdleSeconds);

// Liquibase's lockedby, "<host> (<address>)" or "<host><hostDescription> (<address>)"
// (liquibase-standard LockDatabaseChangeLogGenerator): the host and the address, either
// empty when the text has no such part.
void splitLockedBy(const QString &lockedBy, QString *host, QString *address);
// A set lock row (databasechangeloglock.locked, knex_migrations_lock.is_locked) judged by
// the client sessions of the database (SESSIONS: other sessions, not doctor's own).
// Liquibase: live when a session comes from lockedby's address or host name; the lock is
// taken for the whole update on the connection that runs it. Knex records no holder, so:
// live when a session that may be Knex's (application_name empty, as node-postgres leaves
// it, or naming knex or node) is active or inside a transaction; otherwise stale. (By
// default Knex sets the flag inside its migration transaction: a running knex 3 shows as
// its RowExclusiveLock on knex_migrations_lock, seen by classify(), with application_name
// empty; a flag left at 1 comes from a killed run with disableTransactions.) Behind a pooler or
// proxy the addresses are the pooler's: the result says which address was looked for, so a DBA can
// judge.
MigrationLock classifyLockRow(MigrationTool tool, const QString &lockedBy, const QString &grantedAt,
    const QList<LockHolder> &sessions);
} // namespace MigrationLocks
