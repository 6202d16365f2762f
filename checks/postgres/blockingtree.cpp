// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/blockingtree.h"

#include "migrations/sqllexer.h"

#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace BlockingTree {

namespace {

// The sessions waiting behind pid, directly or not, through waitersOf (pid -> the sessions
// whose blockedBy names it). A set, so a deadlock cycle ends.
QSet<int> behind(int pid, const QHash<int, QList<int>> &waitersOf)
{
    QSet<int> seen;
    QList<int> todo = waitersOf.value(pid);
    while (!todo.isEmpty()) {
        const int next = todo.takeLast();
        if (next == pid || seen.contains(next))
            continue;
        seen.insert(next);
        todo += waitersOf.value(next);
    }
    return seen;
}

} // namespace

QList<LockSession> build(const QList<LockSession> &sessions, double minWaitSec)
{
    QHash<int, LockSession> byPid;
    for (const LockSession &s : sessions)
        byPid.insert(s.pid, s);
    QHash<int, QList<int>> waitersOf;
    QHash<int, QList<int>> linked; // both directions: the chains are the linked components
    for (LockSession &s : byPid) {
        QList<int> known;
        for (int b : std::as_const(s.blockedBy)) {
            if (byPid.contains(b) && b != s.pid && !known.contains(b))
                known << b;
        }
        s.blockedBy = known;
        s.ddl = s.waiting && isDdl(s.query, s.lockMode);
        for (int b : known) {
            waitersOf[b] << s.pid;
            linked[b] << s.pid;
            linked[s.pid] << b;
        }
    }
    // The chains with a long wait, each taken whole.
    QSet<int> keep;
    for (const LockSession &s : std::as_const(byPid)) {
        if (!s.waiting || s.waitSeconds < minWaitSec || keep.contains(s.pid))
            continue;
        QList<int> todo { s.pid };
        while (!todo.isEmpty()) {
            const int next = todo.takeLast();
            if (keep.contains(next))
                continue;
            keep.insert(next);
            todo += linked.value(next);
        }
    }
    QList<LockSession> out;
    for (int pid : std::as_const(keep)) {
        LockSession s = byPid.value(pid);
        s.waitersDirect = int(waitersOf.value(pid).size());
        s.waitersTotal = int(behind(pid, waitersOf).size());
        out << s;
    }
    std::sort(out.begin(), out.end(), [](const LockSession &a, const LockSession &b) {
        const bool aRoot = a.blockedBy.isEmpty();
        if (aRoot != b.blockedBy.isEmpty())
            return aRoot;
        if (aRoot && a.waitersTotal != b.waitersTotal)
            return a.waitersTotal > b.waitersTotal;
        if (!aRoot && a.waitSeconds != b.waitSeconds)
            return a.waitSeconds > b.waitSeconds;
        return a.pid < b.pid;
    });
    return out;
}

QList<LockSession> roots(const QList<LockSession> &sessions)
{
    QList<LockSession> out;
    for (const LockSession &s : sessions) {
        if (s.blockedBy.isEmpty())
            out << s;
    }
    return out;
}

bool isDdl(const QString &query, const QString &waitedMode)
{
    if (query.isEmpty())
        return waitedMode == u"AccessExclusiveLock";
    static const QSet<QString> ddl { u"ALTER"_s, u"CREATE"_s, u"DROP"_s, u"TRUNCATE"_s,
        u"REINDEX"_s, u"CLUSTER"_s, u"VACUUM"_s, u"REFRESH"_s, u"LOCK"_s };
    // The SQL lexer of the migration readers: it skips comments and strings, so a
    // "-- drop later" comment or a 'DROP' literal is not a schema change.
    SqlLex::SqlLexer lexer(query);
    bool statementStart = true;
    for (SqlLex::Token t = lexer.next(); t.type != SqlLex::Token::End; t = lexer.next()) {
        if (statementStart && t.type == SqlLex::Token::Word
            && ddl.contains(t.text.toString().toUpper()))
            return true;
        statementStart = t.type == SqlLex::Token::Symbol && t.text == u";";
    }
    return false;
}

} // namespace BlockingTree
