// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/migrationlocks.h"

#include <QRegularExpression>
#include <zlib.h>

using namespace Qt::StringLiterals;

QString MigrationLock::stateKey() const
{
    switch (state) {
    case State::InProgress:
        return u"in-progress"_s;
    case State::Stale:
        return u"stale"_s;
    case State::None:
        break;
    }
    return {};
}

namespace {

bool isIdle(const QString &state)
{
    return state.startsWith(u"idle"); // "idle", "idle in transaction", "... (aborted)"
}

// A Knex migration run's session, as far as the catalog can tell (see classifyLockRow()).
bool mayBeKnex(const LockHolder &s)
{
    static const QRegularExpression names(
        u"knex|node"_s, QRegularExpression::CaseInsensitiveOption);
    const bool busy = s.state == u"active" || s.transactionSeconds >= 0;
    return busy && (s.application.isEmpty() || names.match(s.application).hasMatch());
}

QString holderText(const LockSighting &s)
{
    return s.granted ? u"holds"_s : u"waits for"_s;
}

} // namespace

namespace MigrationLocks {

quint32 classId(qint64 key)
{
    return quint32(quint64(key) >> 32);
}

quint32 objId(qint64 key)
{
    return quint32(quint64(key) & 0xffffffffu);
}

qint64 joinKey(quint32 classid, quint32 objid)
{
    return qint64((quint64(classid) << 32) | quint64(objid));
}

qint32 javaHashCode(const QString &text)
{
    quint32 h = 0; // Java's int overflow is two's complement wrap: unsigned arithmetic here
    for (const QChar c : text)
        h = 31 * h + c.unicode();
    return qint32(h);
}

quint32 crc32(const QByteArray &bytes)
{
    return quint32(::crc32(
        ::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(bytes.data()), uInt(bytes.size())));
}

qint64 flywayKey(const QString &schema, const QString &table)
{
    constexpr qint64 flyway = 0x466C79776179; // "Flyway" in ASCII
    const auto quote = [](QString name) { return u'"' + name.replace(u'"', u"\"\""_s) + u'"'; };
    return flyway + qint64(javaHashCode(quote(schema) + u'.' + quote(table)));
}

qint64 prismaKey()
{
    return 72707369;
}

qint64 railsKey(const QString &database)
{
    return qint64(2053462845) * qint64(crc32(database.toUtf8()));
}

qint64 golangMigrateKey(
    const QString &database, const QString &schema, const QString &table, bool legacy)
{
    QByteArray names = database.toUtf8();
    if (!legacy)
        names += '\0' + schema.toUtf8() + '\0' + table.toUtf8();
    return qint64(quint32(crc32(names) * quint32(1486364155))); // Go's uint32 wraps
}

QList<qint64> gooseKeys()
{
    return { 4097083626, 5887940537704921958 };
}

QList<qint64> advisoryKeys(
    MigrationTool tool, const QString &database, const QString &schema, const QString &table)
{
    switch (tool) {
    case MigrationTool::Flyway:
        return { flywayKey(schema, table) };
    case MigrationTool::Prisma:
        return { prismaKey() };
    case MigrationTool::Rails:
        return { railsKey(database) };
    case MigrationTool::GolangMigrate:
        return { golangMigrateKey(database, schema, table),
            golangMigrateKey(database, schema, table, true) };
    case MigrationTool::Goose:
        return gooseKeys();
    default:
        return {};
    }
}

QString lockTableOf(MigrationTool tool)
{
    if (tool == MigrationTool::Liquibase)
        return u"databasechangeloglock"_s;
    if (tool == MigrationTool::Knex)
        return u"knex_migrations_lock"_s;
    return {};
}

MigrationLock classify(const QList<LockSighting> &sightings, MigrationTool tool,
    const QString &database, const QString &schema, const QString &table, double staleIdleSeconds)
{
    const QString lockTable = lockTableOf(tool);
    const QList<qint64> keys = advisoryKeys(tool, database, schema, table);
    const LockSighting *best = nullptr;
    bool blocks = false;
    for (const LockSighting &s : sightings) {
        bool ours = false;
        if (s.kind == LockSighting::Kind::Relation) {
            // ACCESS SHARE is a reader (a dump, another doctor), not a migration.
            ours = s.schema == schema && (s.table == table || s.table == lockTable)
                && s.mode != u"AccessShareLock";
            if (ours && s.table == table && s.mode == u"AccessExclusiveLock")
                blocks = true;
        } else {
            ours = s.bigintKey && keys.contains(s.key);
        }
        // A granted holder says more than a waiter; a relation lock more than an advisory one.
        if (ours && (!best || (s.granted && !best->granted)))
            best = &s;
    }
    MigrationLock lock;
    if (!best)
        return lock;
    lock.blocksReading = blocks;
    lock.hasHolder = best->holder.pid != 0;
    lock.holder = best->holder;
    const bool relation = best->kind == LockSighting::Kind::Relation;
    lock.kind = relation ? u"relation"_s : u"advisory"_s;
    lock.detail = relation
        ? u"%1 %2 on %3.%4"_s.arg(holderText(*best), best->mode, best->schema, best->table)
        : u"%1 %2's advisory lock %3"_s.arg(
              holderText(*best), MigrationTools::displayName(tool), QString::number(best->key));
    const bool stuck = best->granted && isIdle(best->holder.state)
        && best->holder.idleSeconds >= staleIdleSeconds;
    lock.state = stuck ? MigrationLock::State::Stale : MigrationLock::State::InProgress;
    return lock;
}

void splitLockedBy(const QString &lockedBy, QString *host, QString *address)
{
    static const QRegularExpression re(u"^(.*?)\\s*\\(([^()]*)\\)\\s*$"_s);
    const QRegularExpressionMatch m = re.match(lockedBy);
    *host = m.hasMatch() ? m.captured(1).trimmed() : lockedBy.trimmed();
    *address = m.hasMatch() ? m.captured(2).trimmed() : QString();
}

MigrationLock classifyLockRow(MigrationTool tool, const QString &lockedBy, const QString &grantedAt,
    const QList<LockHolder> &sessions)
{
    MigrationLock lock;
    lock.kind = u"lock-row"_s;
    const LockHolder *live = nullptr;
    if (tool == MigrationTool::Liquibase) {
        QString host;
        QString address;
        splitLockedBy(lockedBy, &host, &address);
        for (const LockHolder &s : sessions) {
            if ((!address.isEmpty() && s.client == address)
                || (!host.isEmpty() && s.clientHostName.compare(host, Qt::CaseInsensitive) == 0)) {
                live = &s;
                break;
            }
        }
        lock.detail = u"databasechangeloglock.locked is true (locked by %1%2)"_s.arg(
            lockedBy.isEmpty() ? u"nobody recorded"_s : lockedBy,
            grantedAt.isEmpty() ? QString() : u" since "_s + grantedAt);
        if (!live)
            lock.detail += u"; no session of this database comes from %1"_s.arg(
                address.isEmpty() ? (host.isEmpty() ? u"that host"_s : host) : address);
    } else {
        for (const LockHolder &s : sessions) {
            if (mayBeKnex(s)) {
                live = &s;
                break;
            }
        }
        lock.detail = u"knex_migrations_lock.is_locked is 1"_s;
        if (!live)
            lock.detail += u"; no session of this database that may be Knex's is running or "
                           "inside a transaction"_s;
    }
    lock.hasHolder = live != nullptr;
    if (live)
        lock.holder = *live;
    lock.state = live ? MigrationLock::State::InProgress : MigrationLock::State::Stale;
    return lock;
}

} // namespace MigrationLocks
