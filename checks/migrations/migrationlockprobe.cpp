// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/migrationlockprobe.h"

#include "engine/queryresult.h"

using namespace Qt::StringLiterals;

namespace {

// A session's columns, from pg_stat_activity aliased A (NULLs when there is none): pid,
// application_name, client address, client host name, state, seconds in the transaction,
// query start (ISO 8601 with offset), seconds since the state changed, user.
QString holderColumns()
{
    return u"a.pid, a.application_name::text, host(a.client_addr), a.client_hostname::text, "
           "a.state::text, extract(epoch FROM clock_timestamp() - a.xact_start)::float8, "
           "to_json(a.query_start)#>>'{}', "
           "extract(epoch FROM clock_timestamp() - a.state_change)::float8, a.usename::text"_s;
}
constexpr int HolderColumnCount = 9;

LockHolder holderAt(const QVariantList &row, int first)
{
    LockHolder h;
    h.pid = row.value(first).toInt();
    h.application = row.value(first + 1).toString();
    h.client = row.value(first + 2).toString();
    h.clientHostName = row.value(first + 3).toString();
    h.state = row.value(first + 4).toString();
    const QVariant xact = row.value(first + 5);
    h.transactionSeconds = xact.isNull() ? -1 : xact.toDouble();
    h.queryStart = row.value(first + 6).toString();
    const QVariant idle = row.value(first + 7);
    h.idleSeconds = idle.isNull() || !h.state.startsWith(u"idle") ? -1 : idle.toDouble();
    h.user = row.value(first + 8).toString();
    return h;
}

// Other client sessions of this database, as candidates for a lock row's holder.
QString otherSessions()
{
    return u"a.datname = current_database() AND a.pid <> pg_backend_pid() "
           "AND a.backend_type = 'client backend'"_s;
}

QString ident(QString name)
{
    return u'"' + name.replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

namespace MigrationLockProbe {

QString statement()
{
    const QStringList lockTables { MigrationLocks::lockTableOf(MigrationTool::Liquibase),
        MigrationLocks::lockTableOf(MigrationTool::Knex) };
    // pg_locks.database is the current database's oid for relation and advisory locks of
    // its tables (0 only for shared catalogs). A prepared transaction's locks have no pid.
    return u"SELECT l.locktype, n.nspname::text, c.relname::text, l.classid::bigint, "
           "l.objid::bigint, l.objsubid::int, l.mode, l.granted, "_s
        + holderColumns()
        + u", current_database()::text FROM pg_locks l "
          "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
          "LEFT JOIN pg_class c ON l.locktype = 'relation' AND c.oid = l.relation "
          "LEFT JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
          "AND l.pid IS DISTINCT FROM pg_backend_pid() "
          "AND (l.locktype = 'advisory' OR (l.locktype = 'relation' "
          "AND l.mode <> 'AccessShareLock' AND "_s
        + HistoryDetection::relationFilter(u"c"_s, lockTables)
        + u")) ORDER BY l.granted DESC, l.pid, l.locktype"_s;
}

Answer fromAnswer(const QueryResult &answer)
{
    Answer out;
    for (const QVariantList &row : answer.rows) {
        LockSighting s;
        const bool advisory = row.value(0).toString() == u"advisory";
        s.kind = advisory ? LockSighting::Kind::Advisory : LockSighting::Kind::Relation;
        s.schema = row.value(1).toString();
        s.table = row.value(2).toString();
        if (advisory) {
            s.bigintKey = row.value(5).toInt() == 1;
            s.key = MigrationLocks::joinKey(
                quint32(row.value(3).toLongLong()), quint32(row.value(4).toLongLong()));
        }
        s.mode = row.value(6).toString();
        s.granted = row.value(7).toBool();
        s.holder = holderAt(row, 8);
        out.database = row.value(8 + HolderColumnCount).toString();
        out.sightings << s;
    }
    return out;
}

QString lockRowStatement(const DetectedHistory &h)
{
    const QString table = MigrationLocks::lockTableOf(h.tool);
    if (table.isEmpty() || !h.siblings.contains(table))
        return {};
    const QString from = ident(h.schema) + u'.' + ident(table);
    // Columns as the tools create them (Liquibase: locked, lockedby, lockgranted; Knex:
    // is_locked); the catalog statement saw the table, its columns are the tool's.
    const QString set = h.tool == MigrationTool::Liquibase ? u"k.locked"_s : u"k.is_locked = 1"_s;
    const QString by = h.tool == MigrationTool::Liquibase ? u"k.lockedby::text"_s : u"NULL"_s;
    const QString at = h.tool == MigrationTool::Liquibase
        ? u"to_json(k.lockgranted::timestamptz)#>>'{}'"_s
        : u"NULL"_s;
    return u"SELECT %1, %2, "_s.arg(by, at) + holderColumns() + u" FROM "_s + from
        + u" k LEFT JOIN pg_stat_activity a ON "_s + otherSessions() + u" WHERE "_s + set
        + u" ORDER BY a.backend_start"_s;
}

MigrationLock fromLockRows(const DetectedHistory &h, const QueryResult &answer)
{
    if (answer.rows.isEmpty())
        return {};
    QList<LockHolder> sessions;
    for (const QVariantList &row : answer.rows) {
        if (!row.value(2).isNull())
            sessions << holderAt(row, 2);
    }
    const QVariantList &first = answer.rows.first();
    return MigrationLocks::classifyLockRow(
        h.tool, first.value(0).toString(), first.value(1).toString(), sessions);
}

} // namespace MigrationLockProbe
