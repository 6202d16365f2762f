// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/lockscheck.h"

#include "engine/dbsession.h"
#include "postgres/blockingtree.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

QString describe(const LockThresholds &t)
{
    return u"lock wait warn %1 s, fail %2 s; prepared transaction warn %3 s"_s.arg(
        number(t.waitWarnSec), number(t.waitFailSec), number(t.preparedTransactionWarnSec));
}

double oneDecimal(double v)
{
    return qRound(v * 10) / 10.0;
}

// The sessions of this database that wait for a lock, and, following pg_blocking_pids(),
// every session they wait for (a prepared transaction is pid 0 there). Every role sees
// pg_locks whole and pg_blocking_pids() for every pid; pg_stat_activity shows another
// role's state, times and query only to pg_read_all_stats (pg_monitor), so the wait is
// timed by pg_locks.waitstart (PostgreSQL 14 on; read through to_jsonb so that older
// servers, which lack the column, answer NULL instead of failing), else by state_change.
// The lock a blocker holds is its strongest granted lock on what its direct waiters ask for.
// pg_locks is scanned once (the CTE is used twice, so it is materialized), and
// pg_blocking_pids(), which takes every lock-manager partition lock, is called once per
// session of the chains, never per pair of rows.
const char16_t *sessionsSql = uR"(WITH RECURSIVE lk AS (
  SELECT l.*, (to_jsonb(l) ->> 'waitstart')::timestamptz AS since FROM pg_locks l
), waiter AS (
  SELECT w.*, pg_blocking_pids(w.pid) AS blockers
  FROM lk w JOIN pg_stat_get_activity(NULL) a ON a.pid = w.pid
  WHERE NOT w.granted AND w.pid <> pg_backend_pid()
    AND a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
), chain(pid, blockers) AS (
  SELECT pid, blockers FROM waiter
  UNION
  SELECT b, CASE WHEN b <> 0 THEN pg_blocking_pids(b) ELSE '{}' END
  FROM chain, unnest(chain.blockers) AS b
  WHERE b NOT IN (SELECT pid FROM waiter)
), held AS (
  SELECT DISTINCT ON (COALESCE(h.pid, 0)) COALESCE(h.pid, 0) AS pid, h.mode, h.locktype,
    h.relation
  FROM waiter w JOIN lk h ON h.granted
   AND (h.pid = ANY (w.blockers) OR (h.pid IS NULL AND 0 = ANY (w.blockers)))
   AND h.locktype = w.locktype AND h.database IS NOT DISTINCT FROM w.database
   AND h.relation IS NOT DISTINCT FROM w.relation AND h.page IS NOT DISTINCT FROM w.page
   AND h.tuple IS NOT DISTINCT FROM w.tuple AND h.virtualxid IS NOT DISTINCT FROM w.virtualxid
   AND h.transactionid IS NOT DISTINCT FROM w.transactionid
   AND h.classid IS NOT DISTINCT FROM w.classid AND h.objid IS NOT DISTINCT FROM w.objid
   AND h.objsubid IS NOT DISTINCT FROM w.objsubid
  ORDER BY COALESCE(h.pid, 0), array_position(ARRAY['AccessShareLock', 'RowShareLock',
    'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock',
    'ExclusiveLock', 'AccessExclusiveLock'], h.mode) DESC NULLS LAST
)
SELECT DISTINCT ON (c.pid) c.pid, array_to_string(c.blockers, ','), a.usename::text,
  a.application_name,
  CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr)
       WHEN a.client_port = -1 THEN 'local' END,
  a.state,
  EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start)::float8,
  CASE WHEN w.pid IS NOT NULL THEN
    EXTRACT(EPOCH FROM clock_timestamp() - COALESCE(w.since, a.state_change))::float8 END,
  to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  CASE WHEN a.query <> '<insufficient privilege>' THEN left(a.query, 500) END,
  COALESCE(w.mode, h.mode),
  CASE WHEN COALESCE(w.locktype, h.locktype) <> 'relation' THEN COALESCE(w.locktype, h.locktype)
    ELSE COALESCE((SELECT format('%I.%I', n.nspname, r.relname) FROM pg_class r
      JOIN pg_namespace n ON n.oid = r.relnamespace
      WHERE r.oid = COALESCE(w.relation, h.relation)), COALESCE(w.relation, h.relation)::text)
  END,
  w.pid IS NOT NULL
FROM chain c
LEFT JOIN waiter w ON w.pid = c.pid
LEFT JOIN held h ON h.pid = c.pid
LEFT JOIN pg_stat_activity a ON a.pid = c.pid
ORDER BY c.pid)";

// This database's prepared transactions, oldest first: pg_prepared_xacts shows them to
// every role. The role's name as the server quotes it, for the GRANT in the message.
const char16_t *preparedSql
    = uR"(SELECT gid, owner::text, EXTRACT(EPOCH FROM clock_timestamp() - prepared)::float8
FROM pg_prepared_xacts WHERE database = current_database() ORDER BY prepared, gid)";
const char16_t *roleSql = u"SELECT format('%I', current_user)";

LockSession sessionFrom(const QVariantList &row)
{
    LockSession s;
    s.pid = row.value(0).toInt();
    for (const QString &p : row.value(1).toString().split(u',', Qt::SkipEmptyParts))
        s.blockedBy << p.toInt();
    s.user = row.value(2).toString();
    s.application = row.value(3).toString();
    s.client = row.value(4).toString();
    s.state = row.value(5).toString();
    s.transactionSeconds = row.value(6).isNull() ? -1 : row.value(6).toDouble();
    s.waitSeconds = qMax(0.0, row.value(7).toDouble());
    s.queryStart = QDateTime::fromString(row.value(8).toString(), Qt::ISODateWithMs);
    s.query = row.value(9).toString();
    s.lockMode = row.value(10).toString();
    s.relation = row.value(11).toString();
    s.waiting = row.value(12).toBool();
    return s;
}

struct Prepared
{
    QString gid;
    QString owner;
    double ageSeconds = 0;
};

// "pid 123 (app, idle in transaction 3600 s) holds RowExclusiveLock on public.t, 3 waiting"
QString describeRoot(const LockSession &s)
{
    QStringList about;
    about << (s.application.isEmpty() ? u"no application_name"_s : s.application);
    if (s.preparedTransaction)
        about << u"prepared %1 s ago"_s.arg(qRound(s.transactionSeconds));
    else if (s.state.isEmpty())
        about << u"state hidden"_s;
    else if (s.transactionSeconds >= 0)
        about << u"%1 %2 s"_s.arg(s.state).arg(qRound(s.transactionSeconds));
    else
        about << s.state;
    const QString who = s.preparedTransaction
        ? u"prepared transaction '%1' (%2)"_s.arg(s.query, s.user)
        : u"pid %1 (%2)"_s.arg(s.pid).arg(about.join(u", "_s));
    const QString lock = s.lockMode.isEmpty()
        ? QString()
        : u" holds %1 on %2"_s.arg(s.lockMode, s.relation.isEmpty() ? u"?"_s : s.relation);
    return u"%1%2, %3 waiting"_s.arg(who, lock).arg(s.waitersTotal);
}

} // namespace

QStringList LocksCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"locks"_s, u"migrations"_s };
}

QList<QueryGroup> LocksCheck::plan(const CheckContext &) const
{
    return { { QString::fromUtf16(sessionsSql), QString::fromUtf16(preparedSql),
        QString::fromUtf16(roleSql) } };
}

CheckResult LocksCheck::run(const CheckContext &ctx) const
{
    const LockThresholds &t = ctx.environment.locks;
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 3; ++i) {
        if (!answers.value(i).ok())
            return errorResult(ctx.environment.name, answers.value(i).error);
    }
    QList<Prepared> prepared;
    for (const QVariantList &row : answers.value(1).rows)
        prepared << Prepared { row.value(0).toString(), row.value(1).toString(),
            row.value(2).toDouble() };
    QStringList oldGids;
    for (const Prepared &p : std::as_const(prepared)) {
        if (p.ageSeconds >= t.preparedTransactionWarnSec)
            oldGids << p.gid;
    }
    const QString role = answers.value(2).value(0, 0).toString();

    QList<LockSession> read;
    for (const QVariantList &row : answers.value(0).rows) {
        LockSession s = sessionFrom(row);
        // pg_blocking_pids() names every prepared transaction pid 0: one node stands for
        // them, the oldest one's gid and owner (PostgreSQL cannot say which one blocks).
        if (s.pid == 0) {
            s.preparedTransaction = true;
            const Prepared p = prepared.value(0);
            s.query = p.gid;
            s.user = p.owner;
            s.transactionSeconds = p.ageSeconds;
            s.state = u"prepared"_s;
        }
        read << s;
    }
    QList<LockSession> sessions = BlockingTree::build(read, t.waitWarnSec);
    const bool preparedListed = std::any_of(sessions.cbegin(), sessions.cend(),
        [](const LockSession &s) { return s.preparedTransaction; });
    if (!oldGids.isEmpty() && !preparedListed) {
        // An old prepared transaction nobody waits for yet: a root with nothing behind it.
        LockSession s;
        s.preparedTransaction = true;
        s.query = prepared.first().gid;
        s.user = prepared.first().owner;
        s.transactionSeconds = prepared.first().ageSeconds;
        s.state = u"prepared"_s;
        sessions.prepend(s);
    }

    int waiting = 0;
    int blockedDdl = 0;
    int hidden = 0;
    double longest = 0;
    const LockSession *ddl = nullptr;
    for (const LockSession &s : std::as_const(sessions)) {
        if (s.waiting) {
            longest = qMax(longest, s.waitSeconds);
            if (s.waitSeconds >= t.waitWarnSec)
                ++waiting;
        }
        if (s.ddl) {
            ++blockedDdl;
            if (!ddl || s.waitersTotal > ddl->waitersTotal)
                ddl = &s;
        }
        if (!s.preparedTransaction && s.state.isEmpty())
            ++hidden;
    }
    // The roots something waits for; an old prepared transaction alone is no blocker yet,
    // but is named as the root when there is no other.
    const QList<LockSession> allRoots = BlockingTree::roots(sessions);
    QList<LockSession> roots;
    for (const LockSession &s : allRoots) {
        if (s.waitersTotal > 0)
            roots << s;
    }
    const LockSession *root = !roots.isEmpty() ? &roots.first()
        : allRoots.isEmpty()                   ? nullptr
                                               : &allRoots.first();

    CheckStatus status = CheckStatus::Pass;
    QStringList findings;
    if (waiting > 0) {
        status = longest >= t.waitFailSec ? CheckStatus::Fail : CheckStatus::Warn;
        findings << u"%1 %2 waiting for a lock over %3 s (longest %4 s)"_s.arg(waiting)
                        .arg(waiting == 1 ? u"session"_s : u"sessions"_s)
                        .arg(number(t.waitWarnSec))
                        .arg(number(oneDecimal(longest)));
        if (root)
            findings << u"root blocker: "_s + describeRoot(*root);
        if (ddl) {
            findings << u"blocked migration: pid %1 waits for %2 on %3 with %4 queued behind it"_s
                            .arg(ddl->pid)
                            .arg(ddl->lockMode, ddl->relation)
                            .arg(ddl->waitersTotal);
        }
    }
    if (!oldGids.isEmpty()) {
        if (status == CheckStatus::Pass)
            status = CheckStatus::Warn;
        findings << u"%1 prepared %2 older than %3 s (%4)"_s.arg(oldGids.size())
                        .arg(oldGids.size() == 1 ? u"transaction"_s : u"transactions"_s)
                        .arg(number(t.preparedTransactionWarnSec))
                        .arg(oldGids.join(u", "_s));
    }
    QString message = findings.isEmpty()
        ? u"no session has waited for a lock over %1 s"_s.arg(number(t.waitWarnSec))
        : findings.join(u"; "_s);
    if (hidden > 0) {
        message += u"; cannot see the state and query of %1 %2 in the chains; GRANT pg_monitor "
                   "TO %3"_s.arg(hidden)
                       .arg(hidden == 1 ? u"session"_s : u"sessions"_s)
                       .arg(role);
    }

    CheckResult r = result(ctx, status, message);
    const bool rootIsSession = root && !root->preparedTransaction;
    r.evidence << qMakePair(u"RootBlockers"_s, QVariant(int(roots.size())))
               << qMakePair(u"Waiting"_s, QVariant(waiting))
               << qMakePair(u"LongestWaitSeconds"_s, QVariant(oneDecimal(longest)))
               << qMakePair(u"BlockedDdl"_s, QVariant(blockedDdl))
               << qMakePair(u"PreparedTransactions"_s, QVariant(int(oldGids.size())))
               << qMakePair(u"RootBlocker"_s, QVariant(root ? describeRoot(*root) : QString()))
               << qMakePair(u"RootBlockerPid"_s,
                      rootIsSession ? QVariant(root->pid) : QVariant(QMetaType(QMetaType::Int)))
               << qMakePair(u"RootBlockerUser"_s, QVariant(root ? root->user : QString()))
               << qMakePair(u"BlockedDdlUser"_s, QVariant(ddl ? ddl->user : QString()))
               << qMakePair(u"PreparedTransactionIds"_s, QVariant(oldGids))
               << qMakePair(u"Hidden"_s, QVariant(hidden))
               << qMakePair(u"Thresholds"_s, QVariant(describe(t)));
    r.details = QVariant::fromValue(sessions);
    return r;
}
